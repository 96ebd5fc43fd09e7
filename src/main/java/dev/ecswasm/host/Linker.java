package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.abi.ApiFunction;
import dev.ecswasm.abi.ApiFunctions;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.EnttApi;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.world.EnttManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a host offers a plugin to import, like the seed's Wasmtime linker: each ABI function
 * as a Chicory host function in module {@code env} (a closure over one manager handle, as the
 * seed's lambdas capture {@code manager_ptr}), WASI with stdout and stderr captured, and any extra
 * functions. It checks a module's imports and what it may hold ({@link ModuleBounds}) before
 * instantiating, and caps the memory and table a module gets.
 */
final class Linker {
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

    private final BoundApi api;
    private final GuestOutput stdout;
    private final GuestOutput stderr;
    private final List<ImportFunction> functions; // what is offered, for checking imports
    private final List<ImportFunction> abi;
    private final List<HostFunction> extra;
    private final Limits limits;
    private final int maxMemoryPages;
    private GuestMemory memory = NO_MEMORY; // the live instance's; replaced on each instantiation
    private String failedHostCall;          // set by a host function that threw, read by the trap handler

    Linker(EnttManager manager, Limits limits, boolean echo, List<HostFunction> extra) {
        EnttApi api = new EnttApi(limits.maxNameBytes(), limits.maxEntities(), limits.maxEdges(),
                limits.maxNameBytesTotal());
        this.api = new BoundApi(api, api.open(manager));
        this.limits = limits;
        this.maxMemoryPages = limits.maxMemoryPages();
        this.stdout = new GuestOutput("stdout", limits.maxOutputBytes(), echo ? () -> System.out : null);
        this.stderr = new GuestOutput("stderr", limits.maxOutputBytes(), echo ? () -> System.err : null);
        List<ImportFunction> offered = new ArrayList<>();
        for (ApiFunction function : ApiFunctions.ALL) {
            offered.add(hostFunction(function));
        }
        this.abi = List.copyOf(offered);
        this.extra = List.copyOf(extra);
        this.functions = offered(wasi());
    }

    /**
     * A WASI of its own for each instance: its descriptor table is state a guest can change (close
     * its stdout, renumber), and a fresh instance must not inherit that from the one it replaces.
     */
    private WasiPreview1 wasi() {
        return WasiPreview1.builder()
                .withOptions(WasiOptions.builder().withStdout(stdout).withStderr(stderr).build())
                .build();
    }

    /**
     * Throws a {@link LinkException} naming every import of {@code module} this linker cannot satisfy
     * and everything it declares past what a plugin may hold ({@link ModuleBounds}).
     */
    void check(WasmModule module) {
        List<String> problems = new ArrayList<>(ImportCheck.problems(module, functions));
        problems.addAll(ModuleBounds.problems(module, limits));
        if (!problems.isEmpty()) {
            throw new LinkException(problems);
        }
    }

    /** The functions, as Chicory's instance builder takes them, with a fresh WASI. */
    ImportValues importValues() {
        return ImportValues.builder().withFunctions(offered(wasi())).build();
    }

    /**
     * The extra functions, then the ABI, then WASI. The extras come first so that they win a clash of
     * names: Chicory links each import to the first function of that module, name and type it is given.
     */
    private List<ImportFunction> offered(WasiPreview1 wasi) {
        List<ImportFunction> all = new ArrayList<>(extra);
        all.addAll(abi);
        for (HostFunction function : wasi.toHostFunctions()) { // fd_write keeps a bounded tail: GuestOutput
            all.add(function.name().equals("fd_write") ? GuestOutput.fdWrite(function, stdout, stderr) : function);
        }
        return all;
    }

    /** The most elements the guest's table may hold, at the start and after {@code table.grow}. */
    int maxTableElements() {
        return limits.maxTableElements();
    }

    /** The heap one interpreted call's frames may hold. */
    long maxInterpreterFrameBytes() {
        return limits.maxInterpreterFrameBytes();
    }

    /** The guest's memory, with its maximum capped at {@link Limits#maxMemoryPages()}. */
    Memory boundedMemory(MemoryLimits declared) {
        int max = Math.min(declared.maximumPages(), maxMemoryPages);
        if (declared.initialPages() > max) {
            throw new LinkException(List.of("the module's memory starts at " + declared.initialPages()
                    + " pages, more than maxMemoryPages = " + maxMemoryPages));
        }
        return new ByteArrayMemory(new MemoryLimits(declared.initialPages(), max));
    }

    /** Points the ABI functions at a new instance's memory ({@code null}: the module has none). */
    GuestMemory attach(Memory chicory) {
        memory = chicory == null ? NO_MEMORY : new ChicoryMemory(chicory);
        return memory;
    }

    /** Points the ABI functions back at an instance's memory (one that was attached before). */
    void attach(GuestMemory guest) {
        memory = guest;
    }

    /** The ABI as offered: bound to one manager handle. */
    BoundApi api() {
        return api;
    }

    GuestOutput stdout() {
        return stdout;
    }

    GuestOutput stderr() {
        return stderr;
    }

    /** The host function that threw during the current call, or null. */
    String failedHostCall() {
        return failedHostCall;
    }

    /** Forgets the last failed host call: a new guest call starts. */
    void clearFailedHostCall() {
        failedHostCall = null;
    }

    /** Closes the manager handle the ABI functions are bound to, if still open. */
    void close() {
        if (api.api().isOpen(api.handle())) {
            api.api().close(api.handle());
        }
    }

    private HostFunction hostFunction(ApiFunction function) {
        List<ValType> params = Collections.nCopies(function.params().size(), ValType.I32);
        List<ValType> results = function.returnsValue() ? List.of(ValType.I32) : List.of();
        // Both reused: the host runs one call at a time (GuestThread), and Chicory reads the result at once.
        int[] ints = new int[function.params().size()];
        long[] result = new long[1];
        return new HostFunction(ApiFunctions.MODULE, function.name(), FunctionType.of(params, results), (caller, args) -> {
            try {
                int value = api.invoke(function, memory, narrow(args, ints));
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
