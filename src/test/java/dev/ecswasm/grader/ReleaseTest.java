package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecswasm.docs.DocLinks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade --release OUT --git} on this project: the students' copy holds no reference
 * solution, no wrong solution and no hidden test (by content and by path); its READMEs link only
 * what it holds; its own {@code ./grade} earns nothing on the stubs and lists every test; it is a
 * git repository with one commit and nothing uncommitted; and a student's copy of it is graded by
 * {@code --class} as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private Path tmp;

    private Path release;

    /** Every file of the release (not its .git), by path relative to it ('/'), with its SHA-256. */
    private Map<String, String> released;

    @BeforeAll
    void release(@TempDir Path dir) {
        tmp = dir;
        release = tmp.resolve("release");
        assertEquals(0, Grade.run(new String[] {"--release", release.toString(), "--git"}, PROJECT));
        released = hashes(release);
    }

    @Test
    @DisplayName("no reference solution, wrong solution or hidden test is in the release, by content or by path")
    void nothingSecret() {
        List<String> exercises = Exercises.folders(PROJECT.resolve("exercises")).stream()
                .map(p -> p.getFileName().toString()).toList();
        // Solution files that are the stub as it ships (given code, like exercise 4's Range) are no secret.
        Map<String, String> solutions = new TreeMap<>(hashes(PROJECT.resolve("solutions")));
        Map<String, String> stubs = hashes(PROJECT.resolve("exercises"));
        solutions.entrySet().removeIf(e -> e.getValue().equals(stubs.get(e.getKey())));
        assertTrue(solutions.keySet().containsAll(List.of("01-entity-ids/src/exercises/ids/EntityIds.java",
                "06-plugin-through-chicory/src/exercises/hostfn/GuestHost.java")), solutions::toString);
        Map<String, String> wrong = hashes(PROJECT.resolve("src/test/resources/wrong-solutions"));
        assertTrue(wrong.size() >= 2 * 6 * 8, "every wrong solution has a diff and its expect.properties");
        Map<String, String> hidden = new TreeMap<>();
        hashes(PROJECT).forEach((path, hash) -> {
            if (isCourseHiddenTest(path, exercises)) {
                hidden.put(path, hash);
            }
        });
        assertTrue(hidden.containsKey("src/test/resources/hostile-submissions/_hidden/01-entity-ids/exercises/ids/"
                + "EntityIdsHiddenTest.java"), hidden::toString);

        Map<String, List<String>> byHash = released.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        List<String> leaks = new ArrayList<>();
        for (var secrets : List.of(Map.entry("solutions/", solutions), Map.entry("src/test/resources/wrong-solutions/",
                wrong), Map.entry("", hidden))) {
            secrets.getValue().forEach((path, hash) -> {
                String where = secrets.getKey() + path;
                byHash.getOrDefault(hash, List.of()).forEach(r -> leaks.add(where + " is released as " + r));
                if (released.containsKey(where)) {
                    leaks.add(where + " is released under its own path");
                }
            });
        }
        released.keySet().stream().filter(p -> p.startsWith("solutions/") || p.contains("wrong-solutions/")
                || isCourseHiddenTest(p, exercises)).forEach(p -> leaks.add(p + " is released"));
        assertEquals(List.of(), leaks);
        // The stubs, the graded tests and the grader are there.
        assertTrue(released.keySet().containsAll(List.of("exercises/01-entity-ids/src/exercises/ids/EntityIds.java",
                "exercises/01-entity-ids/test/exercises/ids/EntityIdsTest.java", "grade", "workbench", "pom.xml",
                "src/main/java/dev/ecswasm/grader/Grade.java", "src/main/resources/dev/ecswasm/host/ecs_plugin.wasm",
                "exercises/06-plugin-through-chicory/test/exercises/hostfn/guest.wasm")), released.keySet()::toString);
        assertFalse(released.keySet().stream().anyMatch(p -> p.startsWith("target/") || p.startsWith(".ci/")),
                "nothing built, no CI script");
    }

    @Test
    @DisplayName("no released test source names a class the release leaves out, so the release's tests compile")
    void releasedTestsNeedNothingLeftOut() throws IOException {
        List<String> leftOut = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/test/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String path = PROJECT.relativize(f).toString().replace(File.separatorChar, '/');
                if (!Release.released(path)) {
                    leftOut.add(f.getFileName().toString().replace(".java", ""));
                }
            });
        }
        assertFalse(leftOut.isEmpty(), "the release leaves out some tests");
        for (Map.Entry<String, String> file : released.entrySet()) {
            if (file.getKey().startsWith("src/test/java/")) {
                String text = Files.readString(release.resolve(file.getKey()));
                for (String name : leftOut) {
                    assertFalse(Pattern.compile("\\b" + name + "\\b").matcher(text).find(),
                            () -> file.getKey() + " uses " + name + ", which the release leaves out");
                }
            }
        }
    }

    @Test
    @DisplayName("the rules leave out what an instructor may add: solutions, hidden tests at the top or in an exercise")
    void rules() {
        for (String out : List.of("solutions/01-entity-ids/src/exercises/ids/EntityIds.java", "solutions/mutate",
                "hidden/01-entity-ids/exercises/ids/EntityIdsHiddenTest.java", ".ci/run", "BENCHMARKS.md",
                "exercises/01-entity-ids/hidden/exercises/ids/EntityIdsHiddenTest.java",
                "exercises/01-entity-ids/solution.md", "src/test/resources/wrong-solutions/01-entity-ids/x/mistake.diff",
                "src/test/resources/hostile-submissions/_hidden/01-entity-ids/exercises/ids/EntityIdsHiddenTest.java",
                "src/test/java/dev/ecswasm/grader/ExercisesGradeTest.java",
                "src/test/java/dev/ecswasm/grader/ReleaseTest.java", "src/jmh/java/dev/ecswasm/bench/EcsBench.java",
                "docs/grading.md")) {
            assertFalse(Release.released(out), out + " must stay out");
        }
        for (String in : List.of("grade", "workbench", "pom.xml", ".mvn/jvm.config", "README.md", "exercises/README.md",
                "exercises/01-entity-ids/README.md", "exercises/01-entity-ids/src/exercises/ids/EntityIds.java",
                "exercises/01-entity-ids/test/exercises/ids/EntityIdsTest.java", "exercises/01-entity-ids/pom.xml",
                "notebooks/01-entities-and-ids.ipynb", "docs/glossary.md",
                "src/test/java/dev/ecswasm/grader/GraderTest.java", "rust-plugin/src/lib.rs")) {
            assertTrue(Release.released(in), in + " must be released");
        }
        String markdown = "# A\n\n## Students\nwork\n```sh\n## not a heading\n```\n## For instructors\nsecret\n"
                + "```sh\n# a comment\n```\n### deeper secret\n## After\nkept\n";
        assertEquals("# A\n\n## Students\nwork\n```sh\n## not a heading\n```\n## After\nkept\n",
                Release.withoutSection(markdown, "## For instructors"));
    }

    @Test
    @DisplayName("the release's READMEs link only files it has, and say nothing of solutions")
    void readmes() throws IOException {
        assertEquals(Release.studentReadme(), Files.readString(release.resolve("README.md")));
        DocLinks links = new DocLinks();
        List<String> problems = new ArrayList<>();
        // The READMEs a student reads (the template in the grader's resources is checked as README.md),
        // the pages of docs/ and the notebooks' text.
        for (String path : released.keySet().stream().filter(p -> p.equals("README.md")
                || p.startsWith("exercises/") && p.endsWith("README.md") || p.startsWith("docs/")
                || p.startsWith("notebooks/") && p.endsWith(".ipynb")).toList()) {
            String text = Files.readString(release.resolve(path));
            if (text.contains("solutions")) {
                problems.add(path + " mentions solutions");
            }
            for (DocLinks.Broken broken : links.check(release.resolve(path))) {
                problems.add(path + ":" + broken.line() + " links " + broken.target() + ", which the release does not have: "
                        + broken.why());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("--git: one commit, every released file in it, executables kept, nothing uncommitted")
    void oneCommit() {
        assertEquals(1, git("log", "--oneline").lines().count());
        assertEquals("", git("status", "--porcelain", "--untracked-files=all"));
        assertEquals(released.keySet(), git("ls-files").lines().collect(Collectors.toSet()));
        assertTrue(git("ls-files", "-s", "grade", "workbench").lines().allMatch(l -> l.startsWith("100755")));
    }

    @Test
    @DisplayName("the release's own ./grade, as a process, earns 0 on the stubs, lists every test, and leaves git clean")
    void gradeTheStubs() throws Exception {
        // The release's ./grade builds with Maven when target/classes is missing (a student's first
        // run); this project's classes come from the same sources, so the test gives it those.
        Path classes = Path.of(Grade.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TestFolders.copyTree(classes, release.resolve("target/classes"));
        Files.copy(PROJECT.resolve("target/classpath.txt"), release.resolve("target/classpath.txt"));
        Files.writeString(release.resolve("target/grade.stamp"), "");
        Path output = tmp.resolve("grade.out");
        Process p = new ProcessBuilder(release.resolve("grade").toString(), "--expect", "none", "01-entity-ids",
                "02-sparse-sets").directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "./grade finished within 300 s");
        String said = Files.readString(output);
        assertEquals(0, p.exitValue(), said);
        assertFalse(said.contains("Building"), "./grade used the classes given to it:\n" + said);
        assertTrue(said.contains("Total: 0/38 points"), said);
        JsonNode results = new ObjectMapper().readTree(release.resolve("target/grading/results.json").toFile());
        assertEquals(0, results.get("score").asInt());
        long graded = countTests(release.resolve("exercises/01-entity-ids/test"))
                + countTests(release.resolve("exercises/02-sparse-sets/test"));
        assertEquals(graded, results.get("tests").size(), "every graded test is listed");
        for (JsonNode test : results.get("tests")) {
            String name = test.get("name").asText();
            assertTrue(said.contains(name.substring(name.indexOf(": ") + 2)), () -> name + " is not listed:\n" + said);
            assertEquals("failed", test.get("status").asText(), name);
        }
        assertEquals("", git("status", "--porcelain", "--untracked-files=all"), "grading leaves the repository clean");
    }

    @Test
    @DisplayName("a student's copy of the release, worked in, is graded by --class as it is, and so is one zipped in a folder")
    void aStudentsCopyIsGraded() throws Exception {
        Path klass = tmp.resolve("class");
        // alice did exercise 1 in her clone (.git and all); bob handed in a zip of the untouched release.
        TestFolders.copyTree(release, klass.resolve("alice"));
        Files.copy(PROJECT.resolve("solutions/01-entity-ids/src/exercises/ids/EntityIds.java"),
                klass.resolve("alice/exercises/01-entity-ids/src/exercises/ids/EntityIds.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TestFolders.copyTree(release, klass.resolve("bob/course-main"));
        Files.createDirectories(klass.resolve("bob/__MACOSX"));
        assertEquals(klass.resolve("bob/course-main/exercises"),
                ClassGrading.work(klass.resolve("bob"), List.of("01-entity-ids")).orElseThrow().folder());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ClassGrading.grade(Grader.Options.of(PROJECT, PROJECT).withExercises(List.of("01-entity-ids")), klass,
                tmp.resolve("class-out"), 2, false, new PrintStream(progress, true, StandardCharsets.UTF_8));
        Map<String, String> book = Files.readAllLines(tmp.resolve("class-out/gradebook.csv")).stream().skip(1)
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')), l -> l));
        assertTrue(book.get("alice").startsWith("alice,graded,18,"), book::toString);
        assertTrue(book.get("alice").endsWith(",18,18,100"), book::toString);
        assertTrue(book.get("bob").startsWith("bob,graded,0,"), book::toString);
    }

    /** A file under a hidden/ or _hidden/ folder that holds one of the course's exercises. */
    private static boolean isCourseHiddenTest(String path, List<String> exercises) {
        String[] parts = path.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if ((parts[i].equals("hidden") || parts[i].equals("_hidden")) && exercises.contains(parts[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /** The graded tests in a test folder: its {@code @Test} methods. */
    private static long countTests(Path folder) throws IOException {
        long n = 0;
        for (String path : hashes(folder).keySet()) {
            n += Pattern.compile("@Test\\b").matcher(Files.readString(folder.resolve(path))).results().count();
        }
        return n;
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", release.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file under {@code root} (not in .git or target/), by path relative to it, with its SHA-256. */
    private static Map<String, String> hashes(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName().toString();
                    return !dir.equals(root) && (name.equals(".git") || name.equals("target"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && !file.getFileName().toString().equals(".git")) {
                        hashes.put(root.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
