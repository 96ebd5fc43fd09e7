package dev.ecswasm.ecs;

import java.util.concurrent.locks.LockSupport;

/**
 * Finishes, on a thread of its own, an undo that ran out of stack on the caller's thread.
 *
 * <p>An outermost atomic call that fails rolls back from where it began. When the failure was the
 * stack running out, the roll-back may run out too, part-way. Then the caller hands the rest to this
 * worker, which has a stack of its own, and waits for it: the hand-over costs the caller two small
 * frames (this one and {@link LockSupport#unpark}) where the roll-back may need many; the caller's
 * {@link StackReserve} check keeps room for those two. The caller's thread is the only one touching
 * the registry meanwhile, and it waits spinning until the worker is done, so the registry's
 * one-thread-at-a-time rule holds and the volatile state carries the changes between the two.
 *
 * <p>One daemon worker serves every registry in the JVM, one hand-over at a time. It is started when
 * the first registry is made, not when it is needed: a full stack cannot start a thread.
 */
final class UndoRescue {
    private static final int IDLE = 0;
    private static final int PENDING = 1;
    private static final int DONE = 2;

    static final long STACK_BYTES = 16L << 20; // far more than any undo needs; only touched pages are committed
    private static final Thread WORKER = start();

    private static volatile int state = IDLE;
    private static Journal journal; // the hand-over: written before state becomes PENDING, read after
    private static int mark;
    private static EntityPool pool;
    private static Throwable failed; // what the worker's roll-back returned or threw

    private UndoRescue() {}

    /** Makes sure the worker runs (class initialization starts it). */
    static void ready() {
        if (!WORKER.isAlive()) {
            throw new IllegalStateException("the undo worker is not running");
        }
    }

    /**
     * Rolls the journal back to {@code mark} on the worker and returns what {@link Journal#rollBack}
     * returned there (or threw). Only plain field writes, one unpark and a spin: no deep calls.
     */
    static Throwable rollBack(Journal journal, int mark, EntityPool pool) {
        synchronized (UndoRescue.class) { // one hand-over at a time, whichever registry
            UndoRescue.journal = journal;
            UndoRescue.mark = mark;
            UndoRescue.pool = pool;
            state = PENDING;
            LockSupport.unpark(WORKER);
            while (state != DONE) {
                // spin: a call here could itself run out of stack
            }
            Throwable result = failed;
            UndoRescue.journal = null;
            UndoRescue.pool = null;
            failed = null;
            state = IDLE;
            return result;
        }
    }

    private static Thread start() {
        Thread worker = new Thread(null, UndoRescue::serve, "registry-undo-rescue", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        return worker;
    }

    private static void serve() {
        while (true) {
            while (state != PENDING) {
                LockSupport.park(UndoRescue.class);
            }
            Throwable result;
            try {
                result = journal.rollBack(mark, pool);
            } catch (Throwable t) {
                result = t;
            }
            failed = result;
            state = DONE;
        }
    }
}
