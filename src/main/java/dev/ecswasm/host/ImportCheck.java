package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares what a module imports with what the host offers, before instantiating, so a student
 * reads every missing or mistyped import by name and signature instead of the first link error.
 */
final class ImportCheck {
    private ImportCheck() {}

    static List<String> problems(WasmModule module, List<? extends ImportFunction> offered) {
        Map<String, FunctionType> offers = new LinkedHashMap<>();
        for (ImportFunction function : offered) {
            offers.put(function.module() + "." + function.name(), function.functionType());
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import wanted = module.importSection().getImport(i);
            String name = wanted.module() + "." + wanted.name();
            if (!(wanted instanceof FunctionImport)) {
                problems.add("unsupported import " + name + ": the host offers no "
                        + wanted.importType().name().toLowerCase(Locale.ROOT) + " imports");
                continue;
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) wanted).typeIndex());
            FunctionType offer = offers.get(name);
            if (offer == null) {
                problems.add("missing import " + name + " " + signature(type) + ": the host has no such function");
            } else if (!offer.typesMatch(type)) {
                problems.add("mistyped import " + name + ": the module expects " + signature(type)
                        + ", the host offers " + signature(offer));
            }
        }
        return problems;
    }

    /** A signature as {@code (i32, i32) -> i32}. */
    static String signature(FunctionType type) {
        return "(" + names(type.params()) + ") -> " + (type.returns().isEmpty() ? "()" : names(type.returns()));
    }

    private static String names(List<ValType> types) {
        List<String> out = new ArrayList<>();
        for (ValType type : types) {
            out.add(type.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", out);
    }
}
