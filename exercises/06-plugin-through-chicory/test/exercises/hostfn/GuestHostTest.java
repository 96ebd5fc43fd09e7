package exercises.hostfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.grader.Task;
import dev.ecswasm.world.EnttManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuestHostTest {
    /** guest.wasm, compiled from guest.wat beside this file; parsed once for the whole class. */
    private static WasmModule guest;

    private final EnttManager world = new EnttManager();
    private final GuestHost host = new GuestHost(world);

    @BeforeAll
    static void parseGuest() throws IOException {
        try (InputStream in = GuestHostTest.class.getResourceAsStream("guest.wasm")) {
            if (in == null) {
                throw new IllegalStateException("guest.wasm is not on the class path next to GuestHostTest");
            }
            guest = Parser.parse(in);
        }
    }

    // ---------------------------------------------------------------- 6.1 linking

    @Test
    @Task(id = "6.1", points = 1)
    @DisplayName("the host functions are env.host_create_named (i32, i32) -> i32 and env.host_entity_count () -> i32")
    void namesAndSignatures() {
        assertFunction(host.createNamed(), "host_create_named", List.of(ValType.I32, ValType.I32));
        assertFunction(host.entityCount(), "host_entity_count", List.of());
    }

    @Test
    @Task(id = "6.1", points = 2)
    @DisplayName("instantiate links guest.wasm: every import it declares is satisfied, and its memory is there")
    void links() {
        Instance instance = instantiate();
        if (instance == null) {
            fail("instantiate(module) returned null; expected the linked Instance");
        }
        Memory memory = instance.memory();
        if (memory == null) {
            fail("the instance has no memory; build it with Instance.builder(module) from the module you were given");
        }
        assertEquals(1, memory.pages(), () -> "guest.wasm declares 1 page of memory, the instance has " + memory.pages());
    }

    // ---------------------------------------------------------------- 6.2 host_entity_count

    @Test
    @Task(id = "6.2", points = 2)
    @DisplayName("the guest's count() gets world.entityCount() through host_entity_count: 0, then 3, then 2")
    void entityCount() {
        Instance instance = instantiate();
        assertEquals(0, call(instance, "count"), () -> "count() on an empty world");
        int first = world.createEntity();
        world.createEntity();
        world.createEntity();
        assertEquals(3, call(instance, "count"), () -> "count() after the test created 3 entities in the world");
        world.destroyEntity(first);
        assertEquals(2, call(instance, "count"), () -> "count() after the test destroyed one of the 3");
    }

    // ---------------------------------------------------------------- 6.3 host_create_named

    @Test
    @Task(id = "6.3", points = 1)
    @DisplayName("create_bob() makes one entity named exactly \"Bob\" and returns its id")
    void createBob() {
        Instance instance = instantiate();
        int id = call(instance, "create_bob");
        assertEquals(1, world.entityCount(), () -> "create_bob() should create one entity; the world holds "
                + world.entityCount());
        assertNamed(id, "Bob", "create_bob() passes (1024, 3), the bytes 42 6F 62");
    }

    @Test
    @Task(id = "6.3", points = 1)
    @DisplayName("create_zoe() stores \"Zoë 🦀\" exactly: 9 bytes of UTF-8 with 2- and 4-byte characters")
    void createZoe() {
        Instance instance = instantiate();
        int id = call(instance, "create_zoe");
        assertNamed(id, "Zoë 🦀", "create_zoe() passes (1040, 9), the bytes 5A 6F C3 AB 20 F0 9F A6 80");
    }

    @Test
    @Task(id = "6.3", points = 1)
    @DisplayName("create_named(ptr, len) reads the name from wherever the guest points, even ending at the last byte")
    void createAnywhere() {
        Instance instance = instantiate();
        byte[] ada = "Ada Lovelace".getBytes(StandardCharsets.UTF_8);
        instance.memory().write(3000, ada);
        int ada1 = call(instance, "create_named", 3000, ada.length);
        assertNamed(ada1, "Ada Lovelace", "create_named(3000, 12) after the test wrote \"Ada Lovelace\" at 3000");
        int end = 65536 - 3;
        instance.memory().write(end, "Eve".getBytes(StandardCharsets.UTF_8));
        int eve;
        try {
            eve = call(instance, "create_named", end, 3);
        } catch (BadGuestPointerException e) {
            fail("create_named(65533, 3) ends exactly at the end of the 65536-byte memory, which is allowed; got " + e);
            return;
        }
        assertNamed(eve, "Eve", "create_named(65533, 3): the last 3 bytes of memory");
        int empty = call(instance, "create_named", 4000, 0);
        assertNamed(empty, "", "create_named(4000, 0): a name of length 0 is the empty string");
    }

    @Test
    @Task(id = "6.3", points = 1)
    @DisplayName("readGuestString reads exactly len bytes at ptr, as UTF-8")
    void readGuestString() {
        Memory memory = new ByteArrayMemory(new MemoryLimits(1));
        memory.write(100, "xx€uroxx".getBytes(StandardCharsets.UTF_8));
        String read = GuestHost.readGuestString(memory, "test", 102, 6);
        assertEquals("€uro", read, () -> "readGuestString(memory, \"test\", 102, 6) over the bytes of \"xx€uroxx\" at 100"
                + " (€ is E2 82 AC): expected \"€uro\", got \"" + read + "\"");
    }

    // ---------------------------------------------------------------- 6.4 values back to the guest

    @Test
    @Task(id = "6.4", points = 2)
    @DisplayName("the guest gets the new id and the count back: create_and_count() keeps Bob's id and returns the count")
    void valuesComeBack() {
        int a = world.createEntity();
        world.createEntity();
        world.destroyEntity(a); // the next entity reuses a's slot with a new version: its id is not a small number
        Instance instance = instantiate();
        int count = call(instance, "create_and_count");
        assertEquals(2, count, () -> "create_and_count() returns what host_entity_count() gave the guest after it"
                + " created Bob: the world held 1 entity, then 2");
        int kept = call(instance, "last_id");
        Optional<Integer> bob = Arrays.stream(world.entities()).boxed()
                .filter(id -> world.getName(id).orElse("").equals("Bob")).findFirst();
        if (bob.isEmpty()) {
            fail("create_and_count() should have created an entity named Bob; the world has none");
        }
        assertEquals(bob.get(), kept, () -> "the guest kept the id host_create_named returned: expected Bob's id "
                + bob.get() + " (0x" + Integer.toHexString(bob.get()) + "), the guest got " + kept);
    }

    // ---------------------------------------------------------------- 6.5 bad pointers

    @Test
    @Task(id = "6.5", points = 2)
    @DisplayName("a pointer past the end of memory throws BadGuestPointerException naming host_create_named; no entity is made")
    void pastTheEnd() {
        Instance instance = instantiate();
        world.createEntity();
        assertRefused(instance, "create_out_of_bounds", "(65534, 8) runs 6 bytes past the end of the 65536-byte memory");
        assertRefused(instance, "create_named", "(16, 0xFFFFFFFF): a length of 4294967295 bytes, read unsigned", 16, -1);
    }

    @Test
    @Task(id = "6.5", points = 1)
    @DisplayName("a pointer that wraps past 2^32 (0xFFFFFFF0 + 32) is refused too: the range is checked in 64 bits")
    void wrapping() {
        Instance instance = instantiate();
        assertRefused(instance, "create_wrapping", "(0xFFFFFFF0, 32): 4294967280 + 32 wraps to 16 in 32-bit arithmetic");
    }

    @Test
    @Task(id = "6.5", points = 1)
    @DisplayName("after a refused call the same instance still works: create_bob() succeeds")
    void usableAfterTrap() {
        Instance instance = instantiate();
        assertRefused(instance, "create_out_of_bounds", "(65534, 8) runs past the end of memory");
        int id = call(instance, "create_bob");
        assertNamed(id, "Bob", "create_bob() after the refused call");
        assertEquals(1, world.entityCount(), () -> "only Bob should exist after one refused call and create_bob()");
    }

    // ---------------------------------------------------------------- helpers

    private Instance instantiate() {
        try {
            return host.instantiate(guest);
        } catch (UnsupportedOperationException stub) {
            throw stub;
        } catch (RuntimeException e) {
            fail("instantiate(guest.wasm) failed: " + e + "\n  the module imports: " + imports()
                    + "\n  offer each under exactly that module, name and signature");
            return null;
        }
    }

    private static int call(Instance instance, String export, long... args) {
        long[] result = instance.export(export).apply(args);
        if (result == null || result.length != 1) {
            fail(export + " should return one i32 to the test, got " + Arrays.toString(result));
        }
        return (int) result[0];
    }

    private void assertNamed(int id, String expected, String what) {
        if (!world.isEntityValid(id)) {
            fail(what + ": the guest got the id " + id + " back, but that is not a live entity in the world"
                    + " (live: " + Arrays.toString(world.entities()) + ")");
        }
        Optional<String> name = world.getName(id);
        assertEquals(Optional.of(expected), name, () -> what + ": expected entity " + id + " to be named \"" + expected
                + "\" " + utf8(expected) + ", got " + name.map(n -> "\"" + n + "\" " + utf8(n)).orElse("no name"));
    }

    private void assertRefused(Instance instance, String export, String why, long... args) {
        int before = world.entityCount();
        List<String> namesBefore = names();
        String call = export + Arrays.toString(args).replace('[', '(').replace(']', ')');
        try {
            long[] result = instance.export(export).apply(args);
            fail(call + " should throw BadGuestPointerException " + why + ", but returned " + Arrays.toString(result));
        } catch (BadGuestPointerException e) {
            assertEquals("host_create_named", e.function(), () -> call + ": the exception should name the host function"
                    + " host_create_named, it names " + e.function());
        } catch (UnsupportedOperationException stub) {
            throw stub;
        } catch (RuntimeException other) {
            fail(call + " should throw BadGuestPointerException " + why + ", but " + other.getClass().getName()
                    + " escaped: " + other.getMessage());
        }
        assertEquals(before, world.entityCount(), () -> call + " was refused, so the world must be unchanged: it held "
                + before + " entities before and " + world.entityCount() + " after (check the pointer before you create)");
        assertEquals(namesBefore, names(), () -> call + " was refused, so no name may change");
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (int id : world.entities()) {
            names.add(id + "=" + world.getName(id).orElse("(none)"));
        }
        return names;
    }

    private static void assertFunction(HostFunction function, String name, List<ValType> params) {
        if (function == null) {
            fail(name + ": got null instead of a HostFunction");
        }
        String got = function.module() + "." + function.name() + " " + function.functionType();
        assertEquals("env", function.module(), () -> name + ": the guest imports it from module \"env\"; got " + got);
        assertEquals(name, function.name(), () -> "expected the function name " + name + "; got " + got);
        FunctionType expected = FunctionType.of(params, List.of(ValType.I32));
        assertEquals(expected, function.functionType(), () -> name + ": expected the type " + expected + ", got " + got);
    }

    private static String imports() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < guest.importSection().importCount(); i++) {
            Import wanted = guest.importSection().getImport(i);
            String type = wanted instanceof FunctionImport
                    ? String.valueOf(guest.typeSection().getType(((FunctionImport) wanted).typeIndex())) : "";
            out.add(wanted.module() + "." + wanted.name() + " " + type);
        }
        return String.join(", ", out);
    }

    private static String utf8(String s) {
        StringBuilder out = new StringBuilder("(");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(out.length() > 1 ? " " : "").append(String.format("%02X", b & 0xFF));
        }
        return out.append(")").toString();
    }
}
