package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.abi.GuestMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One live Chicory instance of a plugin: its exports, its memory as the ABI sees it, and its
 * mutable globals (for rustc output, the guest's stack pointer, which a trap leaves unwound).
 */
final class GuestInstance {
    private final Instance instance;
    private final GuestMemory memory;
    private final int[] mutableGlobalIndices;
    private final int stackPointerIndex; // -1 if the module has no mutable i32 global
    private final OptionalLong initialStackPointer;
    private final Map<String, ExportFunction> exports = new HashMap<>();

    private GuestInstance(Instance instance, GuestMemory memory) {
        this.instance = instance;
        this.memory = memory;
        List<Integer> mutable = new ArrayList<>();
        for (int i = 0; i < instance.globalCount(); i++) {
            if (instance.global(i).getMutabilityType() == MutabilityType.Var) {
                mutable.add(i);
            }
        }
        this.mutableGlobalIndices = mutable.stream().mapToInt(Integer::intValue).toArray();
        // rustc and clang keep the shadow-stack pointer in the first mutable i32 global, unexported
        this.stackPointerIndex = mutable.stream().filter(i -> instance.global(i).getType().equals(ValType.I32))
                .findFirst().orElse(-1);
        this.initialStackPointer = stackPointer(); // read before any code runs: the global's init value
    }

    /**
     * A Chicory instance builder for {@code module} against {@code linker}, compiled or interpreted
     * (then with the watchdog counting instructions and a {@link FrameBudget} bounding the heap its
     * frames hold). Compiling happens here, before any guest code runs, so it does not count against
     * a deadline. The instance gets a fresh WASI, a memory capped at
     * {@link Limits#maxMemoryPages()} and a table of its own, as parsed, capped at
     * {@link Limits#maxTableElements()}: nothing an earlier instance did carries over.
     */
    static Instance.Builder builder(PluginModule module, ExecutionMode mode, Linker linker, Watchdog watchdog) {
        int maxTableElements = linker.maxTableElements();
        Instance.Builder builder = Instance.builder(module.module())
                .withImportValues(linker.importValues())
                .withMemoryFactory(linker::boundedMemory)
                .withTableFactory((table, init) -> new BoundedTable(module.freshTable(table, maxTableElements), init));
        if (mode == ExecutionMode.COMPILED) {
            builder.withMachineFactory(module.compiled());
        } else {
            builder.withUnsafeExecutionListener(watchdog); // fuel and the deadline, per instruction
            // and the heap its frames hold, within maxInterpreterFrameBytes
            long frameBytes = linker.maxInterpreterFrameBytes();
            long largestFrame = module.largestInterpreterFrame();
            builder.withMachineFactory(instance -> new FrameBudget(instance, frameBytes, largestFrame));
        }
        return builder;
    }

    /**
     * A table that grows within its limits, counted in {@code long}: Chicory 1.7.5 adds the requested
     * size to the current one in an {@code int}, so a request near 2^31 wraps negative, passes its
     * check, and ends in a {@link NegativeArraySizeException}. Past the limit, growing fails as Wasm
     * says it fails: it returns -1.
     */
    private static final class BoundedTable extends TableInstance {
        BoundedTable(com.dylibso.chicory.wasm.types.Table table, int initValue) {
            super(table, initValue);
        }

        @Override
        public int grow(int size, int value, Instance instance) {
            if (size < 0 || (long) size() + size > limits().max()) {
                return -1;
            }
            return super.grow(size, value, instance);
        }
    }

    /**
     * Wraps an instance Chicory has built (its start function and {@code _start} have run) and points
     * the linker's ABI functions at its memory. A reactor's {@code _initialize} is the caller's to run.
     */
    static GuestInstance of(Instance instance, Linker linker) {
        return new GuestInstance(instance, linker.attach(instance.memory()));
    }

    ExportFunction export(String name) {
        return exports.computeIfAbsent(name, instance::export);
    }

    /** The type of the exported function {@code name}: what it takes and returns. */
    FunctionType exportType(String name) {
        return instance.exportType(name);
    }

    GuestMemory memory() {
        return memory;
    }

    /** The guest memory's size in 64 KiB pages; 0 if the module has none. */
    int memoryPages() {
        return instance.memory() == null ? 0 : instance.memory().pages();
    }

    /** The values of the mutable globals, in order. */
    long[] mutableGlobals() {
        long[] values = new long[mutableGlobalIndices.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = instance.global(mutableGlobalIndices[i]).getValue();
        }
        return values;
    }

    /** The current value of the stack-pointer global, unsigned; empty if the module has none. */
    OptionalLong stackPointer() {
        return stackPointerIndex < 0 ? OptionalLong.empty()
                : OptionalLong.of(unsigned(instance.global(stackPointerIndex)));
    }

    /** The stack pointer as the instance started: the top of the shadow stack. */
    OptionalLong initialStackPointer() {
        return initialStackPointer;
    }

    /** The value of the global exported as {@code name}; empty if no global is exported by that name. */
    OptionalLong exportedGlobal(String name) {
        ExportSection exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export export = exports.getExport(i);
            if (export.exportType() == ExternalType.GLOBAL && export.name().equals(name)) {
                return OptionalLong.of(unsigned(instance.global(export.index())));
            }
        }
        return OptionalLong.empty();
    }

    /** An i32 global's value as the guest's addresses are read: unsigned. */
    private static long unsigned(GlobalInstance global) {
        return global.getType().equals(ValType.I32) ? global.getValue() & 0xFFFF_FFFFL : global.getValue();
    }

    /** Puts the mutable globals back to values {@link #mutableGlobals()} returned. */
    void restoreMutableGlobals(long[] saved) {
        for (int i = 0; i < mutableGlobalIndices.length; i++) {
            instance.global(mutableGlobalIndices[i]).setValue(saved[i]);
        }
    }
}
