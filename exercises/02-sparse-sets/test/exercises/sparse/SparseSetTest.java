package exercises.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The graded tests of exercise 2. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparseSetTest {
    private static final int ABSENT = SparseSet.ABSENT;

    private static int id(int index, int version) {
        return EntityId.of(index, version);
    }

    private static String show(int id) {
        return EntityId.describe(id);
    }

    private static String show(int[] ids) {
        return Arrays.stream(ids).mapToObj(EntityId::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String show(List<Integer> ids) {
        return ids.stream().map(EntityId::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static SparseSet setOf(int... ids) {
        SparseSet set = new SparseSet();
        for (int id : ids) {
            set.add(id);
        }
        return set;
    }

    private static void assertPacked(int[] expected, SparseSet set, String after) {
        int[] actual = set.toArray();
        assertArrayEquals(expected, actual, () -> "after " + after + ", packed should be " + show(expected) + " but was "
                + show(actual));
    }

    private static void assertSparse(int expected, SparseSet set, int index, String after) {
        int actual = set.sparseEntry(index);
        assertEquals(expected, actual, () -> "after " + after + ", sparse[" + index + "] should be "
                + (expected == ABSENT ? "ABSENT (-1)" : "position " + expected) + " but was " + actual);
    }

    private static void assertRejected(SparseSet set, int id, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.add(id),
                () -> "add(" + show(id) + ") must throw IllegalArgumentException: " + why + " (add, Task 2.1)");
        String message = String.valueOf(e.getMessage());
        String unsigned = Integer.toUnsignedString(id);
        if (!message.contains(unsigned)) {
            fail("add(" + show(id) + ") threw IllegalArgumentException(\"" + message + "\"), but the message should name the id"
                    + " as the unsigned number " + unsigned + " (add, Task 2.1)");
        }
    }

    // ---- Task 2.1: add and size ----

    @Test
    @Task(id = "2.1", points = 2)
    @DisplayName("add appends the id to packed and points sparse at its position")
    void addAppendsAndPointsSparseAtIt() {
        SparseSet set = new SparseSet();
        int e3 = id(3, 0);
        int e1 = id(1, 2);
        int e7 = id(7, 2048);
        int far = id(100_000, 5);
        int[] ids = {e3, e1, e7, far};
        for (int p = 0; p < ids.length; p++) {
            int position = p;
            int returned = set.add(ids[p]);
            assertEquals(position, returned, () -> "add(" + show(ids[position]) + ") should return its position in packed,"
                    + " " + position + " (the size before the add) (Task 2.1)");
            assertEquals(position + 1, set.size(), () -> "size() after " + (position + 1) + " adds (Task 2.1)");
        }
        assertPacked(ids, set, "adding " + show(ids));
        assertSparse(0, set, 3, "add(" + show(e3) + ")");
        assertSparse(1, set, 1, "add(" + show(e1) + ")");
        assertSparse(2, set, 7, "add(" + show(e7) + ")");
        assertSparse(3, set, 100_000, "add(" + show(far) + ")");
        assertSparse(ABSENT, set, 0, "adding slots 3, 1, 7, 100000 (slot 0 was never added)");
        assertSparse(ABSENT, set, 2, "adding slots 3, 1, 7, 100000 (slot 2 was never added)");
        String printed = "SparseSet[" + Arrays.stream(ids).mapToObj(EntityId::describe).collect(Collectors.joining(", ")) + "]";
        assertEquals(printed, set.toString(), () -> "toString() (given) prints packed[0 .. size-1] after adding " + show(ids)
                + ": if it does not, size or packed is off (Task 2.1)");
    }

    @Test
    @Task(id = "2.1", points = 1)
    @DisplayName("add keeps working past the first array sizes (200 ids, in order)")
    void addGrows() {
        SparseSet set = new SparseSet();
        int[] ids = new int[200];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id((i * 37) % 1000, i % 4095);
            set.add(ids[i]);
        }
        assertEquals(200, set.size(), () -> "size() after 200 adds (Task 2.1: did you call ensurePacked?)");
        assertPacked(ids, set, "200 adds");
        for (int i = 0; i < ids.length; i++) {
            assertSparse(i, set, EntityId.index(ids[i]), "200 adds");
        }
    }

    @Test
    @Task(id = "2.1", points = 1)
    @DisplayName("add rejects NULL and a taken slot, changes nothing, and takes every other id (all-ones index too): 2,000 sequences against a model")
    void addRejectsNullAndTakenSlots() {
        int member = id(3, 1);
        SparseSet set = setOf(member);
        assertRejected(set, EntityId.NULL, "the null entity is never a member");
        assertRejected(set, member, "it is already in the set");
        assertRejected(set, id(3, 2048), "slot 3 is already in the set (as version 1)");
        assertEquals(1, set.size(), () -> "size() after one add and three refused adds (Task 2.1)");
        assertPacked(new int[] {member}, set, "three refused adds");
        assertSparse(0, set, 3, "three refused adds");
        List<List<Op>> sequences = new ArrayList<>();
        for (int[] ids : new int[][] {
            {EntityId.NULL}, {id(EntityId.INDEX_MASK, 0)}, {id(EntityId.INDEX_MASK, 5)}, {id(EntityId.INDEX_MASK, 5), EntityId.NULL},
            {id(EntityId.MAX_INDEX, 4095)}, {id(0, 4095)}, {id(3, 1), id(3, 1)}, {id(3, 1), id(3, 2049)}, {id(0, 0), id(0, 4095)},
            {id(7, 0), id(8, 0), id(8, 1)}, {id(8, 0), id(16, 0), id(32, 0)},
        }) {
            sequences.add(Arrays.stream(ids).mapToObj(Op::add).toList());
        }
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 2000; i++) {
            List<Op> ops = new ArrayList<>();
            int length = 1 + random.nextInt(i < 1000 ? 8 : 40);
            for (int k = 0; k < length; k++) {
                ops.add(Op.add(random.nextInt(40) == 0 ? EntityId.NULL : randomId(random)));
            }
            sequences.add(ops);
        }
        Property.forAll("add", sequences, SparseSetTest::replay, Comparator.comparingInt(List::size), SparseSetTest::showOps);
    }

    // ---- Task 2.2: indexOf and contains ----

    @Test
    @Task(id = "2.2", points = 2)
    @DisplayName("contains and indexOf find exactly the ids that were added")
    void containsFindsMembers() {
        int[] ids = {id(4, 0), id(0, 1), id(9, 3000), id(2, 7)};
        SparseSet set = setOf(ids);
        for (int p = 0; p < ids.length; p++) {
            int id = ids[p];
            int position = p;
            assertEquals(position, set.indexOf(id), () -> "indexOf(" + show(id) + ") in " + set + " (Task 2.2)");
            assertEquals(true, set.contains(id), () -> "contains(" + show(id) + ") in " + set + " (Task 2.2)");
        }
        for (int absent : new int[] {id(1, 0), id(5, 0), id(8, 0), id(500_000, 0), id(EntityId.MAX_INDEX, 0), EntityId.NULL}) {
            assertEquals(ABSENT, set.indexOf(absent), () -> "indexOf(" + show(absent) + "): never added, so ABSENT (-1),"
                    + " without an exception even when the index lies beyond the sparse array (Task 2.2)");
            assertEquals(false, set.contains(absent), () -> "contains(" + show(absent) + "): never added (Task 2.2)");
        }
    }

    @Test
    @Task(id = "2.2", points = 2)
    @DisplayName("a stale id (same slot, other version) is not contained")
    void staleIdIsNotContained() {
        int current = id(3, 1);
        SparseSet set = setOf(id(0, 0), current);
        for (int stale : new int[] {id(3, 0), id(3, 2), id(3, 2049), id(3, EntityId.TOMBSTONE_VERSION)}) {
            assertEquals(false, set.contains(stale), () -> "contains(" + show(stale) + ") when the set holds "
                    + show(current) + ": same slot, other version, so a stale id: compare the whole id, not just the slot"
                    + " (Task 2.2)");
            assertEquals(ABSENT, set.indexOf(stale), () -> "indexOf(" + show(stale) + ") when the set holds "
                    + show(current) + ": a stale id is ABSENT (Task 2.2)");
        }
        assertEquals(true, set.contains(current), () -> "contains(" + show(current) + ") (Task 2.2)");
        assertEquals(1, set.indexOf(current), () -> "indexOf(" + show(current) + ") (Task 2.2)");
    }

    // ---- Task 2.3: remove ----

    @Test
    @Task(id = "2.3", points = 2)
    @DisplayName("remove moves the last id into the hole (swap-and-pop) and rewrites its sparse entry")
    void removeSwapsAndPops() {
        int a = id(10, 0);
        int b = id(11, 1);
        int c = id(12, 2);
        int d = id(13, 3);
        SparseSet set = setOf(a, b, c, d);
        String after = "remove(" + show(b) + ") from [a, b, c, d]";
        assertEquals(true, set.remove(b), () -> after + " should return true (Task 2.3)");
        assertEquals(3, set.size(), () -> "size() after " + after + " (Task 2.3)");
        assertPacked(new int[] {a, d, c}, set, after + " (the last id d moves into b's place; nothing else moves)");
        assertSparse(1, set, 13, after + " (d moved to position 1, so its sparse entry must follow)");
        assertSparse(ABSENT, set, 11, after + " (b's slot is no longer in the set)");
        assertEquals(1, set.indexOf(d), () -> "indexOf(d) after " + after + " (Task 2.3)");
        assertEquals(false, set.contains(b), () -> "contains(b) after " + after + " (Task 2.3)");
        assertEquals(0, set.indexOf(a), () -> "indexOf(a) after " + after + " (Task 2.3)");
        assertEquals(2, set.indexOf(c), () -> "indexOf(c) after " + after + " (Task 2.3)");
    }

    @Test
    @Task(id = "2.3", points = 1)
    @DisplayName("remove of the last id just pops it; removing everything leaves an empty, reusable set")
    void removeLastAndAll() {
        int a = id(10, 0);
        int b = id(11, 1);
        int c = id(12, 2);
        SparseSet set = setOf(a, b, c);
        assertEquals(true, set.remove(c), () -> "remove(c), the last id, should return true (Task 2.3)");
        assertPacked(new int[] {a, b}, set, "remove(c), the last id");
        assertSparse(ABSENT, set, 12, "remove(c), the last id (clear the removed slot after moving the last id, which here is c itself)");
        assertEquals(false, set.contains(c), () -> "contains(c) after remove(c) (Task 2.3)");
        assertEquals(true, set.remove(a), () -> "remove(a) should return true (Task 2.3)");
        assertEquals(true, set.remove(b), () -> "remove(b) should return true (Task 2.3)");
        assertEquals(0, set.size(), () -> "size() after removing all three (Task 2.3)");
        assertPacked(new int[0], set, "removing all three");
        for (int index = 10; index <= 12; index++) {
            assertSparse(ABSENT, set, index, "removing all three");
        }
        int again = id(11, 2);
        assertEquals(0, set.add(again), () -> "add(" + show(again) + ") to the emptied set should return position 0 (Task 2.3)");
        assertEquals(true, set.contains(again), () -> "contains(" + show(again) + ") after adding it again (Task 2.3)");
    }

    @Test
    @Task(id = "2.3", points = 1)
    @DisplayName("remove refuses a stale or absent id and changes nothing")
    void removeRefusesStaleIds() {
        int five = id(5, 1);
        int six = id(6, 0);
        SparseSet set = setOf(five, six);
        for (int other : new int[] {id(5, 0), id(5, 2), id(7, 0), id(400_000, 1), EntityId.NULL}) {
            assertEquals(false, set.remove(other), () -> "remove(" + show(other) + ") when the set holds " + set
                    + ": exactly this id is not in the set, so false (Task 2.3)");
        }
        assertEquals(2, set.size(), () -> "size() after refused removes (Task 2.3)");
        assertPacked(new int[] {five, six}, set, "refused removes (a stale id must not remove the slot's current id)");
        assertSparse(0, set, 5, "refused removes");
        assertSparse(1, set, 6, "refused removes");
    }

    @Test
    @Task(id = "2.3", points = 1)
    @DisplayName("add and remove agree with a swap-and-pop model on 2,000 sequences, edge cases first")
    void randomAddsAndRemovesKeepTheInvariant() {
        int a = id(0, 0);
        int b = id(1, 1);
        int c = id(8, 2048);
        List<List<Op>> sequences = new ArrayList<>(List.of(
                List.of(Op.remove(a)),
                List.of(Op.add(a), Op.remove(a)),
                List.of(Op.add(a), Op.remove(id(0, 1))),
                List.of(Op.add(a), Op.remove(id(8, 0))), // a slot index equal to the sparse array's length (8)
                List.of(Op.add(a), Op.remove(EntityId.NULL)),
                List.of(Op.add(id(EntityId.INDEX_MASK, 5)), Op.remove(EntityId.NULL)),
                List.of(Op.add(a), Op.add(b), Op.remove(a)),
                List.of(Op.add(a), Op.add(b), Op.remove(b)),
                List.of(Op.add(a), Op.add(b), Op.add(c), Op.remove(a), Op.remove(c)),
                List.of(Op.add(a), Op.remove(a), Op.add(id(0, 1)), Op.remove(a)),
                List.of(Op.add(a), Op.add(b), Op.remove(b), Op.remove(a), Op.add(b))));
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 2000; i++) {
            sequences.add(randomAddsAndRemoves(random, 1 + random.nextInt(i < 1000 ? 10 : 40)));
        }
        Property.forAll("add/remove", sequences, SparseSetTest::replay, Comparator.comparingInt(List::size), SparseSetTest::showOps);
    }

    // ---- Task 2.4: each ----

    @Test
    @Task(id = "2.4", points = 1)
    @DisplayName("each visits every id from the last packed position to the first")
    void eachGoesBackwards() {
        int[] ids = {id(2, 0), id(0, 0), id(9, 1), id(4, 2), id(1, 0)};
        SparseSet set = setOf(ids);
        List<Integer> visited = new ArrayList<>();
        set.each(visited::add);
        List<Integer> expected = List.of(ids[4], ids[3], ids[2], ids[1], ids[0]);
        assertEquals(expected, visited, () -> "each over packed " + show(ids) + " should visit " + show(expected)
                + " (last position first) but visited " + show(visited) + " (Task 2.4)");
    }

    @Test
    @Task(id = "2.4", points = 2)
    @DisplayName("each lets the action remove the id it is given, and still visits every id once")
    void eachSurvivesRemovalOfTheCurrentId() {
        int[] ids = {id(0, 0), id(1, 0), id(2, 0), id(3, 0), id(4, 0), id(5, 0)};
        SparseSet all = setOf(ids);
        List<Integer> visited = new ArrayList<>();
        all.each(id -> {
            visited.add(id);
            all.remove(id);
        });
        List<Integer> expected = List.of(ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]);
        assertEquals(expected, visited, () -> "each over " + show(ids) + ", removing every id it visits, should visit "
                + show(expected) + " but visited " + show(visited) + " (Task 2.4)");
        assertEquals(0, all.size(), () -> "size() after each removed every id it visited (Task 2.4)");

        SparseSet some = setOf(ids);
        List<Integer> seen = new ArrayList<>();
        some.each(id -> {
            seen.add(id);
            if (EntityId.index(id) % 2 == 0) {
                some.remove(id);
            }
        });
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        List<Integer> everyOnce = Arrays.stream(ids).boxed().sorted().toList();
        assertEquals(everyOnce, sorted, () -> "each over " + show(ids) + ", removing the even slots, should visit every id"
                + " exactly once but visited " + show(seen) + " (Task 2.4)");
        int[] left = some.toArray();
        Arrays.sort(left);
        assertArrayEquals(new int[] {ids[1], ids[3], ids[5]}, left, () -> "the odd slots should be left, but packed is "
                + show(some.toArray()) + " (Task 2.4)");

        List<List<Op>> sets = new ArrayList<>(List.of(List.of(), List.of(Op.add(id(0, 0))), List.of(Op.add(id(0, 0)), Op.add(id(1, 0)))));
        SplittableRandom random = new SplittableRandom(24);
        for (int i = 0; i < 1000; i++) {
            List<Op> adds = new ArrayList<>();
            Model model = new Model();
            for (int k = random.nextInt(i < 500 ? 10 : 40); k > 0; k--) {
                int id = randomId(random);
                if (model.canAdd(id)) {
                    model.add(id);
                    adds.add(Op.add(id));
                }
            }
            sets.add(adds);
        }
        Property.forAll("each", sets, ops -> {
            for (int mode = 0; mode < 3; mode++) { // remove none, every id, every other id
                String d = eachDifference(ops, mode);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }, Comparator.comparingInt(List::size), ops -> "the set built by " + (ops.isEmpty() ? "no add" : showOps(ops)));
    }

    // ---- properties: a model of swap-and-pop, and sequences of calls replayed on the student's set ----

    /** One call: add(id) or remove(id). */
    private record Op(boolean add, int id) {
        static Op add(int id) {
            return new Op(true, id);
        }

        static Op remove(int id) {
            return new Op(false, id);
        }

        @Override
        public String toString() {
            return (add ? "add" : "remove") + "(" + brief(id) + ")";
        }
    }

    /** An id as EntityId.of writes it: id(index, version), or NULL. */
    private static String brief(int id) {
        return id == EntityId.NULL ? "NULL" : "id(" + EntityId.index(id) + ", " + EntityId.version(id) + ")";
    }

    private static String showOps(List<Op> ops) {
        return ops.isEmpty() ? "no call" : ops.stream().map(Op::toString).collect(Collectors.joining(", "));
    }

    /** The set as swap-and-pop must leave it: packed in order, and slot index to position. */
    private static final class Model {
        final List<Integer> packed = new ArrayList<>();
        final Map<Integer, Integer> positionOfSlot = new HashMap<>();

        int indexOf(int id) {
            Integer p = id == EntityId.NULL ? null : positionOfSlot.get(EntityId.index(id));
            return p != null && packed.get(p) == id ? p : ABSENT;
        }

        boolean canAdd(int id) {
            return id != EntityId.NULL && !positionOfSlot.containsKey(EntityId.index(id));
        }

        void add(int id) {
            positionOfSlot.put(EntityId.index(id), packed.size());
            packed.add(id);
        }

        void remove(int id) {
            int p = indexOf(id);
            int last = packed.remove(packed.size() - 1);
            positionOfSlot.remove(EntityId.index(id));
            if (p < packed.size()) {
                packed.set(p, last);
                positionOfSlot.put(EntityId.index(last), p);
            }
        }

        int[] toArray() {
            int[] ids = new int[packed.size()];
            for (int p = 0; p < ids.length; p++) {
                ids[p] = packed.get(p);
            }
            return ids;
        }
    }

    /** Slots on the sparse array's edges (its lengths are 8, 16, 32, ...). */
    private static final int[] SLOTS = {0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 4095, 4096};

    private static final int[] VERSIONS = {0, 1, 2, 2047, 2048, 2049, 4094, 4095};

    private static int randomId(SplittableRandom random) {
        int roll = random.nextInt(1000);
        int index = roll < 900 ? SLOTS[random.nextInt(SLOTS.length)]
                : roll < 998 ? random.nextInt(1 << 12) // rarely a slot near 2^20: its sparse array takes 4 MB
                : roll == 998 ? random.nextInt(EntityId.MAX_INDEX + 1) : EntityId.MAX_INDEX;
        int version = random.nextBoolean() ? VERSIONS[random.nextInt(VERSIONS.length)] : random.nextInt(EntityId.VERSION_MASK + 1);
        return id(index, version);
    }

    /** A sequence of valid adds and of removes of members, stale ids, absent ids and NULL. */
    private static List<Op> randomAddsAndRemoves(SplittableRandom random, int length) {
        Model model = new Model();
        List<Op> ops = new ArrayList<>();
        while (ops.size() < length) {
            int roll = random.nextInt(10);
            if (roll < 5) {
                int id = randomId(random);
                if (model.canAdd(id)) {
                    ops.add(Op.add(id));
                    model.add(id);
                }
            } else if (roll < 8 && !model.packed.isEmpty()) {
                int member = model.packed.get(random.nextInt(model.packed.size()));
                ops.add(Op.remove(member));
                model.remove(member);
            } else {
                int other = random.nextInt(8) == 0 ? EntityId.NULL : randomId(random);
                if (!model.packed.isEmpty() && random.nextBoolean()) { // a stale id of a member's slot
                    int member = model.packed.get(random.nextInt(model.packed.size()));
                    other = id(EntityId.index(member), EntityId.nextVersion(EntityId.version(member)));
                }
                ops.add(Op.remove(other));
                if (model.indexOf(other) != ABSENT) {
                    model.remove(other);
                }
            }
        }
        return ops;
    }

    /**
     * Replays {@code ops} on a new SparseSet and on the model; null if they agree after every call (the answer, the
     * exception, size, packed and the sparse entries of every slot used), else what differs first.
     */
    private static String replay(List<Op> ops) {
        SparseSet set = new SparseSet();
        Model model = new Model();
        List<Integer> slots = new ArrayList<>();
        for (int step = 0; step < ops.size(); step++) {
            Op op = ops.get(step);
            String call = ops.size() == 1 ? op.toString() : "call " + (step + 1) + ", " + op;
            if (op.id() != EntityId.NULL && !slots.contains(EntityId.index(op.id()))) {
                slots.add(EntityId.index(op.id()));
            }
            String d = op.add() ? addDifference(set, model, op.id()) : removeDifference(set, model, op.id());
            if (d != null) {
                return ops.size() == 1 ? d : call + ": " + d;
            }
            int[] expected = model.toArray();
            int[] actual;
            try {
                actual = set.toArray();
            } catch (RuntimeException e) {
                return "after " + call + ", toArray() threw " + e;
            }
            if (!Arrays.equals(expected, actual)) {
                return "after " + call + ", packed should be " + briefs(expected) + " but was " + briefs(actual);
            }
            if (set.size() != expected.length) {
                return "after " + call + ", size() should be " + expected.length + " but was " + set.size();
            }
            for (int slot : slots) {
                int want = model.positionOfSlot.getOrDefault(slot, ABSENT);
                int got = set.sparseEntry(slot);
                if (want != got) {
                    return "after " + call + ", sparse[" + slot + "] should be " + (want == ABSENT ? "ABSENT (-1)" : want)
                            + " but was " + got;
                }
            }
        }
        return null;
    }

    private static String briefs(int[] ids) {
        return Arrays.stream(ids).mapToObj(SparseSetTest::brief).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String addDifference(SparseSet set, Model model, int id) {
        boolean ok = model.canAdd(id);
        int got;
        try {
            got = set.add(id);
        } catch (IllegalArgumentException e) {
            if (ok) {
                return "expected it to return " + model.packed.size() + ", but it threw " + e;
            }
            String unsigned = Integer.toUnsignedString(id);
            return String.valueOf(e.getMessage()).contains(unsigned) ? null
                    : "threw IllegalArgumentException(\"" + e.getMessage() + "\"), which does not name the id as " + unsigned;
        } catch (RuntimeException e) {
            return "expected " + (ok ? "it to return " + model.packed.size() : "an IllegalArgumentException") + ", but it threw " + e;
        }
        if (!ok) {
            return "expected an IllegalArgumentException (" + (id == EntityId.NULL ? "NULL is never a member"
                    : "slot " + EntityId.index(id) + " is already in the set") + "), but it returned " + got;
        }
        int want = model.packed.size();
        model.add(id);
        return got == want ? null : "expected it to return " + want + " (the old size), but it returned " + got;
    }

    private static String removeDifference(SparseSet set, Model model, int id) {
        boolean member = model.indexOf(id) != ABSENT;
        String d = Property.compare(member, () -> set.remove(id));
        if (member) {
            model.remove(id);
        }
        return d == null ? null : d + (member ? "" : " (exactly this id is not in the set)");
    }

    /** each over the set {@code ops} builds, removing none (mode 0), every id (1) or every other id (2) it visits. */
    private static String eachDifference(List<Op> ops, int mode) {
        SparseSet set = new SparseSet();
        Model model = new Model();
        for (Op op : ops) {
            set.add(op.id());
            model.add(op.id());
        }
        List<Integer> expected = new ArrayList<>(model.packed);
        java.util.Collections.reverse(expected);
        List<Integer> visited = new ArrayList<>();
        String how = mode == 0 ? "" : mode == 1 ? ", removing every id it visits" : ", removing every other id it visits";
        try {
            set.each(id -> {
                visited.add(id);
                if (mode == 1 || mode == 2 && visited.size() % 2 == 1) {
                    set.remove(id);
                }
            });
        } catch (RuntimeException e) {
            return "each" + how + " threw " + e + " after visiting " + visited.stream().map(SparseSetTest::brief).toList();
        }
        if (!visited.equals(expected)) {
            return "each" + how + " should visit " + expected.stream().map(SparseSetTest::brief).toList()
                    + " (last position first, each id once) but visited " + visited.stream().map(SparseSetTest::brief).toList();
        }
        for (int k = 0; k < expected.size(); k++) {
            if (mode == 1 || mode == 2 && k % 2 == 0) {
                model.remove(expected.get(k));
            }
        }
        int[] want = model.toArray();
        int[] left = set.toArray();
        Arrays.sort(want);
        Arrays.sort(left);
        return Arrays.equals(want, left) ? null
                : "after each" + how + ", the set should hold " + briefs(want) + " but holds " + briefs(left);
    }

    @Test
    @Task(id = "2.2", points = 1)
    @DisplayName("indexOf and contains agree with a model on 1,000 sets: every slot on the sparse array's edges, stale ids, NULL")
    void lookupsAgreeWithTheModel() {
        List<int[]> sets = new ArrayList<>();
        for (int[] set : new int[][] {
            {}, {id(0, 0)}, {id(7, 1)}, {id(8, 0)}, {id(15, 2048)}, {id(16, 4095)}, {id(EntityId.INDEX_MASK, 5)},
            {id(EntityId.MAX_INDEX, 4094)}, {id(0, 0), id(1, 0), id(2, 0), id(3, 0), id(4, 0), id(5, 0), id(6, 0), id(7, 0)},
        }) {
            sets.add(set);
        }
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 1000; i++) {
            Model model = new Model();
            int size = random.nextInt(i < 500 ? 6 : 40);
            for (int k = 0; k < size; k++) {
                int id = randomId(random);
                if (model.canAdd(id)) {
                    model.add(id);
                }
            }
            sets.add(model.toArray());
        }
        List<Integer> edges = new ArrayList<>(List.of(EntityId.NULL, id(EntityId.INDEX_MASK, 0), id(EntityId.INDEX_MASK, 4094)));
        for (int bit = 0; bit <= 20; bit++) { // around every length the sparse array can have
            for (int index : new int[] {(1 << bit) - 1, 1 << bit, (1 << bit) + 1}) {
                if (index <= EntityId.INDEX_MASK) {
                    edges.add(id(index, 0));
                    edges.add(id(index, 2048));
                }
            }
        }
        Property.forAll("indexOf/contains", sets, ids -> {
            SparseSet set = new SparseSet();
            for (int id : ids) {
                try {
                    set.add(id);
                } catch (RuntimeException e) {
                    return "add(" + brief(id) + ") threw " + e + " while building the set: fix add first (Task 2.1)";
                }
            }
            Model model = new Model();
            List<Integer> queries = new ArrayList<>();
            for (int id : ids) {
                model.add(id);
                queries.add(id);
                for (int version : new int[] {0, 1, 2048, 4095, EntityId.nextVersion(EntityId.version(id))}) {
                    queries.add(id(EntityId.index(id), version));
                }
            }
            queries.addAll(edges);
            for (int q : queries) {
                String d = Property.compare(model.indexOf(q), () -> set.indexOf(q));
                if (d != null) {
                    return "indexOf(" + brief(q) + "): " + d;
                }
                d = Property.compare(model.indexOf(q) != ABSENT, () -> set.contains(q));
                if (d != null) {
                    return "contains(" + brief(q) + "): " + d;
                }
            }
            return null;
        }, Comparator.comparingInt(ids -> ids.length), ids -> "the set " + briefs(ids));
    }

    // ---- complexity: an operation the README calls O(1) must take as long in a big set as in a small one ----

    /** Keeps the JIT from dropping calls whose answers are not used. */
    private static volatile long sink;

    /** How many ids the big set holds: a walk over it costs tens of thousands of steps per call. */
    private static final int BIG = 1 << 16;

    /** A round of calls; returns the nanoseconds its calls took (setup not counted). */
    private interface Round {
        long nanos();
    }

    /**
     * Times rounds of the same number of calls on small sets and on a set of {@link #BIG} ids, interleaved, and keeps
     * the fastest round of each (a round slowed down by the machine does not count). O(1) calls take about as long in
     * both; a call that walks the set takes thousands of times longer in the big one.
     */
    private static void assertConstantTime(String operation, Round small, Round big, String hint) {
        long bestSmall = Long.MAX_VALUE;
        long bestBig = Long.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            bestSmall = Math.min(bestSmall, small.nanos());
            bestBig = Math.min(bestBig, big.nanos());
            if (round >= 2 && bestBig <= allowed(bestSmall)) {
                return;
            }
        }
        long s = bestSmall;
        long b = bestBig;
        fail(operation + " is not O(1): 1,024 calls took " + millis(b) + " ms in a set of " + BIG + " ids, " + millis(s)
                + " ms in sets of 8 ids (allowed: " + millis(allowed(s)) + " ms), so the time grows with the set. " + hint);
    }

    private static long allowed(long small) {
        return Math.max(10 * small, 1_000_000);
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** A set of BIG ids in slots 0..BIG-1 (shuffled, with versions), built with add. */
    private static SparseSet bigSet(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] slots = new int[BIG];
        for (int i = 0; i < BIG; i++) {
            slots[i] = i;
        }
        for (int i = BIG - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = slots[i];
            slots[i] = slots[j];
            slots[j] = t;
        }
        SparseSet set = new SparseSet();
        for (int slot : slots) {
            set.add(id(slot, random.nextInt(EntityId.TOMBSTONE_VERSION)));
        }
        return set;
    }

    @Test
    @Task(id = "2.1", points = 1)
    @DisplayName("add and size take as long in a set of 65,536 ids as in a set of 8 (O(1): no walk over the set)")
    void addIsConstantTime() {
        SparseSet big = bigSet(31);
        int[] next = {BIG};
        Round small = () -> {
            SparseSet[] sets = new SparseSet[128];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = new SparseSet();
                sets[i].add(id(9, 0)); // grown to their first sizes before the clock starts
            }
            long start = System.nanoTime();
            long sum = 0;
            for (SparseSet set : sets) {
                for (int slot = 1; slot <= 8; slot++) {
                    sum += set.add(id(slot, 1)) + set.size();
                }
            }
            long nanos = System.nanoTime() - start;
            sink += sum;
            return nanos;
        };
        Round many = () -> {
            long start = System.nanoTime();
            long sum = 0;
            for (int k = 0; k < 1024; k++) {
                sum += big.add(id(next[0]++, 1)) + big.size();
            }
            long nanos = System.nanoTime() - start;
            sink += sum;
            return nanos;
        };
        assertConstantTime("add (with size)", small, many,
                "add must find out whether the slot is taken from sparse[index], not by walking packed or a copy (Task 2.1)");
    }

    @Test
    @Task(id = "2.2", points = 1)
    @DisplayName("indexOf and contains take as long in a set of 65,536 ids as in a set of 8 (O(1): two array reads)")
    void lookupsAreConstantTime() {
        SparseSet big = bigSet(32);
        int[] members = big.toArray();
        int[] bigQueries = new int[1024];
        for (int k = 0; k < bigQueries.length; k++) { // stale ids and members from the middle of packed
            int member = members[BIG / 4 + k * (BIG / 2) / bigQueries.length];
            bigQueries[k] = k % 2 == 0 ? member : id(EntityId.index(member), EntityId.nextVersion(EntityId.version(member)));
        }
        SparseSet eight = setOf(id(0, 0), id(1, 0), id(2, 0), id(3, 0), id(4, 0), id(5, 0), id(6, 0), id(7, 0));
        int[] smallQueries = new int[1024];
        for (int k = 0; k < smallQueries.length; k++) {
            smallQueries[k] = id(k % 8, k % 2);
        }
        Round small = () -> lookups(eight, smallQueries);
        Round many = () -> lookups(big, bigQueries);
        assertConstantTime("indexOf (with contains)", small, many,
                "indexOf must read sparse[index], then compare the id in packed at that position: no walk (Task 2.2)");
    }

    private static long lookups(SparseSet set, int[] queries) {
        long start = System.nanoTime();
        long sum = 0;
        for (int q : queries) {
            sum += set.indexOf(q) + (set.contains(q) ? 1 : 0);
        }
        long nanos = System.nanoTime() - start;
        sink += sum;
        return nanos;
    }

    @Test
    @Task(id = "2.3", points = 1)
    @DisplayName("remove takes as long in a set of 65,536 ids as in a set of 8 (O(1): swap-and-pop, no walk)")
    void removeIsConstantTime() {
        SparseSet big = bigSet(33);
        Round small = () -> {
            SparseSet[] sets = new SparseSet[128];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = setOf(id(0, 0), id(1, 0), id(2, 0), id(3, 0), id(4, 0), id(5, 0), id(6, 0), id(7, 0));
            }
            long start = System.nanoTime();
            long sum = 0;
            for (SparseSet set : sets) {
                for (int slot : new int[] {3, 4, 2, 5, 1, 6, 0, 7}) {
                    sum += set.remove(id(slot, 0)) ? 1 : 0;
                }
            }
            long nanos = System.nanoTime() - start;
            sink += sum;
            return nanos;
        };
        Round many = () -> {
            int[] members = big.toArray();
            int[] victims = new int[1024];
            for (int k = 0; k < victims.length; k++) { // from the middle of packed: a walk from either end is long
                victims[k] = members[BIG / 4 + k * (BIG / 2) / victims.length];
            }
            long start = System.nanoTime();
            long sum = 0;
            for (int victim : victims) {
                sum += big.remove(victim) ? 1 : 0;
            }
            long nanos = System.nanoTime() - start;
            sink += sum;
            for (int victim : victims) {
                big.add(victim);
            }
            return nanos;
        };
        assertConstantTime("remove", small, many,
                "remove must find the position with sparse (indexOf), then move the last id into the hole: no walk (Task 2.3)");
    }
}
