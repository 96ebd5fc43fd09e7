package exercises.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.grader.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A hidden test for the red-team gallery: its messages carry SECRET-HIDDEN-01, which must never reach a report. */
class EntityIdsHiddenTest {
    @Test
    @Task(id = "1.1", points = 3)
    @DisplayName("hidden: pack(7, 4094)")
    void packHidden() {
        assertEquals(0xFFE00007, EntityIds.pack(7, 4094), "SECRET-HIDDEN-01: pack(7, 4094) should be 0xFFE00007");
    }

    @Test
    @Task(id = "1.2", points = 2)
    @DisplayName("hidden: index of 0xFFE00007")
    void indexHidden() {
        assertEquals(7, EntityIds.index(0xFFE00007), "SECRET-HIDDEN-01: index(0xFFE00007) is 7");
    }

    @Nested
    class Deeper {
        @Test
        @Task(id = "1.3", points = 2)
        @DisplayName("hidden: nextVersion(4094) wraps")
        void wraps() {
            assertEquals(0, EntityIds.nextVersion(4094), "SECRET-HIDDEN-01-NESTED: nextVersion(4094) is 0");
        }
    }
}
