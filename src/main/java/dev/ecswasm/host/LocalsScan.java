package dev.ecswasm.host;

import java.util.List;

/**
 * Counts the locals each function of a {@code .wasm} declares, from the raw bytes, before Chicory
 * parses them. Chicory 1.7.5 caps one run of same-typed locals at 50,000 but not their sum, and
 * materialises every local as a list entry while parsing: a body of a few bytes can declare billions
 * (an {@link OutOfMemoryError} inside the parser). This refuses, as a {@link LinkException}, a
 * function with more than {@link #PER_FUNCTION} locals or a module with more than {@link #PER_MODULE}
 * in all. Anything malformed is left to Chicory's parser to report.
 */
final class LocalsScan {
    /** Chicory's own cap on one run of locals (WasmLimits.MAX_FUNCTION_LOCALS), applied to their sum. */
    static final long PER_FUNCTION = Limits.LOCALS_CEILING;
    /** All the locals of all functions: a few MB of parser lists, 2,000 times what the bundled plugin has. */
    static final long PER_MODULE = 1_000_000;

    private final byte[] wasm;
    private int at;

    private LocalsScan(byte[] wasm) {
        this.wasm = wasm;
    }

    static void check(byte[] wasm) {
        new LocalsScan(wasm).scan();
    }

    private void scan() {
        at = 8; // magic and version
        try {
            while (at < wasm.length) {
                int id = wasm[at++] & 0xFF;
                long size = u32();
                int end = (int) Math.min(wasm.length, at + size);
                if (id == 10) {
                    code(end);
                    return;
                }
                at = end;
            }
        } catch (ArrayIndexOutOfBoundsException malformed) {
            // truncated: Chicory's parser says so in its own words
        }
    }

    private void code(int sectionEnd) {
        long functions = u32();
        long total = 0;
        for (long f = 0; f < functions && at < sectionEnd; f++) {
            long bodySize = u32();
            int bodyEnd = (int) Math.min(wasm.length, at + bodySize);
            long groups = u32();
            long locals = 0;
            for (long g = 0; g < groups && at < bodyEnd; g++) {
                locals += u32();
                valueType();
                if (locals > PER_FUNCTION) {
                    throw new LinkException(List.of("function " + f + " of the code section declares more than "
                            + PER_FUNCTION + " locals: Chicory cannot hold them (maxLocals is at most " + PER_FUNCTION + ")"));
                }
            }
            total += locals;
            if (total > PER_MODULE) {
                throw new LinkException(List.of("the module's functions declare more than " + PER_MODULE
                        + " locals in all: more than a plugin may hold"));
            }
            at = bodyEnd;
        }
    }

    /** Skips a value type: one byte, or a reference type with a heap type after it. */
    private void valueType() {
        int type = wasm[at++] & 0xFF;
        if (type == 0x63 || type == 0x64) { // (ref null ht), (ref ht): a signed LEB heap type follows
            while ((wasm[at++] & 0x80) != 0) {
                // skip
            }
        }
    }

    private long u32() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = wasm[at++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0 || shift >= 28) {
                return result;
            }
            shift += 7;
        }
    }
}
