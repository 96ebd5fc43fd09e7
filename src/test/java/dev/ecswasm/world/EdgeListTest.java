package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.ecs.EntityId;
import java.util.HashSet;
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
}
