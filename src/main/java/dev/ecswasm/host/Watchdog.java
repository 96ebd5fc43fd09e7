package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a guest call that runs too long. In compiled mode Chicory checks the thread's interrupt flag
 * at function entries and backward jumps, so a shared ticker (every {@value #TICK_MILLIS} ms)
 * interrupts the thread running a call past its deadline (the guest thread, or the caller's own
 * {@link GuestStacks} thread). The 1.7.5 interpreter does not check
 * the flag inside a {@code br_if} loop, so there this is also an execution listener that counts
 * instructions (fuel) and looks at the clock every 4,096 of them.
 *
 * <p>Starting and stopping a call only writes a few fields and a set entry: no timer per call. The
 * ticker's thread runs only while calls are watched (and {@value #IDLE_TICKS} ticks after), so a
 * program that is done leaves no thread behind for {@code exec:java} or the JVM to wait for.
 */
final class Watchdog implements ExecutionListener {
    static final long TICK_MILLIS = 5;
    /** Ticks with nothing to watch before the ticker's thread ends; the next call starts a new one. */
    static final int IDLE_TICKS = 40;
    private static final Set<Watchdog> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean TICKING = new AtomicBoolean();
    private static volatile Thread ticker; // the latest ticker's thread
    /** The last throwable a tick met and survived; for diagnostics. */
    static volatile Throwable lastTickFailure;
    /** For tests: run by the ticker at the start of each tick, where it may throw what a tick can meet. */
    static volatile Runnable tickFault;

    private final Limits limits;
    private final long deadlineNanos;
    private volatile long call;       // the running call's id; 0 between calls
    private volatile long startNanos;
    private volatile Thread guest;
    private long fired;               // the call the ticker interrupted; guarded by this
    private long instructions;        // only touched by the thread running the host's guest work

    Watchdog(Limits limits) {
        this.limits = limits;
        this.deadlineNanos = limits.callDeadline().toNanos();
    }

    /** Thrown out of the guest when a limit is reached; names it. */
    static final class Exceeded extends RuntimeException {
        final String limit;

        Exceeded(String limit, String message) {
            super(message);
            this.limit = limit;
        }
    }

    /** Starts watching the call about to run on the current thread. */
    void start(long callId) {
        instructions = 0;
        startNanos = System.nanoTime();
        guest = Thread.currentThread();
        call = callId;
        if (deadlineNanos > 0) {
            WATCHED.add(this);
            if (!TICKING.get() && TICKING.compareAndSet(false, true)) {
                startTicker();
            }
        }
    }

    /** Starts the ticker's thread; the caller has set {@code TICKING}. If it cannot start, drops the flag. */
    private static void startTicker() {
        Thread fresh = new Thread(Watchdog::tickWhileWatched, "wasm-watchdog");
        fresh.setDaemon(true);
        ticker = fresh;
        try {
            fresh.start();
        } catch (Throwable cannotStart) { // e.g. no memory for another thread: the next call tries again
            TICKING.set(false);
            throw cannotStart;
        }
    }

    /** Stops watching; returns true if the ticker interrupted this call. */
    boolean stop(long callId) {
        WATCHED.remove(this); // watched only while a call runs, so an unclosed host is not kept alive
        boolean interrupted;
        synchronized (this) {
            call = 0;
            interrupted = fired == callId;
        }
        GuestStacks.clearInterrupt(interrupted); // a late interrupt must not leak into the next call
        return interrupted;
    }

    /** Forgets this watchdog (its host is closing). */
    void close() {
        WATCHED.remove(this);
    }

    String deadlineMessage() {
        return "the call ran past its deadline of " + limits.callDeadline().toMillis() + " ms";
    }

    /**
     * The ticker thread's loop: checks every watched call each tick; ends once nothing is watched.
     * Every host in the JVM depends on it, so it survives whatever a tick meets: an
     * {@link OutOfMemoryError} (a guest can fill the heap, and a tick allocates an iterator) or any
     * other throwable is recorded and the next tick tries again. Should its thread end some other
     * way (a throwable while it sleeps), it drops the flag on the way out, so the next call starts
     * a new ticker instead of finding the flag up and no thread behind it.
     */
    private static void tickWhileWatched() {
        boolean done = false;
        try {
            int idle = 0;
            while (true) {
                try {
                    TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    idle = IDLE_TICKS; // asked to stop (exec:java does at exit): end now unless a call runs
                }
                try {
                    tick();
                } catch (Throwable failure) { // keeps no reference but this one: nothing to allocate
                    lastTickFailure = failure;
                    continue;
                }
                idle = WATCHED.isEmpty() ? idle + 1 : 0;
                if (idle >= IDLE_TICKS) {
                    TICKING.set(false);
                    // A call that started just before the flag dropped saw it still up: carry on for it.
                    if (WATCHED.isEmpty() || !TICKING.compareAndSet(false, true)) {
                        done = true;
                        return;
                    }
                    idle = 0;
                }
            }
        } finally {
            if (!done && ticker == Thread.currentThread()) {
                TICKING.set(false); // ended by something the loop could not catch: the next call starts one
            }
        }
    }

    /** One tick: interrupts every watched call past its deadline. */
    private static void tick() {
        Runnable fault = tickFault;
        if (fault != null) {
            fault.run();
        }
        long now = System.nanoTime();
        for (Watchdog watchdog : WATCHED) {
            watchdog.check(now);
        }
    }

    /** True while the ticker's thread runs; for tests that check a finished program leaves none. */
    static boolean ticking() {
        return TICKING.get();
    }

    private synchronized void check(long now) {
        long running = call;
        if (running != 0 && fired != running && now - startNanos > deadlineNanos) {
            fired = running;
            guest.interrupt();
        }
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (++instructions > limits.maxInstructions()) {
            throw new Exceeded("maxInstructions", "the call used up its fuel of " + limits.maxInstructions()
                    + " instructions");
        }
        if ((instructions & 0xFFF) == 0 && deadlineNanos > 0 && System.nanoTime() - startNanos > deadlineNanos) {
            throw new Exceeded("callDeadline", deadlineMessage());
        }
    }
}
