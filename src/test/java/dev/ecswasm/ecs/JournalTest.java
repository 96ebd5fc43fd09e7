package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the undo journal keeps alive after its atomic calls are over, and that reuse of its slots undoes right. */
class JournalTest {
    record Health(int points) {}

    record Name(String text) {}

    /** {@code count} new entities, each with a Health. */
    private static int[] healthy(Registry registry, int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = registry.create();
            registry.add(ids[i], new Health(i));
        }
        return ids;
    }

    @Test
    void smallCallsLeaveAtMostABoundedNumberOfOldValuesBehind() {
        Registry registry = new Registry();
        int[] ids = healthy(registry, 500);
        for (int id : ids) { // 500 small calls, each journals a removed value
            registry.atomically(() -> registry.remove(id, Health.class));
        }
        int held = registry.journal().heldReferences();
        assertTrue(held > 0, "small calls leave their few entries for the next to overwrite");
        assertTrue(held <= 2 * Journal.KEPT_STALE, "a target and a value per kept entry at most, got " + held);
    }

    @Test
    void aBigCallLetsGoOfEveryValueItJournalled() {
        Registry registry = new Registry();
        int[] ids = healthy(registry, 500);
        registry.atomically(() -> {
            for (int id : ids) {
                registry.destroy(id);
            }
            return null;
        });
        assertEquals(0, registry.size());
        assertEquals(0, registry.journal().heldReferences(), "500 destroys' removed values are not kept alive");
    }

    @ParameterizedTest(name = "an onDestroy listener: {0}")
    @ValueSource(booleans = {false, true})
    void anUndoneDestroyPutsEveryComponentBackWhereItWas(boolean listening) {
        // Without a listener the destroy removes each component at the position it looked up once
        // (ComponentWrites.removeAt); with one it looks again after the signal. Both must undo exactly.
        Registry registry = new Registry();
        int[] ids = healthy(registry, 5);
        for (int id : ids) {
            registry.add(id, new Name("n" + id));
        }
        if (listening) {
            registry.onDestroy(Health.class).connect((id, health) -> { });
        }
        int[] healthOrder = registry.storage(Health.class).toArray();
        int[] nameOrder = registry.storage(Name.class).toArray();
        assertThrows(RuntimeException.class, () -> registry.atomically(() -> {
            registry.destroy(ids[1]); // not the last: its removal moves the last member into its place
            assertEquals(4, registry.storage(Health.class).size());
            throw new RuntimeException("boom");
        }));
        assertArrayEquals(healthOrder, registry.storage(Health.class).toArray());
        assertArrayEquals(nameOrder, registry.storage(Name.class).toArray());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(new Health(i), registry.get(ids[i], Health.class));
            assertEquals(new Name("n" + ids[i]), registry.get(ids[i], Name.class));
        }
    }

    @Test
    void anIdOnlyEntryOverAForgottenOneUndoesOnlyWhatItNames() {
        Registry registry = new Registry();
        int keep = registry.create();
        registry.add(keep, new Name("kept"));
        int other = registry.create();
        registry.add(other, new Health(7));
        registry.atomically(() -> registry.remove(other, Health.class)); // leaves a REMOVED entry's storage and value behind
        int doomed = registry.create();
        RuntimeException boom = assertThrows(RuntimeException.class, () -> registry.atomically(() -> {
            registry.destroy(doomed); // DYING and RELEASED land in the slots the REMOVED entry used
            throw new RuntimeException("boom");
        }));
        assertEquals("boom", boom.getMessage());
        assertTrue(registry.valid(doomed), "the destroy was undone");
        assertFalse(registry.has(other, Health.class), "the old removal, a finished call, stays done");
        assertEquals(new Name("kept"), registry.get(keep, Name.class));
        assertEquals(3, registry.size());
    }
}
