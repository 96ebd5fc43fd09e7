package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EntityIdTest {

    @Test
    void indexTakesTheLow20BitsAndVersionTheHigh12() {
        int id = EntityId.of(0xABCDE, 0x123);
        assertEquals(0x123ABCDE, id);
        assertEquals(0xABCDE, EntityId.index(id));
        assertEquals(0x123, EntityId.version(id));
    }

    @Test
    void nullIsAllOnesWithTheTombstoneVersion() {
        assertEquals(0xFFFFFFFF, EntityId.NULL);
        assertEquals(EntityId.INDEX_MASK, EntityId.index(EntityId.NULL));
        assertEquals(EntityId.TOMBSTONE_VERSION, EntityId.version(EntityId.NULL));
        assertEquals("4294967295", EntityId.toString(EntityId.NULL));
    }

    @Test
    void nextVersionSkipsTheTombstoneAndWrapsToZero() {
        assertEquals(1, EntityId.nextVersion(0));
        assertEquals(0xFFE, EntityId.nextVersion(0xFFD));
        assertEquals(0, EntityId.nextVersion(0xFFE));
    }

    @Test
    void outOfRangePartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EntityId.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> EntityId.of(1 << 20, 0));
        assertThrows(IllegalArgumentException.class, () -> EntityId.of(0, 0x1000));
    }

    @Test
    void describeShowsDecimalHexIndexAndVersion() {
        assertEquals("1048579 (index 3, version 1)", EntityId.describe(EntityId.of(3, 1)));
        assertEquals("null (4294967295)", EntityId.describe(EntityId.NULL));
    }

    @Test
    void theTopIndexAndTheTopVersionAreInRange() {
        assertEquals(0x000FFFFF, EntityId.of(EntityId.INDEX_MASK, 0));
        assertEquals(EntityId.INDEX_MASK, EntityId.index(EntityId.of(EntityId.INDEX_MASK, 5)));
        assertEquals(0xFFF00000, EntityId.of(0, EntityId.VERSION_MASK));
    }
}
