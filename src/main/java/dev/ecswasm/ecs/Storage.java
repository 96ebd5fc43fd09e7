package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * The components of one type: a {@link SparseSet} of owners plus a values array kept parallel to
 * its packed array, so {@code values[i]} belongs to {@code entityAt(i)}.
 *
 * <p>Each value is also kept by slot index, with the version of the id that owns it beside it in a
 * second array: a random {@link #getOrNull} reads one element of each (two independent cache
 * misses) and knows both the value and whether this exact id, not a stale one, owns it, without
 * touching the sparse set or the entity pool. Both are plain arrays grown to the highest slot held,
 * as Artemis' component bags are: a benchmark over a million entities ran about 2x faster than with
 * pages allocated on demand (the extra page lookup sits on every get's critical path). The price:
 * memory, as a storage whose one component sits on slot 1,000,000 holds arrays of a million slots
 * (6 MB); and creating a million entities with two components measured about 25% slower (not
 * yet explained: the arrays are copied as they double, and live outside the young generation).
 *
 * <p>Reads are public; writes go through the {@link Registry}, which fires the signals.
 *
 * @param <T> the component type
 */
public final class Storage<T> extends SparseSet {
    private final Class<T> type;
    final Registry registry; // the registry that made it (null for a stand-alone one): lets a test reach the entity pool
    final Signal<?>[] signals = new Signal<?>[3]; // by ComponentSignals kind; null while nobody asked for one
    private Object[] values = new Object[8];
    private Object[] bySlot = new Object[0];     // the value by slot index; null if the slot has none
    private char[] versionBySlot = new char[0]; // the version of the value's owner (12 bits fit a char)

    Storage(Class<T> type) {
        this(type, null);
    }

    Storage(Class<T> type, Registry registry) {
        this.type = type;
        this.registry = registry;
    }

    /** The component type this storage holds. */
    public Class<T> type() {
        return type;
    }

    /** The component of this exact id, or {@code null} if it has none (a stale id included). */
    @SuppressWarnings("unchecked")
    public T getOrNull(int id) {
        int index = EntityId.index(id);
        Object[] values = bySlot;
        char[] versions = versionBySlot;
        if (index >= versions.length) {
            return null; // beyond every slot held (the null id's index always is); both arrays have one length
        }
        Object value = values[index];
        return versions[index] == EntityId.version(id) ? (T) value : null; // the version must match
    }

    /**
     * The component of an entity known to be alive (one a view took from a storage's packed array), or
     * {@code null} if it has none. A live entity owns its slot, a storage holds live entities only and
     * {@link #removeAt} empties the slot, so a value found there is this entity's: the version need not be
     * read. Artemis reads three arrays an entity in a two-component loop; with the version, we read four.
     */
    @SuppressWarnings("unchecked")
    T getOfLive(int liveId) {
        int index = EntityId.index(liveId);
        Object[] values = bySlot;
        return index < values.length ? (T) values[index] : null;
    }

    /** The component at a packed position. */
    @SuppressWarnings("unchecked")
    public T valueAt(int position) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size());
        }
        return (T) values[position];
    }

    // Each writer makes its calls and allocations first and then only stores into arrays, so a
    // throw part-way through leaves no change: the Registry's undo journal relies on that.

    void insert(int id, T value) {
        int index = EntityId.index(id);
        holdSlot(index);         // may allocate: nothing visible changes
        int position = add(id);  // may throw (already a member): still no change
        values[position] = value;
        versionBySlot[index] = (char) EntityId.version(id);
        bySlot[index] = value;   // last: getOrNull sees it from here
    }

    void set(int position, T value) {
        int index = EntityId.index(entityAt(position));
        values[position] = value;
        bySlot[index] = value;
    }

    @Override
    void removeAt(int id, int position) {
        super.removeAt(id, position);
        bySlot[EntityId.index(id)] = null; // no value: not found any more, and it can be collected
    }

    @Override
    void exchanged(int a, int b) {
        Object at = values[a];
        values[a] = values[b];
        values[b] = at;
    }

    /** Grows the by-slot arrays to hold {@code index}, doubling, at most to the last usable slot. */
    private void holdSlot(int index) {
        if (index < bySlot.length) {
            return;
        }
        int capacity = Math.min(EntityId.MAX_INDEX + 1, Math.max(index + 1, Math.max(8, bySlot.length * 2)));
        Object[] values = Arrays.copyOf(bySlot, capacity); // both copies first, then both stores
        char[] versions = Arrays.copyOf(versionBySlot, capacity);
        bySlot = values;
        versionBySlot = versions;
    }

    @Override
    void grown(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void swapped(int to, int from) {
        values[to] = values[from];
        values[from] = null; // let the removed value be collected
    }

    @Override
    public String toString() {
        return "Storage<" + type.getSimpleName() + ">[" + size() + "]";
    }
}
