package dev.ecswasm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The "before" column: an earlier commit, taken from git into {@code target/bench-base/}, built with its own
 * Maven profile and measured by its own benchmarks in the same run as the current code, so before and after
 * come from one machine, minutes apart. Only the benchmarks named by a regular expression run.
 */
final class BaseRun {
    /** A built base: its commit, its folder, and the class paths of its benchmarks and of its demo. */
    record Build(String commit, Path dir, String benchClasspath, String demoClasspath) {
        String shortCommit() {
            return commit.substring(0, 7);
        }
    }

    private BaseRun() {}

    /** The current crossings per export call, by constant name, as the base's {@link BoundaryFixture} is given them. */
    private static final List<Map.Entry<String, Integer>> COUNTS = List.of(
            Map.entry("CALLS", BoundaryFixture.CALLS),
            Map.entry("NAME_FETCHES", BoundaryFixture.NAME_FETCHES),
            Map.entry("EDGE_READS", BoundaryFixture.EDGE_READS));

    /**
     * Gives the base's boundary benchmarks the current number of crossings per export call. Each
     * export call pays one hop to the guest thread and back (tens of microseconds here), spread over
     * the crossings it makes; with the base's own, smaller counts its rows would carry a bigger share
     * of that hop than the current rows, and before and after would not measure the same thing.
     */
    private static void useCurrentCounts(Path dir) throws IOException {
        Path fixture = dir.resolve("src/jmh/java/dev/ecswasm/bench/BoundaryFixture.java");
        String source = Files.readString(fixture);
        for (Map.Entry<String, Integer> count : COUNTS) {
            Pattern constant = Pattern.compile("static final int " + count.getKey() + " = [0-9_]+;");
            if (!constant.matcher(source).find()) {
                throw new IOException("the base's " + fixture + " has no " + constant + ": its boundary rows would"
                        + " not be measured as the current ones are");
            }
            String current = "static final int " + count.getKey() + " = " + count.getValue() + ";";
            source = constant.matcher(source).replaceFirst(current);
        }
        Files.writeString(fixture, source);
    }

    /** Builds {@code ref} once (a later run reuses the folder) and returns its class paths. */
    static Build build(String ref) throws IOException, InterruptedException {
        String commit = run(Path.of("."), "git", "rev-parse", "--verify", ref + "^{commit}").strip();
        Path dir = Path.of("target", "bench-base", commit.substring(0, 12)).toAbsolutePath();
        Path built = dir.resolve("target/base-built");
        String marker = commit + " " + COUNTS; // "<commit> [CALLS=100000, ...]": other counts build it again
        if (!Files.exists(built) || !Files.readString(built).equals(marker)) {
            run(Path.of("."), "rm", "-rf", dir.toString());
            Files.createDirectories(dir);
            run(Path.of("."), "sh", "-c", "git archive " + commit + " | tar -x -C '" + dir + "'");
            useCurrentCounts(dir);
            run(dir, "mvn", "-q", "-B", "-Pbench", "compile", "-DskipTests");
            Files.writeString(built, marker);
        }
        Path benchCp = dir.resolve("target/base-bench-cp.txt");
        Path demoCp = dir.resolve("target/base-demo-cp.txt");
        run(dir, "mvn", "-q", "-B", "-Pbench", "dependency:build-classpath", "-Dmdep.outputFile=" + benchCp);
        run(dir, "mvn", "-q", "-B", "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + demoCp);
        // Older commits compiled the benchmarks into target/classes, newer ones into target/bench-classes.
        String classes = dir.resolve("target/bench-classes") + ":" + dir.resolve("target/classes");
        return new Build(commit, dir, classes + ":" + Files.readString(benchCp).strip(),
                dir.resolve("target/classes") + ":" + Files.readString(demoCp).strip());
    }

    /**
     * Runs the base's benchmarks matching {@code include} with JMH's own command line and the given options,
     * and returns their scores keyed as {@link BenchmarkReport} keys its own ("EcsBench.oursRandomGet",
     * "ChicoryBoundaryBench.abiCall[COMPILED]").
     */
    static Map<String, Double> measure(Build base, String include, List<String> jmhOptions)
            throws IOException, InterruptedException {
        Path csv = base.dir().resolve("target/base-results.csv");
        Files.deleteIfExists(csv);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Duser.language=en", "-Duser.country=US",
                "-Djmh.ignoreLock=" + Boolean.getBoolean("jmh.ignoreLock"), // as the report itself was told
                "-cp", base.benchClasspath(), "org.openjdk.jmh.Main", include));
        command.addAll(jmhOptions);
        command.addAll(List.of("-rf", "csv", "-rff", csv.toString()));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0 || !Files.exists(csv)) {
            throw new IOException("the base's benchmarks failed (exit " + process.exitValue() + "): " + command);
        }
        return parseCsv(Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    /** JMH's CSV: a quoted header, then one row per benchmark and parameter set. */
    static Map<String, Double> parseCsv(List<String> lines) {
        Map<String, Double> scores = new HashMap<>();
        List<String> header = cells(lines.get(0));
        int score = header.indexOf("Score");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = cells(line);
            String name = row.get(0);
            StringBuilder key = new StringBuilder(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("Param: ") && !row.get(i).isEmpty()) {
                    key.append('[').append(row.get(i)).append(']');
                }
            }
            scores.put(key.toString(), Double.parseDouble(row.get(score)));
        }
        return scores;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            cells.add(cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell);
        }
        return cells;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to completion and returns what it printed; fails with its output if it fails. */
    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed in " + dir + ":\n" + output);
        }
        return output;
    }
}
