package dev.ecswasm.grader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
     * Compiles several exercises in one compiler process (its start is most of a small exercise's
     * cost): the {@code server}'s when there is one, else a process of their own. One exercise alone
     * always gets a process of its own, whose verdict can say why it did not finish.
     * An exercise whose steps the process did not finish (it ran out of memory or time on some
     * exercise) is empty in the answer when there were several, to be compiled again alone, where
     * its own verdict says why.
     */
    static Map<String, Optional<Compiled>> runAll(Sandbox sandbox, List<Sandbox.Mount> libraries,
            Optional<CompileServer> server, List<Unit> units, long limitSeconds) {
        String base = libraries.stream().map(sandbox::seen).collect(Collectors.joining(File.pathSeparator));
        long limit = Math.max(1, Math.min(DEADLINE.toSeconds(), limitSeconds));
        if (server.isPresent() && units.size() > 1) {
            Optional<CompileServer.Answer> answer = server.get().compile(seen -> fields(units, base, seen),
                    Duration.ofSeconds(limit));
            if (answer.isPresent()) {
                // Steps the server finished are its verdict. It compiles in order, so when its time ran out
                // it was on the first exercise without a verdict: that one could not finish. Any other
                // exercise it did not finish is compiled again alone.
                Map<String, Optional<Compiled>> result = new LinkedHashMap<>();
                boolean blamed = !answer.get().timedOut();
                for (Map.Entry<String, Map<String, Step>> e : parse(answer.get().lines(), units).entrySet()) {
                    if (decided(e.getValue())) {
                        result.put(e.getKey(), Optional.of(new Compiled(e.getValue())));
                    } else if (!blamed) {
                        blamed = true;
                        e.getValue().put("student", new Step(false, List.of("the compiler could not finish on your "
                                + "code: it was stopped after " + limit + " s" + (limit < DEADLINE.toSeconds()
                                        ? " (the whole grading's deadline)" : ""))));
                        result.put(e.getKey(), Optional.of(new Compiled(e.getValue())));
                    } else {
                        result.put(e.getKey(), Optional.empty());
                    }
                }
                return result;
            }
        }
        List<Sandbox.Mount> mounts = new ArrayList<>(libraries);
        Map<Path, String> inside = new HashMap<>();
        for (Unit unit : units) {
            String at = "/grading/" + unit.name();
            List<Sandbox.Mount> own = new ArrayList<>(List.of(
                    new Sandbox.Mount(unit.submission(), at + "/src/student", false),
                    new Sandbox.Mount(unit.tests(), at + "/src/tests", false),
                    writable(unit.classes().resolve("student"), at + "/classes/student"),
                    writable(unit.classes().resolve("tests"), at + "/classes/tests")));
            if (unit.hidden().isPresent()) {
                own.add(new Sandbox.Mount(unit.hidden().get(), at + "/src/hidden", false));
                own.add(writable(unit.classes().resolve("hidden"), at + "/classes/hidden"));
            }
            own.forEach(m -> inside.put(m.outside(), sandbox.seen(m)));
            mounts.addAll(own);
        }
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        args.addAll(Sandbox.FIXED_LOCALE);
        args.addAll(List.of("-cp", sandbox.seen(libraries.get(0)), CompileJvm.class.getName()));
        args.addAll(fields(units, base, inside::get));
        Sandbox.Outcome run = sandbox.runJava(args, mounts, "", Duration.ofSeconds(limit), OUTPUT_LIMIT, OUTPUT_LIMIT);
        Map<String, Optional<Compiled>> result = new LinkedHashMap<>();
        parse(run.out(), units).forEach((name, steps) -> {
            if (decided(steps)) {
                result.put(name, Optional.of(new Compiled(steps)));
            } else if (units.size() > 1) {
                result.put(name, Optional.empty());
            } else {
                steps.put("student", new Step(false, List.of(whyUnfinished(run, limit))));
                result.put(name, Optional.of(new Compiled(steps)));
            }
        });
        return result;
    }

    /**
     * The compiler's arguments for {@code units}, four per step (see {@link CompileJvm}), with each
     * folder as the compiler sees it through {@code seen}.
     */
    private static List<String> fields(List<Unit> units, String base, Function<Path, String> seen) {
        List<String> fields = new ArrayList<>();
        for (Unit unit : units) {
            String student = seen.apply(unit.classes().resolve("student"));
            String tests = seen.apply(unit.classes().resolve("tests"));
            fields.addAll(List.of(unit.name() + "/student", seen.apply(unit.submission()), student, base,
                    unit.name() + "/tests", seen.apply(unit.tests()), tests, base + File.pathSeparator + student));
            if (unit.hidden().isPresent()) {
                fields.addAll(List.of(unit.name() + "/hidden", seen.apply(unit.hidden().get()),
                        seen.apply(unit.classes().resolve("hidden")),
                        base + File.pathSeparator + student + File.pathSeparator + tests));
            }
        }
        return fields;
    }

    /** Each unit's steps, as the compiler's output reports them. */
    private static Map<String, Map<String, Step>> parse(String output, List<Unit> units) {
        Map<String, Map<String, Step>> byUnit = new LinkedHashMap<>();
        units.forEach(u -> byUnit.put(u.name(), new LinkedHashMap<>()));
        Step current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("STEP ")) {
                String[] f = line.split(" ");
                int slash = f[1].lastIndexOf('/');
                Map<String, Step> steps = slash < 0 ? null : byUnit.get(f[1].substring(0, slash));
                current = steps == null ? null : new Step(f.length > 2 && f[2].equals("ok"), new ArrayList<>());
                if (steps != null) {
                    steps.put(f[1].substring(slash + 1), current);
                }
            } else if (line.startsWith("E ") && current != null) {
                current.errors().add(ResultLines.unescape(line.substring(2)));
            }
        }
        return byUnit;
    }

    /**
     * True if the compiler got far enough for a verdict: the tests were compiled, or a step
     * failed. A hidden step the process did not reach counts as not compiled, as it would alone.
     */
    private static boolean decided(Map<String, Step> steps) {
        return steps.containsKey("tests") || steps.values().stream().anyMatch(s -> !s.ok());
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
