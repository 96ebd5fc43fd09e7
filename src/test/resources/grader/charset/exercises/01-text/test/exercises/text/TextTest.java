package exercises.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    @Task(id = "1.1", points = 1)
    @DisplayName("decode keeps é and €")
    void decodesNonAscii() {
        assertEquals("é€", Text.decode("é€".getBytes(StandardCharsets.UTF_8)));
    }
}
