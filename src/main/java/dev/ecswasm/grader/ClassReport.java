package dev.ecswasm.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class report of {@code ./grade --class} ({@code class.md} and {@code class.html}): per
 * exercise and per task, how many of the graded students earned it (every point of it), the
 * tasks the fewest earned first, a bar chart (inline SVG, one bar per task, grouped by exercise,
 * coloured by how many earned it), and the students who could not be graded and why. The page
 * needs no network and no JavaScript. Everything that comes from a student's folder (a name, a
 * reason that quotes it) is escaped, in HTML and in Markdown alike; the HTML is also well-formed
 * XML, so a test can read it with an XML parser.
 */
final class ClassReport {
    /** How many of the lowest tasks the report lists first. */
    private static final int LOWEST = 5;
    private static final int BAR_WIDTH = 360;

    private ClassReport() {}

    /**
     * How many graded students earned every point of one task.
     *
     * @param exercise the exercise folder's name
     * @param task the task id, e.g. {@code 1.2}
     * @param points what the task is worth (its tests' points summed)
     * @param earnedBy the graded students who earned all of them
     * @param graded the graded students
     */
    record TaskCount(String exercise, String task, int points, int earnedBy, int graded) {
        int percent() {
            return ClassReport.percent(earnedBy, graded);
        }
    }

    /** How many graded students earned every point of one exercise, their mean points, and how many had a problem there. */
    record ExerciseCount(String exercise, int points, int earnedBy, int graded, double meanPoints, int withProblem) {
        int percent() {
            return ClassReport.percent(earnedBy, graded);
        }
    }

    /** The tasks of every exercise, in the reports' order (tests without a task left out: they count for nothing). */
    static List<TaskCount> tasks(List<ClassGrading.Row> rows) {
        Map<String, TaskCount> counts = new LinkedHashMap<>();
        List<Report> reports = graded(rows);
        for (Report r : reports) {
            for (ExerciseGrade e : r.exercises()) {
                Map<String, int[]> byTask = new LinkedHashMap<>();
                for (TestOutcome t : e.tests()) {
                    if (!t.taskId().isEmpty()) {
                        int[] pe = byTask.computeIfAbsent(t.taskId(), k -> new int[2]);
                        pe[0] += t.points();
                        pe[1] += t.earned();
                    }
                }
                byTask.forEach((task, pe) -> counts.merge(e.name() + "\t" + task,
                        new TaskCount(e.name(), task, pe[0], pe[0] == pe[1] ? 1 : 0, reports.size()),
                        (a, b) -> new TaskCount(a.exercise(), a.task(), Math.max(a.points(), b.points()),
                                a.earnedBy() + b.earnedBy(), a.graded())));
            }
        }
        return List.copyOf(counts.values());
    }

