package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope bundle ({@code ./grade --gradescope-bundle}), built from this project, unpacked
 * into a temporary root laid out like Gradescope's ({@code source/}, {@code submission/},
 * {@code results/}), and its {@code run_autograder} run as a process (the root given by
 * {@code AUTOGRADER_ROOT}; {@code setup.sh} is not run: this machine has java and bwrap) on a
 * solution, the stubs, a wrong solution, a hostile one, an empty one, and with a grader that
 * crashes or cannot start: each time a valid {@code results.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradescopeBundleTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String ONE = "01-entity-ids";

    /** One folder for the whole class: the bundle is built once, before the tests. */
    @TempDir
    static Path tmp;

    private Path bundle;

    @BeforeAll
    void buildTheBundle() {
        bundle = tmp.resolve("autograder.zip");
        assertEquals(0, Grade.run(new String[] {"--gradescope-bundle", bundle.toString()}, PROJECT));
    }

    @Test
    @DisplayName("the zip holds the scripts (executable), the grader, the stubs and tests, and nothing of solutions/")
    void whatTheZipHolds() throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (FileSystem zip = FileSystems.newFileSystem(bundle, Map.of("enablePosixFileAttributes", "true"))) {
            for (String script : List.of("setup.sh", "run_autograder")) {
                assertTrue(Files.getPosixFilePermissions(zip.getPath(script)).contains(PosixFilePermission.OWNER_EXECUTE),
                        script + " is executable");
            }
            try (Stream<Path> walk = Files.walk(zip.getPath("/"))) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    entries.put(p.toString().substring(1), Files.readAllBytes(p));
                }
            }
        }
        String setup = new String(entries.get("setup.sh"), StandardCharsets.UTF_8);
        assertTrue(setup.contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap"), setup);
        assertTrue(entries.containsKey("classes/dev/ecswasm/grader/GradescopeAutograder.class"));
        assertTrue(entries.keySet().stream().anyMatch(e -> e.matches("lib/junit-platform-launcher-.*\\.jar")));
        for (Path exercise : Exercises.folders(PROJECT.resolve("exercises"))) {
            for (String part : List.of("src", "test")) {
                try (Stream<Path> files = Files.walk(exercise.resolve(part))) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String entry = "exercises/" + PROJECT.resolve("exercises").relativize(f);
                        assertTrue(Arrays.equals(Files.readAllBytes(f), entries.get(entry)), entry + " is the project's");
                    }
                }
            }
        }
        assertTrue(entries.keySet().stream().noneMatch(e -> e.contains("solutions")), "no entry named solutions");
        // No solution file that differs from its stub (given code is the same in both) is in the zip under any name.
        try (Stream<Path> files = Files.walk(PROJECT.resolve("solutions"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] solution = Files.readAllBytes(f);
                Path stub = PROJECT.resolve("exercises").resolve(PROJECT.resolve("solutions").relativize(f));
                if (Files.isRegularFile(stub) && Arrays.equals(solution, Files.readAllBytes(stub))) {
                    continue;
                }
                assertTrue(entries.values().stream().noneMatch(e -> Arrays.equals(e, solution)), f + " is in the bundle");
            }
        }
    }

    @Test
    @DisplayName("a solution laid out like solutions/ earns all 116 points")
    void aSolution() throws Exception {
        Path root = unpack(bundle, "solution");
        TestFolders.copyTree(PROJECT.resolve("solutions"), root.resolve("submission"));
        JsonNode json = runAutograder(root, Map.of());
        assertEquals(116, json.get("score").asInt(), () -> json.get("output").asText());
        assertEquals(116, json.get("max_score").asInt());
        assertTrue(json.get("output").asText().startsWith("Sandbox: bubblewrap"), () -> json.get("output").asText());
    }

    @Test
    @DisplayName("the stubs earn nothing, every test listed")
    void theStubs() throws Exception {
        Path root = unpack(bundle, "stubs");
        TestFolders.copyTree(PROJECT.resolve("exercises"), root.resolve("submission"));
        JsonNode json = runAutograder(root, Map.of());
        assertEquals(0, json.get("score").asInt());
        assertEquals(116, json.get("max_score").asInt());
        assertFalse(json.get("output").asText().contains("Nothing to grade"), "the stubs were found and graded");
    }

    @Test
    @DisplayName("a wrong solution in a clone of the course, graded without a sandbox: the task it gets wrong is lost")
    void aWrongSolution() throws Exception {
        Path root = unpack(bundle, "wrong");
        Path work = root.resolve("submission/exercises");
        TestFolders.copyTree(PROJECT.resolve("solutions").resolve(ONE), work.resolve(ONE));
        Files.writeString(root.resolve("submission/README.md"), "the rest of the student's clone");
        Path variant = PROJECT.resolve("src/test/resources/wrong-solutions").resolve(ONE).resolve("signed-shift-version");
        for (Map.Entry<String, List<String>> file : UnifiedDiff.byFile(Files.readString(variant.resolve("mistake.diff")))
                .entrySet()) {
            Path target = work.resolve(ONE).resolve(file.getKey());
            Files.writeString(target, UnifiedDiff.apply(Files.readString(target), file.getValue(), file.getKey()));
        }
        JsonNode json = runAutograder(root, Map.of("PATH", bwrapThatFails() + ":" + System.getenv("PATH")), ONE);
        int max = json.get("max_score").asInt();
        assertTrue(json.get("score").asInt() > 0 && json.get("score").asInt() < max,
                () -> "partly right: " + json.get("output").asText());
        int lost = 0;
        for (JsonNode t : json.get("tests")) {
            if (t.get("number").asText().equals("1.2")) {
                lost += t.get("max_score").asInt() - t.get("score").asInt();
            }
        }
        assertTrue(lost > 0, "task 1.2 (version with a signed shift) loses points");
        assertTrue(json.get("output").asText().startsWith("NOT SANDBOXED: bubblewrap cannot make a sandbox"),
                () -> json.get("output").asText());
    }

    @Test
    @DisplayName("a hostile submission (forged result lines) laid over the stubs earns nothing; hidden tests stay hidden")
    void aHostileSubmission() throws Exception {
        Path hiddenBundle = tmp.resolve("with-hidden.zip");
        Path gallery = PROJECT.resolve("src/test/resources/hostile-submissions");
        assertEquals(0, Grade.run(new String[] {"--gradescope-bundle", hiddenBundle.toString(), "--hidden",
                gallery.resolve("_hidden").toString()}, PROJECT));
        Path root = unpack(hiddenBundle, "hostile");
        TestFolders.copyTree(PROJECT.resolve("exercises").resolve(ONE).resolve("src"),
                root.resolve("submission").resolve(ONE).resolve("src"));
        TestFolders.copyTree(gallery.resolve("forged-lines"), root.resolve("submission"));
        JsonNode json = runAutograder(root, Map.of(), ONE);
        assertEquals(0, json.get("score").asInt(), () -> json.get("output").asText());
        long hidden = StreamSupport.stream(json.get("tests").spliterator(), false)
                .filter(t -> t.get("name").asText().contains("hidden:")).count();
        assertEquals(3, hidden, "the hidden tests are listed");
        assertFalse(json.toString().contains("SECRET"), "no hidden test's message reaches the results");
    }

    @Test
    @DisplayName("an empty submission: every test listed with 0, and a line saying what to hand in")
    void anEmptySubmission() throws Exception {
        Path root = unpack(bundle, "empty");
        JsonNode json = runAutograder(root, Map.of());
        assertEquals(0, json.get("score").asInt());
        assertEquals(116, json.get("max_score").asInt());
        assertTrue(json.get("output").asText().contains("Nothing to grade where it was expected: hand in your copy of "
                + "the course (exercises/NN-name/src/..."), () -> json.get("output").asText());
    }

    @Test
    @DisplayName("a grader that fails, or cannot even start, still leaves a results.json of 0 that says why")
    void aGraderThatFails() throws Exception {
        Path crashes = unpack(bundle, "crashes");
        JsonNode json = runAutograder(crashes, Map.of(), "99-no-such-exercise");
        assertEquals(0, json.get("score").asInt());
        assertTrue(json.get("output").asText().startsWith("The grader failed, so nothing was graded: "
                + "java.lang.IllegalArgumentException: no exercise named 99-no-such-exercise"), json.get("output").asText());

        Path broken = unpack(bundle, "broken");
        TestFolders.copyTree(PROJECT.resolve("solutions"), broken.resolve("submission"));
        Folders.deleteRecursively(broken.resolve("source/classes"));
        JsonNode none = runAutograder(broken, Map.of());
        assertEquals(0, none.get("score").asInt());
        assertTrue(none.get("output").asText().startsWith("The grader stopped (exit status 1) before it graded anything"),
                none.get("output").asText());
    }

    /**
     * A Gradescope-shaped root: the zip unpacked into {@code source/} (with each entry's
     * permissions), {@code run_autograder} copied to the root as Gradescope does, an empty
     * {@code submission/} and {@code results/}.
     */
    private Path unpack(Path zip, String name) throws IOException {
        Path root = tmp.resolve(name);
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path to = root.resolve("source").resolve(p.toString().substring(1));
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(p));
            }
        }
        Files.copy(root.resolve("source/run_autograder"), root.resolve("run_autograder"));
        Files.setPosixFilePermissions(root.resolve("run_autograder"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("submission"));
        Files.createDirectories(root.resolve("results"));
        return root;
    }

    /**
     * Runs {@code root/run_autograder} from {@code root} with {@code AUTOGRADER_ROOT} set (and
     * {@code environment}), and reads the {@code results.json} it leaves: valid JSON whose score
     * and maximum are the sums of its tests'.
     */
    private JsonNode runAutograder(Path root, Map<String, String> environment, String... exercises) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("run_autograder").toString()));
        command.addAll(List.of(exercises));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(root.resolve("stdout").toFile());
        builder.environment().put("AUTOGRADER_ROOT", root.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "run_autograder finished");
        assertEquals(0, process.exitValue(), "run_autograder's exit status");
        Path results = root.resolve("results/results.json");
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        String log = Files.readString(root.resolve("stdout"));
        assertTrue(json.get("score").isNumber(), () -> "a score:\n" + log);
        int score = 0;
        int max = 0;
        for (JsonNode t : json.get("tests")) {
            assertFalse(t.get("name").asText().isEmpty());
            score += t.get("score").asInt();
            max += t.get("max_score").asInt();
        }
        if (json.get("tests").size() > 0) {
            assertEquals(score, json.get("score").asInt(), "the score is the sum of the tests'");
            assertEquals(max, json.get("max_score").asInt(), "the maximum is the sum of the tests'");
        }
        return json;
    }

    /** A folder whose {@code bwrap} fails as it does in a container that forbids user namespaces. */
    private Path bwrapThatFails() throws IOException {
        Path bin = tmp.resolve("bin-without-sandbox");
        Files.createDirectories(bin);
        Path bwrap = bin.resolve("bwrap");
        Files.writeString(bwrap, "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bwrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
