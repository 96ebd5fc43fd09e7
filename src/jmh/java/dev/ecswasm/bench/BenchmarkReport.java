package dev.ecswasm.bench;

import static dev.ecswasm.bench.BeforeAfter.DEGREE_D_LARGE_VS_SMALL_WORLD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and writes the side-by-side tables to {@code BENCHMARKS.md}
 * (or, in smoke mode, a few quick iterations to {@code target/BENCHMARKS-smoke.md}).
 * GraalWasm needs a newer JDK than the build's: its classes run in forks of {@code -Dbench.jdk25}, the
 * JIT one with the Graal compiler jars of {@code -Dbench.graalCompiler} on its upgrade module path.
 */
public final class BenchmarkReport {
    // Checked on this machine under load (2 cores, load average 9-13): the JIT's scores settle after
    // 20-28 s of a benchmark, get_name's after 40 s (TraceCompilation: its last Tier 2 compile).
    private static final int JIT_WARMUP_ITERATIONS = 30;
    private static final int JIT_GET_NAME_WARMUP_ITERATIONS = 60;
    private static final int JIT_MEASUREMENT_ITERATIONS = 5;

    private final Map<String, Double> scores = new HashMap<>();
    private final List<String> failures = new ArrayList<>(); // runs that gave no results
    private final List<String> missing = new ArrayList<>();  // peers this machine cannot run
    private final Map<String, Double> before = new HashMap<>(); // the base commit's scores, same run
    private final GoalRounds rounds = new GoalRounds();         // the goal rows, measured again in turns
    private BaseRun.Build base;                                  // null when no base was measured
    private String baseCommit;                                   // null when no base was measured

    private BenchmarkReport() {}

