package dev.ecswasm.grader;

import java.util.List;

/**
 * One exercise's grade: its tests' outcomes, and the reason none of them ran when that happened
 * (the student's code does not compile, or the test JVM ended early).
 *
 * @param name the exercise folder's name, e.g. {@code 01-entity-ids}
 * @param tests every graded test, passed or not, in the order they ran
 * @param problem empty, or what stopped the exercise being graded normally (shown in full)
 */
public record ExerciseGrade(String name, List<TestOutcome> tests, String problem) {

    public ExerciseGrade {
        tests = List.copyOf(tests);
    }

    public int earned() {
        return tests.stream().mapToInt(TestOutcome::earned).sum();
    }

    public int possible() {
        return tests.stream().mapToInt(TestOutcome::points).sum();
    }

    public long failedCount() {
        return tests.stream().filter(t -> !t.passed()).count();
    }
}
