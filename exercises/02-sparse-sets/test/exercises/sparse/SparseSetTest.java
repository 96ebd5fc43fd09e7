package exercises.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.grader.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
    @DisplayName("add rejects NULL and a slot already in the set, and changes nothing")
    void addRejectsNullAndTakenSlots() {
        int member = id(3, 1);
        SparseSet set = setOf(member);
        assertRejected(set, EntityId.NULL, "the null entity is never a member");
        assertRejected(set, member, "it is already in the set");
        assertRejected(set, id(3, 2048), "slot 3 is already in the set (as version 1)");
        assertEquals(1, set.size(), () -> "size() after one add and three refused adds (Task 2.1)");
        assertPacked(new int[] {member}, set, "three refused adds");
        assertSparse(0, set, 3, "three refused adds");
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
    @DisplayName("2,000 random adds and removes keep packed and sparse pointing at each other")
    void randomAddsAndRemovesKeepTheInvariant() {
        Random random = new Random(2024);
        SparseSet set = new SparseSet();
        List<Integer> model = new ArrayList<>(); // the packed array as swap-and-pop must leave it
        int[] versions = new int[64];
        for (int step = 0; step < 2000; step++) {
            int index = random.nextInt(versions.length);
            int id = id(index, versions[index]);
            int position = model.indexOf(id);
            if (position < 0) {
                set.add(id);
                model.add(id);
            } else {
                boolean removed = set.remove(id);
                int stepNo = step;
                assertEquals(true, removed, () -> "step " + stepNo + ": remove(" + show(id) + ") of a member (Task 2.3)");
                int last = model.remove(model.size() - 1);
                if (position < model.size()) {
                    model.set(position, last);
                }
                versions[index] = versions[index] == 4094 ? 0 : versions[index] + 1;
            }
            int[] expected = model.stream().mapToInt(Integer::intValue).toArray();
            assertPacked(expected, set, "step " + step + " (" + (position < 0 ? "add " : "remove ") + show(id) + ")");
            for (int p = 0; p < expected.length; p++) {
                assertSparse(p, set, EntityId.index(expected[p]), "step " + step);
            }
        }
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
    }
}
