package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparseSetTest {

    @Test
    void sparseAndPackedPointAtEachOther() {
        SparseSet set = new SparseSet();
        set.add(EntityId.of(3, 0));
        set.add(EntityId.of(1, 0));
        assertArrayEquals(new int[] {3, 1}, set.toArray());
        assertEquals(0, set.sparseEntry(3));
        assertEquals(1, set.sparseEntry(1));
        assertEquals(-1, set.sparseEntry(2));
        assertEquals(1, set.positionOf(1));
    }

    @Test
    void removeMovesTheLastIntoTheHole() {
        SparseSet set = new SparseSet();
        for (int i = 0; i < 4; i++) {
            set.add(i);
        }
        assertEquals(1, set.remove(1));
        assertArrayEquals(new int[] {0, 3, 2}, set.toArray());
        assertEquals(1, set.sparseEntry(3));
        assertEquals(-1, set.sparseEntry(1));
        assertEquals(-1, set.remove(1));
        assertEquals(2, set.remove(2)); // the last one: nothing moves
        assertArrayEquals(new int[] {0, 3}, set.toArray());
    }

    @Test
    void membershipComparesTheVersionToo() {
        SparseSet set = new SparseSet();
        set.add(EntityId.of(5, 2));
        assertTrue(set.contains(EntityId.of(5, 2)));
        assertFalse(set.contains(EntityId.of(5, 1)));
        assertFalse(set.contains(EntityId.of(5, 3)));
        assertFalse(set.contains(EntityId.NULL));
        assertEquals(-1, set.remove(EntityId.of(5, 1)));
        assertEquals(1, set.size());
    }

    @Test
    void pagesAreAllocatedOnlyWhereSlotsAreUsed() {
        SparseSet set = new SparseSet();
        set.add(1_000_000);
        assertEquals(1, set.pageCount());
        set.add(1_000_001);
        set.add(0);
        assertEquals(2, set.pageCount());
        assertTrue(set.contains(1_000_000));
        assertFalse(set.contains(999_999));
    }

    @Test
    void addingAnOccupiedSlotFails() {
        SparseSet set = new SparseSet();
        set.add(EntityId.of(7, 0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> set.add(EntityId.of(7, 1)));
        assertEquals("slot 7 is already in the set", e.getMessage());
    }

    @Test
    void storageKeepsValuesParallelToPackedThroughSwaps() {
        Storage<String> storage = new Storage<>(String.class);
        for (int i = 0; i < 20; i++) {
            storage.insert(i, "v" + i);
        }
        storage.remove(0);
        storage.remove(7);
        for (int i = 0; i < storage.size(); i++) {
            assertEquals("v" + storage.entityAt(i), storage.valueAt(i));
        }
        assertEquals(null, storage.getOrNull(7));
        assertEquals("v19", storage.getOrNull(19));
    }

    @Test
    void positionsOutsideTheSetAreRefusedAndSlotsOutsideItAreAbsent() {
        Storage<String> storage = new Storage<>(String.class);
        assertTrue(storage.isEmpty());
        storage.insert(EntityId.of(0, 0), "zero");
        storage.insert(EntityId.of(5, 0), "five");
        assertFalse(storage.isEmpty());
        assertEquals(0, storage.sparseEntry(0));
        assertEquals(1, storage.sparseEntry(5));
        assertEquals(-1, storage.sparseEntry(-1));
        assertEquals(-1, storage.sparseEntry(SparseSet.PAGE_SIZE)); // the first page not yet allocated
        assertEquals(-1, storage.sparseEntry(SparseSet.PAGE_SIZE * 3));
        IndexOutOfBoundsException entity = assertThrows(IndexOutOfBoundsException.class, () -> storage.entityAt(2));
        assertEquals("position 2 of 2", entity.getMessage());
        IndexOutOfBoundsException value = assertThrows(IndexOutOfBoundsException.class, () -> storage.valueAt(2));
        assertEquals("position 2 of 2", value.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> storage.valueAt(-1));
        assertEquals("Storage<String>[2]", storage.toString());
    }

    @Test
    void storageRemovalReportsWhereTheIdWas() {
        Storage<String> storage = new Storage<>(String.class);
        for (int i = 0; i < 3; i++) {
            storage.insert(i, "v" + i);
        }
        assertEquals(1, storage.remove(1));
        assertEquals(-1, storage.remove(1));
        assertEquals("v2", storage.valueAt(1));
        assertNull(storage.getOrNull(1));
    }

    @Test
    void aStaleIdGetsNullNeverTheComponentNowInItsSlot() {
        Storage<String> storage = new Storage<>(String.class);
        int[] versions = {0, 1, 2, 4093, 4094}; // every few, and the last before the tombstone
        for (int version : versions) {
            int id = EntityId.of(3, version);
            storage.insert(id, "v" + version);
            for (int other : versions) {
                int asked = EntityId.of(3, other);
                assertEquals(other == version ? "v" + version : null, storage.getOrNull(asked), EntityId.describe(asked));
            }
            assertNull(storage.getOrNull(EntityId.of(3, EntityId.TOMBSTONE_VERSION)));
            storage.remove(id);
            assertNull(storage.getOrNull(id), "removed");
        }
        storage.insert(EntityId.of(3, 7), "seven");
        storage.set(storage.positionOf(EntityId.of(3, 7)), "SEVEN");
        assertEquals("SEVEN", storage.getOrNull(EntityId.of(3, 7)));
        assertNull(storage.getOrNull(EntityId.of(3, 8)));
        assertNull(storage.getOrNull(EntityId.of(4, 7)), "a slot never held");
        assertNull(storage.getOrNull(EntityId.NULL));
        assertNull(storage.getOrNull(EntityId.of(EntityId.MAX_INDEX, 0)), "beyond the slots held");
    }
}
