package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.PodLayout;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The workbench's one door, for JShell lines and notebook cells: {@code import static
 * dev.ecswasm.workbench.Workbench.*;} then {@code tour()}.
 *
 * <p>It keeps one current world and, once asked for, one plugin loaded on it, so a line such as
 * {@code show(world())} or {@code step("step_create_named", ...)} needs no set-up. Everything it
 * shows comes from the layers below; it only picks the right table, dump or picture.
 *
 * <p>Not thread-safe: one student, one prompt.
 */
public final class Workbench {
    private static EnttManager world;
    private static WasmHost host;
    private static AbiTrace trace; // every crossing of the current plugin, since it was loaded

    private Workbench() {}

    // ---------------------------------------------------------------- the world and the plugin

    /** The current world, made on first use, with the seed-style log printed as it happens. */
    public static EnttManager world() {
        if (world == null) {
            world = new EnttManager().setLogSink(System.out::println);
        }
        return world;
    }

    /** Starts over: a fresh, empty world becomes the current one, and the plugin is unloaded. */
    public static EnttManager newWorld() {
        unload();
        world = null;
        return world();
    }

    /**
     * The bundled plugin on the current world: the one loaded, in whichever mode it runs, or else
     * loaded now, compiled to JVM bytecode. After {@link #plugin(Path, ExecutionMode)} it brings the
     * bundled plugin back.
     */
    public static WasmHost plugin() {
        return plugin(host != null && bundled(host) ? host.mode() : ExecutionMode.COMPILED);
    }

    /** The bundled plugin on the current world, in this mode; reloaded if it ran in the other one. */
    public static WasmHost plugin(ExecutionMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (host == null || host.mode() != mode || !bundled(host)) {
            load(PluginModule.bundled(), mode);
        }
        return host;
    }

    /** A plugin of your own, from a {@code .wasm} file, on the current world. */
    public static WasmHost plugin(Path wasm, ExecutionMode mode) {
        load(PluginModule.load(wasm), Objects.requireNonNull(mode, "mode"));
        return host;
    }

    /** Closes the plugin, if one is loaded; the world stays as it is. */
    public static void unload() {
        if (host != null) {
            host.close();
            host = null;
            trace = null;
        }
    }

    /** Every ABI crossing the current plugin has made since it was loaded. */
    public static AbiTrace trace() {
        current();
        return trace;
    }

    private static boolean bundled(WasmHost plugin) {
        return plugin.module().origin().startsWith("bundled");
    }

    /** The plugin loaded now, whichever it is (the bundled one is loaded if none is). */
    private static WasmHost current() {
        return host != null ? host : plugin();
    }

    /**
     * Runs one export of the plugin with {@code i32} arguments, shows the ABI crossings it made,
     * and returns its result.
     */
    public static int step(String export, int... args) {
        WasmHost plugin = current();
        int before = trace.crossings().size();
        int result = plugin.callInt(export, args);
        int made = trace.crossings().size() - before;
        System.out.println(export + " returned " + result + " after " + made + " ABI crossing"
                + (made == 1 ? "" : "s") + (made == 0 ? "" : ":"));
        if (made > 0) {
            show(AbiTables.crossings(trace, before)); // HTML in a notebook, text in JShell
        }
        return result;
    }

    // ---------------------------------------------------------------- showing things

    /**
     * Shows {@code x}: in a Jupyter notebook a table as HTML and a picture as SVG; in JShell or a
     * terminal the table as text (a picture as its one-line summary: {@link #saveSvg} it to look).
     * See {@link #table(Object)} for what it takes.
     */
    public static void show(Object x) {
        if (x instanceof Svg svg) {
            Display.svg(svg.markup(), svg + " (saveSvg(svg, \"file.svg\") writes it to open in a browser)");
            return;
        }
        Table t = table(x);
        Display.html(Html.of(t), t.printAll());
    }

    /**
     * Readies a notebook: the first code cell after {@code %jars} calls it. Says which kernel it
     * found; in rapaio it also makes a cell's last expression arrive as plain text.
     */
    public static void setup() {
        System.out.println(Display.setup());
    }

    /**
     * The table for {@code x}: a world (its entities), a {@link Relation} (its edges in the current
     * world), a {@link Storage} or a component class (the sparse set's arrays), an {@link AbiTrace}
     * (its crossings), a {@link PodLayout} (a data contract), {@code ErrorCode.class} (the codes),
     * anything {@link Showable} (a diff, a memory map, an exchange), or a {@link Table} as it is.
     *
     * @throws IllegalArgumentException for anything else, naming what it takes
     */
    public static Table table(Object x) {
        if (x instanceof Table t) {
            return t;
        }
        if (x instanceof Showable s) {
            return s.table();
        }
        if (x instanceof EnttManager w) {
            return Tables.entities(w);
        }
        if (x instanceof Relation relation) {
            return relation(world(), relation);
        }
        if (x instanceof Storage<?> storage) {
            return Tables.sparseSet(storage);
        }
        if (x instanceof AbiTrace t) {
            return AbiTables.crossings(t);
        }
        if (x instanceof PodLayout<?> layout) {
            return AbiTables.layout(layout);
        }
        if (x == ErrorCode.class || x instanceof ErrorCode) {
            return AbiTables.errorCodes();
        }
        if (x instanceof Class<?> type) {
            return Tables.sparseSet(world().storage(type));
        }
        throw new IllegalArgumentException("show and table take a world, a Relation, a Storage or a component class,"
                + " an AbiTrace, a PodLayout, ErrorCode.class, a Showable or a Table; got "
                + (x == null ? "null" : x.getClass().getSimpleName() + " " + x));
    }

