package dev.ecswasm.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a unified diff (what {@code diff -u} and {@code git diff} write) to text, strictly: every
 * context and removed line must be where the hunk says, or it refuses. A wrong solution is kept as
 * such a diff of its reference solution, so the mistake reads at a glance and a changed solution
 * that the diff no longer fits is caught, not silently graded.
 */
final class UnifiedDiff {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");

    private UnifiedDiff() {}

    /**
     * The diff's hunks by file: the path after {@code +++ b/}, with each hunk's header and lines as
     * written. A hunk is read by the line counts in its header, so a removed line that starts
     * {@code "-- "} (written {@code "--- ..."}) is never taken for a file header.
     */
    static Map<String, List<String>> byFile(String diff) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        List<String> current = null;
        String[] lines = diff.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher hunk = HUNK.matcher(line);
            if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
                String path = lines[i + 1].substring(4).trim();
                current = new ArrayList<>();
                files.put(path.startsWith("b/") ? path.substring(2) : path, current);
                i += 2;
            } else if (hunk.matches() && current != null) {
                current.add(line);
                int oldLeft = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
                int newLeft = hunk.group(4) == null ? 1 : Integer.parseInt(hunk.group(4));
                for (i++; i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[i].startsWith("\\")); i++) {
                    String body = lines[i].isEmpty() ? " " : lines[i]; // some tools strip an empty context line's space
                    current.add(body);
                    switch (body.charAt(0)) {
                        case ' ' -> {
                            oldLeft--;
                            newLeft--;
                        }
                        case '-' -> oldLeft--;
                        case '+' -> newLeft--;
                        default -> { } // "\ No newline at end of file"
                    }
                }
            } else {
                i++;
            }
        }
        return files;
    }

    /** {@code original} with the hunks of one file applied; {@code where} names it in errors. */
    static String apply(String original, List<String> hunks, String where) {
        List<String> in = new ArrayList<>(List.of(original.split("\n", -1)));
        List<String> out = new ArrayList<>();
        int next = 0; // the next line of `in` not yet copied (0-based)
        for (int i = 0; i < hunks.size(); i++) {
            String header = hunks.get(i);
            if (header.startsWith("\\")) {
                continue;
            }
            Matcher m = HUNK.matcher(header);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": not a hunk header: " + header);
            }
            int start = Integer.parseInt(m.group(1)) - 1;
            if (m.group(2) != null && Integer.parseInt(m.group(2)) == 0) {
                start++; // an empty old range names the line after which to insert
            }
            out.addAll(in.subList(next, start));
            next = start;
            for (i++; i < hunks.size() && !hunks.get(i).startsWith("@@"); i++) {
                String line = hunks.get(i);
                if (line.startsWith("\\")) {
                    continue;
                }
                char kind = line.charAt(0);
                String text = line.substring(1);
                if (kind == '+') {
                    out.add(text);
                    continue;
                }
                if (next >= in.size() || !in.get(next).equals(text)) {
                    throw new IllegalStateException(where + ": the diff no longer fits at line " + (next + 1)
                            + ": expected '" + text + "' but found '" + (next < in.size() ? in.get(next) : "(end)")
                            + "'; the solution changed, so remake the wrong solution's diff");
                }
                if (kind == ' ') {
                    out.add(text);
                }
                next++;
            }
            i--;
        }
        out.addAll(in.subList(next, in.size()));
        return String.join("\n", out);
    }
}
