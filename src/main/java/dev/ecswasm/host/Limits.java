package dev.ecswasm.host;

import dev.ecswasm.abi.EnttApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one guest may use. Every breach stops the guest with a {@link PluginTrap} whose
 * {@link PluginTrap#limit()} names the limit, except memory: past {@code maxMemoryPages},
 * {@code memory.grow} fails the way Wasm says it fails (it returns -1), and a trap that happens
 * with memory full names the limit too.
 *
 * @param maxMemoryPages  the most 64 KiB pages the guest's memory may grow to
 * @param callDeadline    wall-clock time one export call may take; {@link Duration#ZERO} for none
 * @param maxInstructions instructions one call may execute, counted in {@link ExecutionMode#INTERPRETER}
 *                        only (fuel); the compiled mode relies on the deadline
 * @param maxNameBytes    the longest name {@code host_add_name} accepts
 * @param maxEntities     the most live entities {@code host_create_entity} lets the world reach
 * @param maxTableElements the most elements the guest's one table may hold: a larger declared size is
 *                        refused when the host is built ({@link LinkException}); past it, {@code table.grow}
 *                        fails the way Wasm says it fails (it returns -1)
 * @param maxLocals       the most locals (parameters included) one guest function may declare; more is
 *                        refused when the host is built ({@link LinkException})
 * @param maxOutputBytes  how much of each WASI output stream (stdout, stderr) the host keeps: the last
 *                        this many bytes; what came before is counted and reported as dropped, never
 *                        copied out of guest memory
 * @param maxEdges        the most edges the world's three relations (1:1, 1:N, N:N) may hold together: a
 *                        link, set-parent or enroll that would add one more traps before changing anything;
 *                        one that replaces or repeats an edge goes on
 * @param maxNameBytesTotal the most UTF-8 bytes all the world's names may add up to: {@code host_add_name}
 *                        traps before storing a name that would take the total past it (a replaced name
 *                        counts only the difference)
 * @param maxInterpreterFrameBytes the most JVM heap one call's frames may hold in {@link ExecutionMode#INTERPRETER}
 *                        (which keeps every frame's locals on the heap): a call that would nest one level past it
 *                        traps, before the frame is allocated; each level is counted as the module's largest frame,
 *                        at least 2 KiB ({@link FrameBudget}). Compiled code keeps its frames on the thread's stack
 */
public record Limits(int maxMemoryPages, Duration callDeadline, long maxInstructions, int maxNameBytes,
                     int maxEntities, int maxTableElements, int maxLocals, int maxOutputBytes, int maxEdges,
                     int maxNameBytesTotal, long maxInterpreterFrameBytes) {

    /** The default table size and locals a function: enough for any rustc or clang output seen here. */
    public static final int DEFAULT_MAX_TABLE_ELEMENTS = 100_000;
    public static final int DEFAULT_MAX_LOCALS = 10_000;
    /** The tail of each output stream kept by default: 64 KiB. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
    /** The interpreter frames one call may hold by default: 64 MiB, a quarter of a 256 MiB heap. */
    public static final long DEFAULT_MAX_INTERPRETER_FRAME_BYTES = 64L * 1024 * 1024;

    public Limits {
        Objects.requireNonNull(callDeadline, "callDeadline");
        if (maxMemoryPages < 1 || maxMemoryPages > 65536) {
            throw new IllegalArgumentException("maxMemoryPages must be 1..65536: " + maxMemoryPages);
        }
        if (callDeadline.isNegative()) {
            throw new IllegalArgumentException("callDeadline must not be negative: " + callDeadline);
        }
        if (maxInstructions < 1 || maxNameBytes < 0 || maxEntities < 0 || maxTableElements < 0 || maxLocals < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxInstructions + ", " + maxNameBytes
                    + ", " + maxEntities + ", " + maxTableElements + ", " + maxLocals);
        }
        if (maxTableElements > TABLE_ELEMENTS_CEILING || maxLocals > LOCALS_CEILING) {
            throw new IllegalArgumentException("maxTableElements must be 0.." + TABLE_ELEMENTS_CEILING
                    + " and maxLocals 0.." + LOCALS_CEILING + ": " + maxTableElements + ", " + maxLocals);
        }
        if (maxOutputBytes < 0 || maxOutputBytes > MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("maxOutputBytes must be 0.." + MAX_OUTPUT_BYTES + ": " + maxOutputBytes);
        }
        if (maxEdges < 0 || maxNameBytesTotal < 0) {
            throw new IllegalArgumentException("maxEdges and maxNameBytesTotal must not be negative: " + maxEdges
                    + ", " + maxNameBytesTotal);
        }
        if (maxInterpreterFrameBytes < 1) {
            throw new IllegalArgumentException("maxInterpreterFrameBytes must be positive: " + maxInterpreterFrameBytes);
        }
    }

    /** Chicory's own ceilings (WasmLimits.MAX_TABLE_ENTRIES, MAX_FUNCTION_LOCALS): a limit cannot go past them. */
    static final int TABLE_ELEMENTS_CEILING = 10_000_000;
    static final int LOCALS_CEILING = 50_000;
    /** The largest tail a stream may keep: 64 MiB, so two kept streams stay a small part of a heap. */
    private static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

    /** The first ten limits, with the default interpreter frames. */
    public Limits(int maxMemoryPages, Duration callDeadline, long maxInstructions, int maxNameBytes, int maxEntities,
                  int maxTableElements, int maxLocals, int maxOutputBytes, int maxEdges, int maxNameBytesTotal) {
        this(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements, maxLocals,
                maxOutputBytes, maxEdges, maxNameBytesTotal, DEFAULT_MAX_INTERPRETER_FRAME_BYTES);
    }

    /** The first five limits, with the defaults for the rest. */
    public Limits(int maxMemoryPages, Duration callDeadline, long maxInstructions, int maxNameBytes, int maxEntities) {
        this(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, DEFAULT_MAX_TABLE_ELEMENTS,
                DEFAULT_MAX_LOCALS, DEFAULT_MAX_OUTPUT_BYTES);
    }

    /** The first eight limits, with the default edges and bytes of all names. */
    public Limits(int maxMemoryPages, Duration callDeadline, long maxInstructions, int maxNameBytes, int maxEntities,
                  int maxTableElements, int maxLocals, int maxOutputBytes) {
        this(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements, maxLocals,
                maxOutputBytes, EnttApi.DEFAULT_MAX_EDGES, EnttApi.DEFAULT_MAX_NAME_BYTES_TOTAL);
    }

    /**
     * 32 MiB of memory, 10 s a call, 5 billion interpreted instructions, 64 KiB names (16 MiB in all),
     * 100,000 entities, 1,000,000 edges, a table of up to 100,000 elements, 10,000 locals a function, the
     * last 64 KiB of each output stream, 64 MiB of interpreter frames a call.
     */
    public static Limits defaults() {
        return new Limits(512, Duration.ofSeconds(10), 5_000_000_000L, EnttApi.DEFAULT_MAX_NAME_BYTES,
                EnttApi.DEFAULT_MAX_ENTITIES, DEFAULT_MAX_TABLE_ELEMENTS, DEFAULT_MAX_LOCALS, DEFAULT_MAX_OUTPUT_BYTES,
                EnttApi.DEFAULT_MAX_EDGES, EnttApi.DEFAULT_MAX_NAME_BYTES_TOTAL, DEFAULT_MAX_INTERPRETER_FRAME_BYTES);
    }

    /** The limits in words, e.g. {@code Limits[512 pages (32 MiB), 10 s deadline, ...]}. */
    @Override
    public String toString() {
        return "Limits[" + describe() + "]";
    }

    /** The limits in words, without the type name; for a host's one-line summary. */
    String describe() {
        return String.join(", ", parts(null));
    }

    /**
     * Only the limits that differ from {@link #defaults()}, for a host's one-line description:
     * {@code default limits}, or e.g. {@code limits: 64 pages (4 MiB), 1 s deadline (others default)}.
     */
    String describeChanges() {
        List<String> changed = parts(defaults());
        return changed.isEmpty() ? "default limits" : "limits: " + String.join(", ", changed) + " (others default)";
    }

    /** Each limit in words, in order; with {@code unlike} given, only those that differ from it. */
    private List<String> parts(Limits unlike) {
        List<String> parts = new ArrayList<>();
        part(parts, unlike == null || maxMemoryPages != unlike.maxMemoryPages,
                count(maxMemoryPages, "page") + " (" + mebibytes(maxMemoryPages) + ")");
        part(parts, unlike == null || !callDeadline.equals(unlike.callDeadline), deadline());
        part(parts, unlike == null || maxInstructions != unlike.maxInstructions,
                count(maxInstructions, "instruction") + " (interpreter)");
        part(parts, unlike == null || maxNameBytes != unlike.maxNameBytes, "names up to " + count(maxNameBytes, "byte"));
        part(parts, unlike == null || maxNameBytesTotal != unlike.maxNameBytesTotal,
                bytes(maxNameBytesTotal) + " of names in all");
        part(parts, unlike == null || maxEntities != unlike.maxEntities,
                maxEntities == 1 ? "1 entity" : grouped(maxEntities) + " entities");
        part(parts, unlike == null || maxEdges != unlike.maxEdges, count(maxEdges, "edge"));
        part(parts, unlike == null || maxTableElements != unlike.maxTableElements,
                "a table of up to " + count(maxTableElements, "element"));
        part(parts, unlike == null || maxLocals != unlike.maxLocals, count(maxLocals, "local") + " a function");
        part(parts, unlike == null || maxOutputBytes != unlike.maxOutputBytes,
                "output kept: last " + bytes(maxOutputBytes) + " a stream");
        part(parts, unlike == null || maxInterpreterFrameBytes != unlike.maxInterpreterFrameBytes,
                bytes(maxInterpreterFrameBytes) + " of interpreter frames a call");
        return parts;
    }

    private static void part(List<String> parts, boolean shown, String words) {
        if (shown) {
            parts.add(words);
        }
    }

    private static String bytes(long n) {
        if (n >= 1024 && n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        return n >= 1024 && n % 1024 == 0 ? n / 1024 + " KiB" : count(n, "byte");
    }

    private String deadline() {
        if (callDeadline.isZero()) {
            return "no deadline";
        }
        long millis = callDeadline.toMillis();
        return (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms") + " deadline";
    }

    private static String mebibytes(int pages) {
        return pages % 16 == 0 ? pages / 16 + " MiB" : pages * 64 + " KiB"; // a page is 64 KiB
    }

    private static String count(long n, String noun) {
        return grouped(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public Limits withMaxMemoryPages(int pages) {
        return new Limits(pages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withCallDeadline(Duration deadline) {
        return new Limits(maxMemoryPages, deadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxInstructions(long instructions) {
        return new Limits(maxMemoryPages, callDeadline, instructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxNameBytes(int bytes) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, bytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxEntities(int entities) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, entities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxTableElements(int elements) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, elements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxLocals(int locals) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                locals, maxOutputBytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxOutputBytes(int bytes) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, bytes, maxEdges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxEdges(int edges) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, edges, maxNameBytesTotal, maxInterpreterFrameBytes);
    }

    public Limits withMaxNameBytesTotal(int bytes) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, bytes, maxInterpreterFrameBytes);
    }

    public Limits withMaxInterpreterFrameBytes(long bytes) {
        return new Limits(maxMemoryPages, callDeadline, maxInstructions, maxNameBytes, maxEntities, maxTableElements,
                maxLocals, maxOutputBytes, maxEdges, maxNameBytesTotal, bytes);
    }
}
