package dev.ecswasm.grader;

import java.util.concurrent.TimeoutException;

/**
 * A failure as a student should read it: the assertion's own message when a test's check failed;
 * otherwise what was thrown and the line of the student's code it came from.
 */
final class Failures {
    private Failures() {}

    static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return t.getMessage() + " (an endless loop, or a wait that never ends?)";
        }
        if (t instanceof AssertionError) {
            return String.valueOf(t.getMessage());
        }
        String what = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (t instanceof UnsupportedOperationException) {
            return String.valueOf(t.getMessage()); // a stub's message says which task and where to look
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("exercises.") && !c.endsWith("Test") && !c.contains("Test$")) {
                return what + "\n    at " + frame;
            }
        }
        return what;
    }
}
