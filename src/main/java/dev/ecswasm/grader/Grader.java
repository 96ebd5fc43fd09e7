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
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Map<String, TrustedPlan> plans;
    private final Optional<CompileServer> compiler;
    /** How many sandboxed processes this grader started: the cost that sharing them saves. */
    private final AtomicInteger processes = new AtomicInteger();
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
        this(options, Map.of(), Optional.empty());
    }

    /**
     * A grader that takes the plans of {@code plans} as made (see {@link #plans}) instead of making
     * them again, and compiles with the warm {@code compiler} when there is one: a class's students
     * share both.
     */
    Grader(Options options, Map<String, TrustedPlan> plans, Optional<CompileServer> compiler) {
        this.options = options;
        this.plans = Map.copyOf(plans);
        this.compiler = compiler;
    }

    /**
     * The grader's own plan of every exercise the options name, made once (compiled under the
     * output folder, which is left as it was): the same for every student graded with these options.
     */
    static Map<String, TrustedPlan> plans(Options options) {
        Grader grader = new Grader(options);
        Map<String, TrustedPlan> plans = new LinkedHashMap<>();
        try {
            for (String name : grader.exerciseNames()) {
                plans.put(name, grader.plan(name));
            }
            return plans;
        } finally {
            Folders.deleteRecursively(options.out().resolve(PLANS));
        }
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
     * Grades every exercise, and after each step hands {@code progress} the report so far, with the
     * exercises not graded yet listed as failed (their tests and points from the grader's own
     * plan), so a report written from it is complete and correct whenever the grading is stopped.
     * Past the options' deadline the remaining exercises are not graded, and say so.
     *
     * <p>The exercises are compiled in one compiler process and run in one test JVM (and one for the
     * hidden tests), since starting a JVM is most of a small exercise's cost. Each keeps its own
     * classes and packages, and a result is taken from such a shared run only where running the
     * exercise alone could not change it (see {@link #together}); every other exercise is graded
     * again alone, as it always was.
     */
    public Report grade(Consumer<Report> progress) {
        start = System.nanoTime();
        List<String> names = exerciseNames();
        Map<String, TrustedPlan> plans = new LinkedHashMap<>();
        try {
            for (String name : names) {
                plans.put(name, this.plans.containsKey(name) ? this.plans.get(name) : plan(name));
            }
            Map<String, ExerciseGrade> grades = new LinkedHashMap<>();
            List<Unit> units = new ArrayList<>();
            for (String name : names) {
                TrustedPlan plan = plans.get(name);
                try {
                    Taken taken = take(name, plan);
                    if (taken instanceof Unit unit) {
                        units.add(unit);
                    } else if (taken instanceof NothingToGrade nothing) {
                        grades.put(name, nothing.grade());
                    }
                } catch (RuntimeException e) {
                    grades.put(name, graderFailed(name, plan, e));
                }
            }
            if (units.size() > 1 && separate(units) && remainingSeconds() > 0) {
                try {
                    grades.putAll(together(units));
                } catch (RuntimeException e) {
                    // Each exercise is graded alone below, where a failure is reported as its own.
                }
                progress.accept(report(names, plans, grades));
            }
            for (Unit unit : units) {
                if (grades.containsKey(unit.name())) {
                    continue;
                }
                if (remainingSeconds() <= 0) {
                    grades.put(unit.name(), failedAll(unit.name(), unit.plan().visible(), unit.plan().hidden(),
                            "not graded: the grading's deadline of " + options.deadlineSeconds()
                                    + " s had passed before this exercise"));
                } else {
                    try {
                        grades.putAll(together(List.of(unit)));
                    } catch (RuntimeException e) {
                        grades.put(unit.name(), graderFailed(unit.name(), unit.plan(), e));
                    }
                }
                progress.accept(report(names, plans, grades));
            }
            return report(names, plans, grades);
        } finally {
            // The plans hold the hidden tests' classes: nothing of them stays where reports go.
            Folders.deleteRecursively(options.out().resolve(PLANS));
        }
    }

    /** The report of {@code grades}, in the exercises' order, with those not graded yet failed as such. */
    private Report report(List<String> names, Map<String, TrustedPlan> plans, Map<String, ExerciseGrade> grades) {
        List<ExerciseGrade> all = new ArrayList<>();
        for (String name : names) {
            TrustedPlan plan = plans.get(name);
            all.add(grades.containsKey(name) ? grades.get(name) : failedAll(name, plan.visible(), plan.hidden(),
                    "not graded yet: the grader stopped before this exercise"));
        }
        return new Report(all, elapsedSeconds());
    }

    /** How many sandboxed processes (compilers and test JVMs) the gradings of this grader started. */
    int processes() {
        return processes.get();
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
     * An exercise that fails in a way the grader did not plan for (a file it cannot read, a disk
     * that is full) scores 0 with the reason and its tests listed; the others are graded as usual.
     */
    private ExerciseGrade graderFailed(String name, TrustedPlan plan, RuntimeException e) {
        return failedAll(name, plan.visible(), plan.hidden(), "not graded: the grader failed on this exercise: " + e);
    }

    /** What taking in an exercise's files came to: something to compile, or a grade already. */
    private sealed interface Taken permits Unit, NothingToGrade {}

    /**
     * An exercise taken in and ready to compile: its plan, its folders, the student's files copied
     * to {@code submission}, and what was refused.
     */
    private record Unit(String name, TrustedPlan plan, Path exercise, Optional<Path> hidden, Path out,
            Set<String> packages, Path student, Path submission, String refused) implements Taken {}

    /** An exercise with nothing to compile, and its grade saying why. */
    private record NothingToGrade(ExerciseGrade grade) implements Taken {}

    /** Step 1: the student's own files of exercise {@code name}, and nothing else. */
    private Taken take(String name, TrustedPlan plan) {
        Path exercise = options.project().resolve("exercises").resolve(name);
        Optional<Path> hidden = options.hidden().map(h -> h.resolve(name)).filter(Files::isDirectory);
        Path out = options.out().resolve(name);
        Folders.deleteRecursively(out);
        Path workFolder = options.work().resolve(name);
        Path student = workFolder.resolve("src");
        if (Files.isSymbolicLink(workFolder) || Files.isSymbolicLink(student)) {
            return new NothingToGrade(failedAll(name, plan.visible(), plan.hidden(), "nothing graded: "
                    + shown(student) + " is a link; hand in the folder itself"));
        }
        if (!Files.isDirectory(student, LinkOption.NOFOLLOW_LINKS)) {
            return new NothingToGrade(failedAll(name, plan.visible(), plan.hidden(), "nothing to grade: there is no "
                    + "folder " + shown(student)));
        }
        Set<String> packages = Exercises.packageFolders(exercise.resolve("src"));
        Path submission = out.resolve("submission");
        Intake.Result intake = Intake.take(student, submission, exercise.resolve("src"), packages,
                new LinkedHashSet<>(plan.visibleClasses()));
        String refused = intake.refused().isEmpty() ? "" : "not graded (only .java files in the exercise's packages "
                + "are the student's code, and given files are the exercise's):\n" + intake.refused().stream()
                        .map(r -> "  " + r).collect(Collectors.joining("\n")) + "\n";
        if (intake.accepted().isEmpty()) {
            return new NothingToGrade(failedAll(name, plan.visible(), plan.hidden(), refused + "nothing to grade: no "
                    + ".java file of the exercise's packages in " + shown(student)));
        }
        return new Unit(name, plan, exercise, hidden, out, packages, student, submission, refused);
    }

    /**
     * True if the exercises can share a test JVM: no package of one (its code, its tests, its
     * hidden tests) is a package of another, so no class of one can stand for a class of another.
     */
    private static boolean separate(List<Unit> units) {
        Set<String> seen = new LinkedHashSet<>();
        for (Unit unit : units) {
            Set<String> own = new LinkedHashSet<>(unit.packages());
            List<String> classes = new ArrayList<>(unit.plan().visibleClasses());
            classes.addAll(unit.plan().hiddenClasses());
            for (String className : classes) {
                int dot = className.lastIndexOf('.');
                own.add(dot < 0 ? "" : className.substring(0, dot).replace('.', '/'));
            }
            for (String p : own) {
                if (seen.contains(p)) {
                    return false;
                }
            }
            seen.addAll(own);
        }
        return true;
    }

    /**
     * Steps 2 to 4 for {@code units} together: one compiler process, the policy, one test JVM (and
     * one for the hidden tests). Returns the grades that are decided; an exercise missing from the
     * answer must be graded again alone. With one unit, every grade is decided. With several, an
     * exercise's grade is taken only if its run reached its end and either no exercise before it in
     * that JVM ended a test abnormally (a timeout's thread still spinning, a heap still full could
     * fail its tests), or it earned every point anyway; what a compiler process did not finish is
     * compiled again alone.
     */
    private Map<String, ExerciseGrade> together(List<Unit> units) {
        Map<String, ExerciseGrade> grades = new LinkedHashMap<>();
        List<Sandbox.Mount> libraries = libraryMounts(options.classPath());

        // 2. Compile in the sandbox: the student's code, the tests against it, the hidden tests apart.
        List<SandboxedCompile.Unit> toCompile = units.stream().map(u -> new SandboxedCompile.Unit(u.name(),
                u.submission(), u.exercise().resolve("test"), u.hidden(), u.out().resolve("classes"))).toList();
        processes.incrementAndGet();
        Map<String, Optional<SandboxedCompile.Compiled>> compiled = SandboxedCompile.runAll(options.sandbox(),
                libraries, compiler, toCompile, remainingSeconds());
        List<Unit> runnable = new ArrayList<>();
        for (Unit u : units) {
            Optional<SandboxedCompile.Compiled> c = compiled.get(u.name());
            if (c.isEmpty()) {
                continue;
            }
            Optional<ExerciseGrade> refused = refusedBeforeRunning(u, c.get());
            refused.ifPresent(g -> grades.put(u.name(), g));
            if (refused.isEmpty()) {
                runnable.add(u);
            }
        }
        if (runnable.isEmpty()) {
            return grades;
        }

        // 4. Run, visible and hidden apart.
        SandboxedTests testRuns = new SandboxedTests(options.sandbox(), libraries, options.testTimeoutSeconds());
        long limit = Math.max(1, Math.min(options.exerciseTimeoutSeconds(), remainingSeconds()));
        processes.incrementAndGet();
        Map<String, SandboxedTests.SectionRun> visible = testRuns.run(runnable.stream().map(u -> new SandboxedTests.Section(
                u.name(), u.plan().visible(), u.out().resolve("classes/tests"), u.out().resolve("classes/student"),
                u.plan().visibleClasses(), Optional.of(u.out().resolve("output.txt")), shown(u.out().resolve("output.txt"))))
                .toList(), limit, limit < options.exerciseTimeoutSeconds());
        List<Unit> withHidden = runnable.stream().filter(u -> !u.plan().hidden().isEmpty()
                && compiled.get(u.name()).orElseThrow().step("hidden").ok()).toList();
        Map<String, SandboxedTests.SectionRun> hidden = Map.of();
        if (!withHidden.isEmpty()) {
            long hiddenLimit = Math.max(1, Math.min(options.exerciseTimeoutSeconds(), remainingSeconds()));
            processes.incrementAndGet();
            hidden = testRuns.run(withHidden.stream().map(u -> new SandboxedTests.Section(u.name(), u.plan().hidden(),
                    u.out().resolve("classes/hidden"), u.out().resolve("classes/student"), u.plan().hiddenClasses(),
                    Optional.<Path>empty(), "")).toList(), hiddenLimit, hiddenLimit < options.exerciseTimeoutSeconds());
        }
        Set<String> takenVisible = taken(visible, units.size() == 1);
        Set<String> takenHidden = taken(hidden, units.size() == 1);
        for (Unit u : runnable) {
            if (!takenVisible.contains(u.name()) || hidden.containsKey(u.name()) && !takenHidden.contains(u.name())) {
                continue;
            }
            List<TestOutcome> outcomes = new ArrayList<>(visible.get(u.name()).outcomes());
            if (hidden.containsKey(u.name())) {
                hidden.get(u.name()).outcomes().forEach(t -> outcomes.add(t.withMessage("").asHidden()));
            } else {
                u.plan().hidden().values().forEach(t -> outcomes.add(
                        t.failedWith("a hidden test did not compile against your code").asHidden()));
            }
            grades.put(u.name(), new ExerciseGrade(u.name(), ExerciseGrade.byTask(outcomes), u.refused().strip()));
        }
        // The hidden tests' classes hold their text: nothing of them stays where reports go.
        units.forEach(u -> Folders.deleteRecursively(u.out().resolve("classes/hidden")));
        return grades;
    }

    /** The sections of one shared test JVM whose results running alone could not change (see {@link #together}). */
    private static Set<String> taken(Map<String, SandboxedTests.SectionRun> runs, boolean alone) {
        Set<String> taken = new LinkedHashSet<>();
        boolean clean = true;
        for (Map.Entry<String, SandboxedTests.SectionRun> e : runs.entrySet()) {
            SandboxedTests.SectionRun run = e.getValue();
            if (alone || run.finished() && (clean || run.outcomes().stream().allMatch(TestOutcome::passed))) {
                taken.add(e.getKey());
            }
            clean &= run.finished() && !run.abnormal();
        }
        return taken;
    }

    /**
     * Step 3, and the compiler's verdict: the grade of an exercise that cannot run (it does not
     * compile, the tests do not compile against it, or its bytecode does what graded code may not),
     * or empty when its tests may run.
     */
    private Optional<ExerciseGrade> refusedBeforeRunning(Unit u, SandboxedCompile.Compiled compiled) {
        Map<String, TestOutcome> visible = u.plan().visible();
        Map<String, TestOutcome> hiddenPlan = u.plan().hidden();
        Path tests = u.exercise().resolve("test");
        if (!compiled.step("student").ok()) {
            String errors = compiled.step("student").errors(shown(u.student()));
            return Optional.of(failedAll(u.name(), visible, hiddenPlan, u.refused() + "does not compile (0 points for "
                    + "this exercise):\n" + errors, "your code does not compile: " + errors.lines().findFirst().orElse("")));
        }
        if (!compiled.step("tests").ok()) {
            String errors = compiled.step("tests").errors(shown(tests));
            return Optional.of(failedAll(u.name(), visible, hiddenPlan, u.refused() + "the graded tests do not compile "
                    + "against your code (a method's name or signature changed?):\n" + errors,
                    "the graded tests do not compile against your code: " + errors.lines().findFirst().orElse("")));
        }
        Path classes = u.out().resolve("classes");
        List<CodePolicy.Violation> violations = new ArrayList<>(
                CodePolicy.takenNames(classes.resolve("student"), classes.resolve("tests")));
        violations.addAll(CodePolicy.check(classes.resolve("student"), u.packages()));
        if (!violations.isEmpty()) {
            String list = violations.stream().limit(20).map(v -> "  " + v).collect(Collectors.joining("\n"));
            return Optional.of(failedAll(u.name(), visible, hiddenPlan, u.refused() + "refused before any test ran "
                    + "(0 points for this exercise): graded code may not do what these lines do:\n" + list,
                    "refused: " + violations.get(0)));
        }
        return Optional.empty();
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
    static List<Sandbox.Mount> libraryMounts(String classPath) {
        List<Sandbox.Mount> mounts = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
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
