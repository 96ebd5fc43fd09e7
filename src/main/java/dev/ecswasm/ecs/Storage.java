package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * The components of one type: a {@link SparseSet} of owners plus a values array kept parallel to
 * its packed array, so {@code values[i]} belongs to {@code entityAt(i)}.
 *
 * <p>Reads are public; writes go through the {@link Registry}, which fires the signals.
 *
 * @param <T> the component type
 */
public final class Storage<T> extends SparseSet {
    private final Class<T> type;
    private Object[] values = new Object[8];

    Storage(Class<T> type) {
        this.type = type;
    }

    /** The component type this storage holds. */
    public Class<T> type() {
        return type;
    }

    /** The component of this exact id, or {@code null} if it has none. */
    public T getOrNull(int id) {
        int position = positionOf(id);
        return position == ABSENT ? null : valueAt(position);
    }

    /** The component at a packed position. */
    @SuppressWarnings("unchecked")
    public T valueAt(int position) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size());
        }
        return (T) values[position];
    }

    void insert(int id, T value) {
        int position = add(id);
        values[position] = value;
    }

    void set(int position, T value) {
        values[position] = value;
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
