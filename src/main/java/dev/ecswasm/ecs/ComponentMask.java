package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * Which of a registry's first 64 storages hold something at each entity slot: one long per slot,
 * bit {@code i} for the storage created {@code i}-th. {@link Registry#destroy} reads it to visit only
 * the storages that may hold the dying entity instead of asking every storage.
 *
 * <p>The storages keep it themselves, in {@link Storage#add} and {@link Storage#remove} (the only
 * writers of a storage's membership, undo included), so a set bit means "holds an id at this slot"
 * and no storage holds an id whose bit is clear. A set bit is still checked against the id's version.
 */
final class ComponentMask {
    static final int BITS = Long.SIZE;

    private long[] bySlot = new long[0];

    /** The bits of the slot. */
    long at(int index) {
        return index < bySlot.length ? bySlot[index] : 0L;
    }

    /** Grows to hold {@code index}, doubling; allocation only, called before a storage changes. */
    void hold(int index) {
        if (index < bySlot.length) {
            return;
        }
        int capacity = Math.min(EntityId.MAX_INDEX + 1, Math.max(index + 1, Math.max(64, bySlot.length * 2)));
        bySlot = Arrays.copyOf(bySlot, capacity);
    }

    /** Marks the slot as held by storage {@code bit}; {@link #hold} must have made room. A plain write. */
    void set(int index, int bit) {
        bySlot[index] |= 1L << bit;
    }

    /** Marks the slot as no longer held by storage {@code bit}. A plain write. */
    void clear(int index, int bit) {
        if (index < bySlot.length) {
            bySlot[index] &= ~(1L << bit);
        }
    }
}
