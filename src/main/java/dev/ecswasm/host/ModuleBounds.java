package dev.ecswasm.host;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.SubType;
import com.dylibso.chicory.wasm.types.TableLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a module may hold, checked from its parsed sections before anything is allocated for it, so
 * a plugin that asks for more is refused with a {@link LinkException} naming the rule instead of
 * ending in an {@link OutOfMemoryError} while it runs.
 *
 * <p>The rules: one memory (multi-memory refused), not shared, starting within
 * {@link Limits#maxMemoryPages()}; at most one table, starting within {@link Limits#maxTableElements()};
 * no GC-proposal types or instructions (structs and arrays live on the JVM heap, outside every
 * limit); no exception tags; no function with more than {@link Limits#maxLocals()} locals,
 * parameters included. A plugin built by rustc or clang for wasm32 needs none of what is refused.
 */
final class ModuleBounds {
    private static final int GC_PREFIX = 0xFB;

    private ModuleBounds() {}

    static List<String> problems(WasmModule module, Limits limits) {
        List<String> problems = new ArrayList<>();
        memories(module, limits, problems);
        tables(module, limits, problems);
        types(module, problems);
        if (module.tagSection().isPresent()) {
            problems.add("the module declares exception tags: the exception-handling proposal is refused");
        }
        functions(module, limits, problems);
        return problems;
    }

    private static void memories(WasmModule module, Limits limits, List<String> problems) {
        int count = module.memorySection().map(s -> s.memoryCount()).orElse(0);
        if (count > 1) {
            problems.add("the module declares " + count + " memories: a plugin may have one (multi-memory is refused)");
        }
        for (int i = 0; i < count; i++) {
            MemoryLimits declared = module.memorySection().get().getMemory(i).limits();
            if (declared.shared()) {
                problems.add("memory " + i + " is shared: the threads proposal is refused");
            }
            if (declared.initialPages() > limits.maxMemoryPages()) {
                problems.add("memory " + i + " starts at " + declared.initialPages()
                        + " pages, more than maxMemoryPages = " + limits.maxMemoryPages());
            }
        }
    }

    private static void tables(WasmModule module, Limits limits, List<String> problems) {
        int count = module.tableSection().tableCount();
        if (count > 1) {
            problems.add("the module declares " + count + " tables: a plugin may have one");
        }
        for (int i = 0; i < count; i++) {
            TableLimits declared = module.tableSection().getTable(i).limits();
            if (declared.min() > limits.maxTableElements()) {
                problems.add("table " + i + " starts at " + declared.min() + " elements, more than maxTableElements = "
                        + limits.maxTableElements());
            }
        }
    }

    private static void types(WasmModule module, List<String> problems) {
        for (int i = 0; i < module.typeSection().subTypeCount(); i++) {
            SubType type = module.typeSection().getSubType(i);
            if (type.compType().funcType() == null) {
                String kind = type.compType().structType() != null ? "a struct" : "an array";
                problems.add("type " + i + " is " + kind + " type: the GC proposal is refused");
                return; // one is enough to say why
            }
        }
    }

    private static void functions(WasmModule module, Limits limits, List<String> problems) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        FunctionBody[] bodies = module.codeSection().functionBodies();
        boolean gcReported = false;
        for (int i = 0; i < bodies.length; i++) {
            int index = imported + i;
            FunctionType type = module.typeSection().getType(module.functionSection().getFunctionType(i));
            int locals = type.params().size() + bodies[i].localTypes().size();
            if (locals > limits.maxLocals()) {
                problems.add("function " + index + " declares " + locals + " locals (parameters included), more than"
                        + " maxLocals = " + limits.maxLocals());
            }
            if (!gcReported) {
                for (Instruction instruction : bodies[i].instructions()) {
                    if (instruction.opcode().opcode() >> 8 == GC_PREFIX) {
                        problems.add("function " + index + " uses " + instruction.opcode().name().toLowerCase(Locale.ROOT)
                                .replaceFirst("_", ".") + ": the GC proposal is refused");
                        gcReported = true;
                        break;
                    }
                }
            }
        }
    }
}
