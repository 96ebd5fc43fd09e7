package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.ecswasm.WorkbenchException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A call from a {@link GuestStacks} thread with the stack runs on that thread (no hop); a call from
 * any other thread still hops to the host's guest thread. Either way the deadline, the interrupt
 * status and the re-entry rules are the same; the hostile gallery and the concurrency tests run both
 * ways as well.
 */
class InlineCallTest {
    /** Where each call of env.probe ran. */
    private final List<Thread> seen = new CopyOnWriteArrayList<>();

    /** {@code run}: calls env.probe, then returns; {@code spin}: calls env.probe, then loops forever. */
    private static PluginModule probeModule() {
        WasmBytes wasm = new WasmBytes();
        int voidToVoid = wasm.type(0, 0);
        wasm.importFunction("env", "probe", voidToVoid)
                .exportFunction("run", voidToVoid, 0x10, 0x00)
                // call 0; loop; br 0; end (an unconditional br: the 1.7.5 interpreter checks interrupts there)
                .exportFunction("spin", voidToVoid, 0x10, 0x00, 0x03, 0x40, 0x0C, 0x00, 0x0B);
        return PluginModule.parse(wasm.bytes(), "probe");
    }

    private WasmHost probeHost(ExecutionMode mode, Runnable alsoOnProbe, Limits limits) {
        HostFunction probe = new HostFunction("env", "probe", FunctionType.of(List.of(), List.of()), (instance, args) -> {
            seen.add(Thread.currentThread());
            alsoOnProbe.run();
            return null;
        });
        return WasmHost.builder(probeModule()).mode(mode).limits(limits).extraFunctions(List.of(probe)).build();
    }

