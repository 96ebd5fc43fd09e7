package dev.ecswasm.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JVM exercises' tests run in, started by the {@link Grader} (in the sandbox, see
 * {@link Sandbox}). A student's endless loop or exhausted heap ends this JVM, never the grader's.
 *
 * <pre>
 * TestJvm timeout-seconds (@exercise test-class...)...      (standard input: the run's key, one line)
 * </pre>
 *
 * The exercises run one after the other. Each test's result goes to standard output as a line
 * signed with the run's key (see {@link ResultChannel}); what the student's code prints goes to
 * standard error, after a signed line that says which exercise's tests print from there on. When
 * an exercise's tests are done, a signed line {@code section:NAME} says so, and whether any of them
 * ended abnormally (a timeout, a {@link VirtualMachineError} other than a stack overflow): a thread
 * still spinning or a heap still full may then hold back the exercises after it, so the grader
 * runs theirs again alone.
 * Every test runs under the timeout in a thread of its own, so a loop that never checks for
 * interruption still fails just its test.
 */
public final class TestJvm {
    /** The signed line on standard error before an exercise's tests: its output follows. */
    static final String SECTION_OUTPUT = "output:";
    /** The signed line on standard output after an exercise's tests; passed unless one ended abnormally. */
    static final String SECTION_END = "section:";

    private TestJvm() {}

    public static void main(String[] args) throws IOException {
        // Read unbuffered from the descriptor itself, so no copy of the key is left in System.in's buffer.
        ResultChannel channel = ResultChannel.withKey(firstLine(new FileInputStream(FileDescriptor.in)));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        // The results go to the real standard output; System.out, which student code prints to,
        // becomes standard error, so a student's printing never lands between result lines.
        PrintStream results = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        String timeout = args[0];
        Launcher launcher = launcher();
        for (int i = 1; i < args.length; ) {
            String name = args[i++].substring(1);
            System.err.println(channel.sign(SECTION_OUTPUT + name, true, ""));
            LauncherDiscoveryRequestBuilder request = request()
                    .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
            for (; i < args.length && !args[i].startsWith("@"); i++) {
                try {
                    request.selectors(selectClass(Class.forName(args[i], false, TestJvm.class.getClassLoader())));
                } catch (ClassNotFoundException | LinkageError e) {
                    // Its tests have no result line, so the grader fails them as not run.
                    System.err.println("could not load " + args[i] + ": " + e);
                }
            }
            Recorder recorder = new Recorder(channel, results);
            launcher.execute(request.build(), recorder);
            results.println(channel.sign(SECTION_END + name, !recorder.abnormal, ""));
        }
        results.flush();
        System.err.flush();
        // A timed-out test's thread may still be spinning: end the JVM, not just main.
        Runtime.getRuntime().halt(0);
    }

    /**
     * A discovery request that reads its configuration from the grader alone: no system
     * properties, no {@code junit-platform.properties} on the class path, no extension found by
     * the service loader.
     */
    static LauncherDiscoveryRequestBuilder request() {
        return LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    }

    /** A launcher with the Jupiter engine and nothing registered automatically (engines, listeners, filters). */
    static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
    }

    /** The first line of {@code in}, read byte by byte so nothing after it is taken from the stream. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n' && line.size() < 256; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Signs a line as each test finishes, and one for each test a container failure or skip took with it. */
    private static final class Recorder implements TestExecutionListener {
        private final ResultChannel channel;
        private final PrintStream out;
        private TestPlan plan;
        private boolean abnormal;

        Recorder(ResultChannel channel, PrintStream out) {
            this.channel = channel;
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier test : tests(id)) {
                report(test, false, "skipped: " + reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            result.getThrowable().filter(Recorder::isAbnormal).ifPresent(t -> abnormal = true);
            if (id.isTest()) {
                report(id, passed, passed ? "" : result.getThrowable().map(Failures::describe).orElse("failed"));
            } else if (!passed) {
                // A class that fails to set up (a @BeforeAll, a static initialiser) fails all its tests.
                String why = "could not set up " + id.getDisplayName() + ": "
                        + result.getThrowable().map(Failures::describe).orElse("failed");
                for (TestIdentifier test : tests(id)) {
                    report(test, false, why);
                }
            }
        }

        /**
         * A timeout (its thread may spin on) or a VM error such as a full heap (its garbage may be
         * kept) can outlive the test it ended; a stack overflow unwinds with its thread.
         */
        private static boolean isAbnormal(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof TimeoutException
                        || c instanceof VirtualMachineError && !(c instanceof StackOverflowError)) {
                    return true;
                }
            }
            return false;
        }

        private void report(TestIdentifier test, boolean passed, String message) {
            out.println(channel.sign(test.getUniqueId(), passed, message));
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
}
