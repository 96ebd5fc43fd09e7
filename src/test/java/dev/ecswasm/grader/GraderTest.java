package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertAll;
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
 * The grader on a one-exercise fixture project ({@code src/test/resources/grader/project}): an
 * exercise {@code 01-tiny} worth 6 points in three tasks (1.1: 2, 1.2: 3, 1.3: 1), graded from
 * working copies that are right, partly wrong, endless, broken or exiting.
 */
class GraderTest {
    static final Path PROJECT = Path.of("src/test/resources/grader/project");

    @TempDir
    Path out;

    private Report grade(String work) {
        return grade(Grader.Options.of(PROJECT, PROJECT.resolve(work)).withOut(out));
    }

    private static Report grade(Grader.Options options) {
        return new Grader(options.withTimeouts(2, 120)).grade();
    }

    /** Task id -> points earned, summed over the task's tests. */
    private static Map<String, Integer> earnedByTask(Report report) {
        return report.exercises().get(0).tests().stream()
                .filter(t -> !t.taskId().isEmpty())
                .collect(Collectors.groupingBy(TestOutcome::taskId, Collectors.summingInt(TestOutcome::earned)));
    }

    private static TestOutcome test(Report report, String displayName) {
        return report.exercises().get(0).tests().stream()
                .filter(t -> t.displayName().equals(displayName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test named " + displayName + " in " + report));
    }

    @Test
    @DisplayName("the solution earns every point")
    void solutionEarnsAll() {
        Report report = grade("solutions");
        assertEquals(Map.of("1.1", 2, "1.2", 3, "1.3", 1), earnedByTask(report));
        assertEquals(6, report.earned());
        assertEquals(6, report.possible());
        assertEquals(100, report.percent());
    }

    @Test
    @DisplayName("the stubs earn nothing, and each failure quotes the stub's message")
    void stubsEarnNothing() {
        Report report = grade("exercises");
        assertEquals(0, report.earned());
        assertEquals(6, report.possible());
        assertEquals("Task 1.3: countTo is not written yet", test(report, "countTo returns n").firstLine());
    }

    @Test
    @DisplayName("partial credit: one wrong task loses its points only, with expected and actual")
    void partialCredit() {
        Report report = grade("work-partial");
        assertEquals(Map.of("1.1", 2, "1.2", 0, "1.3", 1), earnedByTask(report));
        assertEquals(3, report.earned());
        assertEquals(50, report.percent());
        assertEquals("add(-2, -3) ==> expected: <-5> but was: <5>",
                test(report, "add adds negative numbers").firstLine());
    }

    @Test
    @DisplayName("an endless loop fails its own test by timeout; the others still pass")
    void timeoutFailsOneTest() {
        Report report = grade("work-loop");
        assertEquals(Map.of("1.1", 2, "1.2", 3, "1.3", 0), earnedByTask(report));
        String why = test(report, "countTo returns n").firstLine();
        assertTrue(why.contains("timed out after 2 seconds"), why);
    }

    @Test
    @DisplayName("code that does not compile scores 0, names the file and line, and still lists every test")
    void compileErrorScoresZero() {
        Report report = grade("work-broken");
        ExerciseGrade exercise = report.exercises().get(0);
        assertEquals(0, report.earned());
        assertEquals(6, report.possible(), "the tests and their points are still listed");
        assertTrue(exercise.problem().startsWith("does not compile"), exercise.problem());
        assertTrue(exercise.problem().contains("work-broken/01-tiny/src/exercises/tiny/Adder.java:11: error: ';' expected"),
                exercise.problem());
        assertTrue(exercise.tests().stream().allMatch(t -> t.firstLine().startsWith("your code does not compile: ")),
                exercise.tests().toString());
    }

    @Test
    @DisplayName("System.exit in student code is refused before any test runs, naming the file, line and call")
    void exitIsRefused() {
        Report report = grade("work-exit");
        ExerciseGrade exercise = report.exercises().get(0);
        assertEquals(0, report.earned());
        assertEquals(6, report.possible(), "the tests and their points are still listed");
        assertTrue(exercise.problem().startsWith("refused before any test ran"), exercise.problem());
        assertTrue(exercise.problem().contains("exercises/tiny/Adder.java:11: uses java.lang.System.exit (ends the JVM)"),
                exercise.problem());
    }

    @Test
    @DisplayName("a heap the student's code exhausts ends the test JVM: the tests it cut short fail, the grader goes on")
    void outOfMemoryCutsShort() {
        Report report = grade("work-oom");
        assertEquals(2, earnedByTask(report).get("1.1"), "1.1 ran before the heap ran out");
        String why = test(report, "add adds negative numbers").firstLine();
        assertTrue(why.contains("OutOfMemoryError") || why.contains("ended early"), why);
        assertEquals(0, earnedByTask(report).get("1.2"));
    }

    @Test
    @DisplayName("hidden tests count toward the score; their messages are shown nowhere")
    void hiddenTestsCount() throws Exception {
        Grader.Options options = Grader.Options.of(PROJECT, PROJECT.resolve("work-partial")).withOut(out)
                .withHidden(PROJECT.resolve("hidden"));
        Report report = grade(options);
        // Visible: 1.1 (2) and 1.3 (1) pass, 1.2 (3) fails. Hidden: 1.1 overflow (4) passes, 1.2 add(-1,-1) (1)
        // and the @Nested add(-4, 0) (1) fail.
        assertEquals(2 + 1 + 4, report.earned());
        assertEquals(6 + 4 + 1 + 1, report.possible());
        for (String name : List.of("add(-1, -1) is -2", "add(-4, 0) is -4")) {
            TestOutcome hiddenFailure = test(report, name);
            assertTrue(hiddenFailure.hidden(), name);
            assertFalse(hiddenFailure.passed(), name);
            assertEquals("", hiddenFailure.message(), "a hidden test's message never leaves its run");
        }
        String console = ConsoleReport.render(report);
        String markdown = MarkdownReport.render(report);
        String json = GradescopeJson.render(report);
        assertAll(
                () -> assertTrue(console.contains("add(-1, -1) is -2"), console),
                () -> assertFalse(console.contains("SECRET"), console),
                () -> assertFalse(markdown.contains("SECRET"), markdown),
                () -> assertFalse(json.contains("SECRET"), json),
                () -> assertTrue(markdown.contains(ConsoleReport.HIDDEN), markdown));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(out)) {
            for (Path f : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                String bytes = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("SECRET"), () -> f + " holds a hidden test's text");
            }
        }
    }

