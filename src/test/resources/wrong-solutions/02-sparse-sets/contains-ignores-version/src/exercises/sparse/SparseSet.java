package exercises.sparse;

import dev.ecswasm.ecs.EntityId;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Exercise 2: a sparse set of entity ids, the structure under every component storage.
 *
 * <p>Two arrays point at each other:
 *
 * <pre>
 *   sparse: [ -1,  1, -1,  0 ]        packed: [ e3, e1 ]        size: 2
 *             0    1   2   3                     0   1
 * </pre>
 *
 * <ul>
 *   <li>{@code packed[0 .. size-1]} holds the full ids in the set (index <em>and</em> version), with
 *       no gaps. What lies at {@code packed[size]} and beyond does not matter.
 *   <li>{@code sparse} is indexed by an id's <b>slot index</b> ({@code EntityId.index(id)}) and
 *       holds the position of that id in {@code packed}, or {@link #ABSENT} if no id of that slot
 *       is in the set.
 * </ul>
 *
 * The invariant every method keeps: for each position {@code p < size},
 * {@code sparse[index(packed[p])] == p}, and every other sparse entry is {@code ABSENT}. So a slot
 * holds at most one id at a time, as in a registry, where a slot has one live version.
 *
 * <p>Ids are plain {@code int}s with the layout of exercise 1; use {@link EntityId#index} and
 * {@link EntityId#version} to take them apart. The array growth, {@link #sparseEntry} and
 * {@link #toArray} are given; the other methods are the tasks of the README.
 */
public final class SparseSet {
    /** A sparse entry that names no position. */
    public static final int ABSENT = -1;

    /** Slot index to position in {@code packed}, or {@link #ABSENT}; grown by {@link #ensureSparse}. */
    private int[] sparse = new int[0];

    /** The ids in the set, in {@code packed[0 .. size-1]}; grown by {@link #ensurePacked}. */
    private int[] packed = new int[4];

    /** How many ids the set holds. */
    private int size;

    /**
     * Task 2.1: how many ids the set holds.
     */
    public int size() {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException("Task 2.1: size() is not written yet (see the README)");
        return size;
        // END SOLUTION
    }

    /**
     * Task 2.1: adds {@code id} at the end of {@code packed} and records its position in
     * {@code sparse}. Returns that position (the old size). Call {@link #ensureSparse} and
     * {@link #ensurePacked} first so both arrays are big enough.
     *
     * @throws IllegalArgumentException if {@code id} is {@link EntityId#NULL}, or if its slot is
     *     already in the set (with this version or another one); the message names the id as an
     *     unsigned number (for example {@code EntityId.describe(id)}), and the set is unchanged
     */
    public int add(int id) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 2.1: add(id) is not written yet: append to packed, point sparse at it (see the README)");
        if (id == EntityId.NULL) {
            throw new IllegalArgumentException("cannot add the null entity " + EntityId.describe(id));
        }
        int index = EntityId.index(id);
        ensureSparse(index);
        if (sparse[index] != ABSENT) {
            throw new IllegalArgumentException("cannot add " + EntityId.describe(id) + ": slot " + index
                    + " is already in the set as " + EntityId.describe(packed[sparse[index]]));
        }
        ensurePacked();
        packed[size] = id;
        sparse[index] = size;
        return size++;
        // END SOLUTION
    }

    /**
     * Task 2.2: the position of exactly this id in {@code packed}, or {@link #ABSENT}.
     *
     * <p>"Exactly" means index and version: if the set holds slot 3 at version 1, then the stale
     * id of slot 3 at version 0 is not in the set. Never throws: {@link EntityId#NULL} and ids whose
     * index lies beyond the sparse array are simply {@code ABSENT}.
     */
    public int indexOf(int id) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 2.2: indexOf(id) is not written yet: look up sparse, then check the full id (see the README)");
        if (id == EntityId.NULL) {
            return ABSENT;
        }
        int index = EntityId.index(id);
        if (index >= sparse.length) {
            return ABSENT;
        }
        int position = sparse[index];
        return position;
        // END SOLUTION
    }

    /**
     * Task 2.2: true if exactly this id (index and version) is in the set; false for a stale id, for
     * {@link EntityId#NULL} and for ids never added.
     */
    public boolean contains(int id) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException("Task 2.2: contains(id) is not written yet (see the README)");
        return indexOf(id) != ABSENT;
        // END SOLUTION
    }

    /**
     * Task 2.3: removes exactly this id by swap-and-pop, in O(1): the <b>last</b> id in
     * {@code packed} moves into the hole, its sparse entry is updated to the new position, the
     * removed id's sparse entry becomes {@link #ABSENT}, and the size shrinks by one. Removing the
     * last id just pops it.
     *
     * <p>Example: {@code packed [a, b, c, d]}, remove {@code b}: {@code packed [a, d, c]}.
     *
     * @return true if the id was removed; false (and nothing changes) if exactly this id is not in
     *     the set, for example a stale id whose slot now holds another version
     */
    public boolean remove(int id) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 2.3: remove(id) is not written yet: move the last id into the hole (see the README)");
        int position = indexOf(id);
        if (position == ABSENT) {
            return false;
        }
        int last = size - 1;
        int moved = packed[last];
        packed[position] = moved;
        sparse[EntityId.index(moved)] = position;
        sparse[EntityId.index(id)] = ABSENT;
        size = last;
        return true;
        // END SOLUTION
    }

    /**
     * Task 2.4: calls {@code action} once for every id in the set, from the <b>last</b> position of
     * {@code packed} to the first (as EnTT's views do).
     *
     * <p>Going backwards is what makes this safe: {@code action} may {@link #remove} the id it is
     * given (and no other), and every other id is still visited exactly once, because swap-and-pop
     * only moves the last id, which has already been visited.
     */
    public void each(IntConsumer action) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 2.4: each(action) is not written yet: walk packed from the last position to the first (see the README)");
        for (int position = size - 1; position >= 0; position--) {
            action.accept(packed[position]);
        }
        // END SOLUTION
    }

    // ---- given: for the tests, for printing, and the array growth ----

    /** A copy of the ids in the set, in the order of {@code packed}: {@code packed[0 .. size-1]}. */
    public int[] toArray() {
        return Arrays.copyOf(packed, size);
    }

    /** The raw sparse entry of a slot index: a position in {@code packed}, or {@link #ABSENT}. */
    public int sparseEntry(int index) {
        return index >= 0 && index < sparse.length ? sparse[index] : ABSENT;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SparseSet[");
        for (int p = 0; p < size; p++) {
            s.append(p == 0 ? "" : ", ").append(EntityId.describe(packed[p]));
        }
        return s.append(']').toString();
    }

    /** Grows {@code sparse} (doubling, new entries {@link #ABSENT}) until {@code sparse[index]} exists. */
    private void ensureSparse(int index) {
        if (index < sparse.length) {
            return;
        }
        int length = Math.max(8, sparse.length);
        while (length <= index) {
            length *= 2;
        }
        int old = sparse.length;
        sparse = Arrays.copyOf(sparse, length);
        Arrays.fill(sparse, old, length, ABSENT);
    }

    /** Grows {@code packed} (doubling) if it has no room for one more id. */
    private void ensurePacked() {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
        }
    }
}
