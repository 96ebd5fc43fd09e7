package dev.ecswasm.host;

import dev.ecswasm.WorkbenchException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads deep enough to run a host's guest calls themselves, without the hop to its guest thread.
 *
 * <p>A call from any other thread is handed to the host's {@link GuestThread} and waited for: tens of
 * microseconds a call. A call from a thread made here, with at least the host's
 * {@link WasmHost.Builder#stackBytes(long) stackBytes} for the guest, runs on that thread, under the
 * same deadline, world lock, re-entry guard and trap recovery. The check is exact: the thread says
 * what stack it was made with; nothing is guessed from {@code -Xss}.
 *
 * <p>Each thread gets {@link #CALLER_HEADROOM} more than it promises the guest, for the caller's own
 * frames below the call, so a guest's depth does not depend on how deep the caller was.
 */
public final class GuestStacks {
    /** The guest's stack a host asks for unless told otherwise: 64 MiB. */
    public static final long DEFAULT_STACK_BYTES = 64L * 1024 * 1024;
    /** Stack a thread made here has beyond what it promises the guest: room for the caller's own code. */
    public static final long CALLER_HEADROOM = 1024L * 1024;

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private GuestStacks() {}

    /**
     * A new, unstarted thread that runs {@code task} and may run guest calls of any host whose
     * {@code stackBytes} are at most {@code guestStackBytes} directly.
     */
    public static Thread newThread(String name, long guestStackBytes, Runnable task) {
        return new Caller(task, name, guestStackBytes);
    }

    /** {@link #newThread(String, long, Runnable)} with {@link #DEFAULT_STACK_BYTES}. */
    public static Thread newThread(String name, Runnable task) {
        return newThread(name, DEFAULT_STACK_BYTES, task);
    }

    /**
     * Runs {@code work} on a new such thread with {@link #DEFAULT_STACK_BYTES}, waits for it, and returns
     * its result; a {@link RuntimeException} or {@link Error} it throws comes back as itself, a checked
     * exception wrapped. For a {@code main} whose host calls should not hop.
     */
    public static <T> T call(String name, Callable<T> work) {
        Objects.requireNonNull(work, "work");
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = newThread(name, () -> {
            try {
                result[0] = work.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        thread.start();
        try {
            thread.join(); // orders the thread's writes before the reads below
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new WorkbenchException("interrupted while waiting for " + name, e);
        }
        if (failure[0] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
        if (failure[0] != null) {
            throw new WorkbenchException(name + " failed", failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** A factory of such threads, named {@code prefix-1}, {@code prefix-2}, ... (for an executor). */
    public static ThreadFactory factory(String prefix, long guestStackBytes) {
        Objects.requireNonNull(prefix, "prefix");
        return task -> newThread(prefix + "-" + NUMBER.incrementAndGet(), guestStackBytes, task);
    }

    /**
     * Whether the current thread was made here with at least {@code stackBytes} for the guest: a host
     * with that stack runs a call from it on it. (It still hops while the thread is inside guest work
     * already, to keep one deadline to a thread.)
     */
    public static boolean fits(long stackBytes) {
        return Thread.currentThread() instanceof Caller caller && caller.guestStackBytes >= stackBytes;
    }

    /**
     * The current thread if it may run guest work of a host with {@code stackBytes} itself now: made
     * here with that much stack, and not inside guest work already (a host function calling a second
     * host, say, whose watchdog must not share the thread with the first one's). Otherwise null.
     */
    static Caller free(long stackBytes) {
        return Thread.currentThread() instanceof Caller caller && caller.guestStackBytes >= stackBytes
                && !caller.busy ? caller : null;
    }

    /**
     * Clears the current thread's interrupt flag after a watched run, so the watchdog's interrupt does
     * not leak into what the thread does next. On a caller's thread an interrupt the watchdog did not
     * send is someone else's request, so it is given back when the thread's guest work ends
     * ({@link Caller#endGuestWork}); the guest thread's own interrupts are the host's.
     */
    static void clearInterrupt(boolean sentByWatchdog) {
        if (Thread.interrupted() && !sentByWatchdog && Thread.currentThread() instanceof Caller caller) {
            caller.foreignInterrupt = true;
        }
    }

    /** A thread made here: how much stack it promises the guest, and whether it runs guest work now. */
    static final class Caller extends Thread {
        final long guestStackBytes;
        private boolean busy;             // only touched by this thread
        private boolean foreignInterrupt; // an interrupt cleared during guest work, to give back after it

        private Caller(Runnable task, String name, long guestStackBytes) {
            super(null, task, Objects.requireNonNull(name, "name"), checked(guestStackBytes) + CALLER_HEADROOM);
            this.guestStackBytes = guestStackBytes;
        }

        private static long checked(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("a guest stack needs a positive size, not " + bytes + " bytes");
            }
            return bytes;
        }

        void beginGuestWork() {
            busy = true;
        }

        /**
         * Ends guest work. An interrupt someone else sent during it is set again for the caller, unless
         * the host's close() sent one: then that is cleared, whether it came in time or late.
         */
        void endGuestWork(boolean interruptedByClose) {
            busy = false;
            boolean giveBack = foreignInterrupt && !interruptedByClose;
            foreignInterrupt = false;
            if (interruptedByClose) {
                Thread.interrupted();
            } else if (giveBack) {
                interrupt();
            }
        }
    }
}
