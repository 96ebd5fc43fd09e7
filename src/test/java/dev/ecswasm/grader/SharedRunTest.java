package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One compiler process and one test JVM for all of a student's exercises, on a two-exercise
 * fixture ({@code src/test/resources/grader/pair}: {@code 01-first}, 3 points, and
 * {@code 02-second}, 3 points): the grade is the one each exercise gets alone, even when the first
 * leaves a thread spinning or the heap full for the second.
 */
class SharedRunTest {
    static final Path PROJECT = Path.of("src/test/resources/grader/pair");

    @TempDir
    Path out;

    private Grader grader(String work, List<String> exercises, String outName) {
        return new Grader(Grader.Options.of(PROJECT, PROJECT.resolve(work)).withOut(out.resolve(outName))
                .withExercises(exercises).withTimeouts(2, 120));
    }

    /** Test name -> passed, per exercise. */
    private static Map<String, Map<String, Boolean>> results(Report report) {
        return report.exercises().stream().collect(Collectors.toMap(ExerciseGrade::name,
                e -> e.tests().stream().collect(Collectors.toMap(TestOutcome::displayName, TestOutcome::passed))));
    }

    /** What grading both exercises together came to, and how many processes it took. */
    private record Together(Report report, int processes) {}

    /** Grades both exercises together, then each alone, and checks the grades agree test by test. */
    private Together togetherAgreesWithAlone(String work) {
        Grader grader = grader(work, List.of(), "together");
        Report together = grader.grade();
        for (String exercise : List.of("01-first", "02-second")) {
            Report alone = grader(work, List.of(exercise), "alone-" + exercise).grade();
            assertEquals(results(alone).get(exercise), results(together).get(exercise),
                    work + ": " + exercise + " graded with the other exercise, and alone");
        }
        return new Together(together, grader.processes());
    }

    @Test
    @DisplayName("right answers: two exercises in one compiler and one test JVM, every point")
    void rightAnswersShareTheProcesses() {
        Grader grader = grader("work-right", List.of(), "right");
        Report report = grader.grade();
        assertEquals(6, report.earned(), report.toString());
        assertEquals(2, grader.processes(), "one compiler process and one test JVM for both exercises");
        assertTrue(java.nio.file.Files.exists(out.resolve("right/02-second/output.txt")), "each exercise keeps its own output");
    }

    @Test
    @DisplayName("a test that times out leaves its thread spinning: the next exercise's failure is checked again alone")
    void spinningThreadIsNotBlamedOnTheNextExercise() {
        Together together = togetherAgreesWithAlone("work-spin");
        Map<String, Map<String, Boolean>> r = results(together.report());
        assertEquals(Map.of("twice doubles a positive number", true, "twice of zero is zero", false), r.get("01-first"));
        assertEquals(Map.of("shout capitalises and adds !", true, "shout of nothing is !", false), r.get("02-second"));
        assertEquals(4, together.processes(), "02-second failed after a timeout in the shared JVM: compiled and run again alone");
    }

    @Test
    @DisplayName("an exercise that keeps the heap full costs the next one nothing: it is graded again alone, every point")
    void fullHeapIsNotBlamedOnTheNextExercise() {
        Report report = togetherAgreesWithAlone("work-hog").report();
        Map<String, Map<String, Boolean>> r = results(report);
        assertFalse(r.get("01-first").get("twice of zero is zero"));
        assertEquals(3, report.exercises().get(1).earned(), report.toString());
    }
}
