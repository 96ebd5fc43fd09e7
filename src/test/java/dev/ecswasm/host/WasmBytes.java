package dev.ecswasm.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-assembles tiny Wasm modules for loader tests that the Rust plugin cannot provide (a missing
 * import, a reactor). Only what those tests need: function types of i32s, function imports,
 * one mutable i32 global, exports, and bodies given as raw instruction bytes.
 */
final class WasmBytes {
    private final ByteArrayOutputStream types = new ByteArrayOutputStream();
    private final ByteArrayOutputStream imports = new ByteArrayOutputStream();
    private final ByteArrayOutputStream functions = new ByteArrayOutputStream();
    private final ByteArrayOutputStream exports = new ByteArrayOutputStream();
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int typeCount;
    private int importCount;
    private int functionCount;
    private int exportCount;
    private boolean global;

    /** Adds a type of {@code params} i32s to {@code results} i32s; returns its index. */
    int type(int params, int results) {
        types.write(0x60);
        types.write(params);
        for (int i = 0; i < params; i++) {
            types.write(0x7F);
        }
        types.write(results);
        for (int i = 0; i < results; i++) {
            types.write(0x7F);
        }
        return typeCount++;
    }

    WasmBytes importFunction(String module, String name, int type) {
        name(imports, module);
        name(imports, name);
        imports.write(0x00);
        imports.write(type);
        importCount++;
        return this;
    }

    /** A mutable i32 global 0, starting at 0. */
    WasmBytes mutableGlobal() {
        global = true;
        return this;
    }

    /** Defines a function with this body (without the trailing {@code end}) and exports it. */
    WasmBytes exportFunction(String name, int type, int... body) {
        functions.write(type);
        ByteArrayOutputStream fn = new ByteArrayOutputStream();
        fn.write(0); // no locals
        for (int b : body) {
            fn.write(b);
        }
        fn.write(0x0B);
        code.write(fn.size());
        code.writeBytes(fn.toByteArray());
        name(exports, name);
        exports.write(0x00);
        exports.write(importCount + functionCount);
        functionCount++;
        exportCount++;
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(out, 1, typeCount, types);
        section(out, 2, importCount, imports);
        section(out, 3, functionCount, functions);
        if (global) {
            ByteArrayOutputStream g = new ByteArrayOutputStream();
            g.writeBytes(new byte[] {0x7F, 0x01, 0x41, 0x00, 0x0B}); // mut i32, i32.const 0
            section(out, 6, 1, g);
        }
        section(out, 7, exportCount, exports);
        section(out, 10, functionCount, code);
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, int count, ByteArrayOutputStream body) {
        if (count == 0) {
            return;
        }
        out.write(id);
        out.write(body.size() + 1); // every test module stays under 128 bytes a section
        out.write(count);
        out.writeBytes(body.toByteArray());
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
