package dev.ecswasm.grader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a Gradescope bundle's {@code run_autograder} runs (see {@link GradescopeBundle}): grades
 * {@code ROOT/submission} with the grader, tests and stubs in {@code ROOT/source} and writes
 * {@code ROOT/results/results.json}, after each exercise and whatever happens: a submission laid
 * out wrong is graded as empty with a line saying what was expected, and a grader that fails
 * leaves a result of 0 that says why. The submission is laid out like {@code solutions/} or is a
 * copy of the course ({@link ClassGrading#work}).
 */
public final class GradescopeAutograder {
    static final String USAGE = "usage: GradescopeAutograder --root DIR [--deadline S] [exercise...]";

    private GradescopeAutograder() {}

    public static void main(String[] args) {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        Path root = null;
        long deadline = 0;
        List<String> exercises = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") && i + 1 < args.length) {
                root = Path.of(args[++i]);
            } else if (args[i].equals("--deadline") && i + 1 < args.length) {
                deadline = Long.parseLong(args[++i]);
            } else {
                exercises.add(args[i]);
            }
        }
        if (root == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path results = root.resolve("results/results.json");
        try {
            System.out.print(ConsoleReport.render(grade(root, deadline, exercises)));
            System.out.println("Wrote " + results);
        } catch (RuntimeException | Error e) {
            // Whatever failed, Gradescope must find a result that says so, not "the autograder failed to execute".
            e.printStackTrace();
            Folders.write(results, GradescopeJson.failure("The grader failed, so nothing was graded: " + e
                    + "\nTell your instructor; the autograder's log has the details."));
            System.exit(1);
        }
    }

    /**
     * Grades {@code root/submission} with the bundle in {@code root/source} (its hidden tests, if it
     * has {@code hidden/}), the whole grading bounded by {@code deadlineSeconds} (0: none), and
     * writes {@code root/results/results.json} after each exercise; returns the report.
     */
    static Report grade(Path root, long deadlineSeconds, List<String> exercises) {
        Path source = root.resolve("source");
        Path submission = root.resolve("submission");
        Path results = root.resolve("results/results.json");
        Grader.Options options = Grader.Options.of(source, submission).withOut(root.resolve("grading"))
                .withExercises(exercises).withDeadline(deadlineSeconds);
        if (Files.isDirectory(source.resolve("hidden"))) {
            options = options.withHidden(source.resolve("hidden"));
        }
        Optional<Path> work = ClassGrading.work(submission, new Grader(options).exerciseNames())
                .map(ClassGrading.Work::folder);
        List<String> notes = new ArrayList<>();
        notes.add(options.sandboxed() ? "Sandbox: bubblewrap (no network, none of the autograder's files)."
                : "NOT SANDBOXED: bubblewrap cannot make a sandbox in this container, so the grader ran as with "
                        + "--no-sandbox: the code graded ran unconfined, in the container Gradescope makes for this "
                        + "submission alone. The scores are the same.");
        if (work.isEmpty()) {
            notes.add("Nothing to grade where it was expected: hand in your copy of the course "
                    + "(exercises/NN-name/src/... at the top of the zip or repository) or the exercise folders "
                    + "themselves (NN-name/src/..., e.g. 01-entity-ids/src/). At the top of your submission: "
                    + topLevel(submission) + ".");
        }
        String note = String.join("\n", notes);
        Report report = new Grader(options.withWork(work.orElse(submission)))
                .grade(soFar -> Folders.write(results, GradescopeJson.render(soFar, note)));
        Folders.write(results, GradescopeJson.render(report, note));
        return report;
    }

    /** The names at the top of {@code folder}, a few of them, for a student to see what was handed in. */
    private static String topLevel(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<String> names = children.map(p -> ConsoleReport.printable(p.getFileName().toString())
                    + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
            return names.isEmpty() ? "nothing"
                    : names.stream().limit(10).collect(Collectors.joining(", "))
                            + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
        } catch (IOException e) {
            return "nothing (" + folder + " could not be read)";
        }
    }
}
