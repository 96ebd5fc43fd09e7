package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a guest call that runs too long. In compiled mode Chicory checks the thread's interrupt flag
 * at function entries and backward jumps, so a timer interrupts the guest thread at the deadline.
 * The 1.7.5 interpreter does not check it inside a {@code br_if} loop, so there this is also an
 * execution listener that counts instructions (fuel) and looks at the clock every 4,096 of them.
 */
final class Watchdog implements ExecutionListener {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "wasm-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Limits limits;
    private final Object lock = new Object();
    private long call;          // which call is running; 0 between calls
    private long fired;         // the call the timer interrupted
    private long deadlineNanos;
    private long instructions;
    private ScheduledFuture<?> alarm;

    Watchdog(Limits limits) {
        this.limits = limits;
    }

    /** Thrown out of the guest when a limit is reached; names it. */
    static final class Exceeded extends RuntimeException {
        final String limit;

        Exceeded(String limit, String message) {
            super(message);
            this.limit = limit;
        }
    }

    /** Starts watching the call about to run on {@code guest}. */
    void start(long callId, Thread guest) {
        instructions = 0;
        long nanos = limits.callDeadline().toNanos();
        deadlineNanos = nanos == 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        synchronized (lock) {
            call = callId;
            fired = 0;
        }
        if (nanos > 0) {
            alarm = TIMER.schedule(() -> {
                synchronized (lock) {
                    if (call == callId) {
                        fired = callId;
                        guest.interrupt();
                    }
                }
            }, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops watching; returns true if the timer interrupted this call. */
    boolean stop(long callId) {
        if (alarm != null) {
            alarm.cancel(false);
            alarm = null;
        }
        boolean interrupted;
        synchronized (lock) {
            call = 0;
            interrupted = fired == callId;
        }
        Thread.interrupted(); // the flag must not leak into the next call
        return interrupted;
    }

    String deadlineMessage() {
        return "the call ran past its deadline of " + limits.callDeadline().toMillis() + " ms";
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (++instructions > limits.maxInstructions()) {
            throw new Exceeded("maxInstructions", "the call used up its fuel of " + limits.maxInstructions()
                    + " instructions");
        }
        if ((instructions & 0xFFF) == 0 && System.nanoTime() > deadlineNanos) {
            throw new Exceeded("callDeadline", deadlineMessage());
        }
    }
}
