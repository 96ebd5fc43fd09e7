package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import java.util.Arrays;

/**
 * The entity ids at the far end of one entity's edges (its children, its courses, ...).
 *
 * <p>Add, contains and remove cost O(1) whatever the length, which is what keeps cleanup on destroy
 * at O(degree): removing a dying student from a course of a million students must not scan them.
 * Short lists (up to {@value #INDEX_FROM} ids) are scanned, since that is faster than hashing; longer
 * ones build an open-addressing index from id to position. Removal moves the last id into the hole,
 * like the storages do, so order is insertion order only until the first removal.
 */
public final class EdgeList {
    static final int INDEX_FROM = 16;
    private static final int EMPTY = EntityId.NULL; // never a member: the manager refuses null ids

    private int[] items = new int[4];
    private int size;
    private int[] keys;      // null until the list outgrows INDEX_FROM
    private int[] positions; // positions[i] = where keys[i] sits in items
    private int mask;
    private int shift;
    private long examined; // ids and slots looked at by lookups: lets a test tell O(1) from O(n) with no clock

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int get(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size);
        }
        return items[position];
    }

    public boolean contains(int id) {
        return positionOf(id) >= 0;
    }

    /** How many ids and index slots lookups and removals have looked at so far (a work meter for tests). */
    long examined() {
        return examined;
    }

    /** The backing array, valid up to {@link #size()}: for bulk reads inside this package. */
    int[] raw() {
        return items;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ", ").append(EntityId.toString(items[i]));
        }
        return out.append(']').toString();
    }

    /** Appends the id; returns false if it was already there. */
    boolean add(int id) {
        if (id == EMPTY) {
            throw new IllegalArgumentException("the null entity cannot be an edge");
        }
        if (contains(id)) {
            return false;
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size] = id;
        size++;
        if (keys != null) {
            if (size * 2 > keys.length) {
                rebuildIndex();
            } else {
                put(id, size - 1);
            }
        } else if (size > INDEX_FROM) {
            rebuildIndex();
        }
        return true;
    }

    /** Removes the id by moving the last one into its place; returns false if it was absent. */
    boolean remove(int id) {
        int position = positionOf(id);
        if (position < 0) {
            return false;
        }
        int last = items[size - 1];
        items[position] = last;
        size--;
        if (keys != null) {
            delete(id);
            if (last != id) {
                positions[slotOf(last)] = position;
            }
        }
        return true;
    }

    private int positionOf(int id) {
        if (keys == null) {
            for (int i = 0; i < size; i++) {
                examined++;
                if (items[i] == id) {
                    return i;
                }
            }
            return -1;
        }
        int slot = slotOf(id);
        return slot < 0 ? -1 : positions[slot];
    }

    private int home(int id) {
        return (id * 0x9E3779B9) >>> shift; // Fibonacci hashing: the top bits spread sequential ids
    }

    private int slotOf(int id) {
        for (int slot = home(id); ; slot = (slot + 1) & mask) {
            examined++;
            if (keys[slot] == id) {
                return slot;
            }
            if (keys[slot] == EMPTY) {
                return -1;
            }
        }
    }

    private void put(int id, int position) {
        int slot = home(id);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = id;
        positions[slot] = position;
    }

    /** Linear-probing delete without tombstones: shift later entries back into the gap. */
    private void delete(int id) {
        int gap = slotOf(id);
        for (int probe = (gap + 1) & mask; keys[probe] != EMPTY; probe = (probe + 1) & mask) {
            examined++;
            int home = home(keys[probe]);
            boolean homeInGapToProbe = gap <= probe ? (gap < home && home <= probe) : (gap < home || home <= probe);
            if (!homeInGapToProbe) {
                keys[gap] = keys[probe];
                positions[gap] = positions[probe];
                gap = probe;
            }
        }
        keys[gap] = EMPTY;
    }

    private void rebuildIndex() {
        int capacity = Integer.highestOneBit(Math.max(size, INDEX_FROM) * 4);
        keys = new int[capacity];
        positions = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (int i = 0; i < size; i++) {
            examined++;
            put(items[i], i);
        }
    }
}
