package exercises.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdderHiddenTest {
    @Test
    @Task(id = "1.1", points = 4)
    @DisplayName("add overflows the way int does")
    void overflows() {
        assertEquals(Integer.MIN_VALUE, Adder.add(Integer.MAX_VALUE, 1), "SECRET: add(MAX_VALUE, 1)");
    }

    @Test
    @Task(id = "1.2", points = 1)
    @DisplayName("add(-1, -1) is -2")
    void minusTwo() {
        assertEquals(-2, Adder.add(-1, -1), "SECRET: add(-1, -1)");
    }

    /** A nested class is hidden too: hidden is where a test comes from, not how it is written. */
    @Nested
    class Negatives {
        @Test
        @Task(id = "1.2", points = 1)
        @DisplayName("add(-4, 0) is -4")
        void minusFour() {
            assertEquals(-4, Adder.add(-4, 0), "SECRET: add(-4, 0)");
        }
    }
}
