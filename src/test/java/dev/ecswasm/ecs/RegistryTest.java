package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RegistryTest {
    record Position(float x, float y) {}

    record Health(int hp) {}

    private final Registry registry = new Registry();

    @Test
    void idsStartAtZeroAndCountUp() {
        assertEquals(0, registry.create());
        assertEquals(1, registry.create());
        assertEquals(2, registry.create());
        assertEquals(3, registry.size());
    }

    @Test
    void releasedSlotsAreReusedLastInFirstOutWithTheVersionBumped() {
        int a = registry.create();
        int b = registry.create();
        int c = registry.create();
        registry.destroy(a);
        registry.destroy(c);
        assertArrayEquals(new int[] {2, 0}, registry.freeSlots());
        assertEquals(EntityId.of(2, 1), registry.create());
        assertEquals(EntityId.of(0, 1), registry.create());
        assertEquals(EntityId.of(3, 0), registry.create());
        assertTrue(registry.valid(b));
        assertFalse(registry.valid(a));
        assertFalse(registry.valid(c));
    }

    @Test
    void validIsFalseForNullStaleNeverIssuedAndTombstoneIds() {
        int a = registry.create();
        registry.destroy(a);
        int again = registry.create();
        assertFalse(registry.valid(EntityId.NULL));
        assertFalse(registry.valid(a));
        assertTrue(registry.valid(again));
        assertFalse(registry.valid(EntityId.of(1, 0)));
        assertFalse(registry.valid(EntityId.of(0, EntityId.TOMBSTONE_VERSION)));
        assertFalse(registry.valid(EntityId.of(0, 2)));
    }

    @Test
    void whyInvalidNamesTheReason() {
        int a = registry.create();
        registry.destroy(a);
        int b = registry.create();
        assertEquals("the null entity names nothing", registry.whyInvalid(EntityId.NULL));
        assertEquals("entity 0 (index 0, version 0) is stale: slot 0 now holds"
                + " 1048576 (index 0, version 1)", registry.whyInvalid(a));
        assertEquals("entity 5 (index 5, version 0) was never issued (only 1 slots exist)",
                registry.whyInvalid(5));
        registry.destroy(b);
        assertEquals("entity 1048576 (index 0, version 1) is stale: slot 0 is free"
                + " and its next id has version 2", registry.whyInvalid(b));
    }

    @Test
    void versionWrapsToZeroAfter4095ReusesOfOneSlot() {
        int first = registry.create();
        int id = first;
        for (int reuse = 1; reuse <= 4094; reuse++) {
            registry.destroy(id);
            id = registry.create();
            assertEquals(reuse, EntityId.version(id));
            assertEquals(0, EntityId.index(id));
        }
        assertEquals(0xFFE, EntityId.version(id));
        registry.destroy(id);
        int wrapped = registry.create(); // the 4095th reuse: 0xFFF is skipped
        assertEquals(first, wrapped);
        assertTrue(registry.valid(first), "after a full cycle the very first id names a live entity again");
    }

    @Test
    void theTwentyBitIndexRunsOutWithAClearError() {
        for (int i = 0; i <= EntityId.MAX_INDEX; i++) {
            registry.create();
        }
        EntityLimitException e = assertThrows(EntityLimitException.class, registry::create);
        assertEquals("all 1048575 entity slots are in use; the 20-bit index is exhausted", e.getMessage());
        registry.destroy(EntityId.of(17, 0));
        assertEquals(EntityId.of(17, 1), registry.create());
    }

    @Test
    void componentsAreAddedReadReplacedAndRemoved() {
        int e = registry.create();
        registry.add(e, new Health(10));
        assertTrue(registry.has(e, Health.class));
        assertFalse(registry.has(e, Position.class));
        assertEquals(new Health(10), registry.get(e, Health.class));
        registry.replace(e, new Health(7));
        assertEquals(new Health(7), registry.tryGet(e, Health.class));
        assertTrue(registry.remove(e, Health.class));
        assertFalse(registry.remove(e, Health.class));
        assertNull(registry.tryGet(e, Health.class));
        assertEquals(List.of(), registry.componentTypes(e));
    }

    @Test
    void misuseOfComponentsIsNamed() {
        int e = registry.create();
        registry.add(e, new Health(1));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> registry.add(e, new Health(2)));
        assertEquals("entity 0 (index 0, version 0) already has a Health; use replace or addOrReplace",
                twice.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> registry.replace(e, new Position(0, 0)));
        assertEquals("entity 0 (index 0, version 0) has no Position to replace", none.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> registry.get(e, Position.class));
        assertEquals("entity 0 (index 0, version 0) has no Position", missing.getMessage());
        assertEquals(new Health(1), registry.get(e, Health.class), "failed calls changed nothing");
    }

    @Test
    void everyCallRejectsStaleIdsAndChangesNothing() {
        int stale = registry.create();
        registry.add(stale, new Health(1));
        registry.destroy(stale);
        int live = registry.create(); // same slot, next version
        registry.add(live, new Health(2));
        List<Executable> calls = List.of(
                () -> registry.destroy(stale),
                () -> registry.add(stale, new Position(1, 1)),
                () -> registry.replace(stale, new Health(9)),
                () -> registry.addOrReplace(stale, new Health(9)),
                () -> registry.remove(stale, Health.class),
                () -> registry.get(stale, Health.class),
                () -> registry.tryGet(stale, Health.class),
                () -> registry.has(stale, Health.class),
                () -> registry.componentTypes(stale),
                () -> registry.requireValid(EntityId.NULL),
                () -> registry.add(EntityId.of(99, 0), new Health(1)));
        for (Executable call : calls) {
            InvalidEntityException e = assertThrows(InvalidEntityException.class, call);
            assertTrue(e.getMessage().contains("stale") || e.getMessage().contains("null")
                    || e.getMessage().contains("never issued"), e.getMessage());
        }
        assertEquals(1, registry.size());
        assertEquals(new Health(2), registry.get(live, Health.class));
        assertFalse(registry.has(live, Position.class));
    }

    @Test
    void destroyRemovesEveryComponent() {
        int a = registry.create();
        int b = registry.create();
        registry.add(a, new Health(1));
        registry.add(a, new Position(1, 2));
        registry.add(b, new Health(2));
        registry.destroy(a);
        assertEquals(1, registry.storage(Health.class).size());
        assertEquals(0, registry.storage(Position.class).size());
        assertEquals(new Health(2), registry.get(b, Health.class));
    }

    @Test
    void componentSignalsFireAfterAddAfterReplaceAndBeforeRemove() {
        List<String> events = new ArrayList<>();
        registry.onConstruct(Health.class).connect((e, h) ->
                events.add("construct " + h + " present=" + registry.has(e, Health.class)));
        registry.onUpdate(Health.class).connect((e, h) ->
                events.add("update " + h + " stored=" + registry.get(e, Health.class)));
        registry.onDestroy(Health.class).connect((e, h) ->
                events.add("destroy " + h + " present=" + registry.has(e, Health.class)));
        int e = registry.create();
        registry.add(e, new Health(3));
        registry.replace(e, new Health(4));
        registry.remove(e, Health.class);
        assertEquals(List.of(
                "construct Health[hp=3] present=true",
                "update Health[hp=4] stored=Health[hp=4]",
                "destroy Health[hp=4] present=true"), events);
    }

    @Test
    void theEntityDestroySignalFiresBeforeAnyComponentIsRemoved() {
        List<String> events = new ArrayList<>();
        int e = registry.create();
        registry.add(e, new Health(5));
        registry.add(e, new Position(1, 1));
        registry.onDestroyEntity().connect(dying -> events.add("entity: valid=" + registry.valid(dying)
                + " hp=" + registry.get(dying, Health.class).hp() + " has position=" + registry.has(dying, Position.class)));
        registry.onDestroy(Health.class).connect((dying, h) -> events.add("health: valid=" + registry.valid(dying)));
        registry.onDestroy(Position.class).connect((dying, p) -> events.add("position"));
        registry.destroy(e);
        assertEquals(List.of("entity: valid=true hp=5 has position=true", "health: valid=true", "position"), events);
        assertFalse(registry.valid(e));
    }

    @Test
    void aDestroyListenerThatThrowsVetoesTheDestruction() {
        int e = registry.create();
        registry.add(e, new Health(5));
        registry.onDestroyEntity().connect(dying -> {
            throw new IllegalStateException("not today");
        });
        IllegalStateException veto = assertThrows(IllegalStateException.class, () -> registry.destroy(e));
        assertEquals("not today", veto.getMessage());
        assertTrue(registry.valid(e));
        assertEquals(new Health(5), registry.get(e, Health.class));
        assertEquals(1, registry.size());
    }

    @Test
    void destroyingTheDyingEntityAgainFromItsSignalIsRefused() {
        int e = registry.create();
        List<String> seen = new ArrayList<>();
        registry.onDestroyEntity().connect(dying -> {
            IllegalStateException again = assertThrows(IllegalStateException.class, () -> registry.destroy(dying));
            seen.add(again.getMessage());
        });
        registry.destroy(e);
        assertEquals(List.of("entity 0 (index 0, version 0) is already being destroyed"), seen);
        assertFalse(registry.valid(e));
        assertEquals(0, registry.size());
    }

    @Test
    void disconnectedListenersHearNothing() {
        List<Integer> created = new ArrayList<>();
        Signal.Connection connection = registry.onCreateEntity().connect(created::add);
        registry.create();
        connection.disconnect();
        registry.create();
        assertEquals(List.of(0), created);
        assertEquals(0, registry.onCreateEntity().size());
    }

    @Test
    void theFirstSlotPastTheIssuedOnesIsNeverValid() {
        for (int i = 0; i < 64; i++) { // 64: exactly the first capacity of the slot array
            registry.create();
        }
        int next = EntityId.of(64, 0);
        assertFalse(registry.valid(next));
        assertEquals(64, registry.entities().length);
        assertEquals(64, registry.slotCount());
        assertEquals("entity 64 (index 64, version 0) was never issued (only 64 slots exist)",
                registry.whyInvalid(next));
    }

    @Test
    void aFreeSlotsNextIdIsNotValidBeforeItIsIssued() {
        int a = registry.create();
        registry.destroy(a);
        int future = EntityId.of(0, 1);
        assertFalse(registry.valid(future));
        assertEquals("entity 1048576 (index 0, version 1) is stale: slot 0 is free"
                + " and its next id has version 1", registry.whyInvalid(future));
        assertEquals(future, registry.create());
        assertTrue(registry.valid(future));
        assertEquals("entity 1048576 (index 0, version 1) is valid", registry.whyInvalid(future));
        assertEquals("entity 4293918720 (index 0, version 4095) carries the tombstone version,"
                + " which is never issued", registry.whyInvalid(EntityId.of(0, EntityId.TOMBSTONE_VERSION)));
    }

    @Test
    void freeSlotsListTheNextReusedFirst() {
        for (int i = 0; i < 5; i++) {
            registry.create();
        }
        registry.destroy(1);
        registry.destroy(3);
        registry.destroy(2);
        assertArrayEquals(new int[] {2, 3, 1}, registry.freeSlots());
        assertEquals(5, registry.slotCount());
        assertArrayEquals(new int[] {0, 4}, registry.entities());
    }

    @Test
    void writesReturnTheComponentTheyStored() {
        int e = registry.create();
        Health first = new Health(1);
        Health second = new Health(2);
        Health third = new Health(3);
        assertSame(first, registry.add(e, first));
        assertSame(second, registry.replace(e, second));
        assertSame(third, registry.addOrReplace(e, third));
        Position position = new Position(1, 2);
        assertSame(position, registry.addOrReplace(e, position));
        assertSame(third, registry.get(e, Health.class));
        assertSame(position, registry.get(e, Position.class));
    }

    @Test
    void storagesAreListedInCreationOrderAndCannotBeChangedThroughTheList() {
        registry.storage(Position.class);
        registry.storage(Health.class);
        List<Class<?>> types = new ArrayList<>();
        for (Storage<?> storage : registry.storages()) {
            types.add(storage.type());
        }
        assertEquals(List.of(Position.class, Health.class), types);
        assertThrows(UnsupportedOperationException.class, () -> registry.storages().clear());
    }

    @Test
    void anInvalidIdExceptionCarriesTheId() {
        registry.create();
        int e = registry.create(); // not 0, so the id cannot be mistaken for a default
        registry.destroy(e);
        InvalidEntityException thrown = assertThrows(InvalidEntityException.class, () -> registry.requireValid(e));
        assertEquals(e, thrown.entity());
        assertEquals(registry.whyInvalid(e), thrown.getMessage());
    }

    @Test
    void destroyPartOfCallIsUndoneByTheEnclosingCallAndOutsideOneIsDestroy() {
        Registry registry = new Registry();
        int a = registry.create();
        int b = registry.create();
        registry.add(a, new Position(1, 2));
        registry.add(b, new Position(3, 4));
        int[] before = registry.entities();
        int[] freeBefore = registry.freeSlots();
        registry.onDestroyEntity().connect(entity -> {
            if (entity == b) {
                throw new IllegalStateException("refused");
            }
        });
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> registry.atomically(() -> {
            registry.destroyPartOfCall(a); // done, then undone with the call
            registry.destroyPartOfCall(b); // refused half-way: its mark is undone with the call too
            return null;
        }));
        assertEquals("refused", refused.getMessage());
        assertArrayEquals(before, registry.entities());
        assertArrayEquals(freeBefore, registry.freeSlots());
        assertFalse(registry.isBeingDestroyed(b));
        assertEquals(new Position(1, 2), registry.get(a, Position.class));
        assertEquals(new Position(3, 4), registry.get(b, Position.class));

        registry.destroyPartOfCall(a); // no atomic call open: a plain destroy, which keeps its change
        assertFalse(registry.valid(a));
        assertThrows(IllegalStateException.class, () -> registry.destroyPartOfCall(b), "refused");
        assertTrue(registry.valid(b) && !registry.isBeingDestroyed(b), "its own rollback point took the mark back");
    }
}
