package exercises.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import org.junit.jupiter.api.DisplayName;
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
}
