package dev.ecswasm.grader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Grades a working copy of the exercises: for each exercise, compiles the student's {@code src}
 * with the project's graded tests (and an instructor's hidden tests, if given), runs the tests in a
 * JVM of its own (see {@link TestJvm}) and collects one {@link TestOutcome} per test.
 *
 * <p>The tests always come from the project's own {@code exercises/NN-name/test}, never from the
 * working copy: an instructor grading a submission from a clean copy of the project is not
 * affected by tests the student edited. Code that does not compile scores 0 for that exercise, with
 * the compiler's messages; the tests are still listed with their points.
 */
public final class Grader {
    private final Options options;

    /**
     * What to grade and how.
     *
     * @param project the project folder: its {@code exercises/*&#47;test} hold the graded tests
     * @param work the working copy: {@code work/NN-name/src} is the student's code
     * @param hidden an instructor's folder of hidden tests, {@code hidden/NN-name/**.java}
     * @param out where the compiled classes, each exercise's output and the reports go
     * @param exercises the exercises to grade; empty means every one the project has
     * @param testTimeoutSeconds each test's limit
     * @param exerciseTimeoutSeconds the limit for one exercise's whole test JVM
     * @param classPath the project's classes and dependencies, for compiling and running the tests
     */
    public record Options(Path project, Path work, Optional<Path> hidden, Path out, List<String> exercises,
            int testTimeoutSeconds, int exerciseTimeoutSeconds, String classPath) {

        public Options {
            exercises = List.copyOf(exercises);
            if (testTimeoutSeconds < 1 || exerciseTimeoutSeconds < 1) {
                throw new IllegalArgumentException("timeouts must be at least 1 s");
            }
        }

        /** Every exercise of {@code project}, from the working copy {@code work}, reports in {@code project/target/grading}. */
        public static Options of(Path project, Path work) {
            return new Options(project, work, Optional.empty(), project.resolve("target/grading"), List.of(), 10,
                    300, defaultClassPath());
        }

        public Options withHidden(Path folder) {
            return new Options(project, work, Optional.of(folder), out, exercises, testTimeoutSeconds,
                    exerciseTimeoutSeconds, classPath);
        }

        public Options withOut(Path folder) {
            return new Options(project, work, hidden, folder, exercises, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath);
        }

        public Options withExercises(List<String> names) {
            return new Options(project, work, hidden, out, names, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath);
        }

        public Options withTimeouts(int perTestSeconds, int perExerciseSeconds) {
            return new Options(project, work, hidden, out, exercises, perTestSeconds, perExerciseSeconds, classPath);
        }
    }

    public Grader(Options options) {
        this.options = options;
    }

    /**
     * This JVM's class path as a plain list: under Maven's Surefire the real one is in
     * {@code surefire.test.class.path} (its own {@code java.class.path} is a one-jar manifest).
     */
    public static String defaultClassPath() {
        return Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
    }

