package dev.ecswasm.grader;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Grades a working copy of the exercises. For each exercise it trusts only itself:
 * <ol>
 * <li>the tests and their points come from its own {@link TrustedPlan} (the project's tests against
 * the project's stubs), never from the student's run;
 * <li>only the student's {@code .java} files in the exercise's packages are taken in ({@link Intake});
 * <li>they are compiled, then the tests against them, by a compiler process in the sandbox
 * ({@link SandboxedCompile}); hidden tests apart, so their errors stay hidden;
 * <li>the student's bytecode is checked against the {@link CodePolicy} before any of it runs;
 * <li>the tests run in a test JVM in the sandbox ({@link SandboxedTests}), the hidden ones in a run
 * of their own, each result signed with a key of that run ({@link ResultChannel}).
 * </ol>
 * A test without a verified result fails, with the reason. The tests always come from the project's
 * own {@code exercises/NN-name/test}, never from the working copy.
 */
public final class Grader {
    /** Where the plans are compiled, under the output folder; deleted when the grading ends. */
    private static final String PLANS = ".plans";

    private final Options options;
    private long start;

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
     * @param sandbox where the compiler and the test JVMs run
     * @param deadlineSeconds the whole grading's limit, 0 for none: past it, the exercises not yet
     *     graded fail with that reason, so a report is written in time
     */
    public record Options(Path project, Path work, Optional<Path> hidden, Path out, List<String> exercises,
            int testTimeoutSeconds, int exerciseTimeoutSeconds, String classPath, Sandbox sandbox,
            long deadlineSeconds) {

        public Options {
            exercises = List.copyOf(exercises);
            if (testTimeoutSeconds < 1 || exerciseTimeoutSeconds < 1 || deadlineSeconds < 0) {
                throw new IllegalArgumentException("timeouts must be at least 1 s");
            }
        }

        /**
         * Every exercise of {@code project}, from the working copy {@code work}, reports in
         * {@code project/target/grading}; sandboxed by bubblewrap where it works here.
         */
        public static Options of(Path project, Path work) {
            return new Options(project, work, Optional.empty(), project.resolve("target/grading"), List.of(), 10,
                    300, defaultClassPath(), Sandbox.bwrapWorks() ? Sandbox.bwrap() : Sandbox.none(), 0);
        }

        public Options withWork(Path folder) {
            return new Options(project, folder, hidden, out, exercises, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath, sandbox, deadlineSeconds);
        }

        public Options withHidden(Path folder) {
            return new Options(project, work, Optional.of(folder), out, exercises, testTimeoutSeconds,
                    exerciseTimeoutSeconds, classPath, sandbox, deadlineSeconds);
        }

        public Options withOut(Path folder) {
            return new Options(project, work, hidden, folder, exercises, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath, sandbox, deadlineSeconds);
        }

        public Options withExercises(List<String> names) {
            return new Options(project, work, hidden, out, names, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath, sandbox, deadlineSeconds);
        }

        public Options withTimeouts(int perTestSeconds, int perExerciseSeconds) {
            return new Options(project, work, hidden, out, exercises, perTestSeconds, perExerciseSeconds, classPath,
                    sandbox, deadlineSeconds);
        }

        Options withSandbox(Sandbox s) {
            return new Options(project, work, hidden, out, exercises, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath, s, deadlineSeconds);
        }

        public Options withDeadline(long seconds) {
            return new Options(project, work, hidden, out, exercises, testTimeoutSeconds, exerciseTimeoutSeconds,
                    classPath, sandbox, seconds);
        }

        /** True if the children run under bubblewrap. */
        public boolean sandboxed() {
            return sandbox.isolated();
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
        return grade(report -> { });
    }

    /**
     * Grades every exercise, and after each one hands {@code progress} the report so far, with the
     * exercises not graded yet listed as failed (their tests and points from the grader's own
     * plan), so a report written from it is complete and correct whenever the grading is stopped.
     * Past the options' deadline the remaining exercises are not graded, and say so.
     */
    public Report grade(Consumer<Report> progress) {
        start = System.nanoTime();
        List<String> names = exerciseNames();
        Map<String, TrustedPlan> plans = new LinkedHashMap<>();
        try {
            for (String name : names) {
                plans.put(name, plan(name));
            }
            List<ExerciseGrade> grades = new ArrayList<>();
            for (String name : names) {
                TrustedPlan plan = plans.get(name);
                grades.add(remainingSeconds() <= 0
                        ? failedAll(name, plan.visible(), plan.hidden(), "not graded: the grading's deadline of "
                                + options.deadlineSeconds() + " s had passed before this exercise")
                        : gradeOrSayWhy(name, plan));
                List<ExerciseGrade> soFar = new ArrayList<>(grades);
                for (String pending : names.subList(grades.size(), names.size())) {
                    soFar.add(failedAll(pending, plans.get(pending).visible(), plans.get(pending).hidden(),
                            "not graded yet: the grader stopped before this exercise"));
                }
                progress.accept(new Report(soFar, elapsedSeconds()));
            }
            return new Report(grades, elapsedSeconds());
        } finally {
            // The plans hold the hidden tests' classes: nothing of them stays where reports go.
            Folders.deleteRecursively(options.out().resolve(PLANS));
        }
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds left before the whole grading's deadline (a large number when there is none). */
    long remainingSeconds() {
        return options.deadlineSeconds() == 0 ? Long.MAX_VALUE
                : options.deadlineSeconds() - (long) Math.floor(elapsedSeconds());
    }

    private TrustedPlan plan(String name) {
        return TrustedPlan.of(options.project().resolve("exercises").resolve(name),
                options.hidden().map(h -> h.resolve(name)).filter(Files::isDirectory),
                options.out().resolve(PLANS).resolve(name), options.classPath(), options.project());
    }

    /**
     * One exercise's grade; if grading it fails in a way the grader did not plan for (a file it
     * cannot read, a disk that is full), that exercise scores 0 with the reason and its tests
     * listed, and the others are graded as usual.
     */
    private ExerciseGrade gradeOrSayWhy(String name, TrustedPlan plan) {
        try {
            return gradeOne(name, plan);
        } catch (RuntimeException e) {
            return failedAll(name, plan.visible(), plan.hidden(), "not graded: the grader failed on this exercise: " + e);
        }
    }

    private ExerciseGrade gradeOne(String name, TrustedPlan plan) {
        Path exercise = options.project().resolve("exercises").resolve(name);
        Path tests = exercise.resolve("test");
        Optional<Path> hidden = options.hidden().map(h -> h.resolve(name)).filter(Files::isDirectory);
        Path out = options.out().resolve(name);
        Folders.deleteRecursively(out);
        Map<String, TestOutcome> visible = plan.visible();
        Map<String, TestOutcome> hiddenPlan = plan.hidden();
        List<String> visibleClasses = plan.visibleClasses();
        List<String> hiddenClasses = plan.hiddenClasses();

        // 1. The student's own files, and nothing else.
        Path workFolder = options.work().resolve(name);
        Path student = workFolder.resolve("src");
        if (Files.isSymbolicLink(workFolder) || Files.isSymbolicLink(student)) {
            return failedAll(name, visible, hiddenPlan, "nothing graded: " + shown(student) + " is a link; "
                    + "hand in the folder itself");
        }
        if (!Files.isDirectory(student, LinkOption.NOFOLLOW_LINKS)) {
            return failedAll(name, visible, hiddenPlan, "nothing to grade: there is no folder " + shown(student));
        }
        Set<String> packages = Exercises.packageFolders(exercise.resolve("src"));
        Set<String> testNames = new LinkedHashSet<>(visibleClasses);
        Path submission = out.resolve("submission");
        Intake.Result intake = Intake.take(student, submission, exercise.resolve("src"), packages, testNames);
        String refused = intake.refused().isEmpty() ? "" : "not graded (only .java files in the exercise's packages "
                + "are the student's code, and given files are the exercise's):\n" + intake.refused().stream().map(r -> "  " + r)
                        .collect(Collectors.joining("\n")) + "\n";
        if (intake.accepted().isEmpty()) {
            return failedAll(name, visible, hiddenPlan, refused + "nothing to grade: no .java file of the exercise's "
                    + "packages in " + shown(student));
        }

        // 2. Compile in the sandbox: the student's code, the tests against it, the hidden tests apart.
        List<Sandbox.Mount> libraries = libraryMounts();
        SandboxedCompile.Compiled compiled = SandboxedCompile.run(options.sandbox(), libraries, submission, tests,
                hidden, out.resolve("classes"), remainingSeconds());
        String shownStudent = shown(student);
        if (!compiled.step("student").ok()) {
            String errors = compiled.step("student").errors(shownStudent);
            return failedAll(name, visible, hiddenPlan, refused + "does not compile (0 points for this exercise):\n"
                    + errors, "your code does not compile: " + errors.lines().findFirst().orElse(""));
        }
        if (!compiled.step("tests").ok()) {
            String errors = compiled.step("tests").errors(shown(tests));
            return failedAll(name, visible, hiddenPlan, refused + "the graded tests do not compile against your code "
                    + "(a method's name or signature changed?):\n" + errors,
                    "the graded tests do not compile against your code: " + errors.lines().findFirst().orElse(""));
        }

        // 3. What the student's code may call, before any of it runs.
        List<CodePolicy.Violation> violations = new ArrayList<>(
                CodePolicy.takenNames(out.resolve("classes/student"), out.resolve("classes/tests")));
        violations.addAll(CodePolicy.check(out.resolve("classes/student"), packages));
        if (!violations.isEmpty()) {
            String list = violations.stream().limit(20).map(v -> "  " + v).collect(Collectors.joining("\n"));
            return failedAll(name, visible, hiddenPlan, refused + "refused before any test ran (0 points for this "
                    + "exercise): graded code may not do what these lines do:\n" + list,
                    "refused: " + violations.get(0));
        }

        // 4. Run, visible and hidden apart.
        SandboxedTests testRuns = new SandboxedTests(options.sandbox(), libraries, options.testTimeoutSeconds());
        long limit = Math.max(1, Math.min(options.exerciseTimeoutSeconds(), remainingSeconds()));
        boolean deadline = limit < options.exerciseTimeoutSeconds();
        Path log = out.resolve("output.txt");
        List<TestOutcome> outcomes = new ArrayList<>(testRuns.run(name, visible, out.resolve("classes/tests"),
                out.resolve("classes/student"), visibleClasses, limit, deadline, Optional.of(log), shown(log)));
        if (!hiddenPlan.isEmpty()) {
            if (compiled.step("hidden").ok()) {
                long hiddenLimit = Math.max(1, Math.min(options.exerciseTimeoutSeconds(), remainingSeconds()));
                testRuns.run(name, hiddenPlan, out.resolve("classes/hidden"), out.resolve("classes/student"), hiddenClasses,
                        hiddenLimit, hiddenLimit < options.exerciseTimeoutSeconds(), Optional.empty(), "")
                        .forEach(t -> outcomes.add(t.withMessage("").asHidden()));
            } else {
                hiddenPlan.values().forEach(t -> outcomes.add(
                        t.failedWith("a hidden test did not compile against your code").asHidden()));
            }
        }
        // The hidden tests' classes hold their text: nothing of them stays where reports go.
        Folders.deleteRecursively(out.resolve("classes/hidden"));
        return new ExerciseGrade(name, ExerciseGrade.byTask(outcomes), refused.strip());
    }

    private ExerciseGrade failedAll(String name, Map<String, TestOutcome> visible, Map<String, TestOutcome> hidden,
            String problem) {
        return failedAll(name, visible, hidden, problem, problem.lines().reduce((a, b) -> b).orElse(problem));
    }

    private ExerciseGrade failedAll(String name, Map<String, TestOutcome> visible, Map<String, TestOutcome> hidden,
            String problem, String why) {
        List<TestOutcome> all = new ArrayList<>();
        visible.values().forEach(t -> all.add(t.failedWith(why)));
        hidden.values().forEach(t -> all.add(t.failedWith(why).asHidden()));
        Folders.deleteRecursively(options.out().resolve(name).resolve("classes/hidden"));
        return new ExerciseGrade(name, ExerciseGrade.byTask(all), problem);
    }

    /**
     * The harness and the libraries the tests need, read-only: the project's classes (the harness
     * first) and its jars, nothing else of the project.
     */
    private List<Sandbox.Mount> libraryMounts() {
        List<Sandbox.Mount> mounts = new ArrayList<>();
        int n = 0;
        for (String entry : options.classPath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                mounts.add(new Sandbox.Mount(p, "/grading/lib/" + (n++) + ".jar", false));
            }
        }
        mounts.add(0, new Sandbox.Mount(Path.of(harness()), "/grading/harness", false));
        return mounts;
    }

    /** Where the grader's own classes are (the project's classes folder, or its jar). */
    private static String harness() {
        try {
            return Path.of(Grader.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = options.project().toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

}
