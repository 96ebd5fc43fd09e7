package dev.ecswasm.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The grade as the terminal shows it: per exercise a table of tests by task, then the total. */
final class ConsoleReport {
    static final String HIDDEN = "(hidden test: only its name and result are shown)";
    /** A failure message is wrapped at this width, so expected and actual both stay on the screen. */
    private static final int MESSAGE_WIDTH = 100;
    /** At most this many lines of a message are printed; summary.md has all of it. */
    private static final int MESSAGE_LINES = 12;

    private ConsoleReport() {}

    /**
     * {@code text} with every control character but line breaks and tabs (and the Unicode marks
     * that reorder text) written as a backslash, {@code u} and four hex digits, so a message cannot
     * move the cursor, clear the screen or hide a line of the report.
     */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean reorders = c == 0x2028 || c == 0x2029 || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            if (c != '\n' && c != '\t' && (Character.isISOControl(c) || reorders)) {
                b.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static String render(Report report) {
        StringBuilder b = new StringBuilder();
        for (ExerciseGrade exercise : report.exercises()) {
            b.append('\n').append(String.format(Locale.ROOT, "%-64s %d/%d points%n", exercise.name(),
                    exercise.earned(), exercise.possible()));
            if (!exercise.problem().isEmpty()) {
                printable(exercise.problem()).lines().forEach(line -> b.append("  ").append(line).append('\n'));
            }
            b.append(String.format(Locale.ROOT, "  %-6s %-7s %-6s %s%n", "task", "points", "result", "test"));
            for (TestOutcome t : exercise.tests()) {
                String task = t.taskId().isEmpty() ? "-" : t.taskId();
                b.append(String.format(Locale.ROOT, "  %-6s %-7s %-6s %s%s%n", task, t.earned() + "/" + t.points(),
                        t.passed() ? "pass" : "FAIL", printable(t.displayName()),
                        t.taskId().isEmpty() ? "  (no @Task: counts for nothing)" : ""));
                if (!t.passed()) {
                    for (String line : t.hidden() ? List.of(HIDDEN) : wrap(printable(t.message()))) {
                        b.append(String.format(Locale.ROOT, "  %-6s %-7s %-6s %s%n", "", "", "", line));
                    }
                }
            }
        }
        b.append(String.format(Locale.ROOT, "%nTotal: %d/%d points (%d%%), %d exercise(s) in %.1f s%n", report.earned(),
                report.possible(), report.percent(), report.exercises().size(), report.seconds()));
        return b.toString();
    }

    /**
     * The message's lines, each broken at a space (or, failing that, at the width) so none is
     * longer than the width; after {@link #MESSAGE_LINES} lines, how many more there are.
     */
    static List<String> wrap(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\n", -1)) {
            String rest = line.stripTrailing();
            while (rest.length() > MESSAGE_WIDTH) {
                int cut = rest.lastIndexOf(' ', MESSAGE_WIDTH);
                cut = cut < MESSAGE_WIDTH / 2 ? MESSAGE_WIDTH : cut;
                lines.add(rest.substring(0, cut));
                rest = "  " + rest.substring(cut).strip();
            }
            lines.add(rest);
        }
        if (lines.size() > MESSAGE_LINES) {
            int more = lines.size() - MESSAGE_LINES;
            lines = new ArrayList<>(lines.subList(0, MESSAGE_LINES));
            lines.add("... " + more + " more line(s) in summary.md");
        }
        return lines;
    }
}
