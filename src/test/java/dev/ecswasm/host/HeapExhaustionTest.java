package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guest whose {@code memory.grow} asks for more than the JVM's heap holds (maxMemoryPages set above
 * it) throws an {@link OutOfMemoryError} inside its own call. That must reach the caller as a
 * {@link PluginTrap} naming the heap, not as a raw error, and the plugin must be usable after it, as
 * both recovery modes promise. Chicory's memory keeps the pages it allocated before the heap ran out,
 * so only a fresh instance gives the heap back: the trap says {@code REINSTANTIATED} in either mode.
 * The heap is JVM-wide, so this runs in a JVM of its own with {@code -Xmx128m}: heap_bomb grows 1,024
 * pages (64 MiB) at a time under maxMemoryPages 4,096 (256 MiB).
 */
class HeapExhaustionTest {

    @Test
    void anOutOfMemoryErrorInAGuestCallIsAPluginTrapAndTheNextHonestCallWorks() throws Exception {
        String output = ForkedJvm.run(HeapExhaustionTest.class, "128m", 120);
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (PluginTrap.Recovery recovery : List.of(PluginTrap.Recovery.STACK_RESTORED,
                    PluginTrap.Recovery.REINSTANTIATED)) {
                assertTrue(output.contains("OK " + mode + " " + recovery), mode + " " + recovery + ":\n" + output);
            }
        }
    }

    /** The forked JVM: every mode and recovery, then a fresh host's honest call. Exits 0 if all held. */
    public static void main(String[] args) throws IOException {
        PluginModule bomb = PluginModule.load(Path.of("src/test/resources/hostile/heap_bomb.wasm"));
        Limits limits = Limits.defaults().withMaxMemoryPages(4096);
        int failures = 0;
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (PluginTrap.Recovery recovery : List.of(PluginTrap.Recovery.STACK_RESTORED,
                    PluginTrap.Recovery.REINSTANTIATED)) {
                String what = mode + " " + recovery;
                try (WasmHost host = WasmHost.builder(bomb).mode(mode).limits(limits).afterTrap(recovery).build()) {
                    try {
                        int pages = host.callInt("run");
                        System.out.println("FAIL " + what + ": run returned " + pages + " pages, no heap ran out");
                        failures++;
                        continue;
                    } catch (PluginTrap trap) {
                        String message = trap.getMessage();
                        if (!message.contains("the JVM ran out of heap") || !message.contains("maxMemoryPages 4,096")
                                || trap.recovery() != PluginTrap.Recovery.REINSTANTIATED
                                || !(trap.getCause() instanceof OutOfMemoryError)) {
                            System.out.println("FAIL " + what + ": " + message);
                            failures++;
                            continue;
                        }
                        System.out.println(what + ": " + message.lines().findFirst().orElse(""));
                    }
                    if (host.callInt("honest") != 1) { // what either recovery promises: the plugin is usable
                        System.out.println("FAIL " + what + ": the honest call on the same host failed");
                        failures++;
                        continue;
                    }
                } catch (Throwable raw) { // what used to happen: a raw OutOfMemoryError
                    System.out.println("FAIL " + what + ": " + raw);
                    failures++;
                    continue;
                }
                try (WasmHost fresh = WasmHost.builder(bomb).mode(mode).build()) {
                    if (fresh.callInt("honest") == 1) {
                        System.out.println("OK " + what);
                    } else {
                        System.out.println("FAIL " + what + ": the honest call in a fresh host failed");
                        failures++;
                    }
                }
            }
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }
}
