package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notebooks/site.py} renders the lessons as a static site, and every page of it, opened
 * from file:// in headless Chromium, shows every SVG picture of its notebook at a non-zero size,
 * logs no error, and fetches and links only files of the site that exist: no network.
 *
 * <p>An integration test (failsafe, in {@code mvn verify}) beside {@link NotebooksIT}, which like
 * it needs Debian's tools (not the jar), and keeps a browser out of {@code mvn test}. Without
 * nbconvert or Chromium it is skipped and says what to
 * install, unless {@code ECS_WASM_REQUIRE_NOTEBOOKS=1} (set by {@code .ci/run}) makes that a
 * failure. {@code -Dlessons.chromium=PATH} picks another browser, {@code -Dnotebooks.python=...}
 * another python.
 */
class LessonsSiteIT {
    static final Path SITE_PY = Path.of("notebooks", "site.py");
    static final Path SITE = Path.of("target", "site");
    static final Path FIXTURE = Path.of("src", "test", "resources", "lessons-site");
    static final String HOW_TO_ENABLE = "lessons site test skipped: %s was not found; enable it with"
            + " `apt-get install -y --no-install-recommends python3-nbconvert chromium` (as root; otherwise with sudo)";

    static Path chromium;

    @BeforeAll
    static void toolsOrSkip() throws Exception {
        List<String> missing = new ArrayList<>();
        boolean nbconvert = Files.isExecutable(NotebooksIT.PYTHON)
                && NotebooksIT.run(List.of(NotebooksIT.PYTHON.toString(), "-c", "import nbconvert")).code() == 0;
        if (!nbconvert) {
            missing.add(NotebooksIT.PYTHON + " with nbconvert");
        }
        chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            missing.add(System.getProperty("lessons.chromium", "chromium"));
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = String.format(HOW_TO_ENABLE, String.join(" or ", missing));
        if ("1".equals(System.getenv("ECS_WASM_REQUIRE_NOTEBOOKS"))) {
            fail(message.replace("skipped", "required (ECS_WASM_REQUIRE_NOTEBOOKS=1)"));
        }
        System.err.println(message);
        Assumptions.abort(message);
    }

    @Test
    void everyLessonPageShowsItsPicturesAndLogsNoError() throws Exception {
        List<String> problems = renderAndOpen(Path.of("notebooks"), Path.of("exercises"), SITE);
        assertTrue(problems.isEmpty(), "problems in the site:\n  " + String.join("\n  ", problems));
        assertTrue(Files.exists(SITE.resolve("docs").resolve("glossary.html")), "the lessons link the glossary's page");
    }

    /**
     * A notebook of our own with both kinds of SVG output the lessons do not all have: an
     * image/svg+xml one and an inline {@code <svg>} (without xmlns, holding a nested {@code <svg>})
     * in text/html. Each becomes one {@code <img>} with a data: URI, out of a sanitizer's reach,
     * and shows.
     */
    @Test
    void anSvgOutputAndAnInlineSvgInHtmlBothShow(@TempDir Path out) throws Exception {
        Path notebook = FIXTURE.resolve("notebooks").resolve("01-pictures.ipynb");
        assertEquals(2, svgPictures(notebook));
        List<String> problems = renderAndOpen(FIXTURE.resolve("notebooks"), FIXTURE.resolve("exercises"), out);
        assertTrue(problems.isEmpty(), "problems in the site:\n  " + String.join("\n  ", problems));
        String page = Files.readString(out.resolve("01-pictures.html"));
        assertEquals(2, page.split("<img src=\"data:image/svg\\+xml;base64,", -1).length - 1, "pictures as <img>");
        assertEquals(0, outermostSvgs(page), "no <svg> left in the page");
    }

    /**
     * Renders the lessons in {@code notebooks} and {@code exercises} into {@code out}, checks the
     * index and the pages are all there, then opens each page: the problems its report has, and
     * a lesson page showing fewer or more SVG pictures than its notebook holds.
     */
    static List<String> renderAndOpen(Path notebooks, Path exercises, Path out) throws Exception {
        NotebooksIT.Result render = NotebooksIT.run(List.of(NotebooksIT.PYTHON.toString(), SITE_PY.toString(),
                "--notebooks", notebooks.toString(), "--exercises", exercises.toString(), "--out", out.toString()));
        System.out.print(render.output());
        assertEquals(0, render.code(), render.output());

        List<Path> lessons = notebooks(notebooks);
        assertEquals(names(lessons), lessonsInIndexOrder(out), "the index lists the lessons in order");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(out)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().collect(Collectors.toList());
        }
        // The index, a page per lesson and a page per exercise; beside them, in docs/, the pages the
        // lessons link (the glossary), whose links the browser checks like any other.
        assertEquals(1 + 2 * lessons.size(), pages.stream().filter(p -> !out.relativize(p).startsWith("docs")).count(),
                "pages: " + pages);

