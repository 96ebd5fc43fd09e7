package dev.ecswasm.grader;

import java.util.Locale;

/** The grade as a Markdown page ({@code summary.md}): a totals table, then one table per exercise. */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(Report report) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# Grade: %d/%d points (%d%%)%n%n", report.earned(), report.possible(),
                report.percent()));
        b.append("| exercise | points | failed tests |\n|---|---:|---:|\n");
        for (ExerciseGrade e : report.exercises()) {
            b.append(String.format(Locale.ROOT, "| %s | %d/%d | %d |%n", e.name(), e.earned(), e.possible(),
                    e.failedCount()));
        }
        for (ExerciseGrade e : report.exercises()) {
            b.append(String.format(Locale.ROOT, "%n## %s: %d/%d points%n%n", e.name(), e.earned(), e.possible()));
            if (!e.problem().isEmpty()) {
                // An indented block, not a fence: no text in it can close it.
                ConsoleReport.printable(e.problem()).lines().forEach(line -> b.append("    ").append(line).append('\n'));
                b.append('\n');
            }
            b.append("| task | test | points | result | why it failed |\n|---|---|---:|---|---|\n");
            for (TestOutcome t : e.tests()) {
                String why = t.passed() ? "" : t.hidden() ? ConsoleReport.HIDDEN : t.message();
                b.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %s | %s |%n",
                        t.taskId().isEmpty() ? "-" : cell(t.taskId()), cell(t.displayName()), t.earned(), t.points(),
                        t.passed() ? "pass" : "**fail**", cell(why)));
            }
        }
        return b.toString();
    }

    /** A table cell: Markdown and HTML characters escaped, line breaks kept as {@code <br>}. */
    static String cell(String text) {
        String s = ConsoleReport.printable(text);
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "").replace("\n", "<br>");
    }
}
