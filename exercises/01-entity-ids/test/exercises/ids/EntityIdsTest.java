package exercises.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.grader.Cases;
import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import java.util.Comparator;
import java.util.List;
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
    @DisplayName("nextVersion adds one: every version 0..4095 against a model")
    void nextVersionAddsOne() {
        for (int v : new int[] {0, 1, 2, 100, 2047, 2048, 4093}) {
            assertEquals(v + 1, EntityIds.nextVersion(v), () -> "nextVersion(" + v + ") (Task 1.3)");
        }
        List<Integer> all = Cases.ints(13, new int[] {4094, 4095, 2047, 2048}, 0, r -> 0);
        for (int v = 0; v <= EntityIds.VERSION_MASK; v++) {
            all.add(v);
        }
        Property.forAll("nextVersion", all,
                v -> Property.compare(Model.nextVersion(v), () -> EntityIds.nextVersion(v)),
                Comparator.naturalOrder(), v -> "version " + v);
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

    // ---- properties: each method against a model, on the edges of both fields first, then seeded random values ----

    /**
     * The model: the same contract as EntityIds, written another way (unsigned long arithmetic instead of shifts and
     * masks), so a property compares the student's code with an independent answer.
     */
    private static final class Model {
        static final long INDEX_COUNT = 1L << 20;
        static final long VERSION_COUNT = 1L << 12;

        /** The id pack should give, or the value its IllegalArgumentException must name, as "rejects N". */
        static Object pack(int index, int version) {
            if (index < 0 || index >= INDEX_COUNT) {
                return "rejects " + index;
            }
            if (version < 0 || version >= VERSION_COUNT) {
                return "rejects " + version;
            }
            return (int) (version * INDEX_COUNT + index);
        }

        static int index(int id) {
            return (int) (Integer.toUnsignedLong(id) % INDEX_COUNT);
        }

        static int version(int id) {
            return (int) (Integer.toUnsignedLong(id) / INDEX_COUNT);
        }

        static int nextVersion(int version) {
            return version + 1 < VERSION_COUNT - 1 ? version + 1 : 0;
        }

        static String describe(int id) {
            String unsigned = Long.toString(Integer.toUnsignedLong(id));
            return id == -1 ? "null (" + unsigned + ")" : unsigned + " (index " + index(id) + ", version " + version(id) + ")";
        }
    }

    /** An id as a student reads it: the bits and the two fields. */
    private static String showId(int id) {
        return hex(id) + " (index " + Model.index(id) + ", version " + Model.version(id) + ")";
    }

    private static String hex(int id) {
        return "0x" + String.format(java.util.Locale.ROOT, "%08X", id);
    }

    /**
     * Ids to try, edges first: every field all ones with the other one ordinary (and the other way round), each
     * field's largest value and one less, the sign bit (version 2048) and the bits next to it, NULL and its
     * neighbours; then seeded random ids of every kind.
     */
    private static List<Integer> ids(long seed) {
        int[] edges = {
            0, 1, 0x000FFFFF, 0x005FFFFF, 0x001FFFFF, 0x7FEFFFFF, 0x800FFFFF, 0xFFEFFFFF, // all-ones index, ordinary version
            0xFFF00000, 0xFFF00003, 0xFFF00001, 0xFFFFFFFE, 0xFFF7FFFF, // tombstone version, ordinary index
            0x00100000, 0x7FF00000, 0x80000000, 0x80000007, 0x80100000, 0xFFE00000, 0xFFE00009, 0xFFEFFFFE,
            0x7FFFFFFF, 0x000FFFFE, 0x00080000, 0x0007FFFF, EntityIds.NULL,
        };
        return Cases.ints(seed, Cases.concat(edges, Cases.fieldEdges(20)), 4000, r -> switch (r.nextInt(4)) {
            case 0 -> r.nextInt() | EntityIds.INDEX_MASK; // the all-ones index
            case 1 -> r.nextInt() | 0xFFF00000; // the tombstone version
            default -> r.nextInt();
        });
    }

    /** Smaller first: the unsigned id, so the simplest failing id is the one shown. */
    private static final Comparator<Integer> UNSIGNED = (a, b) -> Integer.compareUnsigned(a, b);

    @Test
    @Task(id = "1.1", points = 1)
    @DisplayName("pack agrees with a model on every edge of both fields (bits above the field, signs) and 4,000 random pairs")
    void packAgreesWithTheModel() {
        int[] indices = Cases.concat(Cases.fieldEdges(20), new int[] {3, 0x80000, 0x7FFFF, 1 << 25, 0x100FFFFF});
        int[] versions = Cases.concat(Cases.fieldEdges(12), new int[] {7, 2047, 2048, 4094, 1 << 16, 0x10FFF});
        List<int[]> pairs = Cases.pairs(11, indices, versions, 4000, r -> switch (r.nextInt(4)) {
            case 0 -> new int[] {r.nextInt(), r.nextInt(1 << 12)};
            case 1 -> new int[] {r.nextInt(1 << 20), r.nextInt()};
            default -> new int[] {r.nextInt(1 << 20), r.nextInt(1 << 12)};
        });
        Comparator<int[]> size = Comparator.comparingLong(p -> Math.abs((long) p[0]) + Math.abs((long) p[1]));
        Property.forAll("pack", pairs, p -> packDifference(p[0], p[1]), size, p -> "(" + p[0] + ", " + p[1] + ")");
    }

    private static String packDifference(int index, int version) {
        Object expected = Model.pack(index, version);
        int got;
        try {
            got = EntityIds.pack(index, version);
        } catch (IllegalArgumentException e) {
            if (!(expected instanceof String rejects)) {
                return "expected " + bits((Integer) expected) + ", but it threw " + e;
            }
            String message = String.valueOf(e.getMessage());
            String bad = rejects.substring("rejects ".length());
            boolean both = (index < 0 || index > EntityIds.INDEX_MASK) && (version < 0 || version > EntityIds.VERSION_MASK);
            boolean named = message.contains(bad) || both && message.contains(Integer.toString(version));
            return named ? null : "it threw IllegalArgumentException(\"" + message + "\"), which does not name the bad value " + bad;
        } catch (RuntimeException e) {
            return "expected " + (expected instanceof Integer i ? bits(i) : "an IllegalArgumentException") + ", but it threw " + e;
        }
        if (expected instanceof String rejects) {
            return "expected an IllegalArgumentException naming " + rejects.substring("rejects ".length())
                    + " (it does not fit its field), but it returned " + bits(got);
        }
        int want = (Integer) expected;
        return want == got ? null : "expected " + bits(want) + ", but was " + bits(got);
    }

    @Test
    @Task(id = "1.2", points = 1)
    @DisplayName("index and version agree with a model on the edge ids (all-ones fields, the sign bit) and 4,000 random ids")
    void indexAndVersionAgreeWithTheModel() {
        Property.forAll("index/version", ids(12), id -> {
            String index = Property.compare(Model.index(id), () -> EntityIds.index(id));
            if (index != null) {
                return "index: " + index;
            }
            String version = Property.compare(Model.version(id), () -> EntityIds.version(id));
            return version == null ? null : "version: " + version;
        }, UNSIGNED, EntityIdsTest::showId);
    }

    @Test
    @Task(id = "1.4", points = 1)
    @DisplayName("describe agrees with a model: only NULL is null, an all-ones index or the tombstone version is an ordinary id")
    void describeAgreesWithTheModel() {
        Property.forAll("describe", ids(14), id -> Property.compare(Model.describe(id), () -> EntityIds.describe(id)),
                UNSIGNED, EntityIdsTest::hex);
    }

    @Test
    @Task(id = "1.5", points = 1)
    @DisplayName("reissued agrees with a model on every id but NULL: the all-ones index and the tombstone version too")
    void reissuedAgreesWithTheModel() {
        List<Integer> ids = ids(15);
        ids.remove(Integer.valueOf(EntityIds.NULL));
        Property.forAll("reissued", ids, id -> {
            int expected = (Integer) Model.pack(Model.index(id), Model.nextVersion(Model.version(id)));
            try {
                int got = EntityIds.reissued(id);
                return got == expected ? null : "expected " + showId(expected) + ", but was " + showId(got);
            } catch (RuntimeException e) {
                return "expected " + showId(expected) + " (only NULL names no slot), but it threw " + e;
            }
        }, UNSIGNED, EntityIdsTest::showId);
    }
}