    /** The same table as HTML markup, for a notebook to display; a picture is its own SVG markup. */
    public static String html(Object x) {
        return x instanceof Svg svg ? svg.markup() : Html.of(table(x));
    }

    /** One relation's edges in a world, with names. */
    public static Table relation(EnttManager world, Relation relation) {
        switch (relation) {
            case PLAYER_PROFILE:
                return Tables.playerProfiles(world);
            case PARENT_CHILD:
                return Tables.parentChild(world);
            case ENROLLMENT:
                return Tables.enrollments(world);
            default:
                throw new AssertionError(relation);
        }
    }

    /** {@code length} bytes of the loaded plugin's memory from {@code address}, sixteen to a line. */
    public static String hexdump(int address, int length) {
        return HexDump.of(current().memory(), address, length);
    }

    // ---------------------------------------------------------------- memory and pictures

    /** The plugin's linear memory as regions (stack, static data, heap), its recent ABI writes marked. */
    public static MemoryMap memoryMap() {
        return MemoryMap.of(current(), trace());
    }

    /** The current world's parent/child forest as SVG. */
    public static Svg forest() {
        return Pictures.forest(world());
    }

    /** The current world's player/profile pairs as SVG. */
    public static Svg pairs() {
        return Pictures.pairs(world());
    }

    /** The current world's students and courses as a bipartite graph in SVG. */
    public static Svg bipartite() {
        return Pictures.bipartite(world());
    }

    /** The plugin's memory map as one SVG bar. */
    public static Svg memoryBar() {
        return Pictures.memoryBar(memoryMap());
    }

    /** Writes a picture to a file (folders made as needed) and says where; open it in a browser. */
    public static Path saveSvg(Svg svg, String file) {
        Path saved = svg.save(Path.of(file));
        System.out.println("saved " + svg + " to " + saved);
        return saved;
    }

    // ---------------------------------------------------------------- the two-call exchange

    /** The plugin fetches an entity's name in two calls, one step at a time; the walk prints as itself. */
    public static Exchange exchangeName(int entity) {
        return Exchange.name(current(), entity);
    }

    /** The same with a buffer of {@code cap} bytes: too small, the name is cut and the guest retries. */
    public static Exchange exchangeName(int entity, int cap) {
        return Exchange.name(current(), entity, cap);
    }

    /** The plugin fetches a parent's children in two calls; {@code cap} ids of room (too few: nothing written). */
    public static Exchange exchangeChildren(int parent, int cap) {
        return Exchange.children(current(), parent, cap);
    }

    /** The guest bytes the {@code seq}-th crossing of {@link #trace()} wrote, before and after. */
    public static BytesBeforeAfter touched(int seq) {
        List<AbiTrace.Crossing> crossings = trace().crossings();
        if (seq < 1 || seq > crossings.size()) {
            throw new IllegalArgumentException("the trace has crossings #1 to #" + crossings.size() + ", not #" + seq);
        }
        return BytesBeforeAfter.of(crossings.get(seq - 1));
    }

    // ---------------------------------------------------------------- what changed, what crossed

    /** The current world frozen as a value: entities, names, plain-data values, edges, policies. */
    public static Snapshot snapshot() {
        return Snapshot.of(world());
    }

    /** What changed between two snapshots, one line per change; {@code show(diff)} gives a table. */
    public static Diff diff(Snapshot before, Snapshot after) {
        return Diff.between(before, after);
    }

    /** Saves every crossing the current plugin has made to a text file; returns the file. */
    public static Path record(String file) {
        Path path = Path.of(file);
        TraceFile.write(trace(), path);
        System.out.println("recorded " + trace.crossings().size() + " ABI crossings to " + path);
        return path;
    }

    /**
     * Runs a recorded trace again against a fresh world, without the guest, and says whether every
     * result, error code, trap and written byte came out the same, or where it first did not. So
     * record a run that started from {@link #newWorld()}: a world changed from Java, not through the
     * ABI, replays differently, and the replay says where.
     */
    public static Replay replay(String file) {
        return Replay.against(Path.of(file));
    }

    // ---------------------------------------------------------------- the way

    /** Prints what to try at each layer, as lines to paste. */
    public static void tour() {
        System.out.print(Tour.TEXT);
    }

    // ---------------------------------------------------------------- lessons that check their prose

    /**
     * Holds a lesson's prose to its output: prints {@code claim} with a check mark when {@code actual}
     * equals {@code expected}, and otherwise throws, so a notebook whose text stops matching what it
     * shows fails its run. Numbers are compared by value ({@code 4} and {@code 4L} agree).
     *
     * @throws ProseMismatch when the output no longer says what the text says
     */
    public static void check(String claim, Object expected, Object actual) {
        ProseCheck.check(claim, expected, actual);
    }

    private static void load(PluginModule module, ExecutionMode mode) {
        unload();
        host = WasmHost.builder(module).mode(mode).manager(world()).echo(true).build();
        trace = host.api().startTrace();
    }
}