    static List<ExerciseCount> exercises(List<ClassGrading.Row> rows) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Report> reports = graded(rows);
        for (Report r : reports) {
            for (ExerciseGrade e : r.exercises()) {
                int[] c = counts.computeIfAbsent(e.name(), k -> new int[4]);
                c[0] = Math.max(c[0], e.possible());
                c[1] += e.earned() == e.possible() ? 1 : 0;
                c[2] += e.earned();
                c[3] += e.problem().isEmpty() ? 0 : 1;
            }
        }
        List<ExerciseCount> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(new ExerciseCount(name, c[0], c[1], reports.size(),
                reports.isEmpty() ? 0 : (double) c[2] / reports.size(), c[3])));
        return out;
    }

    static String markdown(List<ClassGrading.Row> rows) {
        List<TaskCount> tasks = tasks(rows);
        StringBuilder b = new StringBuilder("# Class report\n\n").append(overview(rows)).append("\n\n");
        b.append("A student earned a task or an exercise when they earned every point of it.\n\n");
        b.append("## Where the class struggles\n\n");
        if (tasks.isEmpty()) {
            b.append("No student was graded.\n");
        } else {
            b.append("The ").append(Math.min(LOWEST, tasks.size())).append(" tasks the fewest students earned:\n\n");
            b.append("| exercise | task | points | earned by |\n|---|---|---:|---|\n");
            for (TaskCount t : lowest(tasks)) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s |%n", MarkdownReport.cell(t.exercise()),
                        MarkdownReport.cell(t.task()), t.points(), share(t.earnedBy(), t.graded())));
            }
        }
        b.append("\n## By exercise\n\n");
        b.append("| exercise | points | earned by | mean points | with a problem (does not compile, refused, missing) |\n"
                + "|---|---:|---|---:|---:|\n");
        for (ExerciseCount e : exercises(rows)) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %d |%n", MarkdownReport.cell(e.exercise()),
                    e.points(), share(e.earnedBy(), e.graded()), e.meanPoints(), e.withProblem()));
        }
        b.append("\n## By task\n");
        String exercise = null;
        for (TaskCount t : tasks) {
            if (!t.exercise().equals(exercise)) {
                exercise = t.exercise();
                b.append("\n### ").append(MarkdownReport.cell(exercise)).append("\n\n");
                b.append("| task | points | earned by | |\n|---|---:|---|---|\n");
            }
            int filled = (t.percent() + 5) / 10;
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | `%s` |%n", MarkdownReport.cell(t.task()), t.points(),
                    share(t.earnedBy(), t.graded()), "#".repeat(filled) + ".".repeat(10 - filled)));
        }
        List<ClassGrading.Row> ungraded = ungraded(rows);
        b.append("\n## Could not be graded (").append(ungraded.size()).append(")\n\n");
        if (ungraded.isEmpty()) {
            b.append("Every student folder was graded.\n");
        } else {
            b.append("| student | why |\n|---|---|\n");
            for (ClassGrading.Row r : ungraded) {
                b.append("| ").append(md(r.student())).append(" | ").append(md(r.why())).append(" |\n");
            }
        }
        return b.toString();
    }

    static String html(List<ClassGrading.Row> rows) {
        List<TaskCount> tasks = tasks(rows);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>Class report</title>\n<style>\n")
                .append("body { font-family: system-ui, sans-serif; margin: 2em; max-width: 60em; color: #222; }\n")
                .append("table { border-collapse: collapse; margin: 0.5em 0 1.5em; }\n")
                .append("th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }\n")
                .append("td.n { text-align: right; }\n")
                .append("tr.low td { background: #fde0dc; }\n")
                .append("</style>\n</head>\n<body>\n<h1>Class report</h1>\n");
        b.append("<p>").append(html(overview(rows))).append("</p>\n");
        b.append("<p>A student earned a task or an exercise when they earned every point of it. Bars: the share of "
                + "the graded students who earned each task; red below 50%, orange below 80%, green from 80%.</p>\n");
        b.append(svg(tasks)).append('\n');
        b.append("<h2>Where the class struggles</h2>\n");
        if (tasks.isEmpty()) {
            b.append("<p>No student was graded.</p>\n");
        } else {
            b.append("<table>\n<tr><th>exercise</th><th>task</th><th>points</th><th>earned by</th></tr>\n");
            for (TaskCount t : lowest(tasks)) {
                b.append("<tr><td>").append(html(t.exercise())).append("</td><td>").append(html(t.task()))
                        .append("</td><td class=\"n\">").append(t.points()).append("</td><td>")
                        .append(html(share(t.earnedBy(), t.graded()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<h2>By exercise</h2>\n<table>\n<tr><th>exercise</th><th>points</th><th>earned by</th>"
                + "<th>mean points</th><th>with a problem (does not compile, refused, missing)</th></tr>\n");
        for (ExerciseCount e : exercises(rows)) {
            b.append("<tr").append(e.percent() < 50 ? " class=\"low\"" : "").append("><td>").append(html(e.exercise()))
                    .append("</td><td class=\"n\">").append(e.points()).append("</td><td>")
                    .append(html(share(e.earnedBy(), e.graded()))).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f", e.meanPoints())).append("</td><td class=\"n\">")
                    .append(e.withProblem()).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>By task</h2>\n<table>\n<tr><th>exercise</th><th>task</th><th>points</th>"
                + "<th>earned by</th></tr>\n");
        for (TaskCount t : tasks) {
            b.append("<tr").append(t.percent() < 50 ? " class=\"low\"" : "").append("><td>").append(html(t.exercise()))
                    .append("</td><td>").append(html(t.task())).append("</td><td class=\"n\">").append(t.points())
                    .append("</td><td>").append(html(share(t.earnedBy(), t.graded()))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        List<ClassGrading.Row> ungraded = ungraded(rows);
        b.append("<h2>Could not be graded (").append(ungraded.size()).append(")</h2>\n");
        if (ungraded.isEmpty()) {
            b.append("<p>Every student folder was graded.</p>\n");
        } else {
            b.append("<table>\n<tr><th>student</th><th>why</th></tr>\n");
            for (ClassGrading.Row r : ungraded) {
                b.append("<tr><td>").append(html(r.student())).append("</td><td>").append(html(r.why()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /**
     * The chart: per exercise a heading, then per task a row with its id, a grey track for the
     * whole class and over it a bar (class {@code bar}) as long as the share that earned the task,
     * red below 50%, orange below 80%, green from 80%; each task's {@code <title>} says
     * "EXERCISE TASK: n of N (p%)", which a browser shows on hover.
     */
    static String svg(List<TaskCount> tasks) {
        int left = 190;
        int row = 20;
        int top = 30;
        List<String> body = new ArrayList<>();
        int y = top;
        String exercise = null;
        for (TaskCount t : tasks) {
            if (!t.exercise().equals(exercise)) {
                exercise = t.exercise();
                y += exercise.equals(tasks.get(0).exercise()) ? 0 : 8;
                body.add(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>", y + 14,
                        html(exercise)));
                y += row;
            }
            int width = t.graded() == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * t.earnedBy() / t.graded());
            String colour = t.percent() < 50 ? "#d73027" : t.percent() < 80 ? "#f08c3a" : "#1a9850";
            String share = share(t.earnedBy(), t.graded());
            body.add(String.format(Locale.ROOT, "<g class=\"task\"><title>%s %s: %s</title>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                    + "<rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#e6e6e6\"/>"
                    + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text></g>",
                    html(t.exercise()), html(t.task()), html(share), left - 8, y + 12, html(t.task()), left, y + 1,
                    BAR_WIDTH, left, y + 1, width, colour, left + BAR_WIDTH + 8, y + 12, html(share)));
            y += row;
        }
        int height = y + 10;
        int width = left + BAR_WIDTH + 130;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height,
                width, height));
        b.append("<title>Share of the graded students who earned each task</title>\n");
        body.forEach(line -> b.append(line).append('\n'));
        // The grid over the bars, at the colours' edges, so a bar shows which side of them it ends.
        for (int p : new int[] {0, 50, 80, 100}) {
            int x = left + BAR_WIDTH * p / 100;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#777\" "
                    + "stroke-dasharray=\"2,3\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%d%%</text>%n",
                    x, top - 6, x, y, x, top - 12, p));
        }
        return b.append("</svg>").toString();
    }

    private static String overview(List<ClassGrading.Row> rows) {
        List<Report> reports = graded(rows);
        String text = String.format(Locale.ROOT, "%d student folder(s): %d graded, %d could not be graded.",
                rows.size(), reports.size(), rows.size() - reports.size());
        if (!reports.isEmpty()) {
            int possible = reports.stream().mapToInt(Report::possible).max().orElse(0);
            double mean = reports.stream().mapToInt(Report::earned).average().orElse(0);
            long full = reports.stream().filter(r -> r.earned() == r.possible()).count();
            text += String.format(Locale.ROOT, " Mean %.1f of %d points; %s earned every point.", mean, possible,
                    share((int) full, reports.size()));
        }
        return text;
    }

    private static List<TaskCount> lowest(List<TaskCount> tasks) {
        return tasks.stream().sorted(Comparator.comparingInt(TaskCount::earnedBy)).limit(LOWEST).toList();
    }

    private static List<Report> graded(List<ClassGrading.Row> rows) {
        return rows.stream().flatMap(r -> r.report().stream()).toList();
    }

    private static List<ClassGrading.Row> ungraded(List<ClassGrading.Row> rows) {
        return rows.stream().filter(r -> r.report().isEmpty()).toList();
    }

    /** "n of N (p%)", the percentage rounded down (so 99.9% is not shown as 100%). */
    static String share(int n, int of) {
        return String.format(Locale.ROOT, "%d of %d (%d%%)", n, of, percent(n, of));
    }

    private static int percent(int n, int of) {
        return of == 0 ? 0 : (int) (100L * n / of);
    }

    /** Text for HTML and XML, in an element or an attribute: control characters shown, markup escaped. */
    static String html(String text) {
        // U+FFFE and U+FFFF are not characters XML allows: shown like a control character.
        return ConsoleReport.printable(text).replace("\uFFFE", "\\uFFFE").replace("\uFFFF", "\\uFFFF")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    /**
     * Text for one line of Markdown, a table cell included: control characters shown, line breaks
     * made spaces, and backslash-escaped (CommonMark lets any ASCII punctuation be) every character
     * that can start inline markup ({@code \ ` * _ [ ] < > & | ~ !}), and those of GitHub's
     * autolinks ({@code :} and {@code @}, the dot after {@code www}), so no name can make a link,
     * an emphasis, a new cell or raw HTML.
     */
    static String md(String text) {
        String plain = ConsoleReport.printable(text).replace("\r", "").replace('\n', ' ');
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean www = c == '.' && i >= 3 && plain.substring(i - 3, i).equalsIgnoreCase("www");
            if ("\\`*_[]<>&|~!:@".indexOf(c) >= 0 || www) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
