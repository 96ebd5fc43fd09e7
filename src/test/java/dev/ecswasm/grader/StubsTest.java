package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stub maker, and the rule that the committed stubs are exactly what the solutions make. */
class StubsTest {

    @Test
    @DisplayName("a solution block becomes its STUB lines, at the marker's indentation; the rest is kept")
    void blockBecomesStub() {
        String solution = String.join("\n",
                "class A {",
                "    int f() {",
                "        // BEGIN SOLUTION",
                "        // STUB throw new UnsupportedOperationException(",
                "        // STUB         \"Task 1.1\");",
                "        return 42;",
                "        // END SOLUTION",
                "    }",
                "}",
                "");
        assertEquals(String.join("\n",
                "class A {",
                "    int f() {",
                "        throw new UnsupportedOperationException(",
                "                \"Task 1.1\");",
                "    }",
                "}",
                ""), Stubs.stubOf(solution, "A.java"));
    }

    @Test
    @DisplayName("a block without STUB lines disappears (a private helper the student writes)")
    void blockWithoutStubDisappears() {
        assertEquals("a\nc", Stubs.stubOf("a\n  // BEGIN SOLUTION\nb\n  // END SOLUTION\nc", "A.java"));
    }

    @Test
    @DisplayName("markers that do not pair up are reported with the file and line")
    void unpairedMarkers() {
        assertEquals("A.java:2: BEGIN SOLUTION is never closed by END SOLUTION",
                assertThrows(Stubs.StubException.class, () -> Stubs.stubOf("x\n// BEGIN SOLUTION\ny", "A.java"))
                        .getMessage());
        assertEquals("A.java:1: END SOLUTION without a BEGIN SOLUTION",
                assertThrows(Stubs.StubException.class, () -> Stubs.stubOf("// END SOLUTION", "A.java")).getMessage());
        assertEquals("A.java:2: BEGIN SOLUTION inside the block opened at line 1",
                assertThrows(Stubs.StubException.class,
                        () -> Stubs.stubOf("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "A.java"))
                        .getMessage());
    }

    @Test
    @DisplayName("differences names a changed, a missing and an extra stub file")
    void differencesAreNamed(@TempDir Path tmp) throws Exception {
        Path solutions = tmp.resolve("solutions");
        Path exercises = tmp.resolve("exercises");
        Files.createDirectories(solutions.resolve("01-a/src/p"));
        Files.writeString(solutions.resolve("01-a/src/p/A.java"), "// BEGIN SOLUTION\n// STUB x\ny\n// END SOLUTION\n");
        Files.writeString(solutions.resolve("01-a/src/p/B.java"), "b\n");
        assertEquals(2, Stubs.write(solutions, exercises));
        assertEquals("x\n", Files.readString(exercises.resolve("01-a/src/p/A.java")));
        assertEquals(List.of(), Stubs.differences(solutions, exercises));

        Files.writeString(exercises.resolve("01-a/src/p/A.java"), "edited by hand\n");
        Files.delete(exercises.resolve("01-a/src/p/B.java"));
        Files.writeString(exercises.resolve("01-a/src/p/C.java"), "extra\n");
        assertEquals(List.of("01-a/src/p/A.java: differs from the stub its solution makes", "01-a/src/p/B.java: missing",
                "01-a/src/p/C.java: has no solution file"), Stubs.differences(solutions, exercises));
    }

    @Test
    @DisplayName("the committed stubs are what the solutions make (run ./grade --write-stubs after editing a solution)")
    void committedStubsAreCurrent() {
        for (Path project : List.of(Path.of(""), GraderTest.PROJECT)) {
            List<String> problems = Stubs.differences(project.resolve("solutions"), project.resolve("exercises"));
            assertEquals(List.of(), problems, () -> "in " + project.toAbsolutePath() + ": " + problems);
        }
    }
}
