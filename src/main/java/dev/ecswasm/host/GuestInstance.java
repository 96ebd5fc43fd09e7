package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.MutabilityType;
import dev.ecswasm.abi.GuestMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One live Chicory instance of a plugin: its exports, its memory as the ABI sees it, and its
 * mutable globals (for rustc output, the guest's stack pointer, which a trap leaves unwound).
 */
final class GuestInstance {
    private final Instance instance;
    private final GuestMemory memory;
    private final int[] mutableGlobalIndices;
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
    }

    /**
     * Instantiates {@code module} against {@code linker}, compiled or interpreted (then with the
     * watchdog counting instructions), and runs a reactor's {@code _initialize} once.
     */
    static GuestInstance start(PluginModule module, ExecutionMode mode, Linker linker, Watchdog watchdog) {
        Instance.Builder builder = Instance.builder(module.module())
                .withImportValues(linker.importValues())
                .withMemoryFactory(linker::boundedMemory);
        if (mode == ExecutionMode.COMPILED) {
            builder.withMachineFactory(module.compiled());
        } else {
            builder.withUnsafeExecutionListener(watchdog); // fuel and the deadline, per instruction
        }
        Instance instance = builder.build();
        GuestInstance started = new GuestInstance(instance, linker.attach(instance.memory()));
        if (module.style() == PluginModule.ModuleStyle.REACTOR) {
            instance.export("_initialize").apply(); // a reactor's constructors run once, here
        }
        return started;
    }

    ExportFunction export(String name) {
        return exports.computeIfAbsent(name, instance::export);
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

    /** Puts the mutable globals back to values {@link #mutableGlobals()} returned. */
    void restoreMutableGlobals(long[] saved) {
        for (int i = 0; i < mutableGlobalIndices.length; i++) {
            instance.global(mutableGlobalIndices[i]).setValue(saved[i]);
        }
    }
}
