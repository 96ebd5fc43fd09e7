package dev.ecswasm.grader;

import java.util.ArrayList;
import java.util.List;

/**
 * How the test JVM tells the grader what happened: one line per event, tab-separated fields with
 * backslash escapes, so a failure message of any shape survives. {@code PLAN} lines list every test
 * before any runs; {@code DONE} lines follow as each finishes. A test planned but never done was
 * cut short (the JVM ended or was stopped).
 */
final class ResultLines {
    static final String PLAN = "PLAN";
    static final String DONE = "DONE";

    private ResultLines() {}

    /** {@code kind} then the outcome's fields, as one line (no line break). */
    static String encode(String kind, TestOutcome t) {
        return String.join("\t", kind, escape(t.className()), escape(t.method()), escape(t.displayName()),
                escape(t.taskId()), Integer.toString(t.points()), t.passed() ? "passed" : "failed",
                escape(t.message()));
    }

    /** The line's kind ({@link #PLAN} or {@link #DONE}) and outcome. */
    static Line decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8 || !(f[0].equals(PLAN) || f[0].equals(DONE))) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        return new Line(f[0], new TestOutcome(unescape(f[1]), unescape(f[2]), unescape(f[3]), unescape(f[4]),
                Integer.parseInt(f[5]), f[6].equals("passed"), unescape(f[7]), false));
    }

    record Line(String kind, TestOutcome outcome) {}

    /**
     * The outcomes in plan order, each replaced by its DONE line when there is one; a planned test
     * with no DONE line fails with {@code cutShort}.
     */
    static List<TestOutcome> merge(List<String> lines, String cutShort) {
        List<TestOutcome> planned = new ArrayList<>();
        List<TestOutcome> done = new ArrayList<>();
        for (String raw : lines) {
            if (raw.isEmpty()) {
                continue;
            }
            Line line = decode(raw);
            (line.kind().equals(PLAN) ? planned : done).add(line.outcome());
        }
        List<TestOutcome> merged = new ArrayList<>();
        for (TestOutcome plan : planned) {
            merged.add(done.stream()
                    .filter(d -> d.className().equals(plan.className()) && d.method().equals(plan.method())
                            && d.displayName().equals(plan.displayName()))
                    .findFirst()
                    .orElse(plan.failedWith(cutShort)));
        }
        return merged;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char next = s.charAt(++i);
            b.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return b.toString();
    }
}
