package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import java.util.Arrays;
import java.util.function.IntConsumer;

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

    /** Each id in list order, without copying the list. */
    public void forEach(IntConsumer visitor) {
        for (int i = 0; i < size; i++) {
            visitor.accept(items[i]);
        }
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

    /*
     * add and remove make every call and allocation before their first write, so a throwable part-way
     * (StackOverflowError, OutOfMemoryError) leaves the list as it was; their undos below rely on that.
     */

    /** Appends the id; returns false if it was already there. */
    boolean add(int id) {
        return add(id, null);
    }

    /** Appends an id that is not in the list. */
    private void append(int id) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2); // a bigger copy: the list has not changed
        }
        boolean rebuild = keys != null ? (size + 1) * 2 > keys.length : size + 1 > INDEX_FROM;
        if (rebuild) {
            items[size] = id; // past the end, invisible until size grows
            Index index = Index.of(items, size + 1);
            examined += size + 1;
            keys = index.keys;
            positions = index.positions;
            mask = index.mask;
            shift = index.shift;
        } else if (keys != null) {
            put(keys, positions, mask, shift, id, size);
        }
        items[size] = id;
        size++;
    }

    /** Removes the id by moving the last one into its place; returns false if it was absent. */
    boolean remove(int id) {
        return remove(id, null);
    }

    /** Removes the id at {@code position}; {@code gap} is its index slot (-1 if the list has no index). */
    private void removeAt(int position, int gap) {
        int id = items[position];
        int last = items[size - 1];
        int lastSlot = keys != null && last != id ? slotOf(last) : -1;
        // From here on: plain writes and arithmetic, no calls.
        items[position] = last;
        size--;
        if (keys != null) {
            if (lastSlot >= 0) {
                positions[lastSlot] = position; // the entry moves with its key if the delete shifts it
            }
            // Linear-probing delete without tombstones: shift later entries back into the gap.
            for (int probe = (gap + 1) & mask; keys[probe] != EMPTY; probe = (probe + 1) & mask) {
                examined++;
                int home = (keys[probe] * 0x9E3779B9) >>> shift;
                boolean homeInGapToProbe = gap <= probe ? (gap < home && home <= probe) : (gap < home || home <= probe);
                if (!homeInGapToProbe) {
                    keys[gap] = keys[probe];
                    positions[gap] = positions[probe];
                    gap = probe;
                }
            }
            keys[gap] = EMPTY;
        }
    }

    /*
     * The two below register their undo with the registry's atomic call, if one is running, before the
     * change: a shared Registry.Undo and two ints, so a change allocates nothing for its undo.
     */

    private static final Registry.Undo<EdgeList> UNDO_ADD = (list, id, unused) -> list.remove(id);
    private static final Registry.Undo<EdgeList> UNDO_REMOVE = EdgeList::restore;

    /**
     * {@link #add(int)}, its undo first registered with the registry's atomic call, if one is running
     * ({@code undo} null: none to register).
     */
    boolean add(int id, Registry undo) {
        requireEdge(id);
        if (contains(id)) {
            return false;
        }
        if (undo != null) {
            undo.onRollback(UNDO_ADD, this, id, 0); // the id will be the last one added: taking it out restores the order
        }
        append(id);
        return true;
    }

    /**
     * {@link #remove(int)}, its undo first registered with the registry's atomic call, if one is running
     * ({@code undo} null: none to register). The id is looked up once: its index slot serves the removal.
     */
    boolean remove(int id, Registry undo) {
        int slot = keys != null ? slotOf(id) : -1;
        int position = keys != null ? (slot < 0 ? -1 : positions[slot]) : scan(id);
        if (position < 0) {
            return false;
        }
        if (undo != null) {
            undo.onRollback(UNDO_REMOVE, this, id, position);
        }
        removeAt(position, slot);
        return true;
    }

    /**
     * The undo of removing {@code id} from {@code position}: if the id is gone, puts it back at the end
     * and swaps it into the position it had, where the remove had moved the last id. Harmless if the
     * remove never happened, and safe to run again if a StackOverflowError cut it short between the two.
     */
    private void restore(int id, int position) {
        if (!contains(id)) {
            append(id);
        }
        swap(position, positionOf(id));
    }

    private static void requireEdge(int id) {
        if (id == EMPTY) {
            throw new IllegalArgumentException("the null entity cannot be an edge");
        }
    }

    /** Exchanges two positions, keeping the index right. */
    private void swap(int a, int b) {
        if (a == b) {
            return;
        }
        int slotA = keys != null ? slotOf(items[a]) : -1;
        int slotB = keys != null ? slotOf(items[b]) : -1;
        int at = items[a];
        items[a] = items[b];
        items[b] = at;
        if (keys != null) {
            positions[slotA] = b;
            positions[slotB] = a;
        }
    }

    private int positionOf(int id) {
        if (keys == null) {
            return scan(id);
        }
        int slot = slotOf(id);
        return slot < 0 ? -1 : positions[slot];
    }

    /** The position of the id in a list with no index, by looking at each. */
    private int scan(int id) {
        for (int i = 0; i < size; i++) {
            examined++;
            if (items[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private int slotOf(int id) {
        for (int slot = (id * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & mask) {
            examined++;
            if (keys[slot] == id) {
                return slot;
            }
            if (keys[slot] == EMPTY) {
                return -1;
            }
        }
    }

    /** Fibonacci hashing (the top bits spread sequential ids), then linear probing to a free slot. */
    private static void put(int[] keys, int[] positions, int mask, int shift, int id, int position) {
        int slot = (id * 0x9E3779B9) >>> shift;
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = id;
        positions[slot] = position;
    }

    /** A freshly built index, not yet the list's: built whole before the list takes it. */
    private record Index(int[] keys, int[] positions, int mask, int shift) {
        static Index of(int[] items, int size) {
            int capacity = Integer.highestOneBit(Math.max(size, INDEX_FROM) * 4);
            int[] keys = new int[capacity];
            int[] positions = new int[capacity];
            Arrays.fill(keys, EMPTY);
            int mask = capacity - 1;
            int shift = Integer.numberOfLeadingZeros(capacity) + 1;
            for (int i = 0; i < size; i++) {
                put(keys, positions, mask, shift, items[i], i);
            }
            return new Index(keys, positions, mask, shift);
        }
    }
}
