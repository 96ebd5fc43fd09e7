package dev.ecswasm.host;

import com.dylibso.chicory.runtime.HostFunction;
import dev.ecswasm.WorkbenchException;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seed's {@code WasmHost}: one plugin instance wired to one {@link EnttManager}.
 *
 * <p>Building one checks the plugin's imports against what the {@link Linker} offers (the ABI in
 * module {@code env}, WASI with captured output) and instantiates it. Calls then run where the
 * {@link GuestThread} says (the caller's own thread if {@link GuestStacks} made it, else the host's
 * guest thread), as {@link GuestCalls} runs them: under a {@link Watchdog}; a call that fails comes out
 * as one {@link PluginTrap}, after the {@link TrapHandler} has made the plugin usable again.
 */
public final class WasmHost implements AutoCloseable {
    private final PluginModule module;
    private final ExecutionMode mode;
    private final EnttManager manager;
    private final Limits limits;
    private final Linker linker;
    private final Watchdog watchdog;
    private final GuestThread guestThread;
    private final ReentrantLock worldLock; // shared with every host over the same world
    private final GuestCalls calls;

    private WasmHost(Builder b) {
        this.module = b.module;
        this.mode = b.mode;
        this.manager = b.manager != null ? b.manager : new EnttManager();
        this.worldLock = WorldLock.of(manager);
        this.limits = b.limits;
        this.linker = new Linker(manager, limits, b.echo, b.extraFunctions);
        this.watchdog = new Watchdog(limits);
        try {
            linker.check(module.module()); // every bad import and every rule broken, by name, before anything runs
        } catch (LinkException refused) {
            linker.close(); // the manager handle it opened
            throw refused;
        }
        this.guestThread = new GuestThread(b.stackBytes);
        this.calls = new GuestCalls(module, mode, linker, limits, watchdog, b.afterTrap, guestThread, worldLock);
        try {
            onGuestThread(() -> {
                calls.instantiate();
                return null;
            });
        } catch (RuntimeException | Error e) { // a PluginTrap or LinkException, or worse: no thread stays
            close();
            throw e;
        }
    }

    public static Builder builder(PluginModule module) {
        return new Builder(module);
    }

    /** Settings for a {@link WasmHost}; only the module is required. */
    public static final class Builder {
        private final PluginModule module;
        private ExecutionMode mode = ExecutionMode.COMPILED;
        private EnttManager manager;
        private boolean echo;
        private PluginTrap.Recovery afterTrap = PluginTrap.Recovery.STACK_RESTORED;
        private long stackBytes = GuestStacks.DEFAULT_STACK_BYTES;
        private Limits limits = Limits.defaults();
        private List<HostFunction> extraFunctions = List.of();

        private Builder(PluginModule module) {
            this.module = Objects.requireNonNull(module, "module");
        }

        /** Interpreter or compiler; {@link ExecutionMode#COMPILED} by default. */
        public Builder mode(ExecutionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The world the plugin manages; a fresh one by default. */
        public Builder manager(EnttManager manager) {
            this.manager = manager;
            return this;
        }

        /** Also print the guest's stdout and stderr as they arrive (they are always captured). */
        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        /**
         * Restore the stack pointer (default) or replace the instance after a trap. A trap that
         * exhausted the JVM's heap replaces the instance either way: only that gives the heap back.
         */
        public Builder afterTrap(PluginTrap.Recovery recovery) {
            if (recovery != PluginTrap.Recovery.STACK_RESTORED && recovery != PluginTrap.Recovery.REINSTANTIATED) {
                throw new IllegalArgumentException("afterTrap takes STACK_RESTORED or REINSTANTIATED, not " + recovery);
            }
            this.afterTrap = recovery;
            return this;
        }

        /**
         * The JVM stack guest code runs on; 64 MiB by default. A call from a {@link GuestStacks} thread
         * with at least this much runs on that thread; from any other, on the host's guest thread.
         */
        public Builder stackBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("stackBytes must be positive, not " + bytes);
            }
            this.stackBytes = bytes;
            return this;
        }

        /** What the guest may use; {@link Limits#defaults()} unless told otherwise. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * More host functions beside the ABI and WASI, for experiments: a bare no-op to compare an
         * ABI call with, or a function of an exercise's own. One with the module, name and type of an
         * ABI or WASI function replaces it (a bare or a lying {@code host_get_name}, say).
         */
        public Builder extraFunctions(List<HostFunction> functions) {
            this.extraFunctions = List.copyOf(functions);
            return this;
        }

