package dev.ecswasm.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How one guest run goes, on whichever thread {@link GuestThread} runs it: an instantiation or an
 * export call, holding the world's lock, watched by the {@link Watchdog} from start to end, refused
 * if it would re-enter the guest, and turned into a {@link PluginTrap} by the {@link TrapHandler} if
 * it fails. Holds the live instance, which only the thread running the host's guest work touches.
 */
final class GuestCalls {
    private final PluginModule module;
    private final ExecutionMode mode;
    private final Linker linker;
    private final Watchdog watchdog;
    private final TrapHandler traps;
    private final GuestThread guestThread;
    private final ReentrantLock worldLock; // shared with every host over the same world
    private GuestInstance instance;
    private long calls;    // export calls so far
    private long watchIds; // identifies each watched run (a call, an instantiation) to the watchdog

    GuestCalls(PluginModule module, ExecutionMode mode, Linker linker, Limits limits, Watchdog watchdog,
               PluginTrap.Recovery afterTrap, GuestThread guestThread, ReentrantLock worldLock) {
        this.module = module;
        this.mode = mode;
        this.linker = linker;
        this.watchdog = watchdog;
        this.guestThread = guestThread;
        this.worldLock = worldLock;
        this.traps = new TrapHandler(limits, mode, watchdog, linker, afterTrap, this::instantiate);
    }

    /** Makes a new instance, replacing the one there was. */
    void instantiate() {
        worldLock.lock(); // a start function may already call imports
        try {
            instance = startInstance();
        } finally {
            worldLock.unlock();
        }
    }

    /**
     * A new instance: Chicory runs the module's start function and an exported {@code _start} while
     * building it, and a reactor's {@code _initialize} runs once here. If any of that fails, the
     * failure comes out as a {@link PluginTrap} ({@link PluginTrap.Recovery#NOT_BUILT}) naming what
     * ran; a memory the host refuses is a {@link LinkException}.
     */
    private GuestInstance startInstance() {
        Instance.Builder builder = GuestInstance.builder(module, mode, linker, watchdog);
        String phase = module.startPhase();
        long stderrMark = linker.stderr().written();
        linker.clearFailedHostCall();
        long watched = ++watchIds;
        watchdog.start(watched); // instantiating runs guest code: under the limits of a call, afresh
        try {
            GuestInstance started = GuestInstance.of(builder.build(), linker);
            if (module.style() == PluginModule.ModuleStyle.REACTOR) {
                phase = "_initialize";
                started.export("_initialize").apply(); // a reactor's constructors run once, here
            }
            return started;
        } catch (LinkException refused) {
            throw refused;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failure) {
            throw traps.startFailed(phase, failure, watchdog.stop(watched), stderrMark);
        } finally {
            watchdog.stop(watched);
        }
    }

    /** One export call, watched; a failure becomes a {@link PluginTrap}. */
    long[] call(String export, long[] args) {
        checkArguments(export, args);
        guestThread.enter(export); // refuses a host function calling back into the guest
        worldLock.lock(); // another host's call on this world finishes first; its wait is not this call's time
        long call = ++watchIds;
        try {
            traps.beforeCall(instance);
            calls++;
            watchdog.start(call);
            return runWatched(export, args, call);
        } catch (OutOfMemoryError exhausted) {
            // The heap ran out during the call, the trap's own making included: the guest filled it
            // (memory.grow past what it holds: Chicory allocates page by page and keeps the pages it
            // got), or a host call for it, or another part of the JVM did and this call met the wall.
            // The instance may be half-way through anything, and only dropping it gives back what it
            // holds, so it goes first, whatever afterTrap says.
            boolean timedOut = watchdog.stop(call);
            int pages = instance.memoryPages();
            instance = null;
            linker.attach((Memory) null);
            throw traps.heapExhausted(export, exhausted, timedOut, pages);
        } finally {
            watchdog.stop(call); // a second stop after a trap changes nothing
            worldLock.unlock();
            guestThread.leave();
        }
    }

    /** Runs the export; a failure in it becomes a {@link PluginTrap}, unless the heap ran out (the caller's). */
    private long[] runWatched(String export, long[] args, long call) {
        try {
            long[] results = instance.export(export).apply(args);
            return results == null ? new long[0] : results;
        } catch (RuntimeException | StackOverflowError failure) {
            throw traps.trap(export, failure, watchdog.stop(call), instance);
        }
    }

    /**
     * Refuses a call with the wrong number of arguments before it reaches Chicory, which would run it
     * with whatever it finds (the interpreter) or fail with an index out of bounds (compiled code).
     */
    private void checkArguments(String export, long[] args) {
        GuestInstance live = instance();
        FunctionType type = live.exportType(export);
        int wanted = type.params().size();
        if (args.length != wanted) {
            throw new IllegalArgumentException("the export " + export + ImportCheck.signature(type) + " takes " + wanted
                    + (wanted == 1 ? " argument" : " arguments") + ", but was called with " + args.length);
        }
    }

    /** The live instance; refuses if the heap ran out and no fresh one could be made. */
    GuestInstance instance() {
        if (instance == null) {
            throw new IllegalStateException("this host has no plugin instance left: the JVM's heap ran out and a"
                    + " fresh instance could not be made; build a new host");
        }
        return instance;
    }

    long calls() {
        return calls;
    }

    long traps() {
        return traps.traps();
    }
}
