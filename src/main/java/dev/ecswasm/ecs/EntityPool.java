package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * The entity pool: which slots hold a live entity, the version each slot's id carries, and the
 * free slots waiting to be reused. EnTT keeps the same bookkeeping in its storage of entities,
 * beside the storages of components; the {@link Registry} keeps one of these.
 *
 * <p>A destroyed entity's slot gets its version bumped and goes on a free stack; the next
 * {@link #create()} takes the most recently freed slot (last in, first out), so the new id shares
 * the index but not the version, and the old id stays invalid.
 */
final class EntityPool {
    private static final int FREE = 0;
    private static final int ALIVE = 1;
    private static final int DYING = 2;
    private static final int STATE_SHIFT = 12;

    // Per slot, in one int so a validity check is one memory access: the low 12 bits hold the
    // version of the slot's current (or next) id, the bits above it FREE, ALIVE or DYING.
    private int[] slotInfo = new int[64];
    private int slots;                    // slots ever handed out
    private int[] freeStack = new int[16];
    private int freeCount;
    private int alive;

    /**
     * Issues a live id, reusing the most recently freed slot if there is one.
     *
     * @throws EntityLimitException if all 2^20 slots are live
     */
    int create() {
        // Every call and allocation comes before the first write (here and in the methods below), so
        // a StackOverflowError or OutOfMemoryError thrown on the way leaves the pool as it was.
        int index;
        if (freeCount > 0) {
            index = freeStack[freeCount - 1];
        } else {
            if (slots > EntityId.MAX_INDEX) {
                throw new EntityLimitException("all " + (EntityId.MAX_INDEX + 1)
                        + " entity slots are in use; the 20-bit index is exhausted");
            }
            index = slots;
            if (index == slotInfo.length) {
                slotInfo = Arrays.copyOf(slotInfo, index * 2); // a bigger copy: nothing visible changed
            }
        }
        int version = version(index);
        int id = EntityId.of(index, version);
        if (freeCount > 0) {
            freeCount--;
        } else {
            slots++;
        }
        slotInfo[index] = version | ALIVE << STATE_SHIFT;
        alive++;
        return id;
    }

    /**
     * Takes back the {@link #create()} that returned {@code id}, as long as nothing was created or
     * freed since: the slot goes back on the free stack, or is unopened if it was new.
     */
    void uncreate(int id, boolean reusedFreeSlot) {
        int index = EntityId.index(id);
        if (!valid(id) || state(index) != ALIVE) {
            return; // never created, or already undone
        }
        if (reusedFreeSlot) {
            if (freeCount == freeStack.length) {
                freeStack = Arrays.copyOf(freeStack, freeCount * 2);
            }
            slotInfo[index] = version(index) | FREE << STATE_SHIFT;
            freeStack[freeCount++] = index;
        } else {
            slotInfo[index] = 0; // an unopened slot: version 0, free, and past the end again
            slots = index;
        }
        alive--;
    }

    /** The id the next {@link #create()} will return (if it does not throw). */
    int peekId() {
        int index = freeCount > 0 ? freeStack[freeCount - 1] : slots;
        if (index > EntityId.MAX_INDEX) {
            return EntityId.NULL; // create will throw
        }
        return EntityId.of(index, index < slotInfo.length ? version(index) : 0);
    }

    /** True if the next {@link #create()} reuses a free slot rather than opening a new one. */
    boolean reusesFreeSlot() {
        return freeCount > 0;
    }

    /**
     * Marks a valid id as being destroyed; it stays valid until {@link #release}. Returns false if
     * it already is being destroyed.
     */
    boolean startDestroying(int id) {
        int index = EntityId.index(id);
        if (state(index) == DYING) {
            return false;
        }
        setState(index, DYING);
        return true;
    }

    /** Takes back {@link #startDestroying}: a listener refused the destruction. */
    void cancelDestroying(int id) {
        if (destroying(id)) {
            setState(EntityId.index(id), ALIVE);
        }
    }

    /** True if the id is valid and its entity is being destroyed. */
    boolean destroying(int id) {
        return valid(id) && state(EntityId.index(id)) == DYING;
    }

    /** Makes room on the free stack for {@code more} releases at once (allocation only: nothing observable changes). */
    void reserveFree(int more) {
        long wanted = (long) freeCount + more;
        if (wanted > freeStack.length) {
            freeStack = Arrays.copyOf(freeStack, (int) Math.min(Math.max(wanted, 2L * freeStack.length), Integer.MAX_VALUE - 8));
        }
    }

    /** Frees the slot of an entity being destroyed; its next id gets the next version. */
    void release(int id) {
        int index = EntityId.index(id);
        if (freeCount == freeStack.length) {
            freeStack = Arrays.copyOf(freeStack, freeCount * 2);
        }
        int next = EntityId.nextVersion(version(index)) | FREE << STATE_SHIFT;
        slotInfo[index] = next;
        alive--;
        freeStack[freeCount++] = index;
    }

    /** Takes back the {@link #release} of {@code id} if it was the last slot freed: it is dying again. */
    void unrelease(int id) {
        int index = EntityId.index(id);
        if (index >= slots || state(index) != FREE || freeCount == 0 || freeStack[freeCount - 1] != index
                || version(index) != EntityId.nextVersion(EntityId.version(id))) {
            return; // not released, or already undone
        }
        int info = EntityId.version(id) | DYING << STATE_SHIFT;
        freeCount--;
        slotInfo[index] = info;
        alive++;
    }

    /** True only for the id of a live (or dying) entity: false for null, stale and never-issued ids. */
    boolean valid(int id) {
        if (id == EntityId.NULL) {
            return false;
        }
        int index = EntityId.index(id);
        if (index >= slots) {
            return false;
        }
        int info = slotInfo[index];
        return (info & EntityId.VERSION_MASK) == EntityId.version(id) && info >>> STATE_SHIFT != FREE;
    }

    /** Throws an {@link InvalidEntityException} that says why, unless the id is {@link #valid}. */
    void requireValid(int id) {
        if (!valid(id)) {
            throw new InvalidEntityException(id, whyInvalid(id));
        }
    }

    /** A sentence explaining why an id is not valid, or that it is. */
    String whyInvalid(int id) {
        if (id == EntityId.NULL) {
            return "the null entity names nothing";
        }
        int index = EntityId.index(id);
        if (EntityId.version(id) == EntityId.TOMBSTONE_VERSION) {
            return "entity " + EntityId.describe(id) + " carries the tombstone version, which is never issued";
        }
        if (index >= slots) {
            return "entity " + EntityId.describe(id) + " was never issued (only " + slots + " slots exist)";
        }
        if (state(index) == FREE) {
            return "entity " + EntityId.describe(id) + " is stale: slot " + index
                    + " is free and its next id has version " + version(index);
        }
        if (version(index) != EntityId.version(id)) {
            return "entity " + EntityId.describe(id) + " is stale: slot " + index + " now holds "
                    + EntityId.describe(EntityId.of(index, version(index)));
        }
        return "entity " + EntityId.describe(id) + " is valid";
    }

    /** The number of live entities. */
    int size() {
        return alive;
    }

    /** The number of slots ever handed out (live plus free). */
    int slotCount() {
        return slots;
    }

    /** The ids of all live entities, by slot index. */
    int[] entities() {
        int[] out = new int[alive];
        int n = 0;
        for (int index = 0; index < slots; index++) {
            if (state(index) != FREE) {
                out[n++] = EntityId.of(index, version(index));
            }
        }
        return out;
    }

    /** The free slots in the order {@link #create()} will reuse them (next first). */
    int[] freeSlots() {
        int[] out = new int[freeCount];
        for (int i = 0; i < freeCount; i++) {
            out[i] = freeStack[freeCount - 1 - i];
        }
        return out;
    }

    /** The version of the slot's current id, or of its next one if the slot is free. */
    int version(int index) {
        return slotInfo[index] & EntityId.VERSION_MASK;
    }

    @Override
    public String toString() {
        return "EntityPool[" + alive + " live, " + freeCount + " free, " + slots + " slots]";
    }

    private int state(int index) {
        return slotInfo[index] >>> STATE_SHIFT;
    }

    private void setState(int index, int state) {
        slotInfo[index] = version(index) | state << STATE_SHIFT;
    }
}
