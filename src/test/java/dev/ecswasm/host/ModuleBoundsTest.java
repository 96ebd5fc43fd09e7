package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What a module may hold, for what wabt 1.0.32 cannot write in WAT: hand-built modules with more
 * locals than Chicory's parser would survive, GC instructions, exception tags and malformed bytes.
 * Each is refused with a {@link LinkException} naming the rule, before it is instantiated or run.
 */
class ModuleBoundsTest {
    private static final int[] FUNC_I32 = {0x60, 0x00, 0x01, 0x7F}; // () -> i32

    private static void leb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream content) {
        out.write(id);
        leb(out, content.size());
        out.writeBytes(content.toByteArray());
    }

    private static ByteArrayOutputStream bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            out.write(v);
        }
        return out;
    }

    /**
     * A module of {@code functions} functions, each {@code () -> i32}, exporting the first as {@code run},
     * each declaring {@code groups} runs of {@code perGroup} i64 locals and having {@code body} (without end).
     * {@code extraTypes} come first in the type section; the function type follows them.
     */
    private static byte[] module(int[] extraTypes, int extraTypeCount, int functions, int groups, int perGroup,
                                 int[] tags, int... body) {
        ByteArrayOutputStream out = bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        leb(types, extraTypeCount + 1);
        for (int b : extraTypes) {
            types.write(b);
        }
        for (int b : FUNC_I32) {
            types.write(b);
        }
        section(out, 1, types);
        ByteArrayOutputStream funcs = new ByteArrayOutputStream();
        leb(funcs, functions);
        for (int i = 0; i < functions; i++) {
            leb(funcs, extraTypeCount);
        }
        section(out, 3, funcs);
        if (tags.length > 0) {
            section(out, 13, bytes(tags));
        }
        section(out, 7, bytes(0x01, 0x03, 'r', 'u', 'n', 0x00, 0x00));
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        leb(code, functions);
        for (int i = 0; i < functions; i++) {
            ByteArrayOutputStream fn = new ByteArrayOutputStream();
            leb(fn, groups);
            for (int g = 0; g < groups; g++) {
                leb(fn, perGroup);
                fn.write(0x7E); // i64
            }
            for (int b : body) {
                fn.write(b);
            }
            fn.write(0x0B);
            leb(code, fn.size());
            code.writeBytes(fn.toByteArray());
        }
        section(out, 10, code);
        return out.toByteArray();
    }

    private static final int[] RETURN_0 = {0x41, 0x00};

    private static String refusedAtBuild(byte[] wasm, Limits limits) {
        PluginModule module = PluginModule.parse(wasm, "test.wasm");
        LinkException refused = assertThrows(LinkException.class,
                () -> WasmHost.builder(module).mode(ExecutionMode.INTERPRETER).limits(limits).build().close());
        return refused.getMessage();
    }

    @Test
    void runsOfLocalsSummingPastChicorysCapAreRefusedBeforeParsing() {
        // four runs of 50,000: each within Chicory's per-run cap, 200,000 in all
        byte[] wasm = module(new int[0], 0, 1, 4, 50_000, new int[0], RETURN_0);
        LinkException refused = assertThrows(LinkException.class, () -> PluginModule.parse(wasm, "locals.wasm"));
        assertTrue(refused.getMessage().contains("declares more than 50000 locals"), refused.getMessage());
    }

    @Test
    void manyFunctionsOfManyLocalsAreRefusedBeforeParsing() {
        byte[] wasm = module(new int[0], 0, 30, 1, 40_000, new int[0], RETURN_0); // 1.2 million in all
        LinkException refused = assertThrows(LinkException.class, () -> PluginModule.parse(wasm, "locals.wasm"));
        assertTrue(refused.getMessage().contains("locals in all"), refused.getMessage());
    }

    @Test
    void maxLocalsCountsParametersAndLocalsAndAllowsExactlyTheLimit() {
        byte[] wasm = module(new int[0], 0, 1, 2, 50, new int[0], RETURN_0); // 100 locals, no parameters
        try (WasmHost host = WasmHost.builder(PluginModule.parse(wasm, "t.wasm")).mode(ExecutionMode.INTERPRETER)
                .limits(Limits.defaults().withMaxLocals(100)).build()) {
            assertEquals(0, host.callInt("run"));
        }
        String message = refusedAtBuild(wasm, Limits.defaults().withMaxLocals(99));
        assertTrue(message.contains("function 0 declares 100 locals (parameters included), more than maxLocals = 99"),
                message);
    }

    @Test
    void aGcInstructionIsRefusedEvenWithoutGcTypes() {
        // i32.const 0, ref.i31, drop, i32.const 0
        byte[] wasm = module(new int[0], 0, 1, 0, 0, new int[0], 0x41, 0x00, 0xFB, 0x1C, 0x1A, 0x41, 0x00);
        String message = refusedAtBuild(wasm, Limits.defaults());
        assertTrue(message.contains("function 0 uses ref.i31: the GC proposal is refused"), message);
    }

    @Test
    void aBillionElementGcArrayIsRefusedBeforeItRuns() {
        // type 0: (array (mut i32)); run: i32.const 0, i32.const 1e9, array.new 0, drop, i32.const 0
        int[] body = {0x41, 0x00, 0x41, 0x80, 0x94, 0xEB, 0xDC, 0x03, 0xFB, 0x06, 0x00, 0x1A, 0x41, 0x00};
        byte[] wasm = module(new int[] {0x5E, 0x7F, 0x01}, 1, 1, 0, 0, new int[0], body);
        String message = refusedAtBuild(wasm, Limits.defaults());
        assertTrue(message.contains("type 0 is an array type: the GC proposal is refused"), message);
        assertTrue(message.contains("function 0 uses array.new: the GC proposal is refused"), message);
    }

    @Test
    void exceptionTagsAreRefused() {
        // type 0: () -> (); tag section: one tag, attribute 0, type 0
        byte[] wasm = module(new int[] {0x60, 0x00, 0x00}, 1, 1, 0, 0, new int[] {0x01, 0x00, 0x00}, RETURN_0);
        String message = refusedAtBuild(wasm, Limits.defaults());
        assertTrue(message.contains("exception-handling proposal is refused"), message);
    }

    @Test
    void bytesThatAreNotAModuleAreALinkExceptionNotAChicoryOne() {
        byte[] wasm = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x7F};
        LinkException refused = assertThrows(LinkException.class, () -> PluginModule.parse(wasm, "junk.wasm"));
        assertTrue(refused.getMessage().contains("junk.wasm is not a Wasm module Chicory accepts"), refused.getMessage());
    }

    @Test
    void limitsRefuseValuesPastChicorysCeilings() {
        assertThrows(IllegalArgumentException.class, () -> Limits.defaults().withMaxLocals(50_001));
        assertThrows(IllegalArgumentException.class, () -> Limits.defaults().withMaxTableElements(10_000_001));
        assertThrows(IllegalArgumentException.class, () -> Limits.defaults().withMaxTableElements(-1));
    }
}
