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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code ./grade --class DIR}: every student folder under {@code DIR} graded on its own (each
 * exercise in its own sandbox, as {@link Grader} does), several students at a time, into a
 * gradebook. A student folder is laid out like {@code solutions/} ({@code NN-name/src/...}), or is
 * a copy of the course ({@code exercises/NN-name/src/...}: a clone, or a release a student worked
 * in), or holds one such copy (an unpacked zip); any other folder gets a row saying so.
 */
final class ClassGrading {
    private ClassGrading() {}

    /** One student's line in the gradebook: their report, or why there is none. */
    record Row(String student, Optional<Report> report, String why) {}

    /**
     * The folder of {@code student} that holds its {@code NN-name/src} folders, or empty when it has
     * none of {@code exercises} in an accepted layout: the folder itself, its {@code exercises/},
     * or, when it holds one folder (as a zip of the course unpacks), that folder's {@code exercises/}.
     */
    static Optional<Path> work(Path student, List<String> exercises) {
        List<Path> candidates = new ArrayList<>(List.of(student, student.resolve("exercises")));
        onlyFolder(student).ifPresent(only -> candidates.add(only.resolve("exercises")));
        for (Path candidate : candidates) {
            for (String e : exercises) {
                if (Files.isDirectory(candidate.resolve(e).resolve("src"), LinkOption.NOFOLLOW_LINKS)
                        && !Files.isSymbolicLink(candidate)) {
                    return Optional.of(candidate);
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
     * {@code out/students/NAME/} and the gradebook to {@code out/gradebook.csv}.
     */
    static List<Row> grade(Grader.Options options, Path classFolder, Path out, int jobs, PrintStream progress) {
        List<Path> students;
        try (Stream<Path> children = Files.list(classFolder)) {
            students = children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> exercises = new Grader(options).exerciseNames();
        // The tests and their points are the same for every student: planned once, in the class's folder.
        Map<String, TrustedPlan> plans = Grader.plans(options.withOut(out));
        // One warm compiler per job, shared by the students that job grades (see CompileServer).
        BlockingQueue<CompileServer> compilers = new LinkedBlockingQueue<>();
        for (int i = 0; i < Math.max(1, jobs); i++) {
            compilers.add(compileServer(options, out.resolve("students")));
        }
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Row>> rows = new ArrayList<>();
            for (Path student : students) {
                rows.add(pool.submit(() -> {
                    CompileServer compiler = compilers.take();
                    Row row;
                    try {
                        row = gradeOne(options, plans, compiler, student, exercises, out.resolve("students"));
                    } finally {
                        compilers.add(compiler);
                    }
                    if (row.report().isEmpty()) {
                        failed.incrementAndGet();
                    }
                    int n = done.incrementAndGet();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    progress.printf(Locale.ROOT, "graded %d/%d students, %d not gradable, about %.0f s left%n", n,
                            students.size(), failed.get(), seconds / n * (students.size() - n));
                    return row;
                }));
            }
            List<Row> result = new ArrayList<>();
            for (Future<Row> row : rows) {
                result.add(row.get());
            }
            Folders.write(out.resolve("gradebook.csv"), gradebook(result));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading the class", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading a student failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            compilers.forEach(CompileServer::close);
        }
    }

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

    private static Row gradeOne(Grader.Options options, Map<String, TrustedPlan> plans, CompileServer compiler,
            Path student, List<String> exercises, Path out) {
        String name = student.getFileName().toString();
        Optional<Path> work = work(student, exercises);
        if (work.isEmpty()) {
            return new Row(name, Optional.empty(), "not laid out like solutions/ (NN-name/src/...) or a copy of the "
                    + "course (exercises/NN-name/src/... in it or in its one folder): nothing to grade");
        }
        Path studentOut = out.resolve(name);
        try {
            Report report = new Grader(options.withWork(work.get()).withOut(studentOut), plans, Optional.of(compiler))
                    .grade();
            Folders.write(studentOut.resolve("summary.md"), MarkdownReport.render(report));
            Folders.write(studentOut.resolve("results.json"), GradescopeJson.render(report));
            return new Row(name, Optional.of(report), "");
        } catch (RuntimeException e) {
            return new Row(name, Optional.empty(), "not graded: " + e);
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
