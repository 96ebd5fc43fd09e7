package exercises.second;

/** A fixture for the grader's own tests: the second of two exercises graded in one test JVM. */
public final class Second {
    private Second() {}

    /** s in capitals, then an exclamation mark. */
    public static String shout(String s) {
        throw new UnsupportedOperationException("Task 2.1: shout is not written yet");
    }
}
