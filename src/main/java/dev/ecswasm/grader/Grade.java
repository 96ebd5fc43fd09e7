package dev.ecswasm.grader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code ./grade} command: grades, prints the table, writes {@code summary.md} and {@code results.json}. */
public final class Grade {
    static final String USAGE = """
            usage: ./grade [options] [exercise...]
              exercise          an exercise folder's name, e.g. 01-entity-ids (default: all of them)
              --work DIR        the working copy whose NN-name/src is graded (default: exercises)
              --class DIR       grade every student folder under DIR (each laid out like solutions/,
                                or a copy of the course with exercises/NN-name/src, or a folder
                                holding one such copy, as a zip unpacks), into
                                OUT/gradebook.csv, OUT/class.md, OUT/class.html and
                                OUT/students/NAME/; a student whose submission is unchanged
                                since the last run into OUT is not graded again
              --jobs N          students graded at a time with --class (default: the cores here)
              --regrade         with --class: grade every student again, changed or not
              --hidden DIR      an instructor's hidden tests, DIR/NN-name/**/*.java; they count, and
                                only their names and results are shown
              --out DIR         where the reports go (default: target/grading)
              --timeout S       each test's limit in seconds (default: 10)
              --deadline S      the whole grading's limit in seconds (default: none); the exercises
                                not graded by then fail with that reason, and the reports are
                                rewritten after each exercise, so they are always whole
              --expect full|none  exit 1 unless every point is earned (full) or none is (none)
              --no-sandbox      grade someone else's work without bubblewrap (unsafe: their code runs
                                as you, with your files and network); only your own exercises/ are
                                graded without it unasked
              --gradescope-bundle ZIP  write a Gradescope autograder to ZIP: setup.sh, run_autograder,
                                the grader, the exercises' stubs and tests, and --hidden's tests; its
                                whole grading's limit is --deadline (default: 480 s, inside Gradescope's 10 min)
              --release OUT     write the students' copy of the course into the new folder OUT: no
                                solutions/, no wrong solutions, no hidden tests, a README for students
              --git             with --release: make OUT a git repository with one commit (a GitHub
                                Classroom template can start from it)
              --write-stubs     make exercises/*/src from solutions/*/src
              --check-stubs     exit 1 if exercises/*/src differ from what solutions/*/src make
            """;

    private Grade() {}

