package dev.ecswasm.grader;

import java.util.Locale;

/** The grade as the terminal shows it: per exercise a table of tests by task, then the total. */
final class ConsoleReport {
    static final String HIDDEN = "(hidden test: only its name and result are shown)";
    private static final int MESSAGE_WIDTH = 110;

    private ConsoleReport() {}

    static String render(Report report) {
        StringBuilder b = new StringBuilder();
        for (ExerciseGrade exercise : report.exercises()) {
            b.append('\n').append(String.format(Locale.ROOT, "%-64s %d/%d points%n", exercise.name(),
                    exercise.earned(), exercise.possible()));
            if (!exercise.problem().isEmpty()) {
                exercise.problem().lines().forEach(line -> b.append("  ").append(line).append('\n'));
            }
            b.append(String.format(Locale.ROOT, "  %-6s %-7s %-6s %s%n", "task", "points", "result", "test"));
            for (TestOutcome t : exercise.tests()) {
                String task = t.taskId().isEmpty() ? "-" : t.taskId();
                b.append(String.format(Locale.ROOT, "  %-6s %-7s %-6s %s%s%n", task, t.earned() + "/" + t.points(),
                        t.passed() ? "pass" : "FAIL", t.displayName(),
                        t.taskId().isEmpty() ? "  (no @Task: counts for nothing)" : ""));
                if (!t.passed()) {
                    String line = t.hidden() ? HIDDEN : clip(t.firstLine());
                    b.append(String.format(Locale.ROOT, "  %-6s %-7s %-6s %s%n", "", "", "", line));
                }
            }
        }
        b.append(String.format(Locale.ROOT, "%nTotal: %d/%d points (%d%%), %d exercise(s) in %.1f s%n", report.earned(),
                report.possible(), report.percent(), report.exercises().size(), report.seconds()));
        return b.toString();
    }

    static String clip(String line) {
        return line.length() <= MESSAGE_WIDTH ? line : line.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
}
