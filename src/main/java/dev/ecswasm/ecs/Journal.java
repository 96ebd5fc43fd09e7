package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * The undo journal behind {@link Registry#atomically}: while an atomic call runs, each change to the
 * registry is written down <em>before</em> it is made, with what takes it back. If the call throws
 * anything, the entries are undone newest first.
 *
 * <p>Why before: an entry written after its change could be lost to a StackOverflowError thrown
 * between the two. So each undo checks whether its change happened at all, and does nothing if not;
 * the writers it undoes (in {@link EntityPool}, {@link SparseSet}, {@link Storage}) happen wholly or
 * not at all, whatever is thrown. Entries are kept in parallel arrays, grown before an entry is
 * written, so writing one cannot fail half-way either.
 *
 * <p>{@link AtomicCalls} opens and closes the atomic calls: it writes entries while one is open, and
 * forgets them when the outermost one succeeds. It reads and writes {@link #size} and {@link #stale}
 * itself, since its ways out of a call must not need a frame of their own.
 */
final class Journal {
    static final byte CREATED = 0;   // id; flag: reused a free slot
    static final byte ADDED = 1;     // storage, id
    static final byte REMOVED = 2;   // storage, id, value, position
    static final byte REPLACED = 3;  // storage, id, old value
    static final byte DYING = 4;     // id
    static final byte RELEASED = 5;  // id
    static final byte ACTION = 6;    // value: a Runnable from outside the package
    static final byte TYPED = 7;     // value: a Registry.Undo, called with target, id and position

    private byte[] kinds = new byte[16];
    private int[] ids = new int[16];
    private int[] positions = new int[16];
    private Object[] targets = new Object[16];
    private Object[] values = new Object[16];
    int size;  // the entries in use
    int stale; // entries [size, stale) are forgotten but may still hold references: forgetStale nulls them
    static final int KEPT_STALE = 64; // forgotten entries left holding references, at most

    void record(byte kind, Object target, int id, Object value, int position) {
        if (size == kinds.length) { // all the allocation first
            grow(size * 2);
        }
        kinds[size] = kind;
        ids[size] = id;
        positions[size] = position;
        targets[size] = target;
        values[size] = value;
        size++;
    }

    /** {@link #record} for an entry that names only an id (DYING, RELEASED); its position is never read. */
    void recordId(byte kind, int id) {
        if (size == kinds.length) {
            grow(size * 2);
        }
        kinds[size] = kind;
        ids[size] = id;
        targets[size] = null; // a forgotten entry may have left a reference here
        values[size] = null;
        size++;
    }

    /** Makes room for {@code more} entries at once, so a long atomic call copies its arrays once, not log n times. */
    void reserve(int more) {
        long wanted = (long) size + more;
        if (wanted > kinds.length) {
            grow((int) Math.min(Math.max(wanted, 2L * kinds.length), Integer.MAX_VALUE - 8));
        }
    }

    private void grow(int capacity) {
        byte[] k = Arrays.copyOf(kinds, capacity);
        int[] i = Arrays.copyOf(ids, capacity);
        int[] p = Arrays.copyOf(positions, capacity);
        Object[] t = Arrays.copyOf(targets, capacity);
        Object[] v = Arrays.copyOf(values, capacity);
        kinds = k;
        ids = i;
        positions = p;
        targets = t;
        values = v;
    }

    /**
     * Undoes every entry from the newest down to {@code mark}, then forgets them. An undo that throws
     * does not stop the others; the first such throwable is returned (null if none).
     *
     * <p>Except a StackOverflowError: an undo that runs out of stack stops the roll-back there, keeps
     * its entry and every older one, and the error goes on. A nested atomic call rolls back where it
     * failed, deep in the stack, and may not have the room; the enclosing call, which made the stack
     * check, then undoes what is left from higher up. So each undo must be safe to run again after
     * being cut short: each one checks what is still to do.
     */
    Throwable rollBack(int mark, EntityPool pool) {
        Throwable failed = null;
        while (size > mark) {
            int at = size - 1;
            try {
                undo(kinds[at], targets[at], ids[at], values[at], positions[at], pool);
            } catch (StackOverflowError overflow) {
                throw overflow; // the entry stays, for the enclosing call to undo again
            } catch (Throwable t) {
                if (failed == null) {
                    failed = t;
                }
            }
            targets[at] = null; // forgotten with plain writes, no call: an overflow cannot land in between
            values[at] = null;
            size = at;
        }
        return failed;
    }

    /**
     * Lets go of the values held by forgotten entries, once there are more than {@value #KEPT_STALE} of
     * them. Fewer are left for the next entries to overwrite: nulling them after every small atomic
     * call was a measurable part of its cost (two bulk fills each time), and a few old components
     * kept alive a little longer harm nobody. A big call (a cascade of thousands) lets go of all its values at once.
     */
    void forgetStale() {
        if (stale > KEPT_STALE) {
            Arrays.fill(targets, size, stale, null); // a bulk fill, not a call per entry
            Arrays.fill(values, size, stale, null);
            stale = size;
        }
    }

    /** How many targets and values the arrays still hold, forgotten entries included: for tests. */
    int heldReferences() {
        int held = 0;
        for (int i = 0; i < targets.length; i++) {
            held += (targets[i] != null ? 1 : 0) + (values[i] != null ? 1 : 0);
        }
        return held;
    }

    @SuppressWarnings("unchecked")
    private static void undo(byte kind, Object target, int id, Object value, int position, EntityPool pool) {
        switch (kind) {
            case CREATED -> pool.uncreate(id, position != 0);
            case ADDED -> ((Storage<Object>) target).remove(id); // the newest member, so the order is restored
            case REMOVED -> {
                Storage<Object> storage = (Storage<Object>) target;
                if (!storage.contains(id)) {
                    storage.insert(id, value); // at the end ...
                }
                int now = storage.positionOf(id);
                if (now != position) {         // ... then back where it was (also when an undo cut short put it at the end)
                    storage.swapPositions(position, now);
                }
            }
            case REPLACED -> {
                Storage<Object> storage = (Storage<Object>) target;
                int at = storage.positionOf(id);
                if (at >= 0) {
                    storage.set(at, value);
                }
            }
            case DYING -> pool.cancelDestroying(id);
            case RELEASED -> pool.unrelease(id);
            case ACTION -> ((Runnable) value).run();
            case TYPED -> ((Registry.Undo<Object>) value).undo(target, id, position);
            default -> throw new IllegalStateException("unknown journal entry " + kind);
        }
    }
}
