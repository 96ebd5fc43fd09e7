package dev.ecswasm.ecs;

import java.util.Objects;

/** Test-only reads of a registry's entity pool, reached from any storage it made. */
public final class RegistryProbe {
    private RegistryProbe() {}

    /** The registry that made this storage. */
    public static Registry of(Storage<?> storage) {
        return Objects.requireNonNull(storage.registry, "a stand-alone storage belongs to no registry");
    }

    /**
     * Leaves a live entity marked "being destroyed", as a destroy that stopped half-way once did: a
     * stuck entity, for the checker to find. Nothing outside a test can do this any more.
     */
    public static void strandHalfDestroyed(Registry registry, int id) {
        registry.requireValid(id);
        registry.pool().startDestroying(id);
    }

    /** Puts a component straight into a storage, no checks, no signals: e.g. one on a dead entity. */
    public static <T> void plant(Storage<T> storage, int id, T value) {
        storage.insert(id, value);
    }

    /** The ids the next creates will return from free slots, in order (before any new slot is opened). */
    public static int[] nextIds(Registry registry) {
        int[] slots = registry.freeSlots();
        int[] ids = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            ids[i] = EntityId.of(slots[i], registry.version(slots[i]));
        }
        return ids;
    }
}
