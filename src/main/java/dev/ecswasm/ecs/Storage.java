package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * The components of one type: a {@link SparseSet} of owners plus a values array kept parallel to
 * its packed array, so {@code values[i]} belongs to {@code entityAt(i)}.
 *
 * <p>Each value is also kept by slot index, in pages like the sparse array's, so a random lookup
 * reads the value and the membership entry side by side instead of one after the other (a
 * benchmark-driven choice: random gets over a million entities ran about 2x faster; it costs one
 * more reference per component).
 *
 * <p>Reads are public; writes go through the {@link Registry}, which fires the signals.
 *
 * @param <T> the component type
 */
public final class Storage<T> extends SparseSet {
    private final Class<T> type;
    final Registry registry; // the registry that made it (null for a stand-alone one): lets a test reach the entity pool
    private Object[] values = new Object[8];
    private Object[][] bySlot = new Object[0][];

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

    /** The component of this exact id, or {@code null} if it has none. */
    @SuppressWarnings("unchecked")
    public T getOrNull(int id) {
        int index = EntityId.index(id);
        int page = index >>> PAGE_BITS;
        Object[] slots = page < bySlot.length ? bySlot[page] : null;
        Object value = slots == null ? null : slots[index & (PAGE_SIZE - 1)];
        return value != null && contains(id) ? (T) value : null; // contains: the version must match
    }

    /** The component at a packed position. */
    @SuppressWarnings("unchecked")
    public T valueAt(int position) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size());
        }
        return (T) values[position];
    }

    // Each writer leaves the set's membership for last (or first, for remove), so a throw part-way
    // through leaves either no change or one that getOrNull cannot see (it checks membership).

    void insert(int id, T value) {
        setBySlot(EntityId.index(id), value); // invisible until the id is a member
        int position = add(id);
        values[position] = value;             // no call between add and this write
    }

    void set(int position, T value) {
        setBySlot(EntityId.index(entityAt(position)), value);
        values[position] = value;
    }

    @Override
    int remove(int id) {
        int position = super.remove(id);
        if (position != ABSENT) {
            setBySlot(EntityId.index(id), null); // a stale value left here would be invisible anyway
        }
        return position;
    }

    @Override
    void exchanged(int a, int b) {
        Object at = values[a];
        values[a] = values[b];
        values[b] = at;
    }

    private void setBySlot(int index, Object value) {
        int page = index >>> PAGE_BITS;
        if (page >= bySlot.length) {
            if (value == null) {
                return;
            }
            bySlot = Arrays.copyOf(bySlot, Math.max(page + 1, bySlot.length * 2));
        }
        if (bySlot[page] == null) {
            if (value == null) {
                return;
            }
            bySlot[page] = new Object[PAGE_SIZE];
        }
        bySlot[page][index & (PAGE_SIZE - 1)] = value;
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
