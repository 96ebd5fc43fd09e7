package dev.ecswasm.host;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import dev.ecswasm.WorkbenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed plugin, ready to instantiate many times. Parsing happens once here; compiling to JVM
 * bytecode happens once, on first use in {@link ExecutionMode#COMPILED}, except for the bundled
 * plugin's exact bytes, which were compiled at build time ({@link BuildTimeMachine}). Bytes that are
 * not a module Chicory accepts, or that declare more locals than Chicory could hold, are a
 * {@link LinkException}.
 *
 * <p>Every instance starts from the module as parsed: nothing one instance does (growing its table
 * or memory, setting globals, dropping segments) changes what the next one starts with.
 */
public final class PluginModule {
    /** Where the committed plugin lives on the classpath. */
    public static final String BUNDLED = "/dev/ecswasm/host/ecs_plugin.wasm";

    private final WasmModule module;
    private final String origin;
    private final List<String> exports;
    private final Set<String> exportSet;
    private final List<long[]> declaredTables; // each table's {min, max} as parsed
    private final byte[] wasm; // a copy, matched against the build-time classes on first COMPILED use
    private Function<Instance, Machine> compiled; // made on first COMPILED use
    private long largestFrame; // FrameBudget's charge a call level; worked out on first INTERPRETER use

    private PluginModule(byte[] wasm, String origin) {
        LocalsScan.check(wasm); // before Chicory's parser materialises every declared local
        try {
            this.module = Parser.parse(wasm);
        } catch (ChicoryException malformed) {
            throw new LinkException(List.of(origin + " is not a Wasm module Chicory accepts: " + malformed.getMessage()),
                    malformed);
        }
        this.origin = origin;
        // Chicory 1.7.5's table.grow adds to the parsed Table's own limits, so each instance gets a
        // table built from these, as parsed, instead of from the module's (see freshTable).
        this.declaredTables = new ArrayList<>();
        for (int i = 0; i < module.tableSection().tableCount(); i++) {
            TableLimits limits = module.tableSection().getTable(i).limits();
            declaredTables.add(new long[] {limits.min(), limits.max()});
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                names.add(export.name());
            }
        }
        this.exports = List.copyOf(names);
        this.exportSet = Set.copyOf(names);
        this.wasm = wasm.clone(); // what was parsed, whatever the caller does with its array later
    }

    /** The committed Rust plugin, built from {@code rust-plugin/}. */
    public static PluginModule bundled() {
        try (InputStream in = PluginModule.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new WorkbenchException("the bundled plugin " + BUNDLED + " is not on the classpath;"
                        + " run rust-plugin/build.sh or check out the committed .wasm");
            }
            return new PluginModule(in.readAllBytes(), "bundled plugin ecs_plugin.wasm");
        } catch (IOException e) {
            throw new WorkbenchException("cannot read " + BUNDLED, e);
        }
    }

    /** A plugin from a {@code .wasm} file. */
    public static PluginModule load(Path file) {
        try {
            return new PluginModule(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new WorkbenchException("cannot read " + file, e);
        }
    }

    /** A plugin from bytes in hand; {@code origin} says where they came from, for messages. */
    public static PluginModule parse(byte[] wasm, String origin) {
        return new PluginModule(wasm, origin);
    }

    public WasmModule module() {
        return module;
    }

    /** Where it was loaded from: {@code bundled plugin ecs_plugin.wasm}, a file's path, or a given name. */
    public String origin() {
        return origin;
    }

    /** The size of the {@code .wasm}, in bytes. */
    public int sizeBytes() {
        return wasm.length;
    }

    /** Where it came from and how big it is, e.g. {@code bundled plugin ecs_plugin.wasm (84 KB)}. */
    public String describe() {
        String size = wasm.length < 1024 ? wasm.length + " bytes" : wasm.length / 1024 + " KB";
        return origin + " (" + size + ")";
    }

    /** The names of the exported functions. */
    public List<String> exportedFunctions() {
        return exports;
    }

    public boolean exportsFunction(String name) {
        return exportSet.contains(name);
    }

    /**
     * What kind of WASI module this is. A reactor exports {@code _initialize}, which must run once
     * before anything else; a command exports {@code _start}; a module with neither (what rustc
     * 1.63 makes of a cdylib) wraps each export to run {@code __wasm_call_dtors} on the way out.
     */
    public ModuleStyle style() {
        if (exportsFunction("_initialize")) {
            return ModuleStyle.REACTOR;
        }
        return exportsFunction("_start") ? ModuleStyle.COMMAND : ModuleStyle.LIBRARY;
    }

    /**
     * What Chicory runs by itself while instantiating, for messages: the module's start function,
     * an exported {@code _start}, both, or nothing but instantiation itself.
     */
    String startPhase() {
        boolean startFunction = module.startSection().isPresent();
        boolean start = exportsFunction("_start");
        if (startFunction) {
            return start ? "the start function and _start" : "the start function";
        }
        return start ? "_start" : "instantiation";
    }

    /** The WASI flavours a module can come in. */
    public enum ModuleStyle { REACTOR, COMMAND, LIBRARY }

    /**
     * A copy of {@code parsed}, one of this module's tables, with the limits it was parsed with and its
     * maximum capped at {@code maxElements}: what one instance's table starts from and grows within.
     * Chicory's {@code TableInstance.grow} adds to its Table's limits, so sharing the module's Table
     * would make every later instance start at the size an earlier one grew to.
     */
    Table freshTable(Table parsed, int maxElements) {
        for (int i = 0; i < module.tableSection().tableCount(); i++) {
            if (module.tableSection().getTable(i) == parsed) {
                long[] declared = declaredTables.get(i);
                return new Table(parsed.elementType(),
                        new TableLimits(declared[0], Math.min(declared[1], maxElements)), parsed.initialize());
            }
        }
        throw new IllegalArgumentException("not a table of " + origin);
    }

    /**
     * The compiled machine factory, shared by every instance: the build-time one for the bundled
     * plugin's bytes, else compiled by Chicory's runtime compiler. Made on first request, so an
     * interpreter-only run neither hashes the bytes nor loads the large build-time class.
     */
    synchronized Function<Instance, Machine> compiled() {
        if (compiled == null) {
            compiled = BuildTimeMachine.forBytes(wasm).orElseGet(() -> MachineFactoryCompiler.compile(module));
        }
        return compiled;
    }

    /** What {@link FrameBudget} charges each interpreted call level of this module; worked out once. */
    synchronized long largestInterpreterFrame() {
        if (largestFrame == 0) {
            largestFrame = FrameBudget.largestFrame(module);
        }
        return largestFrame;
    }

    @Override
    public String toString() {
        int imports = module.importSection().importCount();
        return "PluginModule[" + describe() + ", " + style() + ", " + exports.size()
                + (exports.size() == 1 ? " export, " : " exports, ") + imports + (imports == 1 ? " import]" : " imports]");
    }
}
