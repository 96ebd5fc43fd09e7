package dev.ecswasm.workbench;

import java.util.Arrays;
import java.util.Objects;

/**
 * A lesson's claim, checked against what the lesson just showed. A notebook states values in its
 * prose (these bytes, this id, that many crossings); a check cell right after the output repeats
 * each as a {@code check(...)}, so the run fails when code and prose drift apart.
 */
final class ProseCheck {
    private ProseCheck() {}

    static void check(String claim, Object expected, Object actual) {
        Objects.requireNonNull(claim, "claim");
        if (!same(expected, actual)) {
            throw new ProseMismatch("the text says " + claim + ": it expects " + text(expected)
                    + ", but the output shows " + text(actual));
        }
        System.out.println("\u2713 " + claim);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return a.getClass() == b.getClass() ? a.equals(b) : a.longValue() == b.longValue()
                    && a.doubleValue() == b.doubleValue();
        }
        if (expected instanceof byte[] a && actual instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        return Objects.equals(expected, actual);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return HexDump.hexBytes(bytes);
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
