package dev.ecswasm.ecs;

import java.util.concurrent.locks.LockSupport;

/**
 * The atomic calls of one {@link Registry}: runs each one ({@link #run}), and while one is open,
 * writes each change into the {@link Journal} before the registry makes it. A call that throws
 * undoes its own entries.
 *
 * <p>The stack may run out anywhere inside an atomic call, the undo included. So {@link #run}'s ways
 * out are written to need no frame beyond its own: the depth is put back and the journal forgotten
 * with plain writes, and when the undo itself runs out of stack, an outermost call hands the rest to
 * {@link UndoRescue}'s worker with plain writes and a spin. Whatever stack the call had when it
 * started is enough to finish it; no probe up front.
 *
 * <p>Each writer tests {@link #open} first, so a change made outside an atomic call costs one field
 * read. The writers are small and this class is final, so the JIT inlines them into their callers.
 * {@code run} is not small, and the JIT calls it: its hot path is a few field writes either way.
 */
final class AtomicCalls {
    private static final int ENTRIES_PER_DESTROY = 5; // DYING, RELEASED, and up to three for its components and edges

    /** A piece of work for {@link #run}: two arguments, so callers pass constant lambdas and allocate nothing. */
    @FunctionalInterface
    interface Work<A> {
        Object run(A a, int id);
    }

    final Journal journal = new Journal(); // read by Registry.journal(), for tests
    private final EntityPool pool;
    private int depth; // how many atomic calls are open; changes are journalled while it is > 0

    AtomicCalls(EntityPool pool) {
        this.pool = pool;
        UndoRescue.ready(); // the worker that finishes an undo the stack had no room for, started while there is room
    }

    /** True while an atomic call is open: each change is written down before it is made. */
    boolean open() {
        return depth > 0;
    }

    /**
     * Runs {@code work.run(a, id)} as one atomic call and returns its result. If it throws, undoes every
     * change it made and rethrows. If that undo runs out of stack, a nested call throws the
     * StackOverflowError for the enclosing call, higher up the stack, to undo the rest; the outermost
     * hands the rest to {@link UndoRescue}'s worker and waits. A throwable the undo itself threw is added
     * to the failure as suppressed.
     */
    Object run(Work<?> work, Object a, int id) {
        int outer = depth;
        int mark = journal.size;
        if (outer == 0) {
            journal.forgetStale(); // a call, but before any change: if it cannot run, nothing happened
        }
        depth = outer + 1;
        Object result;
        try {
            result = call(work, a, id);
        } catch (Throwable failure) {
            depth = outer; // plain writes first: whatever cannot run below, the count is right
            try {
                Throwable undoFailed = journal.rollBack(mark, pool);
                if (undoFailed != null && undoFailed != failure) {
                    failure.addSuppressed(undoFailed);
                }
            } catch (StackOverflowError overflow) {
                if (outer > 0) {
                    throw overflow; // the enclosing call, higher up the stack, undoes the rest
                }
                // The outermost call, and no room for the rest of the undo: hand it to the worker, with
                // plain writes and a spin (UndoRescue's fields are read and written here, not through
                // methods, because a call could run out of stack too).
                synchronized (UndoRescue.class) {
                    UndoRescue.journal = journal;
                    UndoRescue.mark = mark;
                    UndoRescue.pool = pool;
                    UndoRescue.state = UndoRescue.PENDING;
                    try {
                        LockSupport.unpark(UndoRescue.worker);
                    } catch (StackOverflowError noRoomToWake) {
                        // the worker looks on its own every UndoRescue.POLL_NANOS
                    }
                    while (UndoRescue.state != UndoRescue.DONE && UndoRescue.alive) {
                        // spin: a call here could run out of stack
                    }
                    Throwable undoFailed = UndoRescue.state == UndoRescue.DONE ? UndoRescue.failed : UndoRescue.STOPPED;
                    UndoRescue.journal = null;
                    UndoRescue.pool = null;
                    UndoRescue.failed = null;
                    UndoRescue.state = UndoRescue.IDLE;
                    if (undoFailed != null && undoFailed != failure) {
                        try {
                            failure.addSuppressed(undoFailed);
                        } catch (StackOverflowError noRoomToTell) {
                            // the world is whole again; only the note is lost
                        }
                    }
                }
            }
            throw failure;
        }
        depth = outer;
        if (outer == 0) { // success: keep the changes, forget the entries
            int kept = journal.size; // plain writes, as on the way out of a failure
            if (kept > journal.stale) {
                journal.stale = kept;
            }
            journal.size = 0;
            try {
                journal.forgetStale(); // the values they held, for the garbage collector
            } catch (StackOverflowError noRoomToTidy) {
                // the next outermost call forgets them first
            }
        }
        return result;
    }

    // Apart from run, so the cast lives here; JIT-inlined, and a call that cannot start changed nothing.
    @SuppressWarnings("unchecked")
    private static Object call(Work<?> work, Object a, int id) {
        return ((Work<Object>) work).run(a, id);
    }

    /** Before an entity is created: the id the pool will issue, and whether it reuses a free slot. */
    void creating() {
        if (depth > 0) {
            recordCreated(); // apart, so this test stays under the size C1 inlines (35 bytes of bytecode)
        }
    }

    private void recordCreated() {
        journal.record(Journal.CREATED, null, pool.peekId(), null, pool.reusesFreeSlot() ? 1 : 0);
    }

    /** Writes an entry, if an atomic call is open. */
    void record(byte kind, Object target, int id, Object value, int position) {
        if (depth > 0) {
            journal.record(kind, target, id, value, position);
        }
    }

    /** Writes an entry that names only an id (DYING, RELEASED), if an atomic call is open. */
    void recordId(byte kind, int id) {
        if (depth > 0) {
            journal.recordId(kind, id);
        }
    }

    /** Makes room for the entries of {@code count} destroys at once, if an atomic call is open. */
    void expectDestroys(int count) {
        if (depth > 0) {
            journal.reserve(ENTRIES_PER_DESTROY * count);
        }
    }
}