    @Test
    @DisplayName("tests are listed by task, hidden ones after the visible ones of their task, untasked last")
    void orderedByTask() {
        Report report = grade(Grader.Options.of(PROJECT, PROJECT.resolve("solutions")).withOut(out)
                .withHidden(PROJECT.resolve("hidden")));
        List<String> order = report.exercises().get(0).tests().stream()
                .map(t -> (t.taskId().isEmpty() ? "-" : t.taskId()) + (t.hidden() ? "h" : ""))
                .toList();
        assertEquals(List.of("1.1", "1.1h", "1.2", "1.2h", "1.2h", "1.3", "-"), order);
    }

    @Test
    @DisplayName("the whole grading's deadline stops a run that would go on, and every report along the way is whole")
    void deadlineStopsTheRun() {
        List<Report> reports = new java.util.ArrayList<>();
        long start = System.nanoTime();
        Report report = new Grader(Grader.Options.of(PROJECT, PROJECT.resolve("work-loop")).withOut(out)
                .withTimeouts(60, 120).withDeadline(8)).grade(reports::add);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "stopped at its deadline, not after " + seconds + " s");
        assertEquals(6, report.possible(), "the plan's points still count");
        String why = test(report, "countTo returns n").firstLine();
        assertTrue(why.contains("deadline"), why);
        assertEquals(1, reports.size(), "one report after each exercise");
        assertEquals(report.possible(), reports.get(0).possible());
    }

    @Test
    @DisplayName("an unknown exercise name is refused with the list of real ones")
    void unknownExercise() {
        Grader grader = new Grader(Grader.Options.of(PROJECT, PROJECT.resolve("solutions"))
                .withExercises(List.of("07-nope")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                grader::exerciseNames);
        assertEquals("no exercise named 07-nope; the exercises are [01-tiny]", e.getMessage());
    }
}
