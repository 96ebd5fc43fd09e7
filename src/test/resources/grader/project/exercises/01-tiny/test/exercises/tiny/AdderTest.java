package exercises.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdderTest {
    @Test
    @Task(id = "1.1", points = 2)
    @DisplayName("add adds two small numbers")
    void addsSmall() {
        assertEquals(5, Adder.add(2, 3), "add(2, 3)");
    }

    @Test
    @Task(id = "1.2", points = 3)
    @DisplayName("add adds negative numbers")
    void addsNegative() {
        assertEquals(-5, Adder.add(-2, -3), "add(-2, -3)");
    }

    @Test
    @Task(id = "1.3", points = 1)
    @DisplayName("countTo returns n")
    void countsTo() {
        assertEquals(7, Adder.countTo(7), "countTo(7)");
    }

    @Test
    @DisplayName("a test without @Task")
    void ungraded() {
        assertEquals(1, 1);
    }
}