    public static void main(String[] args) throws IOException, RunnerException {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        String jdk25 = System.getProperty("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        Path compiler = Path.of(System.getProperty("bench.graalCompiler", "target/graal-compiler"));
        BenchmarkReport report = new BenchmarkReport();
        String base = System.getProperty("bench.base", "");
        if (!base.isEmpty()) {
            report.measureBase(base, smoke);
        }
        // Each run names its own benchmarks: JMH runs what matches any include, so a shared include
        // would run everything again on the JDK 25.
        report.run(options(smoke).include("dev\\.ecswasm\\.bench\\..*Bench").exclude("Graal").exclude("ChicoryBoundaryBench"),
                "Java " + System.getProperty("java.version"));
        report.run(boundaryOptions(smoke).include("\\.ChicoryBoundaryBench\\."),
                "Chicory on Java " + System.getProperty("java.version"));
        report.rounds.add(report.before, report.scores);
        int rounds = Integer.getInteger("bench.rounds", smoke ? 2 : 3); // smoke: two, so CI runs the second's code
        for (int round = 2; round <= rounds; round++) {
            report.measureRound(smoke, round);
        }
        if (!Files.isExecutable(Path.of(jdk25))) {
            report.missing.add("GraalWasm (interp. and JIT): no JDK 25 at " + jdk25 + " (set -Dbench.jdk25=/path/to/java)");
        } else {
            report.run(options(smoke).include("\\.GraalBoundaryBench\\.").jvm(jdk25), "GraalWasm on " + jdk25);
            List<String> jars = compilerJars(compiler);
            if (jars.isEmpty()) {
                report.missing.add("GraalWasm (JIT): no Graal compiler jars in " + compiler
                        + " (the bench profile copies them; set -Dbench.graalCompiler=/path/to/dir)");
            } else {
                String[] jit = {"-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--enable-native-access=ALL-UNNAMED",
                    "--upgrade-module-path=" + String.join(java.io.File.pathSeparator, jars)};
                String bench = "\\.GraalJitBoundaryBench\\.";
                // The load runs a fresh engine each time: no JIT warm-up to wait for.
                report.run(options(smoke).include(bench + "loadCold$").jvm(jdk25).jvmArgsAppend(jit),
                        "GraalWasm JIT (load) on " + jdk25);
                report.run(jitWarmup(options(smoke), smoke, JIT_WARMUP_ITERATIONS).include(bench).exclude("loadCold$")
                        .exclude("getName$").jvm(jdk25).jvmArgsAppend(jit), "GraalWasm JIT on " + jdk25);
                // get_name crosses through more call targets (the buffer reads and writes) to compile.
                report.run(jitWarmup(options(smoke), smoke, JIT_GET_NAME_WARMUP_ITERATIONS).include(bench + "getName$")
                        .jvm(jdk25).jvmArgsAppend(jit), "GraalWasm JIT (get_name) on " + jdk25);
            }
        }
        Path out = smoke ? Path.of("target/BENCHMARKS-smoke.md") : Path.of("BENCHMARKS.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.markdown(smoke), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        if (smoke && !report.failures.isEmpty()) {
            throw new IllegalStateException("benchmarks failed: " + report.failures);
        }
    }

    /**
     * The before column: the base commit's own benchmarks for the goal rows, then the main demo as a whole
     * process, base and current taking turns. A clone without that commit (a shallow one) reports why.
     */
    private void measureBase(String ref, boolean smoke) throws IOException {
        try {
            base = BaseRun.build(ref);
            baseCommit = base.shortCommit();
            before.putAll(BaseRun.measure(base, BeforeAfter.BASE_WORLD, baseWorldOptions(smoke)));
            before.putAll(BaseRun.measure(base, BeforeAfter.BASE_BOUNDARY, smoke ? QUICK_BASE_OPTIONS
                    : List.of("-f", "1", "-wi", String.valueOf(BOUNDARY_WARMUP_ITERATIONS), "-w", "1s", "-i", "3",
                            "-r", "1s", "-p", "mode=COMPILED")));
            String current = "target/classes:" + Files.readString(Path.of("target/classpath.txt")).strip();
            List<ColdStart.Variant> demos = new ArrayList<>();
            for (String mode : List.of("COMPILED", "INTERPRETER")) {
                String key = "ColdStart.demo[" + mode + "]";
                demos.add(ColdStart.demo("base " + key, base.demoClasspath(), List.of(), mode.toLowerCase(Locale.ROOT)));
                demos.add(ColdStart.demo(key, current, List.of(), mode.toLowerCase(Locale.ROOT)));
                // The same demo from a class-data-sharing archive (its warm-up run builds the archive).
                demos.add(new ColdStart.Variant("ColdStart.demoCds[" + mode + "]",
                        List.of("./demo-cds", mode.toLowerCase(Locale.ROOT))));
            }
            Map<String, Double> medians = ColdStart.medians(demos, smoke ? 1 : 7);
            medians.forEach((key, millis) -> {
                if (key.startsWith("base ")) {
                    before.put(key.substring("base ".length()), millis);
                } else {
                    scores.put(key, millis);
                }
            });
        } catch (IOException | InterruptedException e) {
            failures.add("the base commit " + ref + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The base's JMH options in smoke mode: one 100 ms iteration. */
    private static final List<String> QUICK_BASE_OPTIONS = List.of("-f", "1", "-wi", "1", "-w", "100ms", "-i", "1", "-r",
            "100ms", "-p", "mode=COMPILED", "-p", "others=1000");

    /** The base's JMH options for its ECS and relation rows: the current code's (see {@link #options}). */
    private static List<String> baseWorldOptions(boolean smoke) {
        return smoke ? QUICK_BASE_OPTIONS : List.of("-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s");
    }

    /**
     * One more round of the goal rows: the base's churn rows, then the current code's goal rows (the
     * peers' included), each in fresh forks with the options of the first round.
     */
    private void measureRound(boolean smoke, int round) throws RunnerException {
        Map<String, Double> baseScores = new HashMap<>();
        if (base != null) {
            try {
                baseScores.putAll(BaseRun.measure(base, BeforeAfter.GOAL_BASE, baseWorldOptions(smoke)));
            } catch (IOException | InterruptedException e) {
                failures.add("the base commit, round " + round + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (smoke) { // CI's smoke run: the churn rows alone, enough to run this code in both builds, in seconds
            rounds.add(baseScores, results(options(true).include(BeforeAfter.GOAL_BASE), "churn rows, round " + round));
            return;
        }
        Map<String, Double> current = new HashMap<>(results(options(false).include(BeforeAfter.BASE_WORLD),
                "goal rows, round " + round));
        current.putAll(results(boundaryOptions(false).include(BeforeAfter.GOAL_BOUNDARY).param("mode", "COMPILED"),
                "boundary goal rows, round " + round));
        rounds.add(baseScores, current);
    }

    /**
     * Chicory's boundary rows warm up longer than the rest: the batched relation read ran its first
     * seconds at 15-21 ns an edge and settled near 3, so two warm-up seconds left one slow iteration
     * in three measured ones, and the per-entity / batched ratio swung from 4 to 10.
     */
    private static final int BOUNDARY_WARMUP_ITERATIONS = 6;

    private static ChainedOptionsBuilder boundaryOptions(boolean smoke) {
        return smoke ? options(true) : options(false).warmupIterations(BOUNDARY_WARMUP_ITERATIONS);
    }

    private static ChainedOptionsBuilder options(boolean smoke) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .shouldFailOnError(smoke); // CI's smoke run fails on a broken benchmark; a full run reports it
        if (smoke) {
            return options.warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                    .param("others", "1000");
        }
        return options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }

    /**
     * Truffle compiles a guest function after thousands of calls, with a Graal compiler that itself
     * starts out interpreted by HotSpot: the JIT column needs a longer warm-up than the others.
     */
    private static ChainedOptionsBuilder jitWarmup(ChainedOptionsBuilder options, boolean smoke, int seconds) {
        return smoke ? options : options.warmupIterations(seconds).warmupTime(TimeValue.seconds(1))
                .measurementIterations(JIT_MEASUREMENT_ITERATIONS);
    }

    /** The jars the bench profile copied for the upgrade module path, sorted; empty if none. */
    private static List<String> compilerJars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(f -> f.toAbsolutePath().toString()).sorted().toList();
        }
    }

    private void run(ChainedOptionsBuilder options, String what) throws RunnerException {
        scores.putAll(results(options, what));
    }

    /** Runs the benchmarks and returns their scores, keyed e.g. "ChicoryBoundaryBench.abiCall[COMPILED]". */
    private Map<String, Double> results(ChainedOptionsBuilder options, String what) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.isEmpty()) {
            failures.add(what + ": no results");
        }
        Map<String, Double> found = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            for (String param : result.getParams().getParamsKeys()) {
                key += "[" + result.getParams().getParam(param) + "]";
            }
            found.put(key, result.getPrimaryResult().getScore());
        }
        return found;
    }

    // ---------------------------------------------------------------- markdown

    private String markdown(boolean smoke) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append(smoke ? "**Smoke run** (1 x 100 ms iterations): numbers are not meaningful, only that everything runs.\n\n"
                : "");
        md.append("Command: `mvn -Pbench compile exec:exec`").append(smoke ? " `-Dbench.smoke=true`" : "").append("  \n")
                .append("JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(" (GraalWasm: a JDK 25 fork)  \n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append("  \n")
                .append("Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("  \n")
                .append(smoke ? "JMH 1.37, one fork, 1 x 100 ms warm-up, 1 x 100 ms measurement (too short for"
                                + " GraalWasm's JIT to compile: its column only shows that it runs).\n\n"
                        : "JMH 1.37, one fork, 2 x 1 s warm-up, 3 x 1 s measurement (Chicory's boundary rows, base"
                                + " and current alike: " + BOUNDARY_WARMUP_ITERATIONS + " x 1 s warm-up; GraalWasm's JIT,"
                                + " which compiles late: " + JIT_WARMUP_ITERATIONS + " x 1 s, get_name " + JIT_GET_NAME_WARMUP_ITERATIONS
                                + " x 1 s, then " + JIT_MEASUREMENT_ITERATIONS + " x 1 s); average time. These 2-core"
                        + " machines are shared and noisy: read the ratios, measured side by side in this one run.\n\n");

        if (baseCommit != null) {
            md.append("## Before and after: the performance goals\n\n")
                    .append("Before is commit ").append(baseCommit).append(", where the first goals were set (issue 25 measures"
                            + " the undo journal's price against it), built from git"
                            + " and measured by its own benchmarks, given the current crossings per export call, in this same run"
                            + " (goal rows only; the main demo as a"
                            + " whole process, timed from outside its JVM, ").append(smoke ? "one run" : "median of 7 runs")
                    .append(", the two commits and `./demo-cds` taking turns).\n\n")
                    .append(BeforeAfter.markdown(baseCommit, before, scores, rounds)).append('\n');
        }
        md.append("## ECS: ours against Dominion 0.9.0 and Artemis-odb 2.3.0\n\n")
                .append("One million entities with two components; ns per entity. Ratio = ours / the faster peer"
                        + " (below 1: we lead).\n\n")
                .append("| operation | ours | Dominion | Artemis | ratio |\n|---|---:|---:|---:|---:|\n");
        ecsRow(md, "create with 2 components", "Create", "Create");
        ecsRow(md, "iterate 1 component", "Iterate1", "Iterate1");
        ecsRow(md, "iterate 2 components", "Iterate2", "Iterate2");
        ecsRow(md, "random get via `registry.get`", "RandomGet", "RandomGet");
        ecsRow(md, "random get via a held `Storage` (like Artemis' mapper)", "RandomGetStorage", "RandomGet");
        ecsRow(md, "destroy", "Destroy", "Destroy");

        md.append("\n### The price of the version check, in bare arrays\n\n")
                .append("Artemis keeps no version: a stale id reads whatever owns its slot now. The same random gets"
                        + " over bare arrays, no registry (`RandomGetFloorBench`), ns per get:\n\n")
                .append("| layout | ns | / unchecked |\n|---|---:|---:|\n");
        Double unchecked = get("RandomGetFloorBench.unchecked");
        floorRow(md, "one array by slot, no version (Artemis' bag)", unchecked, unchecked);
        floorRow(md, "the owner's version in a second array by slot (our `Storage`)",
                get("RandomGetFloorBench.versionBeside"), unchecked);
        floorRow(md, "value and version token side by side in one array", get("RandomGetFloorBench.versionInterleaved"),
                unchecked);

        md.append("\n## Relationships (no peer has them)\n\n| measure | ns |\n|---|---:|\n");
        row(md, "relink a random player and profile (1:1 churn)", "RelationBench.linkChurn");
        row(md, "reparent a random child (1:N churn, cycle check)", "RelationBench.reparentChurn");
        row(md, "enroll or drop (N:N churn), per call", "RelationBench.enrollDropChurn");
        row(md, "destroy an entity of degree 32, world of 1,000", "RelationBench.destroyDegree32[1000]");
        row(md, "destroy an entity of degree 32, world of 1,000,000", "RelationBench.destroyDegree32[1000000]");
        md.append("| ratio 1,000,000 / 1,000 (goal: within ").append(DEGREE_D_LARGE_VS_SMALL_WORLD.limitText()).append(") | ")
                .append(ratio(get("RelationBench.destroyDegree32[1000000]"), get("RelationBench.destroyDegree32[1000]")))
                .append(" |\n");
        for (String depth : List.of("1", "2", "5", "10")) {
            row(md, "cascade delete per child, tree of depth " + depth, "RelationBench.cascadeDeletePerChild[" + depth + "]");
        }
        md.append("\nFlecs publishes 17-19 ns per child for cascade delete (Apple M4; not measured here).\n");

        md.append("\n## The boundary: the same plugin and ABI through each runtime\n\n")
                .append("ns per crossing (per edge for the relation reads), ms for loading. Ratio = that runtime /"
                        + " Chicory compiled (our default).\n\n")
                .append("| measure | Chicory interpreter | Chicory compiled | Wasmtime (JNI) | ratio | GraalWasm (interp.) | ratio"
                        + " | GraalWasm (JIT) | ratio |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        boundaryRow(md, "guest to host, ABI import `host_is_entity_valid`", "abiCall");
        boundaryRow(md, "guest to host, bare host function doing nothing", "bareCall");
        md.append("| ABI call / bare call | ")
                .append(ratio(chicory("abiCall", "INTERPRETER"), chicory("bareCall", "INTERPRETER"))).append(" | ")
                .append(ratio(chicory("abiCall", "COMPILED"), chicory("bareCall", "COMPILED"))).append(" | ")
                .append(ratio(get("WasmtimeBoundaryBench.abiCall"), get("WasmtimeBoundaryBench.bareCall"))).append(" | | ")
                .append(ratio(get("GraalBoundaryBench.abiCall"), get("GraalBoundaryBench.bareCall"))).append(" | | ")
                .append(ratio(get("GraalJitBoundaryBench.abiCall"), get("GraalJitBoundaryBench.bareCall"))).append(" | |\n");
        boundaryRow(md, "two-call `get_name` into a fresh String", "getName");
        boundaryRow(md, "optimistic first-call `get_name` (64-byte stack buffer, goal compiled: "
                + BeforeAfter.OPTIMISTIC_GET_NAME_NS.limitText() + " ns)", "getNameOptimistic");
        boundaryRow(md, "relation read, batched, per edge", "edgesBatched");
        boundaryRow(md, "relation read, one call per entity, per edge", "edgesPerEntity");
        md.append("| per-entity / batched | ")
                .append(ratio(chicory("edgesPerEntity", "INTERPRETER"), chicory("edgesBatched", "INTERPRETER"))).append(" | ")
                .append(ratio(chicory("edgesPerEntity", "COMPILED"), chicory("edgesBatched", "COMPILED"))).append(" | ")
                .append(ratio(get("WasmtimeBoundaryBench.edgesPerEntity"), get("WasmtimeBoundaryBench.edgesBatched")))
                .append(" | | ")
                .append(ratio(get("GraalBoundaryBench.edgesPerEntity"), get("GraalBoundaryBench.edgesBatched")))
                .append(" | | ")
                .append(ratio(get("GraalJitBoundaryBench.edgesPerEntity"), get("GraalJitBoundaryBench.edgesBatched")))
                .append(" | |\n");
        boundaryRow(md, "host to guest, empty export", "emptyExport");
        boundaryRow(md, "load, cold (parse, compile unless done at build time, instantiate), ms", "loadCold");
        md.append("| load, warm (instantiate a parsed module), ms | ").append(num(chicory("loadWarm", "INTERPRETER")))
                .append(" | ").append(num(chicory("loadWarm", "COMPILED"))).append(" | | | | | | |\n");

        md.append("\n### Where a Chicory crossing's time goes\n\n")
                .append("The same loops split into parts, ns per call. A bare host function doing the validity check"
                        + " `host_is_entity_valid` does (on the manager, with no handle and no last error) separates the"
                        + " work from the ABI's own bookkeeping; the size query and the two crossings into a reused"
                        + " buffer separate `get_name`'s crossings from the guest's allocation.\n\n")
                .append("| measure | Chicory interpreter | Chicory compiled |\n|---|---:|---:|\n");
        splitRow(md, "bare host function doing nothing", "bareCall");
        splitRow(md, "bare host function doing the validity check", "bareCheckCall");
        splitRow(md, "ABI import `host_is_entity_valid`", "abiCall");
        md.append("| ABI import / bare doing the same check (goal compiled: within "
                + BeforeAfter.ABI_VS_BARE_CHECK.limitText() + ") | ")
                .append(ratio(chicory("abiCall", "INTERPRETER"), chicory("bareCheckCall", "INTERPRETER"))).append(" | ")
                .append(ratio(chicory("abiCall", "COMPILED"), chicory("bareCheckCall", "COMPILED"))).append(" |\n");
        splitRow(md, "`get_name` call 1 alone (the size query)", "getNameSize");
        splitRow(md, "`get_name`'s two crossings into a reused buffer", "getNameCrossings");
        splitRow(md, "two-call `get_name` into a fresh String", "getName");
        splitRow(md, "the same, `host_get_name` a bare function copying prepared bytes", "getNameBareHost");
        md.append("| two-call `get_name` / the same with a bare `host_get_name` (goal compiled: within "
                + BeforeAfter.GET_NAME_VS_BARE.limitText() + ") | ")
                .append(ratio(chicory("getName", "INTERPRETER"), chicory("getNameBareHost", "INTERPRETER"))).append(" | ")
                .append(ratio(chicory("getName", "COMPILED"), chicory("getNameBareHost", "COMPILED"))).append(" |\n");
        splitRow(md, "the two crossings, `host_get_name` a bare function", "getNameCrossingsBareHost");
        splitRow(md, "relation read, batched, per edge, the host function a bare copy", "edgesBatchedBareHost");
        splitRow(md, "one export call with no crossing in it (the hop to the guest thread and back)", "exportCall");
        splitRow(md, "the same from a `GuestStacks` thread (no hop: it runs on the caller's thread)", "exportCallInline");
        md.append("| hop / no hop | ").append(ratio(chicory("exportCall", "INTERPRETER"), chicory("exportCallInline", "INTERPRETER")))
                .append(" | ").append(ratio(chicory("exportCall", "COMPILED"), chicory("exportCallInline", "COMPILED")))
                .append(" |\n");
        md.append("| per-entity / batched relation read, net of that export call's share per edge | ")
                .append(netRatio("INTERPRETER")).append(" | ").append(netRatio("COMPILED")).append(" |\n");
        md.append(String.format(Locale.ROOT, "%nEvery boundary row pays one export call per %,d calls, %,d name"
                + " fetches or %,d relation reads (%,d edges): a hop to the guest thread and back of tens of"
                + " microseconds on these machines, so the crossings per export call are many, or the hop would be"
                + " most of a bare call. The net ratio takes the hop's share off both relation rows. A caller on a"
                + " `GuestStacks` thread (the main demo's; here, JMH's workers in that row's fork) runs the call on"
                + " its own thread and pays the no-hop row instead.%n",
                BoundaryFixture.CALLS, BoundaryFixture.NAME_FETCHES, BoundaryFixture.EDGE_READS,
                BoundaryFixture.EDGE_READS * BoundaryFixture.CHILDREN));

        md.append("\n## Goals, over ").append(rounds.countText()).append("\n\n")
                .append("Issue 25's goals, compiled where a mode applies. The goal rows ran ").append(rounds.count())
                .append(rounds.count() == 1 ? " time" : " times, in turns with the base's churn rows")
                .append(" (the first round is the tables above); each verdict is the median round's figure, with every"
                        + " round's beside it. The churn goals compare with the base commit in the same round (")
                .append(baseCommit == null ? "not measured: `-Dbench.base=`" : baseCommit)
                .append("); the main demo's rows are one median of ").append(smoke ? "1 run" : "7 runs").append(".\n\n");
        for (BeforeAfter.Row row : BeforeAfter.ROWS) {
            if (row.goal() != null) {
                goal(md, row.label() + ", " + row.goal(), rounds.verdict(row));
            }
        }
        md.append("\nBeside them, from the first round: the ABI import against a bare function doing nothing ")
                .append(ratio(chicory("abiCall", "COMPILED"), chicory("bareCall", "COMPILED")))
                .append("; the version check alone, in bare arrays, costs ")
                .append(ratio(get("RandomGetFloorBench.versionBeside"), get("RandomGetFloorBench.unchecked")))
                .append("x an unchecked read (one array) or ")
                .append(ratio(get("RandomGetFloorBench.versionInterleaved"), get("RandomGetFloorBench.unchecked")))
                .append("x (interleaved); the export call with the hop ").append(num(chicory("exportCall", "COMPILED")))
                .append(" ns.\n");
        md.append("\nNo longer goals, kept as rows: the batched relation read against per-entity calls (per-entity /"
                + " batched ").append(ratio(perEdgeSaving(), 1.0)).append(", net of one export call's fixed cost per edge ")
                .append(netRatio("COMPILED")).append("; the lesson is to batch the boundary), and the ECS against the faster"
                + " peer on every row (").append(ecsLeads()).append(").\n");
        md.append("\n## What was changed to get here\n\n")
                .append("- Registry: one int per slot for version and state (one memory access per validity check);"
                        + " `get`/`has` find the component first, since a storage only holds live entities.\n")
                .append("- Sparse sets store the member's version beside its position (as EnTT does). Storages keep"
                        + " each value and its owner's version by slot in two flat arrays (grown to the highest slot,"
                        + " like Artemis' bags), so a random get reads one element of each and neither the sparse set"
                        + " nor the entity pool: held-storage get about 2x faster, `registry.get` about 1.4x; create"
                        + " about 25% slower, and 6 bytes a slot up to the highest slot, per storage.\n")
                .append("- The manager builds log lines only when a sink listens (cascade delete became 6x"
                        + " faster).\n")
                .append("- The ABI: manager handles in arrays, Wasm arguments passed through without copying, one"
                        + " reused result array per host function, a name encoded to UTF-8 once per two-call"
                        + " exchange, batched reads counted in O(1) and written straight into guest memory.\n")
                .append("- The loader: no timer per call (one shared watchdog ticker), exports and the guest's"
                        + " mutable globals looked up once.\n")
                .append("- The last-error channel: a success writes one boolean and no reference (G1's write barrier"
                        + " fenced every crossing): the ABI import 14-15 ns -> 10-11.5 ns side by side. Guest-memory"
                        + " checks are static helpers with the trap built out of line: a two-call exchange allocates"
                        + " nothing on the host.\n")
                .append("- Costs added for safety (issue 10): every manager call runs in an undo journal, at first"
                        + " behind a 48-frame stack probe that cost 60-110 ns on each churn call (see below: gone).\n")
                .append("- The bundled plugin's JVM bytecode is compiled at build time (`chicory-compiler-maven-plugin`)"
                        + " and used only for its exact bytes (size and SHA-256), so a cold start runs no compiler:"
                        + " the demo's CPU about 0.65x. `./demo-cds` adds an AppCDS archive and C1 only.\n")
                .append("- The plugin's string wrapper allocates once, at the reported size, unzeroed, and checks NUL"
                        + " and UTF-8 in one pass for ASCII: get_name about 0.8x side by side.\n")
                .append("- The bare-host rows are bare since 359f9d0. Before, `extraFunctions` came after the ABI's, and"
                        + " Chicory 1.7.5 links an import to the first function of its name, so `getNameBareHost`,"
                        + " `getNameCrossingsBareHost` and `edgesBatchedBareHost` ran the real ABI functions: reports before"
                        + " it compared get_name with itself (\"about 1.0\").\n")
                .append("- Beside the two-call exchange, the plugin's `ffi::with_name` (issue 25) calls once into a 64-byte"
                        + " stack buffer and falls back to the exchange for a longer name: the optimistic row. Its buffer"
                        + " is not zeroed (zeroing called memset: 99 -> 53 ns side by side).\n")
                .append("- Batched relation reads encode into a scratch array the session reuses, one little-endian"
                        + " int store an id, and copy into guest memory with one write: 0.6-0.8x per edge, 19.6 -> 1.5"
                        + " bytes allocated per edge.\n")
                .append("- Undo entries without closures (`Registry.onRollback(Undo, target, a, b)`) and component"
                        + " signals held by each storage (no HashMap lookup per event): enroll/drop 168 -> 96 B/op,"
                        + " reparent 115 -> 73 B/op; no ns/op change measurable on this shared machine.\n")
                .append("- Cascade delete: the undo journal and the free-slot stack grow once per plan instead of"
                        + " doubling along the way, and the plan reads each target's sources in place instead of"
                        + " copying them: about 150 B and 25-50 ns less per child side by side. A per-slot component"
                        + " mask (instead of asking every storage) measured no gain and was dropped.\n")
                .append("- `registry.get`, `tryGet` and `has` test the last storage in their own code: the JIT keeps"
                        + " one branch profile per bytecode, and writes alternating Pos and Vel made the shared test in"
                        + " `storage(type)` look like it often misses, which left a lookup call inside every get loop."
                        + " `registry.get` 0.45-0.67x side by side, now as fast as a held storage. An interleaved"
                        + " value-and-version array (one cache line per get) measured no clear gain and was dropped.\n")
                .append("- Cascade delete: members are destroyed as parts of the root's atomic call"
                        + " (`Registry.destroyPartOfCall`, no rollback point each; a failure is still undone whole by"
                        + " the root's call), DYING and RELEASED undo entries write two arrays, and the plan looks up"
                        + " policies once: about 0.7-0.8x per child side by side.\n")
                .append("- Cascade delete (issue 25, answer 4): a child whose parent dies later in the same plan no"
                        + " longer takes itself out of the parent's list, which goes with the parent; a listener may meet"
                        + " the dead id there, never in a survivor's list. Depth 5: 116-143 ns a child against 184-205,"
                        + " side by side; depths 1 and 10 within the noise.\n")
                .append("- The undo journal leaves up to 64 forgotten entries' references for the next entries to"
                        + " overwrite, instead of two bulk fills after every atomic call (a big call still lets go at"
                        + " once): destroy 68-73 ns against 72-89, 1:N churn 111-121 against 124-136, side by side.\n")
                .append("- A pair view reads the other storage by slot without the owner's version: its entity came"
                        + " from a storage, so it is alive and owns its slot (`Storage.getOfLive`). Three arrays an"
                        + " entity, as Artemis reads: iterate-2 3.77-4.13 ns against 4.02-4.36, side by side.\n")
                .append("- A destroy looks each component up once when nobody listens for its removal"
                        + " (`ComponentWrites.removeAt`), where it looked up four times: destroy 52.8-65.6 ns against"
                        + " 64.3-75.2 in four rounds side by side.\n")
                .append("- Where the ABI goal stands: all 30 host functions share one adapter, so the call into each"
                        + " function's body is megamorphic and nothing past it is inlined. Taking the last-error write,"
                        + " the trace check or the handle lookup out of that shared path measured no gain; a scratch"
                        + " adapter for `host_is_entity_valid` alone, with its session bound at link time and a fresh"
                        + " result array (which escape analysis removes), measured 5.6 ns against the bare check's 4.5-5.3,"
                        + " with the reused array 7.9-8.6. So 1.3x needs one adapter class per function.\n")
                .append("- Where the churn goal stands: with no undo entries written at all, 1:1 relink measured"
                        + " 116-122 ns against 126-143 with them, and with no atomic call either 107-117, while the base"
                        + " ran 91-92 (current 126, in the same pair of runs). So even a free journal and atomic call"
                        + " leave 1:1 churn at 1.18-1.29x the base: the rest of the gap came with what changed since"
                        + " (relation stores, checks, the by-slot arrays that halved random get).\n")
                .append("- The stack probe is gone (issue 25). It kept 48 frames of room for an undo, because the ways"
                        + " out of an atomic call made calls that could themselves run out of stack. Now they need no frame"
                        + " beyond the call's own (`AtomicCalls.run`): the depth is put back and the journal forgotten with"
                        + " plain writes, and an undo that runs out of stack is finished by the enclosing call or, for the"
                        + " outermost, by `UndoRescue`'s worker through a hand-over written out inline (plain writes and a"
                        + " spin). `StackExhaustionTest` passes as before. 35-40 ns less on each churn call, side by side"
                        + " with the probe on.\n")
                .append("- The report: each JMH run names its own benchmarks. Reports before 132bece ran every"
                        + " benchmark again on the JDK 25 fork meant for GraalWasm and kept those scores.\n")
                .append("- The boundary benchmarks make ten times as many crossings per export call as they did"
                        + " (100,000 calls, 10,000 name fetches, 1,000 relation reads), and the base is measured with"
                        + " the same counts. Each export call hops to the guest thread and back (`exportCall` in the"
                        + " split table); at the old counts that hop was about two thirds of a bare call, a quarter of"
                        + " get_name and over half of a batched edge. It made the ABI ratio look better (2.8-3.0"
                        + " where it is 5.5-6.7 side by side, in two pairs) and get_name slower (173-177 where it is"
                        + " 116-126 ns), so boundary goal rows in reports before this one do not compare with these.\n");

        md.append("\nGraalWasm (JIT) is GraalWasm on the stock JDK 25 with `-XX:+EnableJVMCI` and the Graal compiler"
                        + " jars (`org.graalvm.compiler:compiler` and the three modules it requires, copied by the bench"
                        + " profile) on `--upgrade-module-path`; its runner refuses to start if Truffle falls back to the"
                        + " interpreter. Both GraalWasm columns reach the ABI through a polyglot `ProxyExecutable` per"
                        + " import, which gets each argument wrapped in a `Value`.\n")
                .append("\nChicory compiled: the bundled plugin's rows (get_name, relation reads, empty export, cold"
                        + " load) run its build-time classes; the ABI import and bare rows run the benchmarks' call-loop"
                        + " module, compiled at run time. Both are the same compiler, run at a different time.\n");
        if (!failures.isEmpty() || !missing.isEmpty()) {
            md.append("\n## Could not run\n\n");
            for (String failure : failures) {
                md.append("- ").append(failure).append('\n');
            }
            for (String peer : missing) {
                md.append("- ").append(peer).append('\n');
            }
        }
        return md.toString();
    }

    private String ecsLeads() {
        List<String> lag = new ArrayList<>();
        for (String[] op : new String[][] {{"Create", "Create"}, {"Iterate1", "Iterate1"}, {"Iterate2", "Iterate2"},
                {"RandomGet", "RandomGet"}, {"RandomGetStorage", "RandomGet"}, {"Destroy", "Destroy"}}) {
            Double o = get("EcsBench.ours" + op[0]);
            Double d = get("EcsBench.dominion" + op[1]);
            Double a = get("EcsBench.artemis" + op[1]);
            if (o == null || d == null || a == null) {
                return "n/a";
            }
            if (o > Math.min(d, a)) {
                lag.add(op[0] + " (" + ratio(o, Math.min(d, a)) + "x)");
            }
        }
        return lag.isEmpty() ? "at or ahead on every row" : "we lag on " + String.join(", ", lag);
    }

    /** How many times cheaper a batched edge is than a per-entity one, compiled. */
    private Double perEdgeSaving() {
        Double batched = chicory("edgesBatched", "COMPILED");
        Double perEntity = chicory("edgesPerEntity", "COMPILED");
        return batched == null || perEntity == null ? null : perEntity / batched;
    }

    private static void goal(StringBuilder md, String goal, String verdict) {
        md.append("- ").append(goal).append(": **").append(verdict).append("**\n");
    }

    private void ecsRow(StringBuilder md, String label, String ours, String peers) {
        Double o = get("EcsBench.ours" + ours);
        Double d = get("EcsBench.dominion" + peers);
        Double a = get("EcsBench.artemis" + peers);
        // Not one conditional: with Math.min's double in it, Java unboxes a missing score and throws.
        Double fastest = d == null ? a : a == null ? d : Double.valueOf(Math.min(d, a));
        md.append("| ").append(label).append(" | ").append(num(o)).append(" | ").append(num(d)).append(" | ")
                .append(num(a)).append(" | ").append(ratio(o, fastest)).append(" |\n");
    }

    private void boundaryRow(StringBuilder md, String label, String method) {
        Double compiled = chicory(method, "COMPILED");
        Double wasmtime = get("WasmtimeBoundaryBench." + method);
        Double graal = get("GraalBoundaryBench." + method);
        Double graalJit = get("GraalJitBoundaryBench." + method);
        md.append("| ").append(label).append(" | ").append(num(chicory(method, "INTERPRETER"))).append(" | ")
                .append(num(compiled)).append(" | ").append(num(wasmtime)).append(" | ").append(ratio(wasmtime, compiled))
                .append(" | ").append(num(graal)).append(" | ").append(ratio(graal, compiled))
                .append(" | ").append(num(graalJit)).append(" | ").append(ratio(graalJit, compiled)).append(" |\n");
    }

    /** Per-entity / batched per edge, each with the export call's fixed cost per edge taken off. */
    private String netRatio(String mode) {
        Double exportCall = chicory("exportCall", mode);
        Double perEntity = chicory("edgesPerEntity", mode);
        Double batched = chicory("edgesBatched", mode);
        if (exportCall == null || perEntity == null || batched == null) {
            return "n/a";
        }
        double share = exportCall / (BoundaryFixture.EDGE_READS * BoundaryFixture.CHILDREN);
        return ratio(perEntity - share, batched - share);
    }

    private void splitRow(StringBuilder md, String label, String method) {
        md.append("| ").append(label).append(" | ").append(num(chicory(method, "INTERPRETER"))).append(" | ")
                .append(num(chicory(method, "COMPILED"))).append(" |\n");
    }

    private static void floorRow(StringBuilder md, String label, Double ns, Double unchecked) {
        md.append("| ").append(label).append(" | ").append(num(ns)).append(" | ").append(ratio(ns, unchecked)).append(" |\n");
    }

    private void row(StringBuilder md, String label, String key) {
        md.append("| ").append(label).append(" | ").append(num(get(key))).append(" |\n");
    }

    private Double chicory(String method, String mode) {
        return get("ChicoryBoundaryBench." + method + "[" + mode + "]");
    }

    private Double get(String key) {
        return scores.get(key);
    }

    /** A figure as the tables print it: n/a, two decimals, or a whole number with thousands separators. */
    static String num(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(Double a, Double b) {
        return a == null || b == null ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
