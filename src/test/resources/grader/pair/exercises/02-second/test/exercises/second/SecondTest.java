package exercises.second;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecondTest {
    @Test
    @Task(id = "2.1", points = 2)
    @DisplayName("shout capitalises and adds !")
    void word() {
        assertEquals("HEY!", Second.shout("hey"));
    }

    @Test
    @Task(id = "2.2", points = 1)
    @DisplayName("shout of nothing is !")
    void empty() {
        assertEquals("!", Second.shout(""));
    }
}