    /** The exercise names this grading covers, checked against the project's exercises. */
    public List<String> exerciseNames() {
        List<String> known = Exercises.folders(options.project().resolve("exercises")).stream()
                .map(p -> p.getFileName().toString())
                .toList();
        if (options.exercises().isEmpty()) {
            return known;
        }
        for (String name : options.exercises()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("no exercise named " + name + "; the exercises are " + known);
            }
        }
        return options.exercises();
    }

    public Report grade() {
        long start = System.nanoTime();
        List<ExerciseGrade> grades = new ArrayList<>();
        for (String name : exerciseNames()) {
            grades.add(gradeOne(name));
        }
        return new Report(grades, (System.nanoTime() - start) / 1e9);
    }

    private ExerciseGrade gradeOne(String name) {
        Path tests = options.project().resolve("exercises").resolve(name).resolve("test");
        Optional<Path> hidden = options.hidden().map(h -> h.resolve(name)).filter(Files::isDirectory);
        Path student = options.work().resolve(name).resolve("src");
        Path out = options.out().resolve(name);
        deleteRecursively(out);

        List<Path> testRoots = new ArrayList<>(List.of(tests));
        hidden.ifPresent(testRoots::add);
        Set<String> hiddenClasses = hidden.map(Grader::classNames).orElse(Set.of());
        List<String> classes = new ArrayList<>(classNames(tests));
        classes.addAll(hiddenClasses);

        String problem;
        String why; // each test's failure line when none ran
        if (!Files.isDirectory(student)) {
            problem = "nothing to grade: there is no folder " + student;
            why = problem;
        } else {
            List<Path> roots = new ArrayList<>(List.of(student));
            roots.addAll(testRoots);
            Javac.Compilation compiled = Javac.compile(roots, out.resolve("classes"), options.classPath(),
                    options.project());
            if (compiled.ok()) {
                List<TestOutcome> outcomes = run(name, "--run", out.resolve("classes"), classes, out);
                return new ExerciseGrade(name, markHidden(outcomes, hiddenClasses), "");
            }
            problem = "does not compile (0 points for this exercise):\n" + compiled.errors();
            why = "your code does not compile: " + compiled.errors().lines().findFirst().orElse("");
        }
        // Nothing ran, but the student still sees every test and what it is worth: list them,
        // compiled against the project's own stubs.
        List<Path> roots = new ArrayList<>(List.of(options.project().resolve("exercises").resolve(name).resolve("src")));
        roots.addAll(testRoots);
        Javac.Compilation listing = Javac.compile(roots, out.resolve("listing"), options.classPath(),
                options.project());
        List<TestOutcome> listed = listing.ok() ? run(name, "--list", out.resolve("listing"), classes, out) : List.of();
        return new ExerciseGrade(name, markHidden(listed.stream().map(t -> t.failedWith(why)).toList(), hiddenClasses),
                problem);
    }

    private List<TestOutcome> run(String name, String mode, Path classes, List<String> testClasses, Path out) {
        Path results = out.resolve(mode.equals("--run") ? "results.tsv" : "listing.tsv");
        Path log = out.resolve("output.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", classes + File.pathSeparator + options.classPath(), TestJvm.class.getName(), mode,
                results.toString(), Integer.toString(options.testTimeoutSeconds())));
        command.addAll(testClasses);
        String cutShort;
        try {
            Files.deleteIfExists(results);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(mode.equals("--run") ? log.toFile() : out.resolve("listing-output.txt").toFile())
                    .start();
            if (!process.waitFor(options.exerciseTimeoutSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                cutShort = "not finished: " + name + " was stopped after " + options.exerciseTimeoutSeconds()
                        + " s in all (a class that never finishes loading?)";
            } else if (process.exitValue() != 0) {
                cutShort = "not finished: the test JVM ended early with exit code " + process.exitValue()
                        + " (does your code call System.exit, or run out of memory?); its output is in " + log;
            } else {
                cutShort = "not finished: the test JVM ended without reporting this test; its output is in " + log;
            }
            List<String> lines = Files.exists(results) ? Files.readAllLines(results, StandardCharsets.UTF_8) : List.of();
            return ResultLines.merge(lines, cutShort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading " + name, e);
        }
    }

    /** The outcomes by task (1.2 before 1.10), the hidden ones after the visible ones of their task. */
    private static List<TestOutcome> markHidden(List<TestOutcome> outcomes, Set<String> hiddenClasses) {
        return outcomes.stream()
                .map(t -> hiddenClasses.contains(t.className()) ? t.asHidden() : t)
                .sorted(Comparator.comparing((TestOutcome t) -> taskKey(t.taskId())).thenComparing(TestOutcome::hidden))
                .toList();
    }

    /** A task id as a sortable key: each dotted number zero-padded; a test without a task sorts last. */
    private static String taskKey(String taskId) {
        if (taskId.isEmpty()) {
            return "~";
        }
        StringBuilder key = new StringBuilder();
        for (String part : taskId.split("\\.")) {
            key.append(!part.isEmpty() && part.length() < 9 && part.chars().allMatch(Character::isDigit)
                    ? String.format("%09d", Integer.parseInt(part)) : part).append('.');
        }
        return key.toString();
    }

    /** The top-level class names of the .java files under {@code root} (package folders to dots). */
    static Set<String> classNames(Path root) {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> names = new LinkedHashSet<>();
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
                String relative = root.relativize(f).toString();
                names.add(relative.substring(0, relative.length() - ".java".length())
                        .replace(File.separatorChar, '.'));
            });
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