        public WasmHost build() {
            return new WasmHost(this);
        }
    }

    // ---------------------------------------------------------------- calling the guest

    /**
     * Calls an export and returns its results (empty for a void export).
     *
     * @throws PluginTrap if the call trapped; the plugin is usable again when this is thrown
     * @throws IllegalArgumentException if the module has no such export, or it takes a different number
     *         of arguments (a caller's mistake, not the guest's: the message gives the export's signature)
     */
    public long[] call(String export, long... args) {
        if (!module.exportsFunction(export)) {
            throw new IllegalArgumentException("the plugin exports no function " + export + "; it has "
                    + module.exportedFunctions());
        }
        if (worldLock.isHeldByCurrentThread() && !guestThread.isCurrent()) { // this host's own re-entry: see enter
            // Called from inside a call of another host over this world (a listener, an extra host
            // function): this call would wait for the world that one holds, and that one for this.
            throw new IllegalStateException("cannot call " + export + " from inside another host's call on the "
                    + "same world: the two would wait for each other; call it after that call returns");
        }
        return onGuestThread(() -> calls.call(export, args));
    }

    /** Calls an export that takes and returns {@code i32}s. */
    public int callInt(String export, int... args) {
        long[] wide = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            wide[i] = args[i];
        }
        long[] results = call(export, wide);
        if (results.length == 0) {
            throw new IllegalArgumentException(export + " returns nothing");
        }
        return (int) results[0];
    }

    /**
     * Runs {@code work} where this host runs guest code and returns its result: on the guest thread,
     * or on this thread if it is a {@link GuestStacks} thread with the stack. Calls it makes to this
     * host run there directly, without a thread hop each. For many calls in a row (a batch).
     */
    public <T> T onGuestThread(Callable<T> work) {
        return guestThread.run(work);
    }

    /** The values of the instance's mutable globals, in order; for rustc output, the stack pointer. */
    public long[] mutableGlobals() {
        return onGuestThread(() -> calls.instance().mutableGlobals());
    }

    /**
     * The value of the global the module exports as {@code name} (rustc exports {@code __data_end} and
     * {@code __heap_base}), an i32 read as unsigned; empty if the module exports no global by that name.
     */
    public OptionalLong exportedGlobal(String name) {
        Objects.requireNonNull(name, "name");
        return onGuestThread(() -> calls.instance().exportedGlobal(name));
    }

    /**
     * The guest's shadow-stack pointer now: the first mutable i32 global, where rustc and clang keep
     * it without exporting it; empty if the module has none. Between calls it is back at
     * {@link #initialStackPointer()}.
     */
    public OptionalLong stackPointer() {
        return onGuestThread(() -> calls.instance().stackPointer());
    }

    /** The stack pointer as the instance started, the top of the shadow stack; empty if there is none. */
    public OptionalLong initialStackPointer() {
        return onGuestThread(() -> calls.instance().initialStackPointer());
    }

    // ---------------------------------------------------------------- guest memory helpers

    /** The guest's linear memory, as the ABI sees it. */
    public GuestMemory memory() {
        return calls.instance().memory();
    }

    /**
     * Copies a string into guest memory the guest allocated ({@code guest_alloc}), and returns its
     * address; the bytes are UTF-8, without a NUL.
     */
    public int putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int address = callInt("guest_alloc", bytes.length);
        memory().write(address, bytes);
        return address;
    }

    /**
     * Reads the NUL-terminated UTF-8 string at {@code address} in guest memory.
     *
     * @throws IllegalArgumentException if {@code address} is outside guest memory, as a hex dump of it would be
     * @throws WorkbenchException if no NUL follows before the end of guest memory
     */
    public String readCString(int address) {
        GuestMemory memory = memory();
        long start = Integer.toUnsignedLong(address);
        // Checked here, not left to the runtime: its own out-of-bounds error names no address.
        if (start >= memory.size()) {
            throw new IllegalArgumentException("address " + String.format("0x%08X", start)
                    + " is outside guest memory (" + memory.size() + " bytes)");
        }
        long end = start;
        while (end < memory.size() && memory.read((int) end, 1)[0] != 0) {
            end++;
        }
        if (end == memory.size()) {
            throw new WorkbenchException("no NUL from " + String.format("0x%08X", start)
                    + " to the end of guest memory (" + memory.size() + " bytes): not a C string");
        }
        return new String(memory.read(address, (int) (end - start)), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- what the host holds

    public EnttManager manager() {
        return manager;
    }

    /** The C API bound to this host's manager: call its functions directly or start a trace. */
    public BoundApi api() {
        return linker.api();
    }

    public ExecutionMode mode() {
        return mode;
    }

    public PluginModule module() {
        return module;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * What the guest has written to stdout: the last {@link Limits#maxOutputBytes()} of it, opening with
     * a line saying how many bytes were dropped before that, if any were.
     */
    public String stdout() {
        return linker.stdout().text();
    }

    /** What the guest has written to stderr, kept as {@link #stdout()} is. */
    public String stderr() {
        return linker.stderr().text();
    }

    /** One line: the module, the mode, the limits, and how many calls and traps so far. */
    @Override
    public String toString() {
        return "WasmHost[" + module.describe() + ", " + mode + ", " + limits.describeChanges() + ", "
                + count(calls.calls(), "call") + ", " + count(calls.traps(), "trap") + "]";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Stops the guest thread (and a call still running, on it or inline) and closes the manager handle. */
    @Override
    public void close() {
        watchdog.close();
        guestThread.close();
        linker.close();
    }
}
