package dev.ecswasm.ecs;

/**
 * The atomic calls of one {@link Registry}: counts the ones open, and while one is, writes each change
 * into the {@link Journal} before the registry makes it. The outermost call checks the stack as it
 * opens ({@link StackReserve}); a call that throws undoes its own entries.
 *
 * <p>Each writer tests {@link #open} first, so a change made outside an atomic call costs one field
 * read. Every method is small and this class is final, so the JIT inlines them into the registry.
 */
final class AtomicCalls {
    private static final int ENTRIES_PER_DESTROY = 5; // DYING, RELEASED, and up to three for its components and edges

    private final Journal journal = new Journal();
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
     * Opens an atomic call and returns its mark, the entry its undo goes back to. The outermost one
     * first checks the stack ({@link StackReserve}): it throws then, before any change.
     */
    int begin() {
        if (depth == 0) {
            StackReserve.check();
        }
        depth++;
        return journal.size();
    }

    /** Closes an atomic call that succeeded; the outermost one keeps the changes and forgets the entries. */
    void end() {
        depth--;
        if (depth == 0) {
            journal.clear();
        }
    }

    /**
     * Closes an atomic call that threw {@code failure}: undoes its entries down to {@code mark}, and adds
     * a throwable from an undo to {@code failure} as suppressed. If the undo runs out of stack, a nested
     * call rethrows for the enclosing call, higher up the stack, to undo the rest; the outermost hands
     * the rest to {@link UndoRescue}'s worker, which has a stack of its own.
     */
    void fail(int mark, Throwable failure) {
        depth--; // first: if the undo runs out of stack, the enclosing call (one level up) undoes the rest
        Throwable undoFailed;
        try {
            undoFailed = journal.rollBack(mark, pool);
        } catch (StackOverflowError overflow) {
            if (depth > 0) {
                throw overflow; // a nested call: the enclosing one, higher up the stack, undoes the rest
            }
            undoFailed = UndoRescue.rollBack(journal, mark, pool); // the outermost: a fresh stack finishes it
        }
        if (depth == 0) {
            journal.clear();
        }
        if (undoFailed != null && undoFailed != failure) {
            failure.addSuppressed(undoFailed);
        }
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
