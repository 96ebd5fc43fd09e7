package exercises.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.grader.Task;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The graded tests of exercise 1. Each test builds its ids from literals, so the tasks fail apart. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EntityIdsTest {

    /** The id written as the bits the student can check by hand: version, index, and the number. */
    private static String bits(int id) {
        return "0x" + String.format("%08X", id) + " (" + Integer.toUnsignedString(id) + ")";
    }

    private static void assertId(int expected, int actual, String call) {
        assertEquals(expected, actual, () -> call + " should be " + bits(expected) + " but was " + bits(actual)
                + "; see EntityIds." + call.substring(0, call.indexOf('(')) + " and the bit picture in the README");
    }

    private static void assertRejected(String call, long bad, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run,
                () -> call + " must throw IllegalArgumentException: " + bad + " does not fit its field (pack, Task 1.1)");
        String message = String.valueOf(e.getMessage());
        if (!message.contains(Long.toString(bad))) {
            fail(call + " threw IllegalArgumentException(\"" + message + "\"), but the message should name the bad value "
                    + bad + " so the caller sees what was wrong (pack, Task 1.1)");
        }
    }

    // ---- Task 1.1: pack ----

    @Test
    @Task(id = "1.1", points = 2)
    @DisplayName("pack puts the version above the 20 index bits")
    void packPutsTheVersionAboveTheIndex() {
        assertId(0, EntityIds.pack(0, 0), "pack(0, 0)");
        assertId(3, EntityIds.pack(3, 0), "pack(3, 0)");
        assertId(1048579, EntityIds.pack(3, 1), "pack(3, 1)");
        assertId(3 * 1048576 + 5, EntityIds.pack(5, 3), "pack(5, 3)");
        assertId(0x80000000, EntityIds.pack(0, 2048), "pack(0, 2048)");
        assertId(0xFFE00009, EntityIds.pack(9, 4094), "pack(9, 4094)");
    }

    @Test
    @Task(id = "1.1", points = 1)
    @DisplayName("pack accepts the largest index 0xFFFFF and the tombstone, so pack(0xFFFFF, 4095) is NULL")
    void packAcceptsTheWholeFields() {
        assertId(0x000FFFFF, EntityIds.pack(EntityIds.INDEX_MASK, 0), "pack(INDEX_MASK, 0)");
        assertId(0xFFF00000, EntityIds.pack(0, EntityIds.TOMBSTONE_VERSION), "pack(0, TOMBSTONE_VERSION)");
        assertId(EntityIds.NULL, EntityIds.pack(EntityIds.INDEX_MASK, EntityIds.TOMBSTONE_VERSION),
                "pack(INDEX_MASK, TOMBSTONE_VERSION)");
    }

    @Test
    @Task(id = "1.1", points = 1)
    @DisplayName("pack rejects an index or version that does not fit, naming the bad value")
    void packRejectsValuesThatDoNotFit() {
        assertRejected("pack(1048576, 0)", 1048576, () -> EntityIds.pack(1 << 20, 0));
        assertRejected("pack(-1, 0)", -1, () -> EntityIds.pack(-1, 0));
        assertRejected("pack(0, 4096)", 4096, () -> EntityIds.pack(0, 4096));
        assertRejected("pack(0, -1)", -1, () -> EntityIds.pack(0, -1));
        assertRejected("pack(7, 70000)", 70000, () -> EntityIds.pack(7, 70000));
    }

    // ---- Task 1.2: index and version ----

    @Test
    @Task(id = "1.2", points = 1)
    @DisplayName("index and version take an id apart")
    void indexAndVersionTakeAnIdApart() {
        int[][] cases = { // id, index, version
            {0, 0, 0}, {3, 3, 0}, {1048579, 3, 1}, {3 * 1048576 + 5, 5, 3}, {0x000FFFFF, 0xFFFFF, 0},
            {0x7FF12345, 0x12345, 2047},
        };
        for (int[] c : cases) {
            assertEquals(c[1], EntityIds.index(c[0]), () -> "index(" + bits(c[0]) + "): the low 20 bits");
            assertEquals(c[2], EntityIds.version(c[0]), () -> "version(" + bits(c[0]) + "): the high 12 bits");
        }
    }

    @Test
    @Task(id = "1.2", points = 2)
    @DisplayName("version is unsigned: an id with version 2048 or more is a negative int, its version is not")
    void versionIsUnsigned() {
        int[][] cases = { // id, index, version
            {0x80000007, 7, 2048}, {0xFFE00009, 9, 4094}, {0xFFF00003, 3, 4095}, {EntityIds.NULL, 0xFFFFF, 4095},
            {0xABCDEF01, 0xDEF01, 0xABC},
        };
        for (int[] c : cases) {
            assertEquals(c[2], EntityIds.version(c[0]), () -> "version(" + bits(c[0])
                    + ") (the int is negative because bit 31 is set): a shift that copies the sign bit"
                    + " brings down ones, and the version must stay in 0..4095 (Task 1.2)");
            assertEquals(c[1], EntityIds.index(c[0]), () -> "index(" + bits(c[0]) + "): the low 20 bits (Task 1.2)");
        }
    }

    // ---- Task 1.3: nextVersion ----

    @Test
    @Task(id = "1.3", points = 1)
    @DisplayName("nextVersion adds one")
    void nextVersionAddsOne() {
        for (int v : new int[] {0, 1, 2, 100, 2047, 2048, 4093}) {
            assertEquals(v + 1, EntityIds.nextVersion(v), () -> "nextVersion(" + v + ") (Task 1.3)");
        }
    }

    @Test
    @Task(id = "1.3", points = 2)
    @DisplayName("nextVersion skips the tombstone 4095 and wraps to 0")
    void nextVersionSkipsTheTombstone() {
        assertEquals(0, EntityIds.nextVersion(4094),
                () -> "nextVersion(4094): 4095 is the tombstone and is never handed out, the count wraps to 0 (Task 1.3)");
        assertEquals(0, EntityIds.nextVersion(4095),
                () -> "nextVersion(4095): given the tombstone itself, the next version is 0 too (Task 1.3)");
        int version = 0;
        for (int reuse = 1; reuse <= 4095; reuse++) {
            version = EntityIds.nextVersion(version);
            int seen = version;
            int step = reuse;
            if (seen < 0 || seen >= EntityIds.TOMBSTONE_VERSION) {
                fail("after " + step + " calls of nextVersion starting at 0 the version was " + seen
                        + "; a slot's versions must stay in 0..4094 (Task 1.3)");
            }
            if (seen == 0 && step < 4095) {
                fail("nextVersion came back to 0 after only " + step + " calls; it should take 4095 (0..4094) (Task 1.3)");
            }
        }
        int last = version;
        assertEquals(0, last, () -> "4095 calls of nextVersion starting at 0 should come back to 0 (Task 1.3)");
    }

    // ---- Task 1.4: describe ----

    @Test
    @Task(id = "1.4", points = 1)
    @DisplayName("describe shows the id and its parts: 1048579 (index 3, version 1)")
    void describeShowsTheParts() {
        assertEquals("0 (index 0, version 0)", EntityIds.describe(0), () -> "describe(0) (Task 1.4)");
        assertEquals("1048579 (index 3, version 1)", EntityIds.describe(1048579), () -> "describe(1048579) (Task 1.4)");
        assertEquals("3145733 (index 5, version 3)", EntityIds.describe(3 * 1048576 + 5),
                () -> "describe(3145733) (Task 1.4)");
    }

    @Test
    @Task(id = "1.4", points = 1)
    @DisplayName("describe writes the id unsigned, and NULL as null (4294967295)")
    void describeIsUnsigned() {
        assertEquals("null (4294967295)", EntityIds.describe(EntityIds.NULL),
                () -> "describe(NULL): the null id, written as the seed's UINT32_MAX, not as -1 (Task 1.4)");
        assertEquals("2147483655 (index 7, version 2048)", EntityIds.describe(0x80000007),
                () -> "describe(0x80000007): an id is unsigned, so no minus sign (Integer has a method for it) (Task 1.4)");
        assertEquals("4293918723 (index 3, version 4095)", EntityIds.describe(0xFFF00003),
                () -> "describe(0xFFF00003): only NULL itself is written as null; this id has index 3 (Task 1.4)");
    }

    // ---- Task 1.5: reissued ----

    @Test
    @Task(id = "1.5", points = 2)
    @DisplayName("reissued gives the id a released slot hands out next: same index, next version")
    void reissuedBumpsTheVersion() {
        assertId(1048576, EntityIds.reissued(0), "reissued(0)");
        assertId(2097155, EntityIds.reissued(1048579), "reissued(1048579)");
        assertId(0x80100007, EntityIds.reissued(0x80000007), "reissued(0x80000007)");
        assertId(9, EntityIds.reissued(0xFFE00009), "reissued(0xFFE00009)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityIds.reissued(EntityIds.NULL),
                () -> "reissued(NULL) must throw IllegalArgumentException: the null id names no slot (Task 1.5)");
        String message = String.valueOf(e.getMessage());
        if (!message.contains("4294967295")) {
            fail("reissued(NULL) threw IllegalArgumentException(\"" + message
                    + "\"), but the message should name the id as 4294967295 (Task 1.5)");
        }
    }
}
