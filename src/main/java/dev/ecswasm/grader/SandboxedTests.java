package dev.ecswasm.grader;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run of an exercise's tests: a {@link TestJvm} in the sandbox, handed a fresh key, whose
 * signed result lines are matched against the grader's own plan. A planned test without a
 * verified result fails, with the reason the run gives.
 */
final class SandboxedTests {
    /** The test JVM's standard output holds only signed result lines: this is room for thousands. */
    private static final int RESULTS_LIMIT = 4 << 20;
    /** What the student's code prints is kept up to this much (the rest is counted). */
    private static final int OUTPUT_LIMIT = 1 << 20;

    private final Sandbox sandbox;
    private final List<Sandbox.Mount> libraries;
    private final int testTimeoutSeconds;

    /**
     * @param libraries the harness first, then the jars, read-only (see {@link Grader})
     * @param testTimeoutSeconds each test's limit
     */
    SandboxedTests(Sandbox sandbox, List<Sandbox.Mount> libraries, int testTimeoutSeconds) {
        this.sandbox = sandbox;
        this.libraries = List.copyOf(libraries);
        this.testTimeoutSeconds = testTimeoutSeconds;
    }

    /**
     * Runs {@code classNames} (compiled into {@code testClasses}) against {@code studentClasses}
     * and returns each test of {@code plan} as it ended.
     *
     * @param limitSeconds the run's limit; {@code deadline} says it is the whole grading's time left
     * @param log where what the student's code printed goes ({@code shownLog} names it), or empty
     *     (a hidden run: nothing of it is kept)
     */
    List<TestOutcome> run(String name, Map<String, TestOutcome> plan, Path testClasses, Path studentClasses,
            List<String> classNames, long limitSeconds, boolean deadline, Optional<Path> log, String shownLog) {
        List<Sandbox.Mount> mounts = new ArrayList<>(libraries);
        mounts.add(new Sandbox.Mount(testClasses, "/grading/classes/tests", false));
        mounts.add(new Sandbox.Mount(studentClasses, "/grading/classes/student", false));
        // The grader's harness and JUnit first, then the tests, the student's classes last: nothing
        // the student wrote can stand in for a class of theirs.
        String classPath = mounts.stream().map(sandbox::seen).collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx512m", "-Xss1m",
                "-XX:MaxDirectMemorySize=64m", "-XX:MaxMetaspaceSize=256m", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=/tmp"));
        args.addAll(Sandbox.FIXED_LOCALE);
        args.addAll(List.of("-cp", classPath, TestJvm.class.getName(), Integer.toString(testTimeoutSeconds)));
        args.addAll(classNames);
        String key = ResultChannel.newKey();
        Sandbox.Outcome ran = sandbox.runJava(args, mounts, key + "\n", Duration.ofSeconds(limitSeconds),
                RESULTS_LIMIT, OUTPUT_LIMIT);
        ResultChannel.Read read = ResultChannel.withKey(key).read(ran.out());
        String hint = log.isPresent() ? "; its output is in " + shownLog : "";
        String cutShort;
        if (ran.timedOut()) {
            cutShort = "not finished: " + name + " was stopped after " + limitSeconds + " s in all"
                    + (deadline ? " (the whole grading's deadline)" : " (a class that never finishes loading?)");
        } else if (ran.exitCode() != 0) {
            cutShort = "not finished: the test JVM ended early with exit code " + ran.exitCode()
                    + " (out of memory? a stack overflow in a static initialiser?)" + hint;
        } else {
            cutShort = "not finished: the test JVM ended without reporting this test" + hint;
        }
        if (read.rejected() > 0) {
            cutShort += "; " + read.rejected() + " result line(s) did not carry the run's signature and were ignored";
        }
        log.ifPresent(file -> Folders.write(file, ran.err() + (ran.errDropped() > 0
                ? "\n... " + ran.errDropped() + " more bytes of output were dropped\n" : "")));
        List<TestOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, TestOutcome> planned : plan.entrySet()) {
            ResultChannel.Verified v = read.results().get(planned.getKey());
            TestOutcome t = planned.getValue();
            outcomes.add(v == null ? t.failedWith(cutShort) : v.passed() ? t.passedNow() : t.failedWith(v.message()));
        }
        return outcomes;
    }
}
