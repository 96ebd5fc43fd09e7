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
 * One exercise compiled by a {@link CompileJvm} in the sandbox: the student's code, then the graded
 * tests against it (their resources, a guest's .wasm, copied beside them), then the hidden tests
 * apart (so their errors can stay hidden). A source made to
 * exhaust or crash the compiler ends that child, and the student reads why.
 */
final class SandboxedCompile {
    /** The compiler's limit; a legitimate exercise compiles in a few seconds. */
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int OUTPUT_LIMIT = 256 << 10;

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
     * Compiles {@code submission}, {@code tests} and the {@code hidden} tests into
     * {@code classes/student}, {@code classes/tests} and {@code classes/hidden}, within at most
     * {@code limitSeconds} (the whole grading's time left) or {@link #DEADLINE}.
     *
     * @param libraries the harness first, then the jars, read-only (see {@link Grader})
     */
    static Compiled run(Sandbox sandbox, List<Sandbox.Mount> libraries, Path submission, Path tests,
            Optional<Path> hidden, Path classes, long limitSeconds) {
        List<Sandbox.Mount> mounts = new ArrayList<>(libraries);
        String base = mounts.stream().map(sandbox::seen).collect(Collectors.joining(File.pathSeparator));
        Sandbox.Mount src = new Sandbox.Mount(submission, "/grading/src/student", false);
        Sandbox.Mount testSrc = new Sandbox.Mount(tests, "/grading/src/tests", false);
        Sandbox.Mount studentOut = writable(classes.resolve("student"), "/grading/classes/student");
        Sandbox.Mount testsOut = writable(classes.resolve("tests"), "/grading/classes/tests");
        mounts.addAll(List.of(src, testSrc, studentOut, testsOut));
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        args.addAll(Sandbox.FIXED_LOCALE);
        args.addAll(List.of("-cp", sandbox.seen(libraries.get(0)), CompileJvm.class.getName(),
                "student", sandbox.seen(src), sandbox.seen(studentOut), base,
                "tests", sandbox.seen(testSrc), sandbox.seen(testsOut), base + File.pathSeparator + sandbox.seen(studentOut)));
        if (hidden.isPresent()) {
            Sandbox.Mount hiddenSrc = new Sandbox.Mount(hidden.get(), "/grading/src/hidden", false);
            Sandbox.Mount hiddenOut = writable(classes.resolve("hidden"), "/grading/classes/hidden");
            mounts.addAll(List.of(hiddenSrc, hiddenOut));
            args.addAll(List.of("hidden", sandbox.seen(hiddenSrc), sandbox.seen(hiddenOut), base + File.pathSeparator
                    + sandbox.seen(studentOut) + File.pathSeparator + sandbox.seen(testsOut)));
        }
        long limit = Math.max(1, Math.min(DEADLINE.toSeconds(), limitSeconds));
        Sandbox.Outcome run = sandbox.runJava(args, mounts, "", Duration.ofSeconds(limit), OUTPUT_LIMIT, OUTPUT_LIMIT);
        Map<String, Step> steps = new LinkedHashMap<>();
        String current = null;
        for (String line : run.out().split("\n")) {
            if (line.startsWith("STEP ")) {
                String[] f = line.split(" ");
                current = f[1];
                steps.put(current, new Step(f.length > 2 && f[2].equals("ok"), new ArrayList<>()));
            } else if (line.startsWith("E ") && current != null) {
                steps.get(current).errors().add(ResultLines.unescape(line.substring(2)));
            }
        }
        if (!steps.containsKey("student") || run.exitCode() != 0 && !steps.containsKey("tests")) {
            String why = run.timedOut() ? "it was stopped after " + limit + " s"
                    + (limit < DEADLINE.toSeconds() ? " (the whole grading's deadline)" : "")
                    : run.err().contains("OutOfMemoryError") ? "it ran out of memory (512 MiB)"
                    : "it ended with exit code " + run.exitCode();
            String tail = run.err().strip();
            tail = tail.length() > 600 ? "..." + tail.substring(tail.length() - 600) : tail;
            steps.put("student", new Step(false, List.of("the compiler could not finish on your code: " + why
                    + (tail.isEmpty() ? "" : "; its last words: " + tail))));
        }
        return new Compiled(steps);
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
