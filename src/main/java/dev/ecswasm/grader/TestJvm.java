package dev.ecswasm.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JVM one exercise's tests run in, started by the {@link Grader} with the exercise's compiled
 * classes first on its class path. A student's endless loop, {@code System.exit} or exhausted heap
 * ends this JVM, never the grader's.
 *
 * <pre>
 * TestJvm (--run | --list) results-file timeout-seconds test-class...
 * </pre>
 *
 * {@code --list} plans the tests without running any (their points, for an exercise whose code does
 * not compile). Every test runs under the timeout in a thread of its own, so a loop that never
 * checks for interruption still fails just its test.
 */
public final class TestJvm {
    private TestJvm() {}

    public static void main(String[] args) throws Exception {
        boolean run = args[0].equals("--run");
        Path results = Path.of(args[1]);
        String timeout = args[2];
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        for (int i = 3; i < args.length; i++) {
            request.selectors(selectClass(Class.forName(args[i])));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8), true)) {
            TestPlan plan = launcher.discover(discovery);
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier test : plan.getDescendants(root)) {
                    if (test.isTest()) {
                        out.println(ResultLines.encode(ResultLines.PLAN, outcome(test, false, "")));
                    }
                }
            }
            out.flush();
            if (run) {
                launcher.execute(plan, new Recorder(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A timed-out test's thread may still be spinning: end the JVM, not just main.
        System.exit(0);
    }

    /** Writes a DONE line as each test finishes, and one for each test a container failure skipped. */
    private static final class Recorder implements TestExecutionListener {
        private final PrintWriter out;
        private TestPlan plan;

        Recorder(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier test : tests(id)) {
                out.println(ResultLines.encode(ResultLines.DONE, outcome(test, false, "skipped: " + reason)));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                String why = passed ? "" : result.getThrowable().map(Failures::describe).orElse("failed");
                out.println(ResultLines.encode(ResultLines.DONE, outcome(id, passed, why)));
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // A class that fails to set up (a @BeforeAll, a static initialiser) fails all its tests.
                String why = "could not set up " + id.getDisplayName() + ": "
                        + result.getThrowable().map(Failures::describe).orElse("failed");
                for (TestIdentifier test : tests(id)) {
                    out.println(ResultLines.encode(ResultLines.DONE, outcome(test, false, why)));
                }
            }
        }

        private List<TestIdentifier> tests(TestIdentifier id) {
            List<TestIdentifier> tests = new ArrayList<>();
            if (id.isTest()) {
                tests.add(id);
            }
            for (TestIdentifier d : plan.getDescendants(id)) {
                if (d.isTest()) {
                    tests.add(d);
                }
            }
            return tests;
        }
    }

    private static TestOutcome outcome(TestIdentifier test, boolean passed, String message) {
        Optional<Method> method = test.getSource().flatMap(TestJvm::method);
        Task task = method.map(m -> m.getAnnotation(Task.class)).orElse(null);
        String className = method.map(m -> m.getDeclaringClass().getName()).orElse("");
        String methodName = method.map(Method::getName).orElse(test.getDisplayName());
        return new TestOutcome(className, methodName, test.getDisplayName(), task == null ? "" : task.id(),
                task == null ? 0 : task.points(), passed, message, false);
    }

    private static Optional<Method> method(TestSource source) {
        if (source instanceof MethodSource m) {
            try {
                return Optional.of(m.getJavaMethod());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
