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
 * the first registry is made, not when it is needed: a full stack cannot start a thread. Interrupted
 * while idle, it ends (Maven's {@code exec:java} interrupts a program's threads when its main returns,
 * and waits for them); the next registry made starts another.
 */
final class UndoRescue {
    private static final int IDLE = 0;
    private static final int PENDING = 1;
    private static final int DONE = 2;

    static final long STACK_BYTES = 16L << 20; // far more than any undo needs; only touched pages are committed
    private static Thread worker = start(); // guarded by UndoRescue.class

    private static volatile int state = IDLE;
    private static Journal journal; // the hand-over: written before state becomes PENDING, read after
    private static int mark;
    private static EntityPool pool;
    private static Throwable failed; // what the worker's roll-back returned or threw

    private UndoRescue() {}

    /** Makes sure a worker runs: starts one if the last was asked to stop. */
    static synchronized void ready() {
        if (!worker.isAlive()) {
            worker = start();
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
            LockSupport.unpark(worker);
            while (state != DONE) {
                // spin: a deeper call here could itself run out of stack
                if (!worker.isAlive() && state != DONE) { // stopped before it took the work
                    failed = new IllegalStateException("the undo ran out of stack and its worker had been stopped:"
                            + " the world may be half-undone (Invariants tells)");
                    break;
                }
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
        Thread thread = new Thread(null, UndoRescue::serve, "registry-undo-rescue", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void serve() {
        while (true) {
            while (state != PENDING) {
                LockSupport.park(UndoRescue.class);
                if (Thread.interrupted() && state != PENDING) {
                    return; // asked to stop while idle
                }
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
