package exercises.text;


/** A fixture for the grader's locale test: one method whose easy wrong answer depends on the machine. */
public final class Text {
    private Text() {}

    /** The text the UTF-8 bytes encode. */
    public static String decode(byte[] utf8) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException("Task 1.1: decode is not written yet");
        return new String(utf8); // the default charset: UTF-8 only where the machine says so
        // END SOLUTION
    }
}
