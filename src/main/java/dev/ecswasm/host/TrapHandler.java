package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import dev.ecswasm.abi.LimitTrap;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;

/**
 * What a host does when a guest call fails: works out why it stopped and which limit, if any,
 * stopped it, then makes the plugin usable again, and says all that in one {@link PluginTrap}.
 *
 * <p>Why recovery is needed: Chicory does not unwind the guest's shadow stack on a trap, so each
 * failed call would leak its frame until every call traps. The handler either puts the mutable
 * globals (the stack pointer) back as they were before the call, or replaces the instance.
 */
final class TrapHandler {
    private final Limits limits;
    private final ExecutionMode mode;
    private final Watchdog watchdog;
    private final Linker linker;
    private final PluginTrap.Recovery afterTrap;
    private final Runnable reinstantiate;
    private long[] savedGlobals; // as they were before the running call
    private long stderrMark;     // how much stderr had been written before the running call
    private long traps;

    TrapHandler(Limits limits, ExecutionMode mode, Watchdog watchdog, Linker linker, PluginTrap.Recovery afterTrap,
                Runnable reinstantiate) {
        this.limits = limits;
        this.mode = mode;
        this.watchdog = watchdog;
        this.linker = linker;
        this.afterTrap = afterTrap;
        this.reinstantiate = reinstantiate;
    }

    /** Remembers what a trap in the call about to run would need to undo. */
    void beforeCall(GuestInstance instance) {
        savedGlobals = instance.mutableGlobals();
        stderrMark = linker.stderr().written();
        linker.clearFailedHostCall();
    }

    /**
     * Explains a failed call and recovers from it.
     *
     * @param timedOut whether the watchdog interrupted the call for its deadline
     */
    PluginTrap trap(String export, Throwable failure, boolean timedOut, GuestInstance instance) {
        traps++;
        String hostCall = linker.failedHostCall();
        Explanation why = explain(failure, timedOut, hostCall, instance.memoryPages());
        String stderr = linker.stderr().since(stderrMark);
        String reason = why.reason;
        PluginTrap.Recovery recovery = afterTrap;
        if (afterTrap == PluginTrap.Recovery.REINSTANTIATED) {
            try {
                reinstantiate.run(); // under a fresh budget: not the fuel and time this call used up
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError fresh) {
                // Keep the old instance, pointed at again, with its stack pointer put back.
                linker.attach(instance.memory());
                instance.restoreMutableGlobals(savedGlobals);
                recovery = PluginTrap.Recovery.STACK_RESTORED;
                reason += "; a fresh instance failed too (" + firstLine(fresh) + "), so the old one was kept";
            }
        } else {
            instance.restoreMutableGlobals(savedGlobals);
        }
        return new PluginTrap(export, hostCall, stderr, recovery, why.limit, reason, failure);
    }

