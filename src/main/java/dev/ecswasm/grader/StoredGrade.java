package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A student's grade kept beside their reports ({@value #FILE}), so a re-run of {@code --class}
 * can take it instead of grading again: the hash of what was graded ({@link GradeInputs}) and the
 * whole {@link Report}, one line per exercise and per test, tab-separated, ending with a line that
 * holds the SHA-256 of every line before it. It is taken only if it reads back whole (the last
 * line is there and matches), its hash is the one of the submission now, and the student's
 * {@code summary.md} and {@code results.json} are exactly what the stored report renders: a record
 * cut short or edited by hand, or reports that no longer match it, mean the student is graded again.
 */
final class StoredGrade {
    static final String FILE = "graded.tsv";
    private static final String FIRST = "ecswasm-grade\t1";

    private StoredGrade() {}

    /** The record's text: what {@link #read} gives back as the same {@code inputs} and an equal report. */
    static String render(String inputs, Report report) {
        StringBuilder b = new StringBuilder(FIRST).append('\n');
        b.append(line("inputs", inputs));
        b.append(line("seconds", Double.toString(report.seconds())));
        for (ExerciseGrade e : report.exercises()) {
            b.append(line("exercise", e.name(), e.problem()));
            for (TestOutcome t : e.tests()) {
                b.append(line("test", t.className(), t.method(), t.displayName(), t.taskId(),
                        Integer.toString(t.points()), Boolean.toString(t.passed()), t.message(),
                        Boolean.toString(t.hidden())));
            }
        }
        return b.append(line("end", sha256(b.toString()))).toString();
    }

    /** A stored grade: the hash of what was graded, and the report. */
    record Stored(String inputs, Report report) {}

    /** The record in {@code text}, or empty when it is not whole and exactly as {@link #render} writes. */
    static Optional<Stored> read(String text) {
        if (!text.startsWith(FIRST + "\n") || !text.endsWith("\n")) {
            return Optional.empty();
        }
        int endLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        List<String> end = fields(text.substring(endLine, text.length() - 1));
        if (end == null || end.size() != 2 || !end.get(0).equals("end")
                || !end.get(1).equals(sha256(text.substring(0, endLine)))) {
            return Optional.empty();
        }
        String[] lines = text.substring(FIRST.length() + 1, endLine).split("\n", -1);
        try {
            String inputs = null;
            Double seconds = null;
            List<ExerciseGrade> exercises = new ArrayList<>();
            String exercise = null;
            String problem = null;
            List<TestOutcome> tests = new ArrayList<>();
            for (int i = 0; i < lines.length - 1; i++) {
                List<String> f = fields(lines[i]);
                if (f == null) {
                    return Optional.empty();
                }
                switch (f.get(0) + "/" + f.size()) {
                    case "inputs/2" -> inputs = f.get(1);
                    case "seconds/2" -> seconds = Double.parseDouble(f.get(1));
                    case "exercise/3" -> {
                        if (exercise != null) {
                            exercises.add(new ExerciseGrade(exercise, tests, problem));
                        }
                        exercise = f.get(1);
                        problem = f.get(2);
                        tests = new ArrayList<>();
                    }
                    case "test/9" -> {
                        if (exercise == null) {
                            return Optional.empty();
                        }
                        tests.add(new TestOutcome(f.get(1), f.get(2), f.get(3), f.get(4), Integer.parseInt(f.get(5)),
                                bool(f.get(6)), f.get(7), bool(f.get(8))));
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (exercise != null) {
                exercises.add(new ExerciseGrade(exercise, tests, problem));
            }
            if (inputs == null || seconds == null) {
                return Optional.empty();
            }
            Stored stored = new Stored(inputs, new Report(exercises, seconds));
            // Only what this class writes is taken: anything else (a field written differently) is not.
            return render(stored.inputs(), stored.report()).equals(text) ? Optional.of(stored) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The report stored in {@code folder} (a student's reports) for a submission whose hash is
     * {@code inputs}, when it can be trusted: see the class comment.
     */
    static Optional<Report> reuse(Path folder, String inputs) {
        try {
            Path record = folder.resolve(FILE);
            if (!Files.isRegularFile(record)) {
                return Optional.empty();
            }
            Optional<Stored> stored = read(Files.readString(record, StandardCharsets.UTF_8));
            if (stored.isEmpty() || !stored.get().inputs().equals(inputs)) {
                return Optional.empty();
            }
            Report report = stored.get().report();
            boolean whole = same(folder.resolve("summary.md"), MarkdownReport.render(report))
                    && same(folder.resolve("results.json"), GradescopeJson.render(report));
            return whole ? Optional.of(report) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            // Not UTF-8, unreadable: not trusted, so graded again.
            return Optional.empty();
        }
    }

    /** Writes the record, after the reports it vouches for. */
    static void write(Path folder, String inputs, Report report) {
        Folders.write(folder.resolve(FILE), render(inputs, report));
    }

    /** Deletes the record: done before grading again, so a run stopped midway leaves none beside new reports. */
    static void forget(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True if {@code report} may be reused: no exercise says the grader itself did not grade it
     * (its deadline had passed, or it failed on the exercise), and the grading ended well before
     * its deadline ({@code deadlineSeconds}, 0 for none), so no run was cut short by it: grading
     * again may give more.
     */
    static boolean storable(Report report, long deadlineSeconds) {
        // The grader gives a run the deadline's whole seconds left, so one cut by it ends within a second of it.
        boolean beforeDeadline = deadlineSeconds == 0 || report.seconds() < deadlineSeconds - 2;
        return beforeDeadline && report.exercises().stream().noneMatch(e -> e.problem().startsWith("not graded:"));
    }

    private static boolean same(Path file, String text) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text);
    }

    private static boolean bool(String s) {
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false: " + s);
        };
    }

    private static String line(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (b.length() > 0) {
                b.append('\t');
            }
            escape(f, b);
        }
        return b.append('\n').toString();
    }

    /**
     * Backslash, tab and line breaks escaped as {@code \\ \t \n \r}; every other control character
     * and every surrogate as {@code \}{@code uXXXX}, so any Java string (half a surrogate pair
     * included) survives UTF-8 and reads back the same.
     */
    private static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }

    /** The fields of one line, unescaped, or null when an escape is not one {@link #escape} writes. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c != '\\') {
                f.append(c);
            } else if (i + 1 < line.length()) {
                char e = line.charAt(++i);
                switch (e) {
                    case '\\' -> f.append('\\');
                    case 't' -> f.append('\t');
                    case 'n' -> f.append('\n');
                    case 'r' -> f.append('\r');
                    case 'u' -> {
                        if (i + 4 >= line.length()) {
                            return null;
                        }
                        try {
                            f.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                        } catch (NumberFormatException x) {
                            return null;
                        }
                        i += 4;
                    }
                    default -> {
                        return null;
                    }
                }
            } else {
                return null;
            }
        }
        fields.add(f.toString());
        return fields;
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
