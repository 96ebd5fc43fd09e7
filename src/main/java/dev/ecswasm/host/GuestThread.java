package dev.ecswasm.host;

import dev.ecswasm.WorkbenchException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a host runs guest code: a deep stack, one call at a time, and no re-entry.
 *
 * <p>Why a deep stack: Chicory's interpreter needs about 1 KB of JVM stack per nested Wasm call, so a
 * default 1 MiB stack overflows near 1,000 levels. Work from a thread made by {@link GuestStacks}
 * with enough stack runs on that thread (inline); work from any other thread is handed to this
 * host's own thread, made with the stack, and waited for (the hop).
 *
 * <p>Why one at a time: a Chicory instance is not thread-safe. Whichever thread runs guest work holds
 * this host's lock for it, so inline callers and the hop take turns.
 *
 * <p>Why a guard as well: a host function runs in the middle of a guest call, on the thread running
 * it. If it called the guest again, the instance would be entered twice, so {@link #enter} refuses that.
 */
final class GuestThread {
    /** An idle guest thread ends after this long; the next call starts a new one. */
    static final long KEEP_ALIVE_SECONDS = 1;

    private final long stackBytes;
    private final ThreadPoolExecutor executor;
    private final ReentrantLock owner = new ReentrantLock(); // held by the thread running this host's guest work
    private volatile Thread thread;  // the thread the executor runs on now
    private Thread inline;              // a caller's thread running guest work now, for close(); guarded by this
    private boolean interruptedByClose; // close() interrupted that thread; guarded by this
    private String running;          // the export running now, or null; guarded by owner

    GuestThread(long stackBytes) {
        this.stackBytes = stackBytes;
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
     * Runs {@code work} where this host runs guest code and returns its result: here, if this thread
     * runs this host's guest work already (a batch, a host function) or is a {@link GuestStacks}
     * thread with the stack; otherwise on the guest thread, waited for. Refuses to start for a thread
     * that is interrupted already.
     */
    <T> T run(Callable<T> work) {
        if (owner.isHeldByCurrentThread()) {
            return direct(work);
        }
        if (Thread.currentThread().isInterrupted()) { // the caller was asked to stop: it is not started
            // The cause says "interrupted" to a trap around this one (a deadline met in a host function).
            throw new WorkbenchException("the calling thread was interrupted before the guest work began; nothing ran",
                    new InterruptedException("interrupt pending on " + Thread.currentThread().getName()));
        }
        if (executor.isShutdown()) {
            throw hostClosed();
        }
        GuestStacks.Caller here = GuestStacks.free(stackBytes);
        return here != null ? inline(here, work) : hop(work);
    }

    /** Runs {@code work} on the caller's own thread, which has the stack: no hop. */
    private <T> T inline(GuestStacks.Caller here, Callable<T> work) {
        try {
            owner.lockInterruptibly(); // another thread's guest work finishes first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while waiting for the guest", e);
        }
        if (executor.isShutdown()) { // closed while this caller waited for the one before it
            owner.unlock();
            throw hostClosed();
        }
        here.beginGuestWork();
        synchronized (this) {
            inline = here;
        }
        try {
            return direct(work);
        } finally {
            boolean closedUnderIt;
            synchronized (this) { // after this, close() interrupts this thread no more
                inline = null;
                closedUnderIt = interruptedByClose;
                interruptedByClose = false;
            }
            owner.unlock();
            // An interrupt that was not the watchdog's is given back, unless close() sent one: then it
            // is cleared (a caller's own in that same call cannot be told apart from it).
            here.endGuestWork(closedUnderIt);
        }
    }

    private static IllegalStateException hostClosed() {
        return new IllegalStateException("this host is closed; build a new one (the call did not run)");
    }

    private static <T> T direct(Callable<T> work) {
        try {
            return work.call();
        } catch (Throwable failure) {
            throw unchecked(failure);
        }
    }

    /** Hands {@code work} to the guest thread and waits for it. */
    private <T> T hop(Callable<T> work) {
        Handoff<T> handoff;
        Future<?> done;
        try {
            handoff = new Handoff<>(work, owner);
            done = executor.submit(handoff);
        } catch (OutOfMemoryError full) { // another part of the JVM filled the heap: the work never started
            throw new WorkbenchException("the JVM's heap is full, so the call could not be handed to the guest"
                    + " thread; nothing ran", full);
        } catch (RejectedExecutionException refused) {
            throw hostClosed();
        }
        try {
            done.get();
        } catch (CancellationException dropped) { // queued behind a call when the host was closed
            throw hostClosed();
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
        private final ReentrantLock owner;
        private T result;          // read by the caller after Future.get, which orders it after run
        private Throwable failure;

        Handoff(Callable<T> work, ReentrantLock owner) {
            this.work = work;
            this.owner = owner;
        }

        @Override
        public void run() {
            try {
                owner.lockInterruptibly(); // an inline caller's guest work finishes first
            } catch (Throwable t) {
                failure = t;
                return;
            }
            try {
                result = work.call();
            } catch (Throwable t) { // stores a reference, allocates nothing
                failure = t;
            } finally {
                owner.unlock();
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

    /** True on the thread running this host's guest work now (a host function, a listener inside a call). */
    boolean isCurrent() {
        return owner.isHeldByCurrentThread();
    }

    /** Marks the running export as finished. */
    void leave() {
        running = null;
    }

    /**
     * Stops the thread, interrupting a call still running (on it or on a caller's thread), and waits
     * briefly for it to end; later calls are refused.
     */
    void close() {
        for (Runnable queued : executor.shutdownNow()) {
            ((Future<?>) queued).cancel(false); // its caller is told, instead of waiting for ever
        }
        synchronized (this) { // only while the caller's guest work runs: see inline
            Thread caller = inline;
            if (caller != null && caller != Thread.currentThread()) {
                interruptedByClose = true;
                caller.interrupt(); // stops its call (the watchdog no longer watches it); cleared when it ends
            }
        }
        if (Thread.currentThread() == thread || owner.isHeldByCurrentThread()) {
            return; // closing from guest work: the thread ends when that work returns
        }
        try {
            if (owner.tryLock(1, TimeUnit.SECONDS)) { // a call running inline ends first, as on the guest thread
                owner.unlock();
            }
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
