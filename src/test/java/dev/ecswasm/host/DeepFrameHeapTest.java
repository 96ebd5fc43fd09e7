package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Deep recursion through a function with 5,000 locals ({@code deep_fat_frames.wat}): every frame is
 * legal ({@code maxLocals} bounds one frame), but the interpreter keeps each frame's locals on the JVM
 * heap (about 80 KB a frame), so without a bound the recursion fills the heap and whoever allocates next
 * in the JVM, another host included, meets the wall first: this test failed by chance that way. In the
 * interpreter the host's {@link FrameBudget} stops it at {@link Limits#maxInterpreterFrameBytes()}
 * (64 MiB, about 667 levels here), before the heap runs out, as a {@link PluginTrap} naming that limit
 * with the recovery asked for. Compiled code keeps the locals on the thread's stack, so there the stack
 * runs out first: "call stack exhausted". Either way no call, the guest's or the neighbour's, and no tick
 * of the shared watchdog meets an {@link OutOfMemoryError}; the neighbour, calling at the same time and
 * afterwards, meets each of its deadlines; and the next honest call works. The heap filled from outside
 * the guest is {@link ApplicationHeapTest}'s.
 *
 * <p>The heap is JVM-wide, so this runs in a JVM of its own with {@code -Xmx256m}.
 */
class DeepFrameHeapTest {
    /**
     * The neighbour's deadline, and the margin past it within which its trap must arrive: the heap no longer
     * fills, so the margin is only for a loaded machine's scheduling (725 ms for a 200 ms deadline was the
     * worst in 17 runs beside two busy loops on 2 cores).
     */
    static final long NEIGHBOUR_DEADLINE_MILLIS = 200;
    static final long MARGIN_MILLIS = 1_000;

