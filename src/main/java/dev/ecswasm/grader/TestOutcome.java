package dev.ecswasm.grader;

/**
 * One graded test's result: the task it counts for, what it is worth and what it earned.
 *
 * @param className the test class, e.g. {@code exercises.ids.EntityIdsTest}
 * @param method the test method's name
 * @param displayName what the student reads
 * @param taskId the {@link Task#id()}, or {@code ""} for a test without {@code @Task}
 * @param points the {@link Task#points()}, 0 without {@code @Task}
 * @param passed whether it passed
 * @param message why it failed (first line first), {@code ""} when it passed
 * @param hidden whether it is an instructor's hidden test: its message is not shown to students
 */
public record TestOutcome(String className, String method, String displayName, String taskId, int points,
        boolean passed, String message, boolean hidden) {

    public int earned() {
        return passed ? points : 0;
    }

    /** The first line of the failure message, or {@code ""}. */
    public String firstLine() {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The same outcome, failed with {@code why}. */
    public TestOutcome failedWith(String why) {
        return new TestOutcome(className, method, displayName, taskId, points, false, why, hidden);
    }

    /** The same outcome, passed. */
    public TestOutcome passedNow() {
        return new TestOutcome(className, method, displayName, taskId, points, true, "", hidden);
    }

    /** The same outcome with {@code text} as its message. */
    public TestOutcome withMessage(String text) {
        return new TestOutcome(className, method, displayName, taskId, points, passed, text, hidden);
    }

    public TestOutcome asHidden() {
        return new TestOutcome(className, method, displayName, taskId, points, passed, message, true);
    }
}
