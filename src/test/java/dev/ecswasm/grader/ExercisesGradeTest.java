package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graded tests mean something: the reference solutions earn every point, the stubs earn none
 * (every graded test fails on them), and each plausible wrong solution in
 * {@code src/test/resources/wrong-solutions/NN-name/variant} (its {@code mistake.diff} applied to
 * the reference solution) loses the points of the tasks its {@code expect.properties} names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExercisesGradeTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path WRONG = PROJECT.resolve("src/test/resources/wrong-solutions");

    @TempDir
    Path tmp;

    private List<String> names;

    @BeforeAll
    void listExercises() {
        names = Exercises.folders(PROJECT.resolve("exercises")).stream().map(p -> p.getFileName().toString()).toList();
    }

    private Report grade(Path work, List<String> exercises, Path out) {
        return new Grader(Grader.Options.of(PROJECT, work).withOut(out).withExercises(exercises)).grade();
    }

    @Test
    @DisplayName("at least six exercises, each worth 10 to 20 points, every graded test carrying a task id")
    void theSolutionsEarnEveryPoint() {
        Report report = grade(PROJECT.resolve("solutions"), List.of(), tmp.resolve("solutions"));
        assertTrue(report.exercises().size() >= 6, () -> "exercises: " + names);
        for (ExerciseGrade e : report.exercises()) {
            assertEquals("", e.problem(), e.name());
            assertTrue(e.possible() >= 10 && e.possible() <= 20, () -> e.name() + " is worth " + e.possible());
            for (TestOutcome t : e.tests()) {
                assertFalse(t.taskId().isEmpty(), () -> e.name() + ": " + t.displayName() + " has no @Task");
                assertTrue(t.passed(), () -> e.name() + " " + t.taskId() + " " + t.displayName()
                        + " fails on the reference solution: " + t.message());
            }
        }
        assertEquals(report.possible(), report.earned());
    }

    @Test
    @DisplayName("every graded test fails on the generated stubs")
    void theStubsEarnNothing() {
        Report report = grade(PROJECT.resolve("exercises"), List.of(), tmp.resolve("stubs"));
        for (ExerciseGrade e : report.exercises()) {
            assertEquals("", e.problem(), () -> e.name() + ": the stubs must compile");
            for (TestOutcome t : e.tests()) {
                assertFalse(t.passed(), () -> e.name() + " " + t.taskId() + " " + t.displayName()
                        + " passes on the stub: it checks nothing the student writes");
            }
        }
        assertEquals(0, report.earned());
    }

    @Test
    @DisplayName("each exercise has a README that links its notebook, and that notebook names the exercise")
    void readmesAndNotebooksPointAtEachOther() throws IOException {
        for (String name : names) {
            Path readme = PROJECT.resolve("exercises").resolve(name).resolve("README.md");
            assertTrue(Files.exists(readme), () -> name + " has no README.md");
            String text = Files.readString(readme);
            String number = name.substring(0, 2);
            try (Stream<Path> notebooks = Files.list(PROJECT.resolve("notebooks"))) {
                Path notebook = notebooks.filter(p -> p.getFileName().toString().startsWith(number + "-")
                        && p.toString().endsWith(".ipynb")).findFirst()
                        .orElseThrow(() -> new AssertionError("no notebook " + number + "-*.ipynb for " + name));
                String link = "../../notebooks/" + notebook.getFileName();
                assertTrue(text.contains(link), () -> name + "/README.md does not link " + link);
                assertTrue(Files.readString(notebook).contains("exercises/" + name),
                        () -> notebook.getFileName() + " does not point at exercises/" + name);
            }
        }
    }

    @Test
    @DisplayName("every graded test class has a timeout sized for a cold JVM")
    void everyTestClassHasATimeout() throws IOException {
        for (String name : names) {
            try (Stream<Path> files = Files.walk(PROJECT.resolve("exercises").resolve(name).resolve("test"))) {
                for (Path f : files.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                    assertTrue(Files.readString(f).contains("@Timeout("), () -> f + " has no @Timeout");
                }
            }
        }
    }

    @TestFactory
    @DisplayName("each plausible wrong solution loses the points of the tasks it gets wrong")
    Stream<DynamicTest> wrongSolutionsLosePoints() throws IOException {
        List<Path> variants = new ArrayList<>();
        for (Path exercise : Exercises.folders(WRONG)) {
            try (Stream<Path> children = Files.list(exercise)) {
                children.filter(Files::isDirectory).sorted().forEach(variants::add);
            }
        }
        Map<String, Long> perExercise = variants.stream()
                .collect(Collectors.groupingBy(v -> v.getParent().getFileName().toString(), Collectors.counting()));
        for (String name : names) {
            assertTrue(perExercise.getOrDefault(name, 0L) >= 2, () -> name + " has fewer than two wrong solutions");
        }
        return variants.stream().map(v -> DynamicTest.dynamicTest(
                v.getParent().getFileName() + "/" + v.getFileName(), () -> checkWrong(v)));
    }

    /**
     * The grade of a wrong solution. They are graded a round at a time, as one student would hand
     * them in: round k holds the k-th wrong solution of every exercise that has one (the other
     * exercises left out), so a round costs one compiler and one test JVM, not one per exercise.
     */
    private ExerciseGrade gradeOf(Path variant) throws IOException {
        if (!wrongGrades.containsKey(variant)) {
            int round = siblings(variant).indexOf(variant);
            Path work = tmp.resolve("wrong-round-" + round);
            List<String> exercises = new ArrayList<>();
            Map<String, Path> graded = new LinkedHashMap<>();
            for (Path exercise : Exercises.folders(WRONG)) {
                List<Path> all = siblings(exercise.resolve("any"));
                if (round < all.size()) {
                    String name = exercise.getFileName().toString();
                    withMistake(all.get(round), work.resolve(name));
                    exercises.add(name);
                    graded.put(name, all.get(round));
                }
            }
            Report report = grade(work, exercises, tmp.resolve("out-round-" + round));
            report.exercises().forEach(e -> wrongGrades.put(graded.get(e.name()), e));
        }
        return wrongGrades.get(variant);
    }

    private final Map<Path, ExerciseGrade> wrongGrades = new HashMap<>();

    /** The wrong solutions of {@code variant}'s exercise, in order. */
    private static List<Path> siblings(Path variant) throws IOException {
        try (Stream<Path> children = Files.list(variant.getParent())) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Writes the reference solution of {@code variant}'s exercise, its mistake.diff applied, to {@code folder}. */
    private static void withMistake(Path variant, Path folder) {
        TestFolders.copyTree(PROJECT.resolve("solutions").resolve(variant.getParent().getFileName().toString()), folder);
        SyntheticClass.applyMistake(variant, folder);
    }

    private void checkWrong(Path variant) throws IOException {
        String exercise = variant.getParent().getFileName().toString();
        Properties expect = new Properties();
        try (Reader r = Files.newBufferedReader(variant.resolve("expect.properties"), StandardCharsets.UTF_8)) {
            expect.load(r);
        }
        List<String> fails = Arrays.stream(expect.getProperty("fails", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        assertFalse(fails.isEmpty(), () -> variant + "/expect.properties names no task in fails=");
        ExerciseGrade grade = gradeOf(variant);
        assertEquals(exercise, grade.name());
        assertEquals("", grade.problem(), () -> variant + " must compile: " + grade.problem());
        for (String task : fails) {
            List<TestOutcome> tests = grade.tests().stream().filter(t -> t.taskId().equals(task)).toList();
            if (tests.isEmpty()) {
                fail(variant + " names task " + task + ", which " + exercise + " does not have");
            }
            int earned = tests.stream().mapToInt(TestOutcome::earned).sum();
            int possible = tests.stream().mapToInt(TestOutcome::points).sum();
            assertTrue(earned < possible, () -> variant.getFileName() + " (" + expect.getProperty("mistake")
                    + ") still earns all " + possible + " points of task " + task);
        }
    }
}
