package dev.ecswasm.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocLinksTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    /**
     * What a reader follows: the README, docs/, the exercises' and solutions' READMEs, the notebooks.
     * (The students' release has no solutions/: this test runs there too.)
     */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("exercises/README.md")));
        if (Files.exists(PROJECT.resolve("solutions"))) {
            pages.add(PROJECT.resolve("solutions/README.md"));
        }
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"));
                Stream<Path> exercises = Files.list(PROJECT.resolve("exercises"));
                Stream<Path> notebooks = Files.list(PROJECT.resolve("notebooks"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            exercises.map(p -> p.resolve("README.md")).filter(Files::exists).sorted().forEach(pages::add);
            notebooks.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    @DisplayName("every relative link and anchor in the README, docs/, the exercises and the notebooks leads somewhere")
    void everyLinkLeadsSomewhere() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 20, () -> "expected the README, docs/, 7 exercise READMEs and 6 notebooks, found " + pages);
        DocLinks links = new DocLinks();
        String broken = pages.stream().flatMap(p -> links.check(p).stream()).map(Object::toString)
                .collect(Collectors.joining("\n"));
        assertEquals("", broken, "broken links:\n" + broken);
    }

    @Test
    @DisplayName("every notebook links the glossary")
    void notebooksLinkTheGlossary() throws IOException {
        for (Path page : pages()) {
            if (page.toString().endsWith(".ipynb")) {
                String text = String.join("\n", DocLinks.markdownLines(page));
                assertTrue(text.contains("](../docs/glossary.md"), () -> page.getFileName() + " does not link docs/glossary.md");
            }
        }
    }

    @Test
    @DisplayName("a missing file, a missing anchor and a link into a notebook's heading are each judged right")
    void plantedLinksAreJudged(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other page\n\n## How good are the tests? (mutation)\n\n## Again\n## Again\n");
        Files.writeString(dir.resolve("lesson.ipynb"), """
                {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# 1. Entities and ids\\n", "text"]},
                           {"cell_type": "code", "metadata": {}, "source": ["## not a heading"], "outputs": []}]}
                """);
        Files.writeString(dir.resolve("page.md"), String.join("\n",
                "[fine](other.md) [fine](other.md#how-good-are-the-tests-mutation) [fine](other.md#again-1)",
                "[fine](lesson.ipynb#1-entities-and-ids) [fine](https://example.org/x.md) [self](#a-heading)",
                "# A heading",
                "`[in code](nowhere.md)`",
                "```",
                "[in a block](nowhere.md)",
                "```",
                "[gone](missing.md)",
                "[no anchor](other.md#how-good-are-the-tests)",
                "[code cell](lesson.ipynb#not-a-heading)",
                "[again](other.md#again-2)"));
        List<String> broken = new DocLinks().check(dir.resolve("page.md")).stream()
                .map(b -> b.line() + " " + b.target()).toList();
        assertEquals(List.of("8 missing.md", "9 other.md#how-good-are-the-tests",
                "10 lesson.ipynb#not-a-heading", "11 other.md#again-2"), broken);
    }

    @Test
    @DisplayName("anchors are GitHub's: lower case, punctuation dropped, code and links reduced to their text")
    void slugs() {
        assertEquals("the-ecs-layer-devecswasmecs", DocLinks.slug("The ECS layer (`dev.ecswasm.ecs`)"));
        assertEquals("1-entities-and-ids", DocLinks.slug("1. Entities and ids"));
        assertEquals("open-an-exercise-in-an-ide", DocLinks.slug("Open an exercise in an IDE"));
        assertEquals("what-the-grader-trusts-only-itself", DocLinks.slug("What the grader trusts: only itself"));
        assertEquals("see-the-glossary", DocLinks.slug("See [the glossary](docs/glossary.md)"));
    }
}
