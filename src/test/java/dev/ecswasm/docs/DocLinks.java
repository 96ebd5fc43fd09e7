package dev.ecswasm.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the relative links of Markdown text: the file or folder each names must exist, and an
 * anchor ({@code page.md#a-heading}) must be the GitHub anchor of a heading in that page.
 * Notebooks count as Markdown: their markdown cells, in order. Public: the students' release is
 * checked with it too.
 */
public final class DocLinks {
    /** An inline link or image, {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One link that does not lead where it says. */
    public record Broken(Path file, int line, String target, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + target + ": " + why;
        }
    }

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** Every broken relative link in {@code file} (a {@code .md} page or a {@code .ipynb} notebook). */
    public List<Broken> check(Path file) {
        List<Broken> broken = new ArrayList<>();
        List<String> lines = markdownLines(file);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ... : not a file of ours
                }
                String why = problem(file, target);
                if (why != null) {
                    broken.add(new Broken(file, i + 1, target, why));
                }
            }
        }
        return broken;
    }

    private String problem(Path file, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path to = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
        if (!Files.exists(to)) {
            return "no such file or folder (" + to + ")";
        }
        if (anchor == null) {
            return null;
        }
        if (Files.isDirectory(to)) {
            to = to.resolve("README.md");
        }
        String name = to.getFileName().toString();
        if (!name.endsWith(".md") && !name.endsWith(".ipynb")) {
            return "an anchor into a file that has no headings";
        }
        Set<String> known = anchors.computeIfAbsent(to.toAbsolutePath().normalize(), DocLinks::anchorsOf);
        return known.contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + to.getFileName();
    }

    /** The anchors GitHub gives a page's headings, a repeated one numbered -1, -2, ... */
    static Set<String> anchorsOf(Path file) {
        Set<String> found = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdownLines(file)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                found.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return found;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces made hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** A page's lines; a notebook's markdown cells, one after another. */
    static List<String> markdownLines(Path file) {
        try {
            if (!file.getFileName().toString().endsWith(".ipynb")) {
                return Files.readAllLines(file);
            }
            List<String> lines = new ArrayList<>();
            for (JsonNode cell : JSON.readTree(file.toFile()).path("cells")) {
                if (cell.path("cell_type").asText().equals("markdown")) {
                    StringBuilder source = new StringBuilder();
                    JsonNode parts = cell.path("source");
                    if (parts.isArray()) {
                        parts.forEach(part -> source.append(part.asText()));
                    } else {
                        source.append(parts.asText());
                    }
                    lines.addAll(source.toString().lines().toList());
                    lines.add("");
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
