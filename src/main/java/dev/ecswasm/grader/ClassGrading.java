package dev.ecswasm.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * {@code ./grade --class DIR}: every student folder under {@code DIR} graded on its own (each
 * exercise in its own sandbox, as {@link Grader} does), several students at a time, into a
 * gradebook and a class report. A student folder is laid out like {@code solutions/}
 * ({@code NN-name/src/...}), or is a copy of the course ({@code exercises/NN-name/src/...}: a
 * clone, or a release a student worked in), or holds one such copy (an unpacked zip); any other
 * folder gets a row saying so. A re-run grades only the students whose submission changed.
 */
final class ClassGrading {
    private ClassGrading() {}

    /**
     * One student's line in the gradebook: their report, or why there is none.
     *
     * @param reused whether the report is the one stored by an earlier run (the submission was unchanged)
     */
    record Row(String student, Optional<Report> report, String why, boolean reused) {}

    /** The folder of {@code student} that holds its {@code NN-name/src} folders, and how it lies in it. */
    record Work(Path folder, String layout) {}

    /**
     * The folder of {@code student} that holds its {@code NN-name/src} folders, or empty when it has
     * none of {@code exercises} in either accepted layout.
     */
    static Optional<Work> work(Path student, List<String> exercises) {
        List<String> layouts = new ArrayList<>(List.of("", "exercises"));
        onlyFolder(student).ifPresent(only -> layouts.add(only.getFileName() + "/exercises"));
        for (String layout : layouts) {
            Path candidate = student.resolve(layout);
            for (String e : exercises) {
                if (Files.isDirectory(candidate.resolve(e).resolve("src"), LinkOption.NOFOLLOW_LINKS)
                        && !Files.isSymbolicLink(candidate)) {
                    return Optional.of(new Work(candidate, layout));
                }
            }
        }
        return Optional.empty();
    }

