package exercises.first;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FirstTest {
    @Test
    @Task(id = "1.1", points = 2)
    @DisplayName("twice doubles a positive number")
    void positive() {
        assertEquals(4, First.twice(2));
    }

    @Test
    @Task(id = "1.2", points = 1)
    @DisplayName("twice of zero is zero")
    void zero() {
        assertEquals(0, First.twice(0));
    }
}
