package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's ticker is shared by every host in the JVM, so nothing a guest causes may switch it
 * off: an {@link OutOfMemoryError} (a guest can exhaust the heap, and the ticker allocates) or any
 * other throwable in a tick must not end deadlines for the hosts that come after.
 */
class WatchdogSurvivalTest {
    private static final Limits HALF_SECOND = Limits.defaults().withCallDeadline(Duration.ofMillis(500));

    @AfterEach
    void noMoreFaults() {
        Watchdog.tickFault = null;
    }

    private static PluginModule infiniteLoop() {
        return PluginModule.load(Path.of("src/test/resources/hostile/infinite_loop.wasm"));
    }

    /** A fresh compiled host's infinite loop must still meet its deadline, and soon. */
    private static void aFreshHostsLoopStillStops() {
        try (WasmHost host = WasmHost.builder(infiniteLoop()).limits(HALF_SECOND).build()) {
            long start = System.nanoTime();
            PluginTrap trap = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(PluginTrap.class, () -> host.call("run")),
                    "the deadline was switched off: a 500 ms deadline did not stop the loop in 10 s");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Optional.of("callDeadline"), trap.limit(), trap.getMessage());
            assertTrue(millis < 3_000, "stopped after " + millis + " ms");
            assertEquals(1, host.callInt("honest"));
        }
    }

    @Test
    void anOutOfMemoryErrorInATickDoesNotSwitchOffDeadlines() {
        AtomicInteger faults = new AtomicInteger();
        Watchdog.tickFault = () -> {
            if (faults.getAndIncrement() < 3) {
                throw new OutOfMemoryError("Java heap space (injected into the ticker)");
            }
        };
        try (WasmHost first = WasmHost.builder(infiniteLoop()).limits(HALF_SECOND).build()) {
            PluginTrap trap = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(PluginTrap.class, () -> first.call("run")));
            assertEquals(Optional.of("callDeadline"), trap.limit());
        }
        assertTrue(faults.get() >= 3, "the ticker met the injected errors");
        aFreshHostsLoopStillStops();
    }

    @Test
    void anyThrowableInEveryTickForAWhileDoesNotSwitchOffDeadlines() {
        long[] until = {0}; // 300 ms from the first tick on
        Watchdog.tickFault = () -> {
            if (until[0] == 0) {
                until[0] = System.nanoTime() + Duration.ofMillis(300).toNanos();
            }
            if (System.nanoTime() < until[0]) {
                throw new StackOverflowError("injected into the ticker");
            }
        };
        aFreshHostsLoopStillStops();
    }

    @Test
    @SuppressWarnings({"deprecation", "removal"})
    void aTickerThreadKilledFromOutsideIsReplaced() throws InterruptedException {
        Watchdog watchdog = new Watchdog(Limits.defaults());
        watchdog.start(1); // a ticker is running now
        watchdog.stop(1);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("wasm-watchdog")) {
                try {
                    thread.stop(); // dies without running its idle exit: as a fatal error would kill it
                } catch (UnsupportedOperationException newerJdk) {
                    return; // Thread.stop is gone on JDK 20+; the other tests cover the tick itself
                }
                thread.join(2_000);
            }
        }
        aFreshHostsLoopStillStops();
    }
}
