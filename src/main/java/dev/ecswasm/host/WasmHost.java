package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.WorkbenchException;
import dev.ecswasm.abi.ApiFunction;
import dev.ecswasm.abi.ApiFunctions;
import dev.ecswasm.abi.EnttApi;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.LimitTrap;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The seed's {@code WasmHost}: one plugin instance wired to one {@link EnttManager}.
 *
 * <p>Every ABI function becomes a Chicory host function in module {@code env}, a closure over this
 * host's {@link BoundApi} (as the seed's lambdas capture {@code manager_ptr}). WASI is added with
 * stdout and stderr captured, and echoed if asked. Imports are checked before instantiating.
 *
 * <p>Guest code runs on one thread of this host's own, with a deep stack (Chicory's interpreter
 * needs about 1 KB of JVM stack per nested Wasm call), so calls are also serialised: an instance is
 * never entered by two threads. Any way a call can fail comes out as {@link PluginTrap}, after the
 * host has made the plugin usable again.
 */
public final class WasmHost implements AutoCloseable {
    private final PluginModule module;
    private final ExecutionMode mode;
    private final EnttManager manager;
    private final BoundApi imports;
    private final PluginTrap.Recovery afterTrap;
    private final GuestOutput stdout;
    private final GuestOutput stderr;
    private final ExecutorService guestThread;
    private final List<ImportFunction> hostFunctions;
    private final Limits limits;
    private final Watchdog watchdog;
    private long calls;      // export calls so far; identifies each one to the watchdog
    private String running;  // the export running now, or null: guards against re-entry

    /** What a module without memory offers the ABI: nothing, so every pointer traps. */
    private static final GuestMemory NO_MEMORY = new GuestMemory() {
        @Override
        public long size() {
            return 0;
        }

        @Override
        public byte[] read(int address, int length) {
            return new byte[0];
        }

        @Override
        public void write(int address, byte[] bytes) {}
    };

    private Instance instance;
    private GuestMemory memory;
    private int[] mutableGlobalIndices;               // for rustc output: the stack pointer
    private final Map<String, ExportFunction> exports = new HashMap<>();
    private volatile Thread guest;                    // the thread guestThread runs on
    private String failedHostCall; // set by a host function that threw, read by the trap handler

