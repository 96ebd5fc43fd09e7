package dev.ecswasm.host;

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
 * heap (about 80 KB a frame), and the depth is bounded only by the guest thread's stack. In a small
 * heap that is an {@link OutOfMemoryError} in the middle of the call; it must come out as a
 * {@link PluginTrap} that names the heap and blames the frames, not the guest's one-page memory, with
 * the instance replaced. Compiled code keeps the locals on the thread's stack, so there the stack runs
 * out first: "call stack exhausted". Either way the JVM lives, the next honest call works, and another
 * host, calling at the same time and afterwards, meets its deadline: the shared watchdog survives the
 * full heap. A neighbour's call that runs while the heap is full may meet the wall itself (the heap is
 * the JVM's, not one host's): then it must be a heap trap, in time, that blames something else than
 * its own frames, with a fresh instance, and the neighbour's next call must meet its deadline again.
 *
 * <p>The heap is JVM-wide, so this runs in a JVM of its own with {@code -Xmx256m}.
 */
class DeepFrameHeapTest {
    /** The neighbour's deadline, and the margin past it within which its trap must arrive. */
    static final long NEIGHBOUR_DEADLINE_MILLIS = 200;
    static final long MARGIN_MILLIS = 500;
    /**
     * The margin for a neighbour call that runs while the heap fills: the JVM's full collections stop
     * every thread, the watchdog's ticker too (about 20 of 50 ms each here), so its deadline is met late
     * by up to their sum; 810 ms for a 200 ms deadline was the worst seen on a loaded 2-core machine.
     */
    static final long ALONGSIDE_MARGIN_MILLIS = 2_000;

    @Test
    void deepFatFramesEndAsAPluginTrapAndLeaveTheJvmAndOtherHostsDeadlinesIntact() throws Exception {
        String output = ForkedJvm.run(DeepFrameHeapTest.class, "256m", 120);
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (PluginTrap.Recovery recovery : List.of(PluginTrap.Recovery.STACK_RESTORED,
                    PluginTrap.Recovery.REINSTANTIATED)) {
                assertTrue(output.contains("OK " + mode + " " + recovery), mode + " " + recovery + ":\n" + output);
            }
        }
        // The interpreter is the mode whose frames live on the heap: in 256 MiB it is the heap that runs out.
        assertTrue(output.contains("INTERPRETER STACK_RESTORED: heap"), output);
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
                    // after call for as long as the deep call runs: one of its calls spans the heap running out.
                    AtomicBoolean deepDone = new AtomicBoolean();
                    Watchdog.lastTickFailure = null;
                    CompletableFuture<String> alongside = CompletableFuture.supplyAsync(() -> {
                        int calls = 0;
                        int walls = 0;
                        slowest[0] = 0;
                        do {
                            String one = meetsDeadline(neighbour, ALONGSIDE_MARGIN_MILLIS);
                            calls++;
                            if (one.startsWith("FAIL")) {
                                return one + " (call " + calls + ")";
                            }
                            walls += one.startsWith("met the full heap") ? 1 : 0;
                        } while (!deepDone.get());
                        return "each of " + calls + " calls ended in time (" + walls + " met the full heap, the others"
                                + " their deadline), the slowest after " + slowest[0] + " ms";
                    });
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        host.call("run");
                        outcome = "FAIL: run returned";
                    } catch (PluginTrap trap) {
                        outcome = judge(trap, recovery);
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    deepDone.set(true);
                    String during = alongside.get(30, TimeUnit.SECONDS);
                    System.out.println(what + ": " + outcome + " after " + millis + " ms");
                    System.out.println("  neighbour alongside: " + during + "; the ticker met "
                            + (Watchdog.lastTickFailure == null ? "nothing" : Watchdog.lastTickFailure.toString()));
                    if (outcome.startsWith("FAIL") || during.startsWith("FAIL")) {
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

    /** What the deep call's trap says, or a FAIL line if it is not one of the two it may be. */
    private static String judge(PluginTrap trap, PluginTrap.Recovery recovery) {
        String message = trap.getMessage();
        String first = message.lines().findFirst().orElse("");
        if (trap.getCause() instanceof OutOfMemoryError) {
            // The heap ran out: the instance is let go and replaced whatever afterTrap says, and the
            // message must not blame the guest's memory (one page) but its call frames.
            if (trap.recovery() != PluginTrap.Recovery.REINSTANTIATED || !message.contains("the JVM ran out of heap")
                    || !message.contains("call frames") || message.contains("lower maxMemoryPages")) {
                return "FAIL: heap ran out, but " + trap.recovery() + ": " + message;
            }
            return "heap, " + trap.recovery() + ": " + first;
        }
        if (message.contains("call stack exhausted") && trap.recovery() == recovery
                && trap.limit().equals(Optional.empty())) {
            return "stack, " + trap.recovery() + ": " + first;
        }
        return "FAIL: neither the heap nor the stack: " + trap.recovery() + ", cause " + trap.getCause() + ": " + message;
    }

    private static final long[] slowest = new long[1]; // the slowest neighbour call alongside, in ms

    /** Runs the neighbour's endless loop; it must trap for its deadline within {@link #MARGIN_MILLIS}. */
    private static String meetsDeadline(WasmHost neighbour) {
        return meetsDeadline(neighbour, MARGIN_MILLIS);
    }

    /** Runs the neighbour's endless loop; it must trap for its deadline within {@code margin} ms. */
    private static String meetsDeadline(WasmHost neighbour, long margin) {
        long start = System.nanoTime();
        try {
            neighbour.call("run");
            return "FAIL: the endless loop returned";
        } catch (PluginTrap trap) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String met = "deadline met";
            if (trap.getCause() instanceof OutOfMemoryError) {
                // Another guest filled the heap while this call ran. The compiled neighbour's own frames
                // are on its thread's stack, so the trap must say something else filled it.
                if (trap.recovery() != PluginTrap.Recovery.REINSTANTIATED
                        || !trap.getMessage().contains("something else filled the heap")) {
                    return "FAIL: met the full heap, but " + trap.recovery() + ": " + trap.getMessage();
                }
                met = "met the full heap";
            } else if (!trap.limit().equals(Optional.of("callDeadline"))) {
                return "FAIL: trapped without its deadline: " + trap.getMessage();
            }
            slowest[0] = Math.max(slowest[0], millis);
            if (millis > NEIGHBOUR_DEADLINE_MILLIS + margin) {
                return "FAIL: met its " + NEIGHBOUR_DEADLINE_MILLIS + " ms deadline only after " + millis + " ms";
            }
            return met + ", trapped after " + millis + " ms";
        } catch (Throwable raw) {
            return "FAIL: " + raw;
        }
    }
}
