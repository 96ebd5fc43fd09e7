package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery of hostile submissions ({@code src/test/resources/hostile-submissions/<attack>/}),
 * each a working copy that starts from the stubs and tries to get points without the work: a
 * folder holds only the files the attack adds to the stubs or changes in them. Each is
 * graded by {@code ./grade}'s own code, in the sandbox, and must: score at most its
 * {@code max_points} (usually 0), leave a {@code results.json} that says the same, say what its
 * {@code says} names, and change nothing outside the grader's output folder (the project's
 * exercises and solutions, and the submission itself, are the same before and after).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSubmissionsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path GALLERY = PROJECT.resolve("src/test/resources/hostile-submissions");

    @TempDir
    Path tmp;

    private TreeMap<String, String> before;

    @BeforeAll
    void snapshotTheProject() {
        assumeTrue(Sandbox.bwrapWorks(), "bubblewrap is not installed here: the gallery needs the sandbox");
        before = snapshot(PROJECT.resolve("exercises"), PROJECT.resolve("solutions"));
    }

    @TestFactory
    Stream<DynamicTest> everyAttackFails() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> attacks = Files.list(GALLERY)) {
            for (Path attack : (Iterable<Path>) attacks.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("_")).sorted()::iterator) {
                Properties expect = load(attack.resolve("expect.properties"));
                tests.add(DynamicTest.dynamicTest(attack.getFileName() + ": " + expect.getProperty("attack"),
                        () -> grade(attack, expect)));
            }
        }
        tests.add(DynamicTest.dynamicTest("nothing of the project changed", () ->
                assertEquals(before, snapshot(PROJECT.resolve("exercises"), PROJECT.resolve("solutions")))));
        return tests.stream();
    }

    private void grade(Path attack, Properties expect) throws Exception {
        String name = attack.getFileName().toString();
        String exercise = expect.getProperty("exercise");
        Path work = tmp.resolve(name + "/work");
        // A working copy that starts from the stubs, with the attack's files laid over them.
        Path stubs = PROJECT.resolve("exercises").resolve(exercise).resolve("src");
        TestFolders.copyTree(stubs, work.resolve(exercise).resolve("src"));
        TestFolders.copyTree(attack, work);
        String link = expect.getProperty("link");
        if (link != null) {
            String[] parts = link.split(" -> ");
            Path at = work.resolve(exercise).resolve("src").resolve(parts[0]);
            Files.deleteIfExists(at);
            Files.createSymbolicLink(at, PROJECT.resolve(parts[1]));
        }
        String setup = expect.getProperty("setup");
        if (setup != null) {
            // Files git cannot hold (names that are not UTF-8) are made on the copy by a script.
            Process p = new ProcessBuilder("sh", work.resolve(setup).toString(), work.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), name + ": " + setup);
        }
        TreeMap<String, String> submission = snapshot(work);
        Path out = tmp.resolve(name + "/out");
        List<String> args = new ArrayList<>(List.of("--work", work.toString(), "--out", out.toString(),
                "--timeout", "5", exercise));
        if ("true".equals(expect.getProperty("hidden"))) {
            args.addAll(0, List.of("--hidden", GALLERY.resolve("_hidden").toString()));
        }
        String locale = expect.getProperty("locale");
        if (locale == null) {
            assertEquals(0, Grade.run(args.toArray(String[]::new), PROJECT), name + ": the grader finished");
        } else {
            assertEquals(0, gradeUnder(locale, args), name + ": the grader finished under LANG=" + locale);
        }
        int max = Integer.parseInt(expect.getProperty("max_points"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(json.get("score").asDouble() <= max, () -> name + " scored " + json.get("score") + ":\n" + summary);
        assertTrue(json.get("max_score").asDouble() > 0, name + ": the trusted maximum is reported");
        String says = expect.getProperty("says");
        if (says != null) {
            assertTrue(summary.contains(says), () -> name + ": the summary should say \"" + says + "\":\n" + summary);
        }
        assertFalse(summary.contains("SECRET") || json.toString().contains("SECRET"), name + " read a hidden test");
        assertTrue(summary.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7F),
                name + ": summary.md holds a control character");
        assertEquals(submission, snapshot(work), name + ": the submission itself was changed");
    }

    /** Runs {@code ./grade}'s main in a JVM of its own whose machine locale is {@code lang}; its exit code. */
    private static int gradeUnder(String lang, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Grader.defaultClassPath(), Grade.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).inheritIO();
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        builder.environment().put("LANG", lang);
        builder.environment().put("LC_ALL", lang);
        return builder.start().waitFor();
    }

    /** Every regular file under the folders, by path, with its size and last change: what "changed" means here. */
    private static TreeMap<String, String> snapshot(Path... folders) {
        TreeMap<String, String> files = new TreeMap<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.forEach(p -> {
                    try {
                        files.put(p.toString(), Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                                ? Files.size(p) + "@" + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) : "");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
