package dev.ecswasm.grader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Exercises compiled by a {@link CompileJvm} in the sandbox: per exercise, the student's code, then
 * the graded tests against it (their resources, a guest's .wasm, copied beside them), then the
 * hidden tests apart (so their errors can stay hidden). A source made to exhaust or crash the
 * compiler ends that child, and the student reads why.
 */
final class SandboxedCompile {
    /** The compiler's limit; a legitimate exercise compiles in a few seconds. */
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int OUTPUT_LIMIT = 1 << 20;

    private SandboxedCompile() {}

    /** The compiler's verdict per step ({@code student}, {@code tests}, {@code hidden}). */
    record Compiled(Map<String, Step> steps) {
        Step step(String name) {
            return steps.getOrDefault(name, new Step(false, List.of()));
        }
    }

    /** One compile step: whether it worked, and its errors (file names relative to its source folder). */
    record Step(boolean ok, List<String> errors) {
        String errors(String shownRoot) {
            return errors.stream().map(e -> e.contains(".java:") ? shownRoot + "/" + e : e)
                    .collect(Collectors.joining("\n"));
        }
    }

    /**
     * One exercise to compile: {@code submission}, {@code tests} and the {@code hidden} tests into
     * {@code classes/student}, {@code classes/tests} and {@code classes/hidden}.
     */
    record Unit(String name, Path submission, Path tests, Optional<Path> hidden, Path classes) {}

    /**
     * Compiles one exercise within at most {@code limitSeconds} (the whole grading's time left) or
     * {@link #DEADLINE}; when the compiler could not finish, the student step says why.
     *
     * @param libraries the harness first, then the jars, read-only (see {@link Grader})
     */
    static Compiled run(Sandbox sandbox, List<Sandbox.Mount> libraries, Unit unit, long limitSeconds) {
        return runAll(sandbox, libraries, List.of(unit), limitSeconds).get(unit.name())
                .orElseThrow(() -> new IllegalStateException("a single exercise always has a verdict"));
    }

    /**
     * Compiles several exercises in one compiler process (its start is most of a small exercise's
     * cost). An exercise whose steps the process did not finish (it ran out of memory or time on
     * some exercise) is empty in the answer when there were several, to be compiled again alone,
     * where its own verdict says why.
     */
    static Map<String, Optional<Compiled>> runAll(Sandbox sandbox, List<Sandbox.Mount> libraries, List<Unit> units,
            long limitSeconds) {
        List<Sandbox.Mount> mounts = new ArrayList<>(libraries);
        String base = mounts.stream().map(sandbox::seen).collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        args.addAll(Sandbox.FIXED_LOCALE);
        args.addAll(List.of("-cp", sandbox.seen(libraries.get(0)), CompileJvm.class.getName()));
        for (Unit unit : units) {
            String at = "/grading/" + unit.name();
            Sandbox.Mount src = new Sandbox.Mount(unit.submission(), at + "/src/student", false);
            Sandbox.Mount testSrc = new Sandbox.Mount(unit.tests(), at + "/src/tests", false);
            Sandbox.Mount studentOut = writable(unit.classes().resolve("student"), at + "/classes/student");
            Sandbox.Mount testsOut = writable(unit.classes().resolve("tests"), at + "/classes/tests");
            mounts.addAll(List.of(src, testSrc, studentOut, testsOut));
            args.addAll(List.of(unit.name() + "/student", sandbox.seen(src), sandbox.seen(studentOut), base,
                    unit.name() + "/tests", sandbox.seen(testSrc), sandbox.seen(testsOut),
                    base + File.pathSeparator + sandbox.seen(studentOut)));
            if (unit.hidden().isPresent()) {
                Sandbox.Mount hiddenSrc = new Sandbox.Mount(unit.hidden().get(), at + "/src/hidden", false);
                Sandbox.Mount hiddenOut = writable(unit.classes().resolve("hidden"), at + "/classes/hidden");
                mounts.addAll(List.of(hiddenSrc, hiddenOut));
                args.addAll(List.of(unit.name() + "/hidden", sandbox.seen(hiddenSrc), sandbox.seen(hiddenOut),
                        base + File.pathSeparator + sandbox.seen(studentOut) + File.pathSeparator
                                + sandbox.seen(testsOut)));
            }
        }
        long limit = Math.max(1, Math.min(DEADLINE.toSeconds(), limitSeconds));
        Sandbox.Outcome run = sandbox.runJava(args, mounts, "", Duration.ofSeconds(limit), OUTPUT_LIMIT, OUTPUT_LIMIT);
        Map<String, Map<String, Step>> byUnit = new LinkedHashMap<>();
        units.forEach(u -> byUnit.put(u.name(), new LinkedHashMap<>()));
        Map<String, Step> current = null;
        for (String line : run.out().split("\n")) {
            if (line.startsWith("STEP ")) {
                String[] f = line.split(" ");
                int slash = f[1].lastIndexOf('/');
                current = slash < 0 ? null : byUnit.get(f[1].substring(0, slash));
                if (current != null) {
                    current.put(f[1].substring(slash + 1), new Step(f.length > 2 && f[2].equals("ok"), new ArrayList<>()));
                }
            } else if (line.startsWith("E ") && current != null && !current.isEmpty()) {
                List<Step> steps = new ArrayList<>(current.values());
                steps.get(steps.size() - 1).errors().add(ResultLines.unescape(line.substring(2)));
            }
        }
        Map<String, Optional<Compiled>> result = new LinkedHashMap<>();
        for (Unit unit : units) {
            Map<String, Step> steps = byUnit.get(unit.name());
            // A hidden step the process did not reach counts as not compiled, as it would alone.
            boolean decided = steps.containsKey("tests") || steps.values().stream().anyMatch(s -> !s.ok());
            if (decided) {
                result.put(unit.name(), Optional.of(new Compiled(steps)));
            } else if (units.size() > 1) {
                result.put(unit.name(), Optional.empty());
            } else {
                steps.put("student", new Step(false, List.of(whyUnfinished(run, limit))));
                result.put(unit.name(), Optional.of(new Compiled(steps)));
            }
        }
        return result;
    }

    /** Why the compiler process did not finish, for the student: its limit, or its last words. */
    private static String whyUnfinished(Sandbox.Outcome run, long limit) {
        String why = run.timedOut() ? "it was stopped after " + limit + " s"
                + (limit < DEADLINE.toSeconds() ? " (the whole grading's deadline)" : "")
                : run.err().contains("OutOfMemoryError") ? "it ran out of memory (512 MiB)"
                : "it ended with exit code " + run.exitCode();
        String tail = run.err().strip();
        tail = tail.length() > 600 ? "..." + tail.substring(tail.length() - 600) : tail;
        return "the compiler could not finish on your code: " + why + (tail.isEmpty() ? "" : "; its last words: " + tail);
    }

    /** A folder the compiler writes its classes to: no student code runs in that sandbox. */
    private static Sandbox.Mount writable(Path folder, String inside) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sandbox.Mount(folder, inside, true);
    }
}
