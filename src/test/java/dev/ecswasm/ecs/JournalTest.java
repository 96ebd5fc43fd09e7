package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
