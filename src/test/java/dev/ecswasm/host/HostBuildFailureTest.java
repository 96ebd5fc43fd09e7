package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plugin that fails while being instantiated (its start function traps) must fail as our own
 * exception, and a failed build must leave no guest thread behind: a loop of failed loads would
 * otherwise grow the JVM's threads.
 */
class HostBuildFailureTest {
    private static PluginModule load(String guest) {
        return PluginModule.load(Path.of("src/test/resources/hostile/" + guest + ".wasm"));
    }

    private static long guestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("wasm-guest")).count();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void fiftyFailedBuildsFailAsPluginTrapsAndLeaveNoGuestThread(ExecutionMode mode) {
        PluginModule trapping = load("start_trap");
        EnttManager world = new EnttManager();
        long before = guestThreads();
        for (int i = 0; i < 50; i++) {
            PluginTrap trap = assertThrows(PluginTrap.class,
                    () -> WasmHost.builder(trapping).mode(mode).manager(world).build());
            assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
            assertTrue(trap.getMessage().contains("no host was built"), trap.getMessage());
        }
        assertEquals(before, guestThreads(), "live wasm-guest threads after 50 failed builds");
        assertEquals(List.of(), Invariants.violations(world));
        try (WasmHost honest = WasmHost.builder(load("past_end")).mode(mode).manager(world).build()) {
            assertEquals(1, honest.callInt("honest"), "the world takes an honest plugin afterwards");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aStartFunctionRecursingForeverOnASmallStackFailsAsAPluginTrapAndLeavesNoGuestThread(ExecutionMode mode) {
        PluginModule recursing = load("start_recursion");
        long before = guestThreads();
        for (int i = 0; i < 10; i++) {
            PluginTrap trap = assertThrows(PluginTrap.class,
                    () -> WasmHost.builder(recursing).mode(mode).stackBytes(256 * 1024).build());
            assertEquals(PluginTrap.Recovery.NOT_BUILT, trap.recovery(), trap.getMessage());
            assertTrue(trap.getMessage().startsWith("the start function trapped: call stack exhausted"), trap.getMessage());
        }
        assertEquals(before, guestThreads(), "live wasm-guest threads after 10 failed builds");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void instantiationMeetsTheDeadline(ExecutionMode mode) {
        Limits quick = Limits.defaults().withCallDeadline(java.time.Duration.ofMillis(300));
        for (String guest : List.of("start_loop", "command_loop", "reactor_loop")) {
            long start = System.nanoTime();
            PluginTrap trap = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> assertThrows(PluginTrap.class, () -> WasmHost.builder(load(guest)).mode(mode).limits(quick).build()),
                    guest + ": build() did not meet the deadline");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(java.util.Optional.of("callDeadline"), trap.limit(), trap.getMessage());
            assertTrue(trap.getMessage().contains("ran past its deadline of 300 ms"), trap.getMessage());
            assertTrue(millis < 5_000, guest + " stopped after " + millis + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anHonestReactorWhoseInitializeDoesRealWorkLoads(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(load("reactor_honest")).mode(mode).build()) {
            assertEquals(705082704, host.callInt("run"), "what _initialize computed");
        }
    }

    @org.junit.jupiter.api.Test
    void theInterpretersFuelCountsAfreshForInstantiation() {
        Limits fuel = Limits.defaults().withMaxInstructions(100_000);
        PluginTrap trap = assertThrows(PluginTrap.class,
                () -> WasmHost.builder(load("reactor_honest")).mode(ExecutionMode.INTERPRETER).limits(fuel).build());
        assertEquals(java.util.Optional.of("maxInstructions"), trap.limit(), trap.getMessage());
        assertTrue(trap.getMessage().startsWith("_initialize trapped: the call used up its fuel"), trap.getMessage());
    }
}
