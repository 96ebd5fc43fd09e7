package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A soak: thousands of rounds of everything the gallery makes a guest do wrong, in both modes, and
 * the time a round takes, the threads alive and the heap in use must stay flat. Each round makes one
 * failure and then an honest call: a deadline, fuel (interpreter), pointers past the end and wrapping
 * at 2^32, a call stack exhausted, a trap after 16 KiB of stderr, recovered by a restored stack
 * pointer or by a fresh instance, and builds that fail (a trapping start function, a link refusal).
 *
 * <p>It runs in a JVM of its own with {@code -Xmx256m}, so the surefire JVM's other tests do not blur
 * its threads and heap. After each window of rounds it waits for the idle threads to end (a guest
 * thread after {@link GuestThread#KEEP_ALIVE_SECONDS} s, the watchdog's ticker after
 * {@link Watchdog#IDLE_TICKS} idle ticks) and then counts; a thread or heap that grows with the rounds
 * shows up as a later window above the first.
 */
class SoakTest {
    /** Windows of rounds per mode; the first is a warm-up, the rest are compared with the second. */
    static final int WINDOWS = Integer.getInteger("soak.windows", 6);
    /** Rounds per window: a multiple of the ten kinds, so every window holds the same mix. */
    static final int ROUNDS_PER_WINDOW = Integer.getInteger("soak.rounds", 500);
    /** How much slower the last window's median round may be than the first measured window's. */
    static final double TIME_FACTOR = 3.0;
    /** How much more heap (after GC) the last window may hold than the first measured window. */
    static final long HEAP_SLACK_BYTES = 32L * 1024 * 1024;

    @Test
    void thousandsOfTrapsFailedBuildsAndRecoveriesLeaveTimeThreadsAndHeapFlat() throws Exception {
        String output = ForkedJvm.run(SoakTest.class, "256m", 180);
        for (ExecutionMode mode : ExecutionMode.values()) {
            assertTrue(output.contains("OK " + mode), mode + ":\n" + output);
        }
    }

    // ------------------------------------------------------------------------------ the forked JVM

    private static final Path BINARIES = Path.of("src/test/resources/hostile");
    /** The gallery's limits: the defaults, with a 1 s deadline and 16 MiB of memory. */
    private static final Limits SOAK = Limits.defaults().withCallDeadline(Duration.ofSeconds(1)).withMaxMemoryPages(256);
    private static final int DEADLINE_MILLIS = 25;
    private static final int FUEL = 20_000;
    private static final long DEFAULT_STACK = 64L * 1024 * 1024;
    /**
     * The recursing guests' thread stack: 1 MiB, not the default 64 MiB. Filling 64 MiB of JVM stack
     * until it overflows takes 0.2-0.35 s a call here, which would make the soak a test of that alone;
     * the trap and its recovery are the same at either depth.
     */
    private static final long SMALL_STACK = 1024 * 1024;

    private static PluginModule load(String guest) {
        return PluginModule.load(BINARIES.resolve(guest + ".wasm"));
    }

    /** One window's figures. */
    record Window(long medianNanos, long p90Nanos, long totalMillis, int threads, long guestThreads,
                  long watchdogThreads, long heapUsed, long idleWaitMillis, String threadNames) {}

    /** Soaks each mode in turn; exits 0 if every round ended as it should and all stayed flat. */
    public static void main(String[] args) throws Exception {
        int failures = 0;
        for (ExecutionMode mode : ExecutionMode.values()) {
            failures += soak(mode);
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }

    /** The hosts one mode's soak keeps for all its rounds, each over a world of its own. */
    private static final class Hosts implements AutoCloseable {
        final WasmHost loop;           // infinite_loop under a 25 ms deadline
        final WasmHost fuel;           // infinite_loop under 20,000 instructions of fuel (interpreter)
        final WasmHost pastEnd;        // host_get_name past the end, stack pointer restored
        final WasmHost pastEndFresh;   // the same, recovered by a fresh instance
        final WasmHost recursion;      // call stack exhausted, recovered by a fresh instance
        final WasmHost recursionKept;  // call stack exhausted, stack pointer restored
        final WasmHost stderr;         // 16 KiB of stderr then unreachable, stack pointer restored
        final WasmHost stderrFresh;    // the same, recovered by a fresh instance
        final WasmHost wrap;           // ptr + len wrapping at 2^32

        Hosts(ExecutionMode mode) {
            PluginModule infinite = load("infinite_loop");
            loop = WasmHost.builder(infinite).mode(mode)
                    .limits(SOAK.withCallDeadline(Duration.ofMillis(DEADLINE_MILLIS))).build();
            fuel = WasmHost.builder(infinite).mode(mode).limits(SOAK.withMaxInstructions(FUEL)).build();
            pastEnd = host("past_end", mode, PluginTrap.Recovery.STACK_RESTORED);
            pastEndFresh = host("past_end", mode, PluginTrap.Recovery.REINSTANTIATED);
            recursion = host("recursion", mode, PluginTrap.Recovery.REINSTANTIATED, SMALL_STACK);
            recursionKept = host("recursion", mode, PluginTrap.Recovery.STACK_RESTORED, SMALL_STACK);
            stderr = host("stderr_trap", mode, PluginTrap.Recovery.STACK_RESTORED);
            stderrFresh = host("stderr_trap", mode, PluginTrap.Recovery.REINSTANTIATED);
            wrap = host("wrap_around", mode, PluginTrap.Recovery.STACK_RESTORED);
        }

        private static WasmHost host(String guest, ExecutionMode mode, PluginTrap.Recovery recovery) {
            return host(guest, mode, recovery, DEFAULT_STACK);
        }

        private static WasmHost host(String guest, ExecutionMode mode, PluginTrap.Recovery recovery, long stack) {
            return WasmHost.builder(load(guest)).mode(mode).limits(SOAK).afterTrap(recovery).stackBytes(stack).build();
        }

        @Override
        public void close() {
            for (WasmHost host : List.of(loop, fuel, pastEnd, pastEndFresh, recursion, recursionKept, stderr,
                    stderrFresh, wrap)) {
                host.close();
            }
        }
    }

    private static int soak(ExecutionMode mode) throws InterruptedException {
        PluginModule startTrap = load("start_trap");
        List<PluginModule> refused = List.of(load("gc_array"), load("huge_table"), load("multi_memory_bomb"));
        new dev.ecswasm.world.EnttManager(); // starts the registries' undo worker: one thread per JVM, counted before
        waitForIdleThreads();
        int threadsBefore = Thread.getAllStackTraces().size();
        List<Window> windows = new ArrayList<>();
        int failures = 0;
        long startMillis = System.nanoTime() / 1_000_000;
        try (Hosts hosts = new Hosts(mode)) {
            for (int w = 0; w < WINDOWS; w++) {
                long[] nanos = new long[ROUNDS_PER_WINDOW];
                long windowStart = System.nanoTime();
                for (int r = 0; r < ROUNDS_PER_WINDOW; r++) {
                    long start = System.nanoTime();
                    String problem;
                    try {
                        problem = round(r, mode, hosts, startTrap, refused.get((r / 10) % refused.size()));
                    } catch (Throwable raw) { // anything but what the round expects is a failure, never a crash
                        problem = "raw " + raw;
                    }
                    nanos[r] = System.nanoTime() - start;
                    if (problem != null) {
                        failures++;
                        if (failures <= 20) {
                            System.out.println("FAIL " + mode + " window " + w + " round " + r + " (kind " + r % 10
                                    + "): " + problem);
                        }
                    }
                }
                long totalMillis = (System.nanoTime() - windowStart) / 1_000_000;
                long waitStart = System.nanoTime();
                waitForIdleThreads();
                long waited = (System.nanoTime() - waitStart) / 1_000_000;
                String kinds = kindMedians(nanos);
                Arrays.sort(nanos);
                Window window = new Window(nanos[nanos.length / 2], nanos[nanos.length * 9 / 10], totalMillis,
                        Thread.getAllStackTraces().size(), named("wasm-guest"), named("wasm-watchdog"), heapAfterGc(),
                        waited, threadNames());
                windows.add(window);
                System.out.println(String.format(Locale.ROOT, "%-11s window %d: %4d rounds in %5d ms, median %7.1f µs,"
                                + " p90 %8.1f µs; after %4d ms idle: %2d threads (%d wasm-guest, %d wasm-watchdog),"
                                + " heap after GC %6.1f MiB", mode, w, ROUNDS_PER_WINDOW, totalMillis,
                        window.medianNanos / 1000.0, window.p90Nanos / 1000.0, waited, window.threads,
                        window.guestThreads, window.watchdogThreads, window.heapUsed / 1048576.0));
                if (w == 0 || w == WINDOWS - 1) {
                    System.out.println("            median µs by kind (deadline, fuel or stack, past end, stack fresh,"
                            + " stderr, start trap, link refused, past end fresh, stderr fresh, wrap): " + kinds);
                }
            }
        }
        long elapsed = System.nanoTime() / 1_000_000 - startMillis;
        failures += flat(mode, threadsBefore, windows);
        System.out.println((failures == 0 ? "OK " : "FAILED ") + mode + ": " + (WINDOWS * ROUNDS_PER_WINDOW)
                + " rounds (" + (WINDOWS * ROUNDS_PER_WINDOW * 8 / 10) + " traps, " + (WINDOWS * ROUNDS_PER_WINDOW / 5)
                + " failed builds, each followed by an honest call) in " + elapsed + " ms");
        return failures;
    }

    /** Whether the windows stayed flat; prints and counts each way they did not. */
    private static int flat(ExecutionMode mode, int threadsBefore, List<Window> windows) {
        int failures = 0;
        Window first = windows.get(1); // windows.get(0) is the warm-up: the JIT, the classes, the first instances
        Window last = windows.get(windows.size() - 1);
        if (last.medianNanos > TIME_FACTOR * first.medianNanos) {
            System.out.println("FAIL " + mode + ": the last window's median round took " + last.medianNanos
                    + " ns, more than " + TIME_FACTOR + "x the first's " + first.medianNanos + " ns");
            failures++;
        }
        if (last.heapUsed > first.heapUsed + HEAP_SLACK_BYTES) {
            System.out.println("FAIL " + mode + ": heap after GC grew from " + first.heapUsed + " to " + last.heapUsed);
            failures++;
        }
        for (int w = 0; w < windows.size(); w++) {
            Window window = windows.get(w);
            if (window.guestThreads != 0 || window.watchdogThreads != 0 || window.threads != threadsBefore) {
                System.out.println("FAIL " + mode + " window " + w + ": " + window.threads + " threads ("
                        + window.guestThreads + " wasm-guest, " + window.watchdogThreads + " wasm-watchdog) after the"
                        + " idle ones ended, " + threadsBefore + " before the soak: " + window.threadNames);
                failures++;
            }
        }
        return failures;
    }

    /**
     * One round: one failure of kind {@code r % 10}, then an honest call. Returns null if both went as
     * they should, else what went wrong.
     */
    private static String round(int r, ExecutionMode mode, Hosts hosts, PluginModule startTrap, PluginModule refused) {
        switch (r % 10) {
            case 0: // a deadline: compiled by the watchdog's interrupt, interpreted by the listener's clock check
                return trapThenHonest(hosts.loop, Optional.of("callDeadline"), "ran past its deadline of "
                        + DEADLINE_MILLIS + " ms", PluginTrap.Recovery.STACK_RESTORED);
            case 1: // fuel, in the interpreter; compiled code has none, so there a second stack exhaustion
                return mode == ExecutionMode.INTERPRETER
                        ? trapThenHonest(hosts.fuel, Optional.of("maxInstructions"), "used up its fuel of " + FUEL,
                                PluginTrap.Recovery.STACK_RESTORED)
                        : trapThenHonest(hosts.recursionKept, Optional.empty(), "call stack exhausted",
                                PluginTrap.Recovery.STACK_RESTORED);
            case 2:
                return trapThenHonest(hosts.pastEnd, Optional.empty(), "runs past the end of guest memory",
                        PluginTrap.Recovery.STACK_RESTORED);
            case 3:
                return trapThenHonest(hosts.recursion, Optional.empty(), "call stack exhausted",
                        PluginTrap.Recovery.REINSTANTIATED);
            case 4:
                return trapThenHonest(hosts.stderr, Optional.empty(), "unreachable", PluginTrap.Recovery.STACK_RESTORED);
            case 5: { // a start function that traps: build() fails, no host, no thread left
                try {
                    WasmHost.builder(startTrap).mode(mode).limits(SOAK).build().close();
                    return "start_trap built";
                } catch (PluginTrap trap) {
                    if (trap.recovery() != PluginTrap.Recovery.NOT_BUILT || !trap.getMessage().contains("unreachable")) {
                        return "start_trap: " + trap.getMessage();
                    }
                }
                return honest(hosts.pastEnd);
            }
            case 6: { // a module that declares more than a plugin may hold: refused before anything runs
                try {
                    WasmHost.builder(refused).mode(mode).limits(SOAK).build().close();
                    return "a refused module built";
                } catch (LinkException expected) {
                    // as it should
                }
                return honest(hosts.wrap);
            }
            case 7:
                return trapThenHonest(hosts.pastEndFresh, Optional.empty(), "runs past the end of guest memory",
                        PluginTrap.Recovery.REINSTANTIATED);
            case 8:
                return trapThenHonest(hosts.stderrFresh, Optional.empty(), "unreachable",
                        PluginTrap.Recovery.REINSTANTIATED);
            default:
                return trapThenHonest(hosts.wrap, Optional.empty(), "[0xFFFFFFF0, +32) runs past the end",
                        PluginTrap.Recovery.STACK_RESTORED);
        }
    }

    private static String trapThenHonest(WasmHost host, Optional<String> limit, String containing,
                                         PluginTrap.Recovery recovery) {
        try {
            host.call("run");
            return "run returned";
        } catch (PluginTrap trap) {
            String message = trap.getMessage();
            if (!trap.limit().equals(limit) || !message.contains(containing) || trap.recovery() != recovery) {
                return "expected limit " + limit + ", \"" + containing + "\", " + recovery + "; got limit " + trap.limit()
                        + ", " + trap.recovery() + ": " + message;
            }
        }
        return honest(host);
    }

    /**
     * The honest call that shows the host usable. On the loop host it runs under the same 25 ms deadline,
     * which a loaded machine can take from it before it starts (seen once in 17 runs beside two busy loops
     * on 2 cores): that is the clock, not the host, so a deadline trap is tried again, up to 3 times; any
     * other trap fails the round.
     */
    private static String honest(WasmHost host) {
        for (int attempt = 1; ; attempt++) {
            try {
                int result = host.callInt("honest");
                return result == 1 ? null : "the honest call returned " + result;
            } catch (PluginTrap trap) {
                if (attempt == 3 || !trap.limit().equals(Optional.of("callDeadline"))) {
                    throw trap;
                }
            }
        }
    }

    /** The median round of each kind, in µs, in kind order. */
    private static String kindMedians(long[] nanos) {
        StringBuilder out = new StringBuilder();
        for (int kind = 0; kind < 10; kind++) {
            long[] ofKind = new long[nanos.length / 10];
            for (int i = 0; i < ofKind.length; i++) {
                ofKind[i] = nanos[i * 10 + kind];
            }
            Arrays.sort(ofKind);
            out.append(kind == 0 ? "" : ", ").append(ofKind[ofKind.length / 2] / 1000);
        }
        return out.toString();
    }

    /** Waits (up to 10 s) until no guest thread and no watchdog ticker is alive: both end when idle. */
    private static void waitForIdleThreads() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((named("wasm-guest") > 0 || named("wasm-watchdog") > 0) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private static long named(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(name)).count();
    }

    private static String threadNames() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return all.keySet().stream().map(Thread::getName).sorted().toList().toString();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
