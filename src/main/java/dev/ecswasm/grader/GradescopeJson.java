package dev.ecswasm.grader;

import java.util.List;
import java.util.Locale;

/**
 * The grade in the shape Gradescope's autograder reads ({@code results.json}): the total
 * {@code score}, and per test its {@code name}, {@code number} (the task id), {@code score},
 * {@code max_score}, {@code status}, {@code output} and {@code visibility}. A hidden test shows its
 * name and result only: its {@code output} says so instead of its message.
 */
final class GradescopeJson {
    private GradescopeJson() {}

    static String render(Report report) {
        return render(report, "");
    }

    /** As {@link #render(Report)}, with {@code note} (when not empty) on the lines before the summary in {@code output}. */
    static String render(Report report, String note) {
        StringBuilder b = new StringBuilder();
        b.append("{\n");
        b.append("  \"score\": ").append(report.earned()).append(",\n");
        b.append("  \"max_score\": ").append(report.possible()).append(",\n");
        b.append("  \"execution_time\": ").append(String.format(Locale.ROOT, "%.1f", report.seconds())).append(",\n");
        b.append("  \"output\": ").append(string(note.isEmpty() ? summary(report) : note + "\n" + summary(report)))
                .append(",\n");
        b.append("  \"visibility\": \"visible\",\n");
        b.append("  \"tests\": [");
        String separator = "\n";
        for (ExerciseGrade e : report.exercises()) {
            for (TestOutcome t : e.tests()) {
                b.append(separator);
                separator = ",\n";
                String output = t.hidden() ? ConsoleReport.HIDDEN : t.message();
                b.append("    {\"name\": ").append(string(e.name() + " " + t.taskId() + ": " + t.displayName()))
                        .append(", \"number\": ").append(string(t.taskId()))
                        .append(", \"score\": ").append(t.earned())
                        .append(", \"max_score\": ").append(t.points())
                        .append(", \"status\": ").append(string(t.passed() ? "passed" : "failed"))
                        .append(", \"output\": ").append(string(output))
                        .append(", \"visibility\": \"visible\"")
                        .append(", \"tags\": ").append(string(List.of(e.name())))
                        .append('}');
            }
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    /** A result with no grade: score 0, no test, and {@code why} as its output (the grading could not be done). */
    static String failure(String why) {
        return "{\n  \"score\": 0,\n  \"output\": " + string(why) + ",\n  \"visibility\": \"visible\",\n  \"tests\": []\n}\n";
    }

    private static String summary(Report report) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d/%d points (%d%%)", report.earned(),
                report.possible(), report.percent()));
        for (ExerciseGrade e : report.exercises()) {
            b.append(String.format(Locale.ROOT, "%n%s: %d/%d", e.name(), e.earned(), e.possible()));
            if (!e.problem().isEmpty()) {
                b.append('\n').append(e.problem());
            }
        }
        return b.toString();
    }

    private static String string(List<String> values) {
        return values.stream().map(GradescopeJson::string).reduce((x, y) -> x + ", " + y)
                .map(s -> "[" + s + "]").orElse("[]");
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
