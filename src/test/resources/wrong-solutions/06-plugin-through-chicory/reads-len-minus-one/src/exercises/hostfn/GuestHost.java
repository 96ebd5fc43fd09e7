package exercises.hostfn;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A host for a small guest: two host functions that give a Wasm module access to a world, and the
 * Chicory instance that links them to the module's imports.
 *
 * <p>The guest (see {@code test/exercises/hostfn/guest.wat}) imports, from module {@code env}:
 *
 * <pre>
 *   (import "env" "host_create_named" (func (param i32 i32) (result i32)))  ;; (ptr, len) -&gt; entity id
 *   (import "env" "host_entity_count" (func (result i32)))                  ;; () -&gt; number of entities
 * </pre>
 *
 * A module links only if every import is offered under exactly that module name, function name and
 * signature. Chicory passes each {@code i32} argument to a host function as a {@code long} (cast it
 * to {@code int}) and takes the results back as a {@code long[]} with one element per result.
 */
public final class GuestHost {
    private final EnttManager world;

    /** A host over {@code world}; the guest's calls change it. */
    public GuestHost(EnttManager world) {
        this.world = Objects.requireNonNull(world, "world");
    }

    /** The world the guest's calls reach. */
    public EnttManager world() {
        return world;
    }

    /**
     * Task 6.2: the host function {@code env.host_entity_count}, type {@code () -> i32}: returns
     * {@code world.entityCount()} to the guest.
     */
    public HostFunction entityCount() {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 6.2: build the HostFunction env.host_entity_count () -> i32 (see the README)");
        return new HostFunction("env", "host_entity_count", FunctionType.of(List.of(), List.of(ValType.I32)),
                (instance, args) -> new long[] {world.entityCount()});
        // END SOLUTION
    }

    /**
     * Task 6.3: the host function {@code env.host_create_named}, type {@code (i32 ptr, i32 len) -> i32}.
     * It reads the name the guest passed ({@code len} bytes of UTF-8 at {@code ptr} in the calling
     * instance's memory, no NUL) with {@link #readGuestString}, then creates an entity, gives it that
     * name, and returns the new entity's id to the guest.
     *
     * <p>Task 6.5: the name is read <em>before</em> the entity is created, so a bad pointer throws
     * {@link BadGuestPointerException} (naming {@code host_create_named}) and the world is unchanged.
     */
    public HostFunction createNamed() {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 6.3: build the HostFunction env.host_create_named (i32, i32) -> i32 (see the README)");
        return new HostFunction("env", "host_create_named",
                FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (instance, args) -> {
                    String name = readGuestString(instance.memory(), "host_create_named", (int) args[0], (int) args[1]);
                    int id = world.createEntity();
                    world.addName(id, name);
                    return new long[] {id};
                });
        // END SOLUTION
    }

    /**
     * Task 6.3 and 6.5: the {@code len} bytes at {@code ptr} in {@code memory}, decoded as UTF-8.
     *
     * <p>{@code ptr} and {@code len} are unsigned 32-bit values that arrived as {@code int}s. The
     * range {@code [ptr, ptr + len)} must end at or before the memory's size in bytes
     * ({@code memory.pages() * Memory.PAGE_SIZE}); compute the end in 64 bits, so a pointer near
     * 2^32 cannot wrap around to a small address. If it does not fit, throw
     * {@link BadGuestPointerException} for {@code function} before reading anything: never let
     * Chicory's own out-of-bounds exception escape.
     *
     * @param function the host function doing the reading, for the exception's message
     * @throws BadGuestPointerException if the range is not inside memory
     */
    public static String readGuestString(Memory memory, String function, int ptr, int len) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 6.3/6.5: check the range, then read len bytes at ptr as UTF-8 (see the README)");
        long size = (long) memory.pages() * Memory.PAGE_SIZE;
        long start = Integer.toUnsignedLong(ptr);
        long length = Integer.toUnsignedLong(len);
        if (start + length > size) {
            throw new BadGuestPointerException(function, ptr, len, size);
        }
        return new String(memory.readBytes(ptr, len - 1), StandardCharsets.UTF_8); // as if len counted a NUL
        // END SOLUTION
    }

    /**
     * Task 6.1: instantiates {@code module} with this host's two functions as its imports (an
     * {@code ImportValues} holding {@link #createNamed()} and {@link #entityCount()}), in Chicory's
     * interpreter (the default; nothing to configure). Chicory checks every import while it builds
     * the instance and refuses a module whose imports it cannot satisfy.
     *
     * @return the linked instance, ready for {@code instance.export("...").apply(...)}
     */
    public Instance instantiate(WasmModule module) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 6.1: build ImportValues with both host functions, then Instance.builder(module) (see the README)");
        ImportValues imports = ImportValues.builder().addFunction(createNamed(), entityCount()).build();
        return Instance.builder(module).withImportValues(imports).build();
        // END SOLUTION
    }
}