        List<String> problems = new ArrayList<>();
        try (var browser = new HeadlessChromium(chromium)) {
            for (Path page : pages) {
                PageReport report = browser.open(page.toAbsolutePath());
                report.problems(out).forEach(p -> problems.add(page + ": " + p));
                Path notebook = notebooks.resolve(page.getFileName().toString().replace(".html", ".ipynb"));
                if (page.getParent().equals(out) && Files.exists(notebook)) {
                    int expected = svgPictures(notebook);
                    System.out.println(page + ": " + report.pictures().size() + " SVG pictures, " + report.links().size() + " links");
                    if (report.pictures().size() != expected) {
                        problems.add(page + ": shows " + report.pictures().size() + " SVG pictures, its notebook has " + expected);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The checker can fail: a page with a picture of zero size, an SVG emptied as nbconvert 6.5's
     * sanitizer empties one, an SVG that does not decode, a script error, a console error, a fetch
     * over the network, a fetch from outside the site, a dead link and a link out of the site has
     * each reported, and a good page beside it has nothing.
     */
    @Test
    void aBrokenPageIsReported(@TempDir Path folder) throws Exception {
        String picture = "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><title>%s</title>"
                + "<rect width='%d' height='%d' fill='teal'/></svg>";
        Files.writeString(folder.resolve("good.html"), page(img(String.format(picture, "good", 40, 20), "good")
                + String.format(picture, "inline good", 40, 20)));
        Files.writeString(folder.resolve("broken.html"), page(
                img(String.format(picture, "zero", 0, 0).replace("width='40' height='20'", "width='0' height='0'"), "zero")
                        + "<svg width='40' height='20'></svg>"
                        + img("<svg this is not xml", "garbled")
                        + "<img src='http://127.0.0.1:9/remote.svg' alt='remote'>"
                        + "<a href='missing.html'>gone</a>"
                        + "<a href='../'>outside</a>"
                        + "<script src='../outside.js'></script>"
                        + "<script>console.error('planted', 42)</script>"
                        + "<script>throw new Error('planted script error')</script>"));

        try (var browser = new HeadlessChromium(chromium)) {
            PageReport good = browser.open(folder.resolve("good.html"));
            assertEquals(List.of(), good.problems(folder));
            assertEquals(2, good.pictures().size(), good.toString());

            List<String> problems = browser.open(folder.resolve("broken.html")).problems(folder);
            String all = String.join("\n", problems);
            System.out.println("reported for the planted page:\n" + all);
            for (String expected : List.of(
                    "picture 1 (img \"zero\") is 0x0 px",
                    "picture 2 (img \"garbled\") did not decode",
                    "picture 3 (svg \"\") draws nothing: its content is 0x0 px",
                    "logged console.error: planted 42",
                    "logged uncaught exception: Error: planted script error",
                    "fetched http://127.0.0.1:9/remote.svg: a page must work with no network",
                    "fetched " + folder.resolveSibling("outside.js").toUri() + ", which is outside the site",
                    "links to " + folder.resolve("missing.html").toUri() + ", which does not exist",
                    "links to " + folder.getParent().toUri() + ", which is outside the site")) {
                assertTrue(problems.contains(expected), "expected \"" + expected + "\" among:\n" + all);
            }
        }
    }

    static String page(String body) {
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>planted</title></head><body>" + body + "</body></html>";
    }

    static String img(String svg, String alt) {
        return "<img src='data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))
                + "' alt='" + alt + "'>";
    }

    static List<Path> notebooks(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    static List<String> names(List<Path> notebooks) {
        return notebooks.stream().map(p -> p.getFileName().toString().replace(".ipynb", "")).collect(Collectors.toList());
    }

    /** The lesson pages the index links to, in its order. */
    static List<String> lessonsInIndexOrder(Path site) throws Exception {
        Matcher m = Pattern.compile("<li><a href=\"([^\"/]+)\\.html\">").matcher(Files.readString(site.resolve("index.html")));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** How many SVG pictures the notebook's committed outputs hold: image/svg+xml ones and inline <svg>s. */
    static int svgPictures(Path notebook) throws Exception {
        int count = 0;
        for (JsonNode cell : new ObjectMapper().readTree(notebook.toFile()).path("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                JsonNode data = output.path("data");
                if (data.has("image/svg+xml")) {
                    count++;
                } else if (data.has("text/html")) {
                    count += outermostSvgs(text(data.get("text/html")));
                }
            }
        }
        return count;
    }

    /** How many {@code <svg>} elements in {@code html} are not inside another one. */
    static int outermostSvgs(String html) {
        Matcher tag = Pattern.compile("<(/?)svg\\b[^>]*?(/?)>", Pattern.CASE_INSENSITIVE).matcher(html);
        int depth = 0;
        int count = 0;
        while (tag.find()) {
            if (!tag.group(1).isEmpty()) {
                depth--;
            } else {
                if (depth == 0) {
                    count++;
                }
                if (tag.group(2).isEmpty()) {
                    depth++;
                }
            }
        }
        return count;
    }

    static String text(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        StringBuilder out = new StringBuilder();
        value.forEach(line -> out.append(line.asText()));
        return out.toString();
    }
}
