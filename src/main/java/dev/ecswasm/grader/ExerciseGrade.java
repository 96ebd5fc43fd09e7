package dev.ecswasm.grader;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    /** The outcomes by task (1.2 before 1.10), the hidden ones after the visible ones of their task. */
    static List<TestOutcome> byTask(List<TestOutcome> outcomes) {
        return outcomes.stream()
                .sorted(Comparator.comparing((TestOutcome t) -> taskKey(t.taskId())).thenComparing(TestOutcome::hidden))
                .toList();
    }

    /** A task id as a sortable key: each dotted number zero-padded; a test without a task sorts last. */
    private static String taskKey(String taskId) {
        if (taskId.isEmpty()) {
            return "~";
        }
        StringBuilder key = new StringBuilder();
        for (String part : taskId.split("\\.")) {
            key.append(!part.isEmpty() && part.length() < 9 && part.chars().allMatch(Character::isDigit)
                    ? String.format(Locale.ROOT, "%09d", Integer.parseInt(part)) : part).append('.');
        }
        return key.toString();
    }
}
