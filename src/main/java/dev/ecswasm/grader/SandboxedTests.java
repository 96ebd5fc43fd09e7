package dev.ecswasm.grader;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run of exercises' tests: a {@link TestJvm} in the sandbox, handed a fresh key, whose signed
 * result lines are matched against the grader's own plan. A planned test without a verified
 * result fails, with the reason the run gives.
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
     * One exercise's tests in a run: {@code classNames} (compiled into {@code testClasses}) against
     * {@code studentClasses}, each test of {@code plan} to be matched with its result.
     *
     * @param log where what the student's code printed goes ({@code shownLog} names it), or empty
     *     (a hidden run: nothing of it is kept)
     */
    record Section(String name, Map<String, TestOutcome> plan, Path testClasses, Path studentClasses,
            List<String> classNames, Optional<Path> log, String shownLog) {}

    /**
     * How a section's tests ended: every planned test, and whether the run reached the section's
     * end ({@code finished}) and whether a test of it ended abnormally (see {@link TestJvm}).
     */
    record SectionRun(List<TestOutcome> outcomes, boolean finished, boolean abnormal) {}

    /**
     * Runs the sections one after the other in one test JVM, within {@code limitSeconds} in all;
     * {@code deadline} says that limit is the whole grading's time left.
     */
    Map<String, SectionRun> run(List<Section> sections, long limitSeconds, boolean deadline) {
        List<Sandbox.Mount> mounts = new ArrayList<>(libraries);
        // The grader's harness and JUnit first, then the tests, the student's classes last: nothing
        // the student wrote can stand in for a class of theirs.
        sections.forEach(s -> mounts.add(new Sandbox.Mount(s.testClasses(), "/grading/" + s.name() + "/tests", false)));
        sections.forEach(s -> mounts.add(new Sandbox.Mount(s.studentClasses(), "/grading/" + s.name() + "/student", false)));
        String classPath = mounts.stream().map(sandbox::seen).collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx512m", "-Xss1m",
                "-XX:MaxDirectMemorySize=64m", "-XX:MaxMetaspaceSize=256m", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=/tmp"));
        args.addAll(Sandbox.FIXED_LOCALE);
        args.addAll(List.of("-cp", classPath, TestJvm.class.getName(), Integer.toString(testTimeoutSeconds)));
        for (Section s : sections) {
            args.add("@" + s.name());
            args.addAll(s.classNames());
        }
        String key = ResultChannel.newKey();
        Sandbox.Outcome ran = sandbox.runJava(args, mounts, key + "\n", Duration.ofSeconds(limitSeconds),
                RESULTS_LIMIT, OUTPUT_LIMIT);
        ResultChannel channel = ResultChannel.withKey(key);
        ResultChannel.Read read = channel.read(ran.out());
        Map<String, String> logs = splitOutput(channel, ran, sections);
        Map<String, SectionRun> runs = new LinkedHashMap<>();
        for (Section s : sections) {
            String hint = s.log().isPresent() ? "; its output is in " + s.shownLog() : "";
            String cutShort;
            if (ran.timedOut()) {
                cutShort = "not finished: " + s.name() + " was stopped after " + limitSeconds + " s in all"
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
            s.log().ifPresent(file -> Folders.write(file, logs.get(s.name())));
            List<TestOutcome> outcomes = new ArrayList<>();
            for (Map.Entry<String, TestOutcome> planned : s.plan().entrySet()) {
                ResultChannel.Verified v = read.results().get(planned.getKey());
                TestOutcome t = planned.getValue();
                outcomes.add(v == null ? t.failedWith(cutShort) : v.passed() ? t.passedNow() : t.failedWith(v.message()));
            }
            ResultChannel.Verified end = read.results().get(TestJvm.SECTION_END + s.name());
            runs.put(s.name(), new SectionRun(outcomes, end != null, end != null && !end.passed()));
        }
        return runs;
    }

    /**
     * What the student's code printed, per section: the run's standard error cut at the signed
     * lines that start each section (anything before the first goes to the first).
     */
    private static Map<String, String> splitOutput(ResultChannel channel, Sandbox.Outcome ran, List<Section> sections) {
        Map<String, StringBuilder> parts = new LinkedHashMap<>();
        sections.forEach(s -> parts.put(s.name(), new StringBuilder()));
        String current = sections.get(0).name();
        for (String line : ran.err().split("\n", -1)) {
            Optional<Map.Entry<String, ResultChannel.Verified>> marker = channel.verify(line);
            String id = marker.map(Map.Entry::getKey).orElse("");
            if (id.startsWith(TestJvm.SECTION_OUTPUT) && parts.containsKey(id.substring(TestJvm.SECTION_OUTPUT.length()))) {
                current = id.substring(TestJvm.SECTION_OUTPUT.length());
            } else {
                parts.get(current).append(line).append('\n');
            }
        }
        if (ran.errDropped() > 0) {
            parts.get(current).append("\n... ").append(ran.errDropped())
                    .append(" more bytes of output were dropped (a run keeps at most ").append(OUTPUT_LIMIT >> 20)
                    .append(" MiB)\n");
        }
        Map<String, String> logs = new LinkedHashMap<>();
        parts.forEach((name, text) -> logs.put(name, text.toString().strip().isEmpty() ? "" : text.toString()));
        return logs;
    }
}
