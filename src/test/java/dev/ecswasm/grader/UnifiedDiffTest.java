package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict diff applier the wrong solutions are kept with. */
class UnifiedDiffTest {
    private static final String SOLUTION = "a\nb\nc\nd\n-- e\nf\n";

    @Test
    void appliesAHunkAndKeepsTheRest() {
        String diff = "--- a/X.java\n+++ b/X.java\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n@@ -5,1 +5,1 @@\n--- e\n+++ E\n";
        List<String> hunks = UnifiedDiff.byFile(diff).get("X.java");
        assertEquals("a\nb\nC\nd\n++ E\nf\n", UnifiedDiff.apply(SOLUTION, hunks, "X.java"));
    }

    @Test
    void refusesADiffThatNoLongerFits() {
        String diff = "--- a/X.java\n+++ b/X.java\n@@ -2,2 +2,2 @@\n b\n-x\n+y\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> UnifiedDiff.apply(SOLUTION, UnifiedDiff.byFile(diff).get("X.java"), "X.java"));
        assertEquals("X.java: the diff no longer fits at line 3: expected 'x' but found 'c'; the solution changed,"
                + " so remake the wrong solution's diff", e.getMessage());
    }
}
