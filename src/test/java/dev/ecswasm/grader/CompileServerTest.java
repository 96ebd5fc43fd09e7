package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class's warm compiler: students compiled one after the other by one process, each into
 * their own folder, and a source made to exhaust the compiler costs a fresh process, not a grade.
 */
class CompileServerTest {
    private static final Path EXERCISES = Path.of("exercises");
    private static final String FIRST = "01-entity-ids";
    private static final String SECOND = "02-sparse-sets";

    @TempDir
    Path students;

    private final Sandbox sandbox = Sandbox.bwrapWorks() ? Sandbox.bwrap() : Sandbox.none();
    private final List<Sandbox.Mount> libraries = Grader.libraryMounts(Grader.defaultClassPath());

    private CompileServer server() {
        return new CompileServer(sandbox, libraries, List.of(new Sandbox.Mount(students, "/grading/class", true),
                new Sandbox.Mount(EXERCISES, "/grading/exercises", false)));
    }

    /**
     * A student's exercises 01 and 02: 01 from {@code from} with {@code extra} files laid over it,
     * 02 the solution.
     */
    private List<SandboxedCompile.Unit> student(String name, Path from, Path... extra) {
        Path submission = students.resolve(name).resolve(FIRST).resolve("submission");
        TestFolders.copyTree(from, submission);
        for (Path file : extra) {
            TestFolders.copyTree(file.getParent(), submission.resolve("exercises/ids"));
        }
        Path second = students.resolve(name).resolve(SECOND).resolve("submission");
        TestFolders.copyTree(Path.of("solutions", SECOND, "src"), second);
        return List.of(new SandboxedCompile.Unit(FIRST, submission, EXERCISES.resolve(FIRST).resolve("test"),
                        Optional.empty(), students.resolve(name).resolve(FIRST).resolve("classes")),
                new SandboxedCompile.Unit(SECOND, second, EXERCISES.resolve(SECOND).resolve("test"),
                        Optional.empty(), students.resolve(name).resolve(SECOND).resolve("classes")));
    }

    private Map<String, Optional<SandboxedCompile.Compiled>> compile(CompileServer server,
            List<SandboxedCompile.Unit> units, long limitSeconds) {
        return SandboxedCompile.runAll(sandbox, libraries, Optional.of(server), units, limitSeconds);
    }

    @Test
    @DisplayName("two students, one compiler process: each gets their own classes and their own errors")
    void studentsShareOneProcess() throws Exception {
        try (CompileServer server = server()) {
            var right = compile(server, student("ada", Path.of("solutions", FIRST, "src")), 60);
            Path broken = Files.createTempDirectory(students, "broken");
            Files.writeString(broken.resolve("Broken.java"), "package exercises.ids;\nclass Broken { int x = \"no\"; }\n");
            var wrong = compile(server, student("bob", Path.of("solutions", FIRST, "src"), broken.resolve("Broken.java")), 60);
            SandboxedCompile.Compiled ada = right.get(FIRST).orElseThrow();
            assertTrue(ada.step("student").ok() && ada.step("tests").ok(), ada.toString());
            assertTrue(Files.exists(students.resolve("ada/" + FIRST + "/classes/student/exercises/ids/EntityIds.class")));
            assertTrue(Files.exists(students.resolve("ada/" + FIRST + "/classes/tests/exercises/ids/EntityIdsTest.class")));
            SandboxedCompile.Compiled bob = wrong.get(FIRST).orElseThrow();
            assertFalse(bob.step("student").ok());
            assertTrue(bob.step("student").errors("src").contains("Broken.java:2: error: incompatible types"),
                    bob.step("student").errors("src"));
            assertFalse(Files.exists(students.resolve("bob/" + FIRST + "/classes/tests/exercises/ids/EntityIdsTest.class")),
                    "the tests are not compiled against code that does not compile");
            assertTrue(wrong.get(SECOND).orElseThrow().step("tests").ok(), "bob's other exercise still compiles");
            assertEquals(1, server.starts(), "both students compiled by the same process");
        }
    }

    @Test
    @DisplayName("a compiler bomb ends the shared process at the time limit: its exercise could not finish, the next is compiled again alone, the next student gets a fresh process")
    void bombCostsAFreshProcess() {
        try (CompileServer server = server()) {
            Path bomb = Path.of("src/test/resources/hostile-submissions/javac-bomb/01-entity-ids/src/exercises/ids/Bomb.java");
            var bombed = compile(server, student("mallory", EXERCISES.resolve(FIRST).resolve("src"), bomb), 10);
            String why = bombed.get(FIRST).orElseThrow().step("student").errors("src");
            assertTrue(why.contains("the compiler could not finish on your code: it was stopped after 10 s"), why);
            assertEquals(Optional.empty(), bombed.get(SECOND), "no verdict for the exercise after it: compiled again alone");
            var next = compile(server, student("ada", Path.of("solutions", FIRST, "src")), 60);
            assertTrue(next.get(FIRST).orElseThrow().step("tests").ok(), next.toString());
            assertEquals(2, server.starts(), "the bombed process was replaced for the next student");
        }
    }
}