    /**
     * Explains a call that ran the JVM out of heap and recovers from it. The caller has let go of the
     * instance already (it holds the memory that filled the heap); this makes a fresh one, whatever
     * {@code afterTrap} says, and if even that fails the host is left without one
     * ({@link PluginTrap.Recovery#HOST_UNUSABLE}).
     *
     * @param memoryPages the guest memory's size in pages when the heap ran out
     */
    PluginTrap heapExhausted(String export, OutOfMemoryError failure, boolean timedOut, int memoryPages) {
        traps++;
        PluginTrap.Recovery recovery = PluginTrap.Recovery.REINSTANTIATED;
        String after = afterTrap == PluginTrap.Recovery.REINSTANTIATED ? ""
                : "; the instance was replaced all the same, as only that gives the heap back";
        try {
            reinstantiate.run();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError fresh) {
            recovery = PluginTrap.Recovery.HOST_UNUSABLE;
            after = "; a fresh instance failed too (" + firstLine(fresh) + ")";
        }
        String hostCall = linker.failedHostCall();
        Explanation why = explain(failure, timedOut, hostCall, memoryPages);
        return new PluginTrap(export, hostCall, linker.stderr().since(stderrMark), recovery, why.limit,
                why.reason + after, failure);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Explains a plugin that failed while being instantiated: {@code phase} says what ran (the start
     * function, {@code _start}, {@code _initialize}); nothing is recovered, no host is built.
     *
     * @param stderrMark how much the guest had written to stderr before ({@link GuestOutput#written()})
     */
    PluginTrap startFailed(String phase, Throwable failure, boolean timedOut, long stderrMark) {
        String hostCall = linker.failedHostCall();
        Explanation why = explain(failure, timedOut, hostCall, 0);
        return new PluginTrap(phase, hostCall, linker.stderr().since(stderrMark), PluginTrap.Recovery.NOT_BUILT,
                why.limit, why.reason, failure);
    }

    /** Which limit stopped the guest, if one did, and why it stopped, in words. */
    private record Explanation(String limit, String reason) {}

    private Explanation explain(Throwable failure, boolean timedOut, String hostCall, int memoryPages) {
        // Chicory wraps a trap in a start function as "uninstantiable"; what happened is inside.
        if (failure instanceof UninstantiableException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        String limit = null;
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (hostCall != null && reason.startsWith(hostCall + ": ")) {
            reason = reason.substring(hostCall.length() + 2); // the trap says "in host call ..." already
        }
        if (failure instanceof Watchdog.Exceeded) {
            limit = ((Watchdog.Exceeded) failure).limit;
        } else if (timedOut && interrupted(failure)) {
            limit = "callDeadline";
            // Compiled code and the interpreter stop at an interrupt check; a WASI call that waits
            // (poll_oneoff sleeping, say) fails with Chicory's "Thread interrupted": same deadline.
            reason = watchdog.deadlineMessage() + (failure instanceof ChicoryInterruptedException ? ""
                    : " while it waited in a WASI call (" + reason + ")");
        } else if (failure instanceof StackOverflowError) {
            reason = "the guest's calls nested deeper than the stack it runs on allows (the builder's stackBytes)";
        } else if (failure instanceof OutOfMemoryError && memoryFilledHeap(memoryPages)) {
            reason = String.format(Locale.ROOT, "the JVM ran out of heap while the guest ran (%s), with guest memory"
                    + " at %,d pages (%,d MiB) of maxMemoryPages %,d: this JVM's heap cannot hold the memory the"
                    + " limits allow; lower maxMemoryPages or give the JVM more heap (-Xmx)", reason, memoryPages,
                    memoryPages / 16, limits.maxMemoryPages());
        } else if (failure instanceof OutOfMemoryError) {
            // Guest memory is a small part of the heap, so something else filled it. In the interpreter
            // that is most likely its call frames (each keeps its locals on the heap; maxLocals bounds
            // one frame, not how deep they nest); compiled code keeps its frames on the thread's stack,
            // which is why a neighbour host calling while another guest fills the heap is told so.
            String small = String.format(Locale.ROOT, "the JVM ran out of heap while the guest ran (%s), with guest"
                    + " memory at only %,d pages (%,d KiB)", reason, memoryPages, memoryPages * 64L);
            reason = mode == ExecutionMode.INTERPRETER
                    ? small + ", so not its memory but its call frames filled the heap (the interpreter keeps every"
                            + " frame's locals on the JVM heap; deep recursion through a function with many locals"
                            + " multiplies them), or what it asked the host for, or another part of this JVM; give the"
                            + " JVM more heap (-Xmx) or lower maxLocals"
                    : small + "; compiled code keeps its call frames on the thread's stack, so something else filled"
                            + " the heap: what the guest asked the host for, or another part of this JVM (another"
                            + " host's guest, the application); give the JVM more heap (-Xmx)";
        }
        for (Throwable t = failure; t != null && limit == null; t = t.getCause()) {
            if (t instanceof LimitTrap) {
                limit = ((LimitTrap) t).limit();
            }
        }
        if (limit == null && memoryPages >= limits.maxMemoryPages()) {
            limit = "maxMemoryPages";
            reason += "; guest memory is full at " + limits.maxMemoryPages() + " pages";
        }
        return new Explanation(limit, reason);
    }

    /**
     * Whether guest memory of {@code memoryPages} is a large enough part of the JVM's heap (a quarter
     * or more) to be what filled it; if not, a heap that ran out was filled by something else.
     */
    private static boolean memoryFilledHeap(int memoryPages) {
        return memoryPages * 65536L >= Runtime.getRuntime().maxMemory() / 4;
    }

    /** Whether {@code failure} is what an interrupt (the watchdog's) makes of guest code or a WASI call. */
    private static boolean interrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ChicoryInterruptedException || t instanceof InterruptedException
                    || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException
                    || (t instanceof ChicoryException && "Thread interrupted".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** How many calls have trapped so far. */
    long traps() {
        return traps;
    }
}