    private WasmHost probeHost(ExecutionMode mode) {
        return probeHost(mode, () -> { }, Limits.defaults());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCallFromAGuestStacksThreadRunsOnThatThreadAndAPlainThreadsCallHops(ExecutionMode mode) {
        try (WasmHost host = probeHost(mode)) {
            Thread caller = OnGuestStack.call(() -> {
                host.call("run");
                return Thread.currentThread();
            });
            host.call("run"); // from the test's own thread
            assertEquals(2, seen.size());
            assertSame(caller, seen.get(0), "the host function ran on the caller's thread");
            assertEquals("wasm-guest", seen.get(1).getName(), "a plain thread's call hopped");
        }
    }

    @Test
    void aDeepThreadNotMadeByGuestStacksStillHops() throws InterruptedException {
        try (WasmHost host = probeHost(ExecutionMode.COMPILED)) {
            Thread deep = new Thread(null, () -> host.call("run"), "deep-but-unmarked", 256L * 1024 * 1024);
            deep.start();
            deep.join();
            assertEquals("wasm-guest", seen.get(0).getName(), "the stack is not guessed: only GuestStacks threads count");
        }
    }

    @Test
    void aGuestStacksThreadWithLessStackThanTheHostAsksForHops() throws InterruptedException {
        try (WasmHost host = probeHost(ExecutionMode.COMPILED)) {
            Thread small = GuestStacks.newThread("small-caller", 1024 * 1024, () -> host.call("run"));
            small.start();
            small.join();
            assertEquals("wasm-guest", seen.get(0).getName());
            assertFalse(OnGuestStack.call(() -> GuestStacks.fits(GuestStacks.DEFAULT_STACK_BYTES + 1)));
            assertTrue(OnGuestStack.call(() -> GuestStacks.fits(GuestStacks.DEFAULT_STACK_BYTES)));
        }
    }

    /**
     * A host function that calls a second host hops there, even from a GuestStacks thread: the thread
     * is busy with the first host's call, whose watchdog must be the only one to interrupt it.
     */
    @Test
    void aSecondHostCalledFromInsideAnInlineCallHops() {
        List<Thread> inner = new CopyOnWriteArrayList<>();
        HostFunction probe = new HostFunction("env", "probe", FunctionType.of(List.of(), List.of()), (instance, args) -> {
            inner.add(Thread.currentThread());
            return null;
        });
        try (WasmHost second = WasmHost.builder(probeModule()).extraFunctions(List.of(probe)).build();
                WasmHost first = probeHost(ExecutionMode.COMPILED, () -> second.call("run"), Limits.defaults())) {
            Thread caller = OnGuestStack.call(() -> {
                first.call("run");
                return Thread.currentThread();
            });
            assertSame(caller, seen.get(0));
            assertEquals("wasm-guest", inner.get(0).getName());
        }
    }

    /**
     * A host function that meets its call's deadline and then calls a second host: that call is not
     * started, and the first call's trap still names the deadline, on either path.
     */
    @ParameterizedTest
    @EnumSource(OnGuestStack.Caller.class)
    void aHostFunctionPastTheDeadlineCannotStartASecondHostsCall(OnGuestStack.Caller path) throws Exception {
        List<Thread> inner = new CopyOnWriteArrayList<>();
        HostFunction probe = new HostFunction("env", "probe", FunctionType.of(List.of(), List.of()), (instance, args) -> {
            inner.add(Thread.currentThread());
            return null;
        });
        Runnable untilTheDeadline = () -> {
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
        };
        Limits quick = Limits.defaults().withCallDeadline(Duration.ofMillis(100));
        try (WasmHost second = WasmHost.builder(probeModule()).extraFunctions(List.of(probe)).build();
                WasmHost first = probeHost(ExecutionMode.COMPILED, () -> {
                    untilTheDeadline.run();
                    second.call("run");
                }, quick)) {
            path.run(() -> {
                PluginTrap trap = assertThrows(PluginTrap.class, () -> first.call("run"));
                assertEquals(Optional.of("callDeadline"), trap.limit(), trap.getMessage());
                assertFalse(Thread.currentThread().isInterrupted());
            });
            assertEquals(List.of(), inner, "the second host's call did not start");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theDeadlineStopsAnInlineCallAndLeavesNoInterruptBehind(ExecutionMode mode) {
        Limits quick = Limits.defaults().withCallDeadline(Duration.ofMillis(200));
        try (WasmHost host = WasmHost.builder(PluginModule.load(Path.of("src/test/resources/hostile/infinite_loop.wasm")))
                .mode(mode).limits(quick).build()) {
            OnGuestStack.run(() -> {
                PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
                assertEquals(Optional.of("callDeadline"), trap.limit(), trap.getMessage());
                assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt stays inside the call");
                Thread.sleep(10); // would throw if it had leaked
                assertEquals(1, host.callInt("honest"));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(OnGuestStack.Caller.class)
    void aCallerInterruptedBeforeTheCallIsRefusedAndKeepsItsInterrupt(OnGuestStack.Caller path) throws Exception {
        try (WasmHost host = probeHost(ExecutionMode.COMPILED)) {
            path.run(() -> {
                Thread.currentThread().interrupt();
                WorkbenchException refused = assertThrows(WorkbenchException.class, () -> host.call("run"));
                assertTrue(Thread.interrupted(), "the caller's interrupt is still set");
                assertEquals("the calling thread was interrupted before the guest work began; nothing ran",
                        refused.getMessage());
                assertEquals(List.of(), seen, "nothing ran");
                host.call("run");
                assertEquals(1, seen.size(), "the next call runs");
            });
        }
    }

    /**
     * Someone else's interrupt in the middle of a call stops it, on either path, and the caller
     * still has it afterwards: the inline path gives back what the watchdog clears.
     */
    @ParameterizedTest
    @EnumSource(OnGuestStack.Caller.class)
    void anInterruptDuringACallStopsItAndTheCallerKeepsIt(OnGuestStack.Caller path) throws Exception {
        for (ExecutionMode mode : ExecutionMode.values()) {
            CountDownLatch running = new CountDownLatch(1);
            Limits slow = Limits.defaults().withCallDeadline(Duration.ofSeconds(60));
            try (WasmHost host = probeHost(mode, running::countDown, slow)) {
                path.run(() -> {
                    Thread caller = Thread.currentThread();
                    Thread interrupter = new Thread(() -> {
                        try {
                            running.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        caller.interrupt();
                    });
                    interrupter.start();
                    RuntimeException stopped = assertThrows(RuntimeException.class, () -> host.call("spin"));
                    boolean kept = Thread.interrupted(); // before join, which an interrupt would end at once
                    interrupter.join();
                    assertTrue(kept, mode + ": the caller still has its interrupt after " + stopped);
                    if (stopped instanceof PluginTrap trap) {
                        assertNotEquals(Optional.of("callDeadline"), trap.limit(), trap.getMessage());
                    }
                    host.call("run");
                });
            }
        }
    }

    /** A reactor's {@code _initialize} runs while the host is built: on the builder's thread, if it has the stack. */
    @Test
    void aHostBuiltOnAGuestStacksThreadInstantiatesThere() {
        WasmBytes wasm = new WasmBytes();
        int voidToVoid = wasm.type(0, 0);
        wasm.importFunction("env", "probe", voidToVoid).exportFunction("_initialize", voidToVoid, 0x10, 0x00);
        PluginModule reactor = PluginModule.parse(wasm.bytes(), "reactor-probe");
        HostFunction probe = new HostFunction("env", "probe", FunctionType.of(List.of(), List.of()), (instance, args) -> {
            seen.add(Thread.currentThread());
            return null;
        });
        Thread builder = OnGuestStack.call(() -> {
            WasmHost.builder(reactor).extraFunctions(List.of(probe)).build().close();
            return Thread.currentThread();
        });
        assertSame(builder, seen.get(0));
    }

    /**
     * close() stops a call running on either path, and a caller waiting behind it is told the host is
     * closed instead of waiting for ever; neither caller is left with an interrupt.
     */
    @ParameterizedTest
    @EnumSource(OnGuestStack.Caller.class)
    void closingAHostStopsItsCallAndRefusesTheCallerWaitingBehindIt(OnGuestStack.Caller path) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        WasmHost host = probeHost(ExecutionMode.COMPILED, running::countDown, Limits.defaults());
        AtomicReference<Throwable> first = new AtomicReference<>();
        AtomicReference<Throwable> second = new AtomicReference<>();
        List<Boolean> interruptedAfter = new CopyOnWriteArrayList<>();
        Thread spinning = caller(path, "first", () -> host.call("spin"), first, interruptedAfter);
        Thread waiting = caller(path, "second", () -> host.call("run"), second, interruptedAfter);
        spinning.start();
        running.await();
        waiting.start();
        awaitParked(waiting);
        host.close();
        spinning.join(10_000); // a bound for a broken close, not a measure: it ends in milliseconds
        waiting.join(10_000);
        assertFalse(spinning.isAlive() || waiting.isAlive(), "both callers returned");
        assertTrue(first.get() instanceof PluginTrap, "the running call was stopped: " + first.get());
        assertEquals("this host is closed; build a new one (the call did not run)", second.get().getMessage());
        assertEquals(List.of(false, false), interruptedAfter, "no interrupt is left on either caller");
        assertEquals(1, seen.size(), "only the first call ran");
    }

    private static Thread caller(OnGuestStack.Caller path, String name, Runnable call, AtomicReference<Throwable> thrown,
                                 List<Boolean> interruptedAfter) {
        Runnable body = () -> {
            try {
                call.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
            interruptedAfter.add(Thread.currentThread().isInterrupted());
        };
        return path == OnGuestStack.Caller.INLINE ? GuestStacks.newThread(name, body) : new Thread(body, name);
    }

    /** Waits until {@code thread} waits (for the host's lock, or for its hop to be run). */
    private static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }

    @Test
    void aClosedHostRefusesCallsOnEitherPath() throws Exception {
        WasmHost host = probeHost(ExecutionMode.COMPILED);
        host.close();
        for (OnGuestStack.Caller path : OnGuestStack.Caller.values()) {
            path.run(() -> assertEquals("this host is closed; build a new one (the call did not run)",
                    assertThrows(IllegalStateException.class, () -> host.call("run")).getMessage()));
        }
        assertTrue(seen.isEmpty());
    }
}
