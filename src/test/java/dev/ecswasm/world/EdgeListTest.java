package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.ecs.EntityId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeListTest {

    @Test
    void keepsInsertionOrderUntilARemovalSwapsTheLastIn() {
        EdgeList list = new EdgeList();
        assertTrue(list.add(10));
        assertTrue(list.add(11));
        assertTrue(list.add(12));
        assertFalse(list.add(11));
        assertArrayEquals(new int[] {10, 11, 12}, list.toArray());
        assertTrue(list.remove(10));
        assertArrayEquals(new int[] {12, 11}, list.toArray());
        assertFalse(list.remove(10));
    }

    @Test
    void refusesTheNullEntity() {
        assertThrows(IllegalArgumentException.class, () -> new EdgeList().add(EntityId.NULL));
    }

    /** Random adds and removes across the scan-to-index threshold, checked against a HashSet. */
    @Test
    void agreesWithASetThroughThousandsOfRandomChanges() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            EdgeList list = new EdgeList();
            Set<Integer> model = new HashSet<>();
            int range = seed % 2 == 0 ? 40 : 3000; // small lists stay scanned, large ones get indexed
            for (int step = 0; step < 5000; step++) {
                int id = EntityId.of(random.nextInt(range), random.nextInt(4));
                if (random.nextInt(3) == 0) {
                    assertEquals(model.remove(id), list.remove(id), "seed " + seed + " step " + step);
                } else {
                    assertEquals(model.add(id), list.add(id), "seed " + seed + " step " + step);
                }
                assertEquals(model.size(), list.size());
            }
            Set<Integer> held = new HashSet<>();
            for (int id : list.toArray()) {
                held.add(id);
                assertTrue(list.contains(id));
            }
            assertEquals(model, held, "seed " + seed);
        }
    }

    /**
     * Seeded random adds and removes against a list model that removes the same way (last id into the
     * hole): after every step the order, the contents, and every member's lookup must agree. The list
     * swings between 0 and 45 ids, crossing the scan-to-index threshold both ways many times. Each
     * seed draws its ids from its own pool of 96 anywhere in the id space, so that across the seeds
     * probe runs start in every part of the index, including runs that wrap around its end.
     */
    @Test
    void agreesWithASwapRemoveModelInOrderAfterEveryStep() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int[] pool = new int[96];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = EntityId.of(random.nextInt(1 << 20), random.nextInt(4095));
            }
            EdgeList list = new EdgeList();
            List<Integer> model = new ArrayList<>();
            boolean growing = true;
            int crossings = 0;
            for (int step = 0; step < 4000; step++) {
                int id = pool[random.nextInt(pool.length)];
                if (growing ? model.size() >= 45 : model.isEmpty()) {
                    growing = !growing;
                    crossings++;
                }
                String where = "seed " + seed + " step " + step;
                if (random.nextInt(4) == 0 ? growing : !growing) { // remove: a member half the time
                    id = !model.isEmpty() && random.nextBoolean() ? model.get(random.nextInt(model.size())) : id;
                    int at = model.indexOf(id);
                    if (at >= 0) {
                        model.set(at, model.get(model.size() - 1));
                        model.remove(model.size() - 1);
                    }
                    assertEquals(at >= 0, list.remove(id), where);
                } else {
                    boolean fresh = !model.contains(id);
                    if (fresh) {
                        model.add(id);
                    }
                    assertEquals(fresh, list.add(id), where);
                }
                assertArrayEquals(model.stream().mapToInt(Integer::intValue).toArray(), list.toArray(), where);
                assertEquals(model.isEmpty(), list.isEmpty(), where);
                for (int i = 0; i < model.size(); i++) {
                    assertTrue(list.contains(model.get(i)), where);
                    assertEquals(model.get(i), list.get(i), where);
                }
                assertEquals(model.contains(id), list.contains(id), where);
            }
            assertTrue(crossings >= 3, "seed " + seed + " crossed between empty and full " + crossings + " times");
        }
    }

    @Test
    void readingOutsideTheListThrowsAndItPrintsItsIds() {
        EdgeList list = new EdgeList();
        assertEquals("[]", list.toString());
        list.add(3);
        list.add(EntityId.of(5, 1));
        assertEquals("[3, 1048581]", list.toString());
        assertEquals("position 2 of 2",
                assertThrows(IndexOutOfBoundsException.class, () -> list.get(2)).getMessage());
        assertEquals("position -1 of 2",
                assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1)).getMessage());
        assertEquals(EntityId.of(5, 1), list.get(1));
    }

    // ---------------------------------------------------------------- work, counted rather than timed

    /**
     * The work meter is live: a short list is scanned by design, and removing its last id looks at
     * every id before it. This is the linear behaviour the long-list tests below must not show.
     */
    @Test
    void theMeterSeesAShortListBeingScanned() {
        EdgeList list = listOf(EdgeList.INDEX_FROM);
        long before = list.examined();
        assertTrue(list.remove(list.get(EdgeList.INDEX_FROM - 1)));
        assertEquals(EdgeList.INDEX_FROM, list.examined() - before, "a scan looks at every id up to the one it finds");
        list.add(EntityId.of(EdgeList.INDEX_FROM - 1, 0));
        before = list.examined();
        list.add(EntityId.of(EdgeList.INDEX_FROM, 0)); // one past the threshold: the index is built
        assertEquals(EdgeList.INDEX_FROM + EdgeList.INDEX_FROM + 1, list.examined() - before,
                "the duplicate check scans the 16 ids, then building the index visits all 17 once");
    }

    /**
     * Removing ids from a list of a thousand and from one of a million looks at the same few slots
     * each time: the cost does not grow with the list (here about 4.5 slots per removal, 12 at worst).
     * A scan would look at half the list on average.
     */
    @Test
    void removingFromAMillionLooksAtNoMoreSlotsThanFromAThousand() {
        for (int length : new int[] {1_000, 1_000_000}) {
            EdgeList list = listOf(length);
            Random random = new Random(length);
            long worst = 0;
            long total = 0;
            for (int removal = 0; removal < 500; removal++) {
                int id = list.get(random.nextInt(list.size()));
                long before = list.examined();
                assertTrue(list.remove(id));
                long cost = list.examined() - before;
                assertTrue(cost >= 2, "finding the id and deleting it from the index look at a slot each: " + cost);
                worst = Math.max(worst, cost);
                total += cost;
            }
            assertTrue(worst <= 32, "the costliest of 500 removals from " + length + " ids looked at " + worst + " slots");
            assertTrue(total <= 500 * 8, "500 removals from " + length + " ids looked at " + total + " slots");
        }
    }

    /** Removal moves the last id into the hole and leaves every other id where it was (no shifting). */
    @Test
    void removalFromALongListMovesOnlyTheLastId() {
        EdgeList list = listOf(5000);
        int[] before = list.toArray();
        assertTrue(list.remove(before[10]));
        int[] expected = Arrays.copyOf(before, before.length - 1);
        expected[10] = before[before.length - 1];
        assertArrayEquals(expected, list.toArray());
    }

    /** Ids of slots 0..length-1, versions cycling through 0..3, in slot order. */
    private static EdgeList listOf(int length) {
        EdgeList list = new EdgeList();
        for (int i = 0; i < length; i++) {
            assertTrue(list.add(EntityId.of(i, i % 4)));
        }
        return list;
    }
}
