package dev.ecswasm.ecs;

import java.util.concurrent.locks.LockSupport;

/**
 * Finishes, on a thread of its own, an undo that ran out of stack on the caller's thread.
 *
 * <p>An outermost atomic call that fails rolls back from where it began. When the failure was the
 * stack running out, the roll-back may run out too, part-way. Then the caller hands the rest to this
 * worker, which has a stack of its own, and waits for it. The hand-over is written out inside
 * {@link AtomicCalls#run} itself, with plain writes to these fields, an unpark it may do without, and
 * a spin: it needs no frame of its own, so it cannot run out of stack. The caller's thread is the
 * only one touching the registry meanwhile, and it spins until the worker is done, so the registry's
 * one-thread-at-a-time rule holds and the volatile state carries the changes between the two.
 *
 * <p>One daemon worker serves every registry in the JVM, one hand-over at a time. It is started when
 * the first registry is made, not when it is needed: a full stack cannot start a thread. It parks,
 * and also looks every {@link #POLL_NANOS} in case the caller had no room to unpark it. Interrupted
 * while idle, it ends (Maven's {@code exec:java} interrupts a program's threads when its main returns,
 * and waits for them); the next registry made starts another.
 */
final class UndoRescue {
    static final int IDLE = 0;
    static final int PENDING = 1;
    static final int DONE = 2;

    static final long STACK_BYTES = 16L << 20; // far more than any undo needs; only touched pages are committed
    static final long POLL_NANOS = 50_000_000L;

    /** What a hand-over reports when the worker had been stopped: made now, as there may be no room then. */
    static final IllegalStateException STOPPED = new IllegalStateException("the undo ran out of stack and its worker"
            + " had been stopped: the world may be half-undone (Invariants tells)");

    static Thread worker; // guarded by UndoRescue.class
    static volatile boolean alive;

    // The hand-over, all guarded by UndoRescue.class: written before state becomes PENDING, read after DONE.
    static volatile int state = IDLE;
    static Journal journal;
    static int mark;
    static EntityPool pool;
    static Throwable failed; // what the worker's roll-back returned or threw

    static {
        ready();
    }

    private UndoRescue() {}

    /** Makes sure a worker runs: starts one if the last was asked to stop. */
    static synchronized void ready() {
        if (worker == null || !worker.isAlive()) {
            alive = true;
            worker = new Thread(null, UndoRescue::serve, "registry-undo-rescue", STACK_BYTES);
            worker.setDaemon(true);
            worker.start();
        }
    }

    private static void serve() {
        try {
            while (true) {
                while (state != PENDING) {
                    LockSupport.parkNanos(UndoRescue.class, POLL_NANOS);
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
        } finally {
            alive = false;
        }
    }
}
