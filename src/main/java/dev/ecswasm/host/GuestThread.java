package dev.ecswasm.host;

import dev.ecswasm.WorkbenchException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread a host runs guest code on: a deep stack, one call at a time, and no re-entry.
 *
 * <p>Why a thread of its own: Chicory's interpreter needs about 1 KB of JVM stack per nested Wasm
 * call, so a default 1 MiB stack overflows near 1,000 levels; and a Chicory instance is not
 * thread-safe, so every caller's work queues here instead of entering the instance at once.
 *
 * <p>Why a guard as well: a host function runs on this thread in the middle of a guest call. If it
 * called the guest again, the instance would be entered twice, so {@link #enter} refuses that.
 */
final class GuestThread {
    /** An idle guest thread ends after this long; the next call starts a new one. */
    static final long KEEP_ALIVE_SECONDS = 1;

    private final ThreadPoolExecutor executor;
    private volatile Thread thread; // the thread the executor runs on now
    private String running;         // the export running now, or null; only touched on the thread

    GuestThread(long stackBytes) {
        this.executor = new ThreadPoolExecutor(1, 1, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread deep = new Thread(null, task, "wasm-guest", stackBytes);
                    deep.setDaemon(true);
                    thread = deep;
                    return deep;
                });
        // A host nobody closed (in JShell, say) does not keep a thread forever.
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} on the guest thread and returns its result. Called from the guest thread
     * itself it runs at once, so a batch of calls costs one hop, not one each.
     */
    <T> T run(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.call();
            } catch (Throwable failure) {
                throw unchecked(failure);
            }
        }
        Handoff<T> handoff;
        Future<?> done;
        try {
            handoff = new Handoff<>(work);
            done = executor.submit(handoff);
        } catch (OutOfMemoryError full) { // another part of the JVM filled the heap: the work never started
            throw new WorkbenchException("the JVM's heap is full, so the call could not be handed to the guest"
                    + " thread; nothing ran", full);
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while waiting for the guest", e);
        } catch (ExecutionException e) { // Handoff.run catches everything, so this does not happen
            throw new WorkbenchException("guest call failed", e.getCause());
        }
        if (handoff.failure != null) {
            throw unchecked(handoff.failure);
        }
        return handoff.result;
    }

    /**
     * How a failure of the work leaves {@link #run}, on either path: an {@link Error} is thrown from
     * here and a {@link RuntimeException} returned to be thrown, both as they were; a checked
     * exception is wrapped.
     */
    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        }
        return new WorkbenchException("guest work failed", failure);
    }

    /**
     * The work and what came of it. The failure is kept as thrown, so a trap reaches the caller as
     * itself: {@code Future.get} would wrap it in an {@code ExecutionException}, an allocation that can
     * fail while another guest is filling the heap and turn a finished trap into a raw
     * {@link OutOfMemoryError}.
     */
    private static final class Handoff<T> implements Runnable {
        private final Callable<T> work;
        private T result;          // read by the caller after Future.get, which orders it after run
        private Throwable failure;

        Handoff(Callable<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                result = work.call();
            } catch (Throwable t) { // stores a reference, allocates nothing
                failure = t;
            }
        }
    }

    /** Marks {@code export} as running; refuses it if another export is running already. */
    void enter(String export) {
        if (running != null) {
            throw new IllegalStateException("re-entrant guest call refused: " + export + " was called while "
                    + running + " is running (a host function may not call back into the guest)");
        }
        running = export;
    }

    /** True on this guest thread itself (a host function, a listener running inside a call). */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** Marks the running export as finished. */
    void leave() {
        running = null;
    }

    /** Stops the thread, interrupting a call still running, and waits briefly for it to end. */
    void close() {
        executor.shutdownNow();
        if (Thread.currentThread() == thread) {
            return; // closing from guest work: the thread ends when that work returns
        }
        try {
            if (executor.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread last = thread;
                if (last != null) {
                    last.join(1_000); // terminated is not yet dead: let close() mean no thread is left
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the thread has ended after {@link #close()}. */
    boolean closed() {
        return executor.isTerminated();
    }
}