    /** The one folder in {@code student}, not counting hidden ones and the __MACOSX a Mac's zip adds. */
    private static Optional<Path> onlyFolder(Path student) {
        try (Stream<Path> children = Files.list(student)) {
            List<Path> folders = children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().equals("__MACOSX")).limit(2).toList();
            return folders.size() == 1 ? Optional.of(folders.get(0)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Grades every student folder of {@code classFolder} with {@code options} (its work folder
     * replaced by each student's), {@code jobs} at a time; writes each student's reports under
     * {@code out/students/NAME/}, the gradebook to {@code out/gradebook.csv} and the class report to
     * {@code out/class.md} and {@code out/class.html}. A student whose submission (and everything
     * else that decides the grade, {@link GradeInputs}) is unchanged since an earlier run stored
     * their grade ({@link StoredGrade}) is not graded again, unless {@code regrade}.
     */
    static List<Row> grade(Grader.Options options, Path classFolder, Path out, int jobs, boolean regrade,
            PrintStream progress) {
        List<Path> students;
        try (Stream<Path> children = Files.list(classFolder)) {
            students = children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> exercises = new Grader(options).exerciseNames();
        String common = GradeInputs.common(options, exercises);
        Path reports = out.resolve("students");

        // First every student who needs no grading: a folder laid out wrong, or a submission unchanged.
        Row[] rows = new Row[students.size()];
        Map<Integer, Pending> toGrade = new LinkedHashMap<>();
        for (int i = 0; i < students.size(); i++) {
            String name = students.get(i).getFileName().toString();
            Optional<Work> work = work(students.get(i), exercises);
            if (work.isEmpty()) {
                rows[i] = new Row(name, Optional.empty(), "not laid out like solutions/ (NN-name/src/...) or a copy of "
                        + "the course (exercises/NN-name/src/... in it or in its one folder): nothing to grade", false);
                continue;
            }
            Optional<String> inputs = GradeInputs.of(common, work.get().folder(), work.get().layout(), exercises);
            Optional<Report> stored = regrade ? Optional.empty()
                    : inputs.flatMap(hash -> StoredGrade.reuse(reports.resolve(name), hash));
            if (stored.isPresent()) {
                rows[i] = new Row(name, stored, "", true);
            } else {
                toGrade.put(i, new Pending(work.get().folder(), inputs));
            }
        }
        Tally tally = new Tally(students.size(), toGrade.size(), Math.max(1, jobs));
        for (Row row : rows) {
            if (row != null) {
                tally.count(row);
            }
        }
        if (toGrade.size() < students.size()) {
            progress.println(tally.line());
        }

        if (toGrade.isEmpty()) {
            return finish(out, rows);
        }
        // The tests and their points are the same for every student: planned once, in the class's folder.
        Map<String, TrustedPlan> plans = Grader.plans(options.withOut(out));
        // One warm compiler per job, shared by the students that job grades (see CompileServer).
        BlockingQueue<CompileServer> compilers = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            for (int i = 0; i < Math.max(1, jobs); i++) {
                compilers.add(compileServer(options, reports));
            }
            Map<Integer, Future<Row>> graded = new LinkedHashMap<>();
            toGrade.forEach((i, pending) -> graded.put(i, pool.submit(() -> {
                String name = students.get(i).getFileName().toString();
                long begun = System.nanoTime();
                CompileServer compiler = compilers.take();
                Row row;
                try {
                    row = gradeOne(new Grader(options.withWork(pending.work()).withOut(reports.resolve(name)), plans,
                            Optional.of(compiler)), options, name, pending, reports.resolve(name));
                } finally {
                    compilers.add(compiler);
                }
                progress.println(tally.countGraded(row, (System.nanoTime() - begun) / 1e9));
                return row;
            })));
            for (Map.Entry<Integer, Future<Row>> row : graded.entrySet()) {
                rows[row.getKey()] = row.getValue().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading the class", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading a student failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            compilers.forEach(CompileServer::close);
        }
        return finish(out, rows);
    }

    /** Writes the gradebook and the class report of {@code rows}. */
    private static List<Row> finish(Path out, Row[] rows) {
        List<Row> result = List.of(rows);
        Folders.write(out.resolve("gradebook.csv"), gradebook(result));
        Folders.write(out.resolve("class.md"), ClassReport.markdown(result));
        Folders.write(out.resolve("class.html"), ClassReport.html(result));
        return result;
    }

    /** The progress line's counts, shared by the grading threads. */
    private static final class Tally {
        private final int students;
        private final int toGrade;
        private final int jobs;
        private double secondsGrading;
        private int gradings;
        private int done;
        private int graded;
        private int skipped;
        private int ungradable;

        Tally(int students, int toGrade, int jobs) {
            this.students = students;
            this.toGrade = toGrade;
            this.jobs = jobs;
        }

        synchronized void count(Row row) {
            done++;
            if (row.report().isEmpty()) {
                ungradable++;
            } else if (row.reused()) {
                skipped++;
            } else {
                graded++;
            }
        }

        /**
         * Counts a student just graded in {@code seconds}; the progress line, with the time left: the
         * mean grading so far for each student still to grade, {@code jobs} at a time.
         */
        synchronized String countGraded(Row row, double seconds) {
            count(row);
            gradings++;
            secondsGrading += seconds;
            int left = toGrade - gradings;
            return line() + String.format(Locale.ROOT, ", about %.0f s left",
                    left == 0 ? 0 : secondsGrading / gradings * left / Math.min(jobs, left));
        }

        synchronized String line() {
            return String.format(Locale.ROOT, "%d/%d students done: %d graded, %d unchanged so skipped, %d not gradable",
                    done, students, graded, skipped, ungradable);
        }
    }

    /** A student to grade: their work folder, and the hash of what decides their grade (empty if unreadable). */
    private record Pending(Path work, Optional<String> inputs) {}

    /**
     * A compiler that sees every student's output folder under {@code students} (writable: it
     * writes their classes there), the project's exercises and the hidden tests.
     */
    private static CompileServer compileServer(Grader.Options options, Path students) {
        try {
            Files.createDirectories(students);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Sandbox.Mount> roots = new ArrayList<>(List.of(new Sandbox.Mount(students, "/grading/class", true),
                new Sandbox.Mount(options.project().resolve("exercises"), "/grading/exercises", false)));
        options.hidden().ifPresent(h -> roots.add(new Sandbox.Mount(h, "/grading/hidden", false)));
        return new CompileServer(options.sandbox(), Grader.libraryMounts(options.classPath()), roots);
    }

    /** Grades one student with {@code grader} (their work, their output folder {@code out}). */
    private static Row gradeOne(Grader grader, Grader.Options options, String name, Pending pending, Path out) {
        try {
            // Before anything is rewritten: a run stopped midway leaves no record to vouch for half-new reports.
            StoredGrade.forget(out);
            Report report = grader.grade();
            Folders.write(out.resolve("summary.md"), MarkdownReport.render(report));
            Folders.write(out.resolve("results.json"), GradescopeJson.render(report));
            if (pending.inputs().isPresent() && StoredGrade.storable(report, options.deadlineSeconds())) {
                StoredGrade.write(out, pending.inputs().get(), report);
            }
            return new Row(name, Optional.of(report), "", false);
        } catch (RuntimeException e) {
            return new Row(name, Optional.empty(), "not graded: " + e, false);
        }
    }

    /**
     * The gradebook: a row per student, a column per exercise and per task (points earned), the
     * total, the maximum and the percentage; a student who could not be graded has empty scores and
     * the reason in {@code status}.
     */
    static String gradebook(List<Row> rows) {
        Map<String, Set<String>> tasks = new LinkedHashMap<>();
        for (Row row : rows) {
            row.report().ifPresent(r -> r.exercises().forEach(e -> e.tests().forEach(t ->
                    tasks.computeIfAbsent(e.name(), k -> new LinkedHashSet<>()).add(t.taskId()))));
        }
        List<String> header = new ArrayList<>(List.of("student", "status"));
        tasks.keySet().forEach(header::add);
        tasks.forEach((exercise, ids) -> ids.stream().filter(id -> !id.isEmpty()).forEach(id -> header.add(exercise + " " + id)));
        header.addAll(List.of("total", "possible", "percent"));
        StringBuilder csv = new StringBuilder(line(header));
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.student(), row.report().isPresent() ? "graded" : row.why()));
            Map<String, ExerciseGrade> byName = new LinkedHashMap<>();
            row.report().ifPresent(r -> r.exercises().forEach(e -> byName.put(e.name(), e)));
            for (String exercise : tasks.keySet()) {
                cells.add(row.report().isEmpty() ? "" : Integer.toString(byName.get(exercise).earned()));
            }
            tasks.forEach((exercise, ids) -> ids.stream().filter(id -> !id.isEmpty()).forEach(id -> cells.add(
                    row.report().isEmpty() ? "" : Integer.toString(byName.get(exercise).tests().stream()
                            .filter(t -> t.taskId().equals(id)).mapToInt(TestOutcome::earned).sum()))));
            row.report().ifPresentOrElse(r -> cells.addAll(List.of(Integer.toString(r.earned()),
                    Integer.toString(r.possible()), Integer.toString(r.percent()))), () -> cells.addAll(List.of("", "", "")));
            csv.append(line(cells));
        }
        return csv.toString();
    }

    /** One CSV line (RFC 4180): line breaks become spaces, a field with a comma or quote is quoted, quotes doubled. */
    private static String line(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            String clean = ConsoleReport.printable(f).replace("\n", " ");
            // A cell a spreadsheet would run as a formula (a folder named "=HYPERLINK(...)") is kept as text.
            clean = !clean.isEmpty() && "=+-@".indexOf(clean.charAt(0)) >= 0 ? "'" + clean : clean;
            out.add(clean.contains(",") || clean.contains("\"") ? '"' + clean.replace("\"", "\"\"") + '"' : clean);
        }
        return String.join(",", out) + "\r\n";
    }
}
