package dev.ecswasm.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A graded property: the student's code agrees with a model on every input of a list (see
 * {@link Cases}). A failure names how many inputs disagree and shows the smallest of them, with
 * what was expected and what came out, so the message alone says what to fix.
 */
public final class Property {
    /** How many disagreeing inputs are collected before the smallest is chosen: enough to choose well, few enough to stay quick. */
    private static final int COLLECT = 64;

    private Property() {}

    /**
     * Checks {@code difference} on every input: it returns {@code null} when the student's code
     * agrees with the model, or a sentence saying how they differ. Fails with the first disagreeing
     * input in the list's order (edges come first, so it is the simplest one).
     */
    public static <T> void forAll(String what, List<T> inputs, Function<T, String> difference) {
        forAll(what, inputs, difference, null, String::valueOf);
    }

    /**
     * As {@link #forAll(String, List, Function)}, choosing the smallest disagreeing input by
     * {@code size} among the first ones found, and writing inputs with {@code show}.
     */
    public static <T> void forAll(String what, List<T> inputs, Function<T, String> difference,
            Comparator<T> size, Function<T, String> show) {
        List<T> failing = new ArrayList<>();
        List<String> why = new ArrayList<>();
        int failed = 0;
        for (T input : inputs) {
            String d = difference.apply(input);
            if (d == null) {
                continue;
            }
            failed++;
            if (failing.size() < COLLECT) {
                failing.add(input);
                why.add(d);
            }
            if (size == null) {
                break; // the first one found is the one shown
            }
        }
        if (failed == 0) {
            return;
        }
        int shown = 0;
        for (int i = 1; size != null && i < failing.size(); i++) {
            if (size.compare(failing.get(i), failing.get(shown)) < 0) {
                shown = i;
            }
        }
        String count = size == null ? "" : " (" + failed + " of " + inputs.size() + " inputs disagree)";
        throw new AssertionError(what + " is wrong for " + show.apply(failing.get(shown)) + ": "
                + why.get(shown) + count);
    }

    /**
     * {@code null} when {@code actual} gives {@code expected}, else "expected ..., but was ..."
     * (an exception thrown counts as the answer, and its message is shown).
     */
    public static String compare(Object expected, Supplier<?> actual) {
        Object got;
        try {
            got = actual.get();
        } catch (RuntimeException e) {
            return "expected " + show(expected) + ", but it threw " + e;
        }
        return Objects.equals(expected, got) ? null : "expected " + show(expected) + ", but was " + show(got);
    }

    private static String show(Object value) {
        if (value instanceof Integer i) {
            return i + " (0x" + String.format(java.util.Locale.ROOT, "%08X", i) + ")";
        }
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