    public static void main(String[] args) {
        // The table names tests in UTF-8 whatever this machine's locale says (LANG=C would print "?").
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        try {
            System.exit(run(args, Path.of("").toAbsolutePath()));
        } catch (IllegalArgumentException e) {
            System.err.println("grade: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** Runs the command from {@code project} and returns its exit code: 0, or 1 when {@code --expect} is not met. */
    static int run(String[] args, Path project) {
        return run(args, project, Sandbox.bwrapWorks());
    }

    /** As {@link #run(String[], Path)}, told whether bubblewrap can make a sandbox here. */
    static int run(String[] args, Path project, boolean bwrapWorks) {
        Path work = project.resolve("exercises");
        Path out = project.resolve("target/grading");
        Path hidden = null;
        int timeout = 10;
        int deadline = 0;
        String expect = null;
        boolean noSandbox = false;
        boolean regrade = false;
        Path classFolder = null;
        Path bundle = null;
        Path release = null;
        boolean git = false;
        int jobs = Runtime.getRuntime().availableProcessors();
        List<String> exercises = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--write-stubs" -> {
                    System.out.println("wrote " + Stubs.write(solutions(project), project.resolve("exercises"))
                            + " stub files from solutions/ into exercises/");
                    return 0;
                }
                case "--check-stubs" -> {
                    List<String> problems = Stubs.differences(solutions(project), project.resolve("exercises"));
                    problems.forEach(System.err::println);
                    System.out.println(problems.isEmpty() ? "the stubs in exercises/ are what solutions/ makes"
                            : problems.size() + " stub file(s) out of date: run ./grade --write-stubs");
                    return problems.isEmpty() ? 0 : 1;
                }
                case "--work" -> work = project.resolve(value(args, ++i, a));
                case "--hidden" -> hidden = project.resolve(value(args, ++i, a));
                case "--out" -> out = project.resolve(value(args, ++i, a));
                case "--timeout" -> timeout = positive(a, value(args, ++i, a), "seconds");
                case "--deadline" -> deadline = positive(a, value(args, ++i, a), "seconds");
                case "--expect" -> {
                    expect = value(args, ++i, a);
                    if (!expect.equals("full") && !expect.equals("none")) {
                        throw new IllegalArgumentException("--expect takes full or none, not " + expect);
                    }
                }
                case "--no-sandbox" -> noSandbox = true;
                case "--class" -> classFolder = project.resolve(value(args, ++i, a));
                case "--jobs" -> jobs = positive(a, value(args, ++i, a), "students");
                case "--gradescope-bundle" -> bundle = project.resolve(value(args, ++i, a));
                case "--release" -> release = project.resolve(value(args, ++i, a));
                case "--git" -> git = true;
                case "--regrade" -> regrade = true;
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    exercises.add(a.endsWith("/") ? a.substring(0, a.length() - 1) : a);
                }
            }
        }
        if (bundle != null) {
            long limit = deadline == 0 ? GradescopeBundle.DEFAULT_DEADLINE_SECONDS : deadline;
            GradescopeBundle.Contents c = GradescopeBundle.write(project, bundle, java.util.Optional.ofNullable(hidden), limit);
            System.out.printf(java.util.Locale.ROOT, "Wrote %s (%.1f MiB): setup.sh, run_autograder, the grader with "
                    + "%d jars, the stubs and tests of %d exercises, %d hidden test files; each grading stops at %d s%n",
                    shown(project, bundle), c.bytes() / 1048576.0, c.jars(), c.exercises(), c.hiddenFiles(), limit);
            return 0;
        }
        if (git && release == null) {
            throw new IllegalArgumentException("--git goes with --release OUT");
        }
        if (release != null) {
            Release.write(project, release, git, System.out);
            return 0;
        }
        if (regrade && classFolder == null) {
            throw new IllegalArgumentException("--regrade goes with --class DIR: one working copy is always graded");
        }
        if (!Files.isDirectory(work)) {
            throw new IllegalArgumentException("no folder " + work + " to grade");
        }
        Grader.Options options = Grader.Options.of(project, work).withOut(out).withExercises(exercises)
                .withTimeouts(timeout, 300).withDeadline(deadline);
        if (hidden != null) {
            if (!Files.isDirectory(hidden)) {
                throw new IllegalArgumentException("no folder " + hidden + " of hidden tests");
            }
            options = options.withHidden(hidden);
        }
        boolean ownWork = work.equals(project.resolve("exercises")) && hidden == null && classFolder == null;
        if (bwrapWorks) {
            options = options.withSandbox(Sandbox.bwrap());
        } else if (ownWork || noSandbox) {
            options = options.withSandbox(Sandbox.none());
        } else {
            throw new IllegalArgumentException("bubblewrap (bwrap) is missing or cannot make a sandbox here, and "
                    + "grading someone else's work runs their code: install it (apt-get install -y bubblewrap), or "
                    + "pass --no-sandbox to run their code as you, with your files and network");
        }
        if (classFolder != null) {
            if (!Files.isDirectory(classFolder)) {
                throw new IllegalArgumentException("no folder " + classFolder + " of student folders");
            }
            long start = System.nanoTime();
            List<ClassGrading.Row> rows = ClassGrading.grade(options, classFolder, out, jobs, regrade, System.err);
            long ungradable = rows.stream().filter(r -> r.report().isEmpty()).count();
            long skipped = rows.stream().filter(ClassGrading.Row::reused).count();
            System.out.printf(java.util.Locale.ROOT, "%d students: %d graded, %d unchanged since the last run so "
                    + "skipped, %d could not be graded; %.1f s, %d at a time%s: %s, %s%n", rows.size(),
                    rows.size() - skipped - ungradable, skipped, ungradable, (System.nanoTime() - start) / 1e9, jobs,
                    options.sandboxed() ? ", each exercise sandboxed" : ", NOT SANDBOXED",
                    shown(project, out.resolve("gradebook.csv")), shown(project, out.resolve("class.html")));
            return 0;
        }
        System.out.println("Grading " + shown(project, work) + "/ with the tests in exercises/*/test"
                + (hidden == null ? "" : " and the hidden tests in " + hidden));
        System.out.println(options.sandboxed() ? "Sandbox: bubblewrap (no network, no project files, a private /work)"
                : "NOT SANDBOXED: bubblewrap is missing here, so the code graded runs as you, with your files and "
                        + "network; fine for your own exercises, and the scores are the same");
        // An earlier run's reports go first: if this one is stopped, none of theirs is taken for its.
        Path summary = out.resolve("summary.md");
        Path results = out.resolve("results.json");
        delete(summary);
        delete(results);
        Report report = new Grader(options).grade(soFar -> {
            Folders.write(summary, MarkdownReport.render(soFar));
            Folders.write(results, GradescopeJson.render(soFar));
        });
        System.out.print(ConsoleReport.render(report));
        Folders.write(summary, MarkdownReport.render(report));
        Folders.write(results, GradescopeJson.render(report));
        System.out.println("Wrote " + shown(project, out.resolve("summary.md")) + " and "
                + shown(project, out.resolve("results.json")));
        if ("full".equals(expect) && report.earned() != report.possible()) {
            System.err.println("expected every point, got " + report.earned() + "/" + report.possible());
            return 1;
        }
        if ("none".equals(expect) && report.earned() != 0) {
            System.err.println("expected no point, got " + report.earned() + "/" + report.possible());
            return 1;
        }
        return 0;
    }

    /** The reference solutions, which a students' release does not have. */
    private static Path solutions(Path project) {
        Path solutions = project.resolve("solutions");
        if (!Files.isDirectory(solutions)) {
            throw new IllegalArgumentException("there is no solutions/ folder here: the stubs are made from the "
                    + "reference solutions, which only the instructor's copy of the course has");
        }
        return solutions;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String s, String what) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number of " + what + ", at least 1, not " + s);
    }

    private static String shown(Path project, Path file) {
        return file.startsWith(project) ? project.relativize(file).toString() : file.toString();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
