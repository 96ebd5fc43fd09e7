package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An outermost atomic call whose undo needs more stack than its thread has left: the roll-back runs
 * out part-way on the caller's thread, and {@link UndoRescue}'s worker, with a stack of its own,
 * finishes it. The caller sees its own exception and a registry exactly as before the call.
 */
class UndoRescueTest {
    private static final long SMALL_STACK = 256 * 1024;
    private static final int DEPTH = 5_000; // frames of deep(): too many for SMALL_STACK, compiled or not

    @Test
    void anUndoTooDeepForTheCallersStackIsFinishedOnAFreshOne() throws Exception {
        rescueFinishesTheUndo(new Registry());
    }

    @Test
    void aWorkerInterruptedWhileIdleEndsAndTheNextRegistryStartsAnother() throws Exception {
        new Registry();
        Thread worker = rescueWorker();
        worker.interrupt(); // what exec:java does to a program's threads once its main returns
        worker.join(5_000);
        assertFalse(worker.isAlive(), "an idle worker ends when interrupted, so it holds no program open");

        Registry registry = new Registry();
        Thread next = rescueWorker();
        assertTrue(next != worker && next.isAlive(), "a new registry starts a new worker");
        rescueFinishesTheUndo(registry);
    }

    @Test
    void aHandOverToAStoppedWorkerReportsItAndDoesNotWaitForever() throws Exception {
        Registry registry = new Registry();
        int kept = registry.create();
        Thread worker = rescueWorker();
        worker.interrupt();
        worker.join(5_000);
        assertFalse(worker.isAlive());

        Throwable seen = thrownOnSmallStack(() -> registry.atomically(() -> {
            registry.onRollback(() -> deep(DEPTH, 1, 2, 3)); // too deep for this stack: needs the worker
            registry.destroy(kept);
            throw new IllegalStateException("refused");
        })); // and the spin ends when the worker is gone
        assertTrue(seen instanceof IllegalStateException, "the caller's own exception comes out: " + seen);
        assertEquals(1, seen.getSuppressed().length, "with the stopped worker noted");
        assertTrue(seen.getSuppressed()[0].getMessage().contains("worker had been stopped"),
                seen.getSuppressed()[0].getMessage());
        assertFalse(registry.inAtomicCall(), "the depth is back to 0 all the same");

        rescueFinishesTheUndo(new Registry()); // the next registry starts a worker again
    }

    private static Thread rescueWorker() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("registry-undo-rescue") && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no registry-undo-rescue thread"));
    }

    private static void rescueFinishesTheUndo(Registry registry) throws Exception {
        int kept = registry.create();
        registry.add(kept, "name");
        int[] undoneTimes = new int[1];
        Throwable seen = thrownOnSmallStack(() -> registry.atomically(() -> {
            registry.create();
            registry.onRollback(() -> undoneTimes[0] += deep(DEPTH, 1, 2, 3) > 0 ? 1 : 0); // safe to run again
            registry.destroy(kept);
            throw new IllegalStateException("refused after three changes");
        }));

        assertTrue(seen instanceof IllegalStateException, "the caller's own exception comes out: " + seen);
        assertEquals(0, seen.getSuppressed().length, "and the undo did not fail");
        assertEquals(1, undoneTimes[0], "the deep undo ran to its end once, on the worker");
        assertEquals(1, registry.size(), "the created entity is gone again");
        assertTrue(registry.valid(kept), "the destroyed one is back");
        assertEquals("name", registry.get(kept, String.class));
        assertFalse(registry.inAtomicCall());
        assertEquals(1, registry.atomically(() -> registry.size()), "and the registry takes the next call");
    }

    /**
     * Runs {@code work} on a thread with {@link #SMALL_STACK} and returns what it threw (null if nothing);
     * fails if the thread has not ended within 10 s (a hand-over left spinning).
     */
    private static Throwable thrownOnSmallStack(Runnable work) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                work.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", SMALL_STACK);
        small.start();
        small.join(10_000);
        assertFalse(small.isAlive(), "the call on the small stack ends");
        return thrown[0];
    }

    /** A recursion with values live across each call, so compiled frames are not tiny either. */
    private static long deep(int n, long a, long b, long c) {
        if (n == 0) {
            return a + b + c;
        }
        long r = deep(n - 1, b, c, a + 1);
        return r + a * 3 + b * 5 + c * 7;
    }
}
