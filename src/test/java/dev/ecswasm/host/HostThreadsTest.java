package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A program that is done must not leave a thread behind: {@code mvn exec:java} waits up to 15 s
 * for such threads after {@code main} returns, and JShell keeps them for the whole session.
 */
class HostThreadsTest {

    @Test
    void aClosedHostLeavesNoWasmThreadBehind() throws InterruptedException {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).build()) {
            assertEquals(0, host.callInt("test_relationships"));
        }
        // close() waits for the guest thread; the ticker ends once nothing has been watched for a while.
        assertEquals(List.of(), wasmThreadsStillAliveAfter(Duration.ofSeconds(5)));
        assertFalse(Watchdog.ticking());
    }

    @Test
    void aHostNobodyClosedLetsItsIdleGuestThreadGo() throws InterruptedException {
        WasmHost forgotten = WasmHost.builder(PluginModule.bundled()).build();
        assertEquals(0, forgotten.callInt("step_create_named", forgotten.putString("x"), 1));
        assertEquals(List.of(), wasmThreadsStillAliveAfter(Duration.ofSeconds(GuestThread.KEEP_ALIVE_SECONDS + 5)));
        assertEquals(2, forgotten.callInt("step_name_size", 0), "the next call starts a new guest thread");
        forgotten.close();
    }

    @Test
    void theTickerKeepsWatchingARunningCallWhenInterrupted() throws InterruptedException {
        Watchdog watchdog = new Watchdog(Limits.defaults());
        watchdog.start(1); // as if a call were running on this thread
        try {
            for (Thread ticker : threads("wasm-watchdog")) {
                ticker.interrupt(); // what exec:java does to daemon threads when main returns
            }
            Thread.sleep(300); // longer than the ticker idles before it ends
            assertTrue(Watchdog.ticking(), "a watched call keeps its deadline");
            assertEquals(1, threads("wasm-watchdog").size());
        } finally {
            watchdog.stop(1);
        }
        assertEquals(List.of(), wasmThreadsStillAliveAfter(Duration.ofSeconds(5)));
    }

    private static List<Thread> threads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(name))
                .collect(Collectors.toList());
    }

    /** The names of wasm-* threads still alive when the time is up (polling, so usually much sooner). */
    private static List<String> wasmThreadsStillAliveAfter(Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("wasm-"))
                    .collect(Collectors.toList());
            if (alive.isEmpty() || System.nanoTime() > end) {
                return alive;
            }
            Thread.sleep(20);
        }
    }
}
