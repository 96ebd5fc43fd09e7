package dev.ecswasm.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The graded tests of one exercise and their points, found by the grader itself: the project's
 * tests, compiled against the project's own stubs (no student code), discovered in the grader's JVM
 * without running anything. A test JVM only ever says pass or fail for a test of this plan; what
 * a test is worth, and which tests there are, never comes from it.
 *
 * @param visible the visible tests by JUnit unique id, each not run yet
 * @param hidden the hidden tests, the same way
 * @param visibleClasses the visible test classes' names, to select in a run
 * @param hiddenClasses the hidden ones'
 */
record TrustedPlan(Map<String, TestOutcome> visible, Map<String, TestOutcome> hidden, List<String> visibleClasses,
        List<String> hiddenClasses) {

    /**
     * The plan of one exercise: its tests (and the instructor's {@code hidden} ones), compiled
     * against its own stubs into {@code classes}, in this JVM (no student code takes part), and
     * discovered. The hidden tests are listed apart.
     *
     * @param exercise the project's {@code exercises/NN-name} folder
     * @param shownFrom compile errors name files relative to this folder
     */
    static TrustedPlan of(Path exercise, Optional<Path> hidden, Path classes, String classPath, Path shownFrom) {
        Path tests = exercise.resolve("test");
        List<String> visibleClasses = List.copyOf(Exercises.classNames(tests));
        List<String> hiddenClasses = hidden.map(h -> List.copyOf(Exercises.classNames(h))).orElse(List.of());
        List<Path> roots = new java.util.ArrayList<>(List.of(exercise.resolve("src"), tests));
        hidden.ifPresent(roots::add);
        Folders.deleteRecursively(classes);
        Javac.Compilation compiled = Javac.compile(roots, classes, classPath, shownFrom);
        if (!compiled.ok()) {
            throw new IllegalStateException(exercise.getFileName() + ": the project's own stubs and tests do not "
                    + "compile, so nothing can be graded:\n" + compiled.text());
        }
        String notRun = "not run";
        return new TrustedPlan(discover(classes, visibleClasses, notRun),
                hiddenClasses.isEmpty() ? Map.of() : discover(classes, hiddenClasses, notRun),
                visibleClasses, hiddenClasses);
    }

    /**
     * Every graded test in {@code testClasses} (compiled into {@code classes}), by JUnit unique id,
     * as an outcome that has not run yet. Graded tests are plain {@code @Test} methods: a test
     * whose invocations only exist at run time (parameterized, repeated, a factory) is refused,
     * since its points could not be known in advance.
     */
    static Map<String, TestOutcome> discover(Path classes, List<String> testClasses, String notRun) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                TrustedPlan.class.getClassLoader())) {
            thread.setContextClassLoader(loader); // where JUnit looks a test's method up again
            LauncherDiscoveryRequestBuilder request = TestJvm.request();
            for (String name : testClasses) {
                request.selectors(selectClass(Class.forName(name, false, loader)));
            }
            TestPlan plan = TestJvm.launcher().discover(request.build());
            Map<String, TestOutcome> tests = new LinkedHashMap<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    Optional<Method> method = id.getSource().flatMap(TrustedPlan::method);
                    Task task = method.map(m -> m.getAnnotation(Task.class)).orElse(null);
                    if (id.isContainer() && task != null) {
                        throw new IllegalStateException(id.getUniqueId() + " is graded (@Task) but is not a plain "
                                + "@Test: its invocations are only known when it runs");
                    }
                    if (id.isTest()) {
                        tests.put(id.getUniqueId(), new TestOutcome(
                                method.map(m -> m.getDeclaringClass().getName()).orElse(""),
                                method.map(Method::getName).orElse(id.getDisplayName()), id.getDisplayName(),
                                task == null ? "" : task.id(), task == null ? 0 : task.points(), false, notRun, false));
                    }
                }
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a graded test class was not compiled: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(before);
        }
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