    @Test
    void deepFatFramesMeetTheFrameLimitAndLeaveTheHeapAndOtherHostsDeadlinesIntact() throws Exception {
        String output = ForkedJvm.run(DeepFrameHeapTest.class, "256m", 120);
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (PluginTrap.Recovery recovery : List.of(PluginTrap.Recovery.STACK_RESTORED,
                    PluginTrap.Recovery.REINSTANTIATED)) {
                assertTrue(output.contains("OK " + mode + " " + recovery), mode + " " + recovery + ":\n" + output);
            }
        }
        // The interpreter is the mode whose frames live on the heap: its budget stops them, in both recoveries.
        assertTrue(output.contains("INTERPRETER STACK_RESTORED: limit maxInterpreterFrameBytes"), output);
        assertTrue(output.contains("INTERPRETER REINSTANTIATED: limit maxInterpreterFrameBytes"), output);
        assertFalse(output.contains("OutOfMemoryError"), output);
    }

    private static PluginModule load(String guest) {
        return PluginModule.load(Path.of("src/test/resources/hostile/" + guest + ".wasm"));
    }

    /** The forked JVM: each mode and recovery, with a neighbour host calling alongside. Exits 0 if all held. */
    public static void main(String[] args) throws Exception {
        PluginModule deep = load("deep_fat_frames");
        PluginModule loop = load("infinite_loop");
        Limits neighbourLimits = Limits.defaults().withCallDeadline(Duration.ofMillis(NEIGHBOUR_DEADLINE_MILLIS));
        int failures = 0;
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (PluginTrap.Recovery recovery : List.of(PluginTrap.Recovery.STACK_RESTORED,
                    PluginTrap.Recovery.REINSTANTIATED)) {
                String what = mode + " " + recovery;
                try (WasmHost host = WasmHost.builder(deep).mode(mode).afterTrap(recovery).build();
                     WasmHost neighbour = WasmHost.builder(loop).mode(ExecutionMode.COMPILED)
                             .limits(neighbourLimits).build()) {
                    // The neighbour spins in compiled code, which only the shared watchdog's ticker stops, call
                    // after call for as long as the deep call runs: each must meet its deadline, not the heap.
                    AtomicBoolean deepDone = new AtomicBoolean();
                    Watchdog.lastTickFailure = null;
                    CompletableFuture<String> alongside = CompletableFuture.supplyAsync(() -> {
                        int calls = 0;
                        slowest[0] = 0;
                        do {
                            String one = meetsDeadline(neighbour);
                            calls++;
                            if (one.startsWith("FAIL")) {
                                return one + " (call " + calls + ")";
                            }
                        } while (!deepDone.get());
                        return "each of " + calls + " calls met its deadline, the slowest after " + slowest[0] + " ms";
                    });
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        host.call("run");
                        outcome = "FAIL: run returned";
                    } catch (PluginTrap trap) {
                        outcome = judge(trap, mode, recovery);
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    deepDone.set(true);
                    String during = alongside.get(30, TimeUnit.SECONDS);
                    System.out.println(what + ": " + outcome + " after " + millis + " ms");
                    Throwable tick = Watchdog.lastTickFailure;
                    System.out.println("  neighbour alongside: " + during + "; the ticker met "
                            + (tick == null ? "nothing" : tick.toString()));
                    if (outcome.startsWith("FAIL") || during.startsWith("FAIL") || tick != null) {
                        failures++;
                        continue;
                    }
                    if (host.callInt("honest") != 1) {
                        System.out.println("FAIL " + what + ": the honest call afterwards failed");
                        failures++;
                        continue;
                    }
                    String after = meetsDeadline(neighbour);
                    System.out.println("  neighbour afterwards: " + after);
                    try (WasmHost interpreted = WasmHost.builder(loop).mode(ExecutionMode.INTERPRETER)
                            .limits(neighbourLimits).build()) {
                        String afterInterpreted = meetsDeadline(interpreted);
                        System.out.println("  interpreted neighbour afterwards: " + afterInterpreted);
                        // Afterwards the heap has room again: a neighbour meets its deadline, no wall.
                        if (!after.startsWith("deadline met") || !afterInterpreted.startsWith("deadline met")) {
                            failures++;
                            continue;
                        }
                    }
                } catch (Throwable raw) { // a raw OutOfMemoryError, or anything else that is not ours
                    System.out.println("FAIL " + what + ": " + raw);
                    raw.printStackTrace(System.out);
                    failures++;
                    continue;
                }
                System.out.println("OK " + what);
            }
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }

    /**
     * What the deep call's trap says, or a FAIL line: interpreted, the frame limit; compiled, the thread's
     * stack; either way with the recovery asked for, and never the heap.
     */
    private static String judge(PluginTrap trap, ExecutionMode mode, PluginTrap.Recovery recovery) {
        String message = trap.getMessage();
        String first = message.lines().findFirst().orElse("");
        if (causedBy(trap, OutOfMemoryError.class)) {
            return "FAIL: the heap ran out (an OutOfMemoryError): " + message;
        }
        if (trap.recovery() != recovery) {
            return "FAIL: recovery " + trap.recovery() + ", not " + recovery + ": " + message;
        }
        if (mode == ExecutionMode.INTERPRETER && trap.limit().equals(Optional.of("maxInterpreterFrameBytes"))
                && message.contains("maxInterpreterFrameBytes of 67,108,864 bytes")) {
            return "limit maxInterpreterFrameBytes, " + trap.recovery() + ": " + first;
        }
        if (mode == ExecutionMode.COMPILED && message.contains("call stack exhausted")
                && trap.limit().equals(Optional.empty())) {
            return "stack, " + trap.recovery() + ": " + first;
        }
        return "FAIL: not what " + mode + " should meet: limit " + trap.limit() + ", cause " + trap.getCause() + ": "
                + message;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static final long[] slowest = new long[1]; // the slowest neighbour call alongside, in ms

    /**
     * Runs the neighbour's endless loop; it must trap for its own deadline, within {@link #MARGIN_MILLIS}
     * of it, and not for the heap.
     */
    private static String meetsDeadline(WasmHost neighbour) {
        long start = System.nanoTime();
        try {
            neighbour.call("run");
            return "FAIL: the endless loop returned";
        } catch (PluginTrap trap) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (causedBy(trap, OutOfMemoryError.class)) {
                return "FAIL: met the full heap: " + trap.getMessage();
            }
            if (!trap.limit().equals(Optional.of("callDeadline"))) {
                return "FAIL: trapped without its deadline: " + trap.getMessage();
            }
            slowest[0] = Math.max(slowest[0], millis);
            if (millis > NEIGHBOUR_DEADLINE_MILLIS + MARGIN_MILLIS) {
                return "FAIL: met its " + NEIGHBOUR_DEADLINE_MILLIS + " ms deadline only after " + millis + " ms";
            }
            return "deadline met, trapped after " + millis + " ms";
        } catch (Throwable raw) {
            return "FAIL: " + raw;
        }
    }
}