    private WasmHost(Builder b) {
        this.module = b.module;
        this.mode = b.mode;
        this.manager = b.manager != null ? b.manager : new EnttManager();
        this.limits = b.limits;
        this.watchdog = new Watchdog(limits);
        EnttApi api = new EnttApi(limits.maxNameBytes(), limits.maxEntities());
        this.imports = new BoundApi(api, api.open(manager));
        this.afterTrap = b.afterTrap;
        this.stdout = new GuestOutput(b.echo ? () -> System.out : null);
        this.stderr = new GuestOutput(b.echo ? () -> System.err : null);
        long stack = b.stackBytes;
        this.guestThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(null, task, "wasm-guest", stack);
            thread.setDaemon(true);
            guest = thread;
            return thread;
        });

        List<ImportFunction> offered = new ArrayList<>();
        for (ApiFunction function : ApiFunctions.ALL) {
            offered.add(hostFunction(function));
        }
        WasiPreview1 wasi = WasiPreview1.builder()
                .withOptions(WasiOptions.builder().withStdout(stdout).withStderr(stderr).build())
                .build();
        Collections.addAll(offered, wasi.toHostFunctions());
        offered.addAll(b.extraFunctions);
        this.hostFunctions = List.copyOf(offered);

        List<String> problems = ImportCheck.problems(module.module(), hostFunctions);
        if (!problems.isEmpty()) {
            guestThread.shutdown();
            throw new LinkException(problems);
        }
        onGuestThread(() -> {
            instantiate();
            return null;
        });
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
        private long stackBytes = 64L * 1024 * 1024;
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

        /** Restore the stack pointer (default) or replace the instance after a trap. */
        public Builder afterTrap(PluginTrap.Recovery recovery) {
            this.afterTrap = Objects.requireNonNull(recovery, "recovery");
            return this;
        }

        /** The JVM stack of the guest thread; 64 MiB by default. */
        public Builder stackBytes(long bytes) {
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
         * ABI call with, or a function of an exercise's own.
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
     * @throws IllegalArgumentException if the module has no such export
     */
    public long[] call(String export, long... args) {
        if (!module.exportsFunction(export)) {
            throw new IllegalArgumentException("the plugin exports no function " + export + "; it has "
                    + module.exportedFunctions());
        }
        return onGuestThread(() -> callHere(export, args));
    }

    /** Calls an export that takes and returns {@code i32}s. */
    public int callInt(String export, int... args) {
        long[] wide = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            wide[i] = args[i];
        }
        long[] results = call(export, wide);
        if (results == null || results.length == 0) {
            throw new IllegalArgumentException(export + " returns nothing");
        }
        return (int) results[0];
    }

    /**
     * Runs {@code work} on the guest thread and returns its result; calls it makes to this host run
     * there directly, without a thread hop each. For many calls in a row (a benchmark, a batch).
     */
    public <T> T onGuestThread(Callable<T> work) {
        if (Thread.currentThread() == guest) {
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new WorkbenchException("guest work failed", e);
            }
        }
        Future<T> result = guestThread.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while waiting for the guest", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new WorkbenchException("guest call failed", cause);
        }
    }

    private long[] callHere(String export, long[] args) {
        if (running != null) {
            throw new IllegalStateException("re-entrant guest call refused: " + export + " was called while "
                    + running + " is running (a host function may not call back into the guest)");
        }
        ExportFunction function = exports.computeIfAbsent(export, instance::export);
        long[] saved = mutableGlobals();
        int errorMark = stderr.size();
        failedHostCall = null;
        long call = ++calls;
        running = export;
        watchdog.start(call);
        boolean stopped = false;
        try {
            long[] results = function.apply(args);
            return results == null ? new long[0] : results;
        } catch (RuntimeException | StackOverflowError failure) {
            boolean timedOut = watchdog.stop(call);
            stopped = true;
            running = null;
            throw trap(export, failure, timedOut, errorMark, saved);
        } finally {
            if (!stopped) {
                watchdog.stop(call);
            }
            running = null;
        }
    }

    /** Works out why a call failed and which limit, if any, stopped it; then makes the plugin usable. */
    private PluginTrap trap(String export, Throwable failure, boolean timedOut, int errorMark, long[] saved) {
        String limit = null;
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failedHostCall != null && reason.startsWith(failedHostCall + ": ")) {
            reason = reason.substring(failedHostCall.length() + 2); // the trap says "in host call ..." already
        }
        if (failure instanceof Watchdog.Exceeded) {
            limit = ((Watchdog.Exceeded) failure).limit;
        } else if (timedOut && failure instanceof ChicoryInterruptedException) {
            limit = "callDeadline";
            reason = watchdog.deadlineMessage();
        } else if (failure instanceof StackOverflowError) {
            reason = "the guest's calls nested deeper than the guest thread's stack allows";
        }
        for (Throwable t = failure; t != null && limit == null; t = t.getCause()) {
            if (t instanceof LimitTrap) {
                limit = ((LimitTrap) t).limit();
            }
        }
        if (limit == null && instance.memory() != null && instance.memory().pages() >= limits.maxMemoryPages()) {
            limit = "maxMemoryPages";
            reason += "; guest memory is full at " + limits.maxMemoryPages() + " pages";
        }
        PluginTrap.Recovery recovery = recover(saved);
        return new PluginTrap(export, failedHostCall, stderr.since(errorMark), recovery, limit, reason, failure);
    }

    private PluginTrap.Recovery recover(long[] saved) {
        if (afterTrap == PluginTrap.Recovery.REINSTANTIATED) {
            instantiate();
        } else {
            // Chicory does not unwind the guest's shadow stack on a trap: put the pointer back.
            for (int i = 0; i < mutableGlobalIndices.length; i++) {
                instance.global(mutableGlobalIndices[i]).setValue(saved[i]);
            }
        }
        return afterTrap;
    }

    /** The values of the instance's mutable globals, in order; for rustc output, the stack pointer. */
    public long[] mutableGlobals() {
        long[] values = new long[mutableGlobalIndices.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = instance.global(mutableGlobalIndices[i]).getValue();
        }
        return values;
    }

    // ---------------------------------------------------------------- guest memory helpers

    /** The guest's linear memory, as the ABI sees it. */
    public GuestMemory memory() {
        return memory;
    }

    /**
     * Copies a string into guest memory the guest allocated ({@code guest_alloc}), and returns its
     * address; the bytes are UTF-8, without a NUL.
     */
    public int putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int address = callInt("guest_alloc", bytes.length);
        memory.write(address, bytes);
        return address;
    }

    /** Reads the NUL-terminated UTF-8 string at {@code address} in guest memory. */
    public String readCString(int address) {
        long end = Integer.toUnsignedLong(address);
        while (end < memory.size() && memory.read((int) end, 1)[0] != 0) {
            end++;
        }
        if (end == memory.size()) {
            throw new WorkbenchException("no NUL after " + String.format("0x%08X", address) + " in guest memory");
        }
        return new String(memory.read(address, (int) (end - Integer.toUnsignedLong(address))), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- what the host holds

    public EnttManager manager() {
        return manager;
    }

    /** The ABI as this host offers it: call imports directly or start a trace. */
    public BoundApi imports() {
        return imports;
    }

    public ExecutionMode mode() {
        return mode;
    }

    public PluginModule module() {
        return module;
    }

    /** Everything the guest has written to stdout. */
    public String stdout() {
        return stdout.text();
    }

    /** Everything the guest has written to stderr. */
    public String stderr() {
        return stderr.text();
    }

    @Override
    public void close() {
        watchdog.close();
        guestThread.shutdownNow();
        if (imports.api().isOpen(imports.handle())) {
            imports.api().close(imports.handle());
        }
    }

    // ---------------------------------------------------------------- wiring

    private void instantiate() {
        Instance.Builder builder = Instance.builder(module.module())
                .withImportValues(ImportValues.builder().withFunctions(hostFunctions).build())
                .withMemoryFactory(this::boundedMemory);
        if (mode == ExecutionMode.COMPILED) {
            builder.withMachineFactory(module.compiled());
        } else {
            builder.withUnsafeExecutionListener(watchdog); // fuel and the deadline, per instruction
        }
        instance = builder.build();
        memory = instance.memory() == null ? NO_MEMORY : new ChicoryMemory(instance.memory());
        exports.clear();
        List<Integer> mutable = new ArrayList<>();
        for (int i = 0; i < instance.globalCount(); i++) {
            if (instance.global(i).getMutabilityType() == MutabilityType.Var) {
                mutable.add(i);
            }
        }
        mutableGlobalIndices = mutable.stream().mapToInt(Integer::intValue).toArray();
        if (module.style() == PluginModule.ModuleStyle.REACTOR) {
            instance.export("_initialize").apply(); // a reactor's constructors run once, here
        }
    }

    /** The guest's memory, with its maximum capped at {@link Limits#maxMemoryPages()}. */
    private Memory boundedMemory(MemoryLimits declared) {
        int max = Math.min(declared.maximumPages(), limits.maxMemoryPages());
        if (declared.initialPages() > max) {
            throw new LinkException(List.of("the module's memory starts at " + declared.initialPages()
                    + " pages, more than maxMemoryPages = " + limits.maxMemoryPages()));
        }
        return new ByteArrayMemory(new MemoryLimits(declared.initialPages(), max));
    }

    private HostFunction hostFunction(ApiFunction function) {
        List<ValType> params = Collections.nCopies(function.params().size(), ValType.I32);
        List<ValType> results = function.returnsValue() ? List.of(ValType.I32) : List.of();
        // Both reused: calls are serialised on the guest thread, and Chicory reads the result at once.
        int[] ints = new int[function.params().size()];
        long[] result = new long[1];
        return new HostFunction(ApiFunctions.MODULE, function.name(), FunctionType.of(params, results), (caller, args) -> {
            try {
                int value = imports.invoke(function, memory, narrow(args, ints));
                if (!function.returnsValue()) {
                    return null;
                }
                result[0] = value;
                return result;
            } catch (RuntimeException failure) {
                failedHostCall = function.name();
                throw failure;
            }
        });
    }

    /** Chicory passes each {@code i32} as a {@code long}; the ABI takes {@code int}s. */
    private static int[] narrow(long[] args, int[] into) {
        if (args.length != into.length) {
            return new int[args.length]; // the ABI reports the wrong count by name
        }
        for (int i = 0; i < args.length; i++) {
            into[i] = (int) args[i];
        }
        return into;
    }
}
