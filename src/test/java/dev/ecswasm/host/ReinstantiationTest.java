package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recovery by a fresh instance ({@link PluginTrap.Recovery#REINSTANTIATED}) runs guest code again (a
 * reactor's {@code _initialize}): it must run with a fresh budget, not the one the trapped call used
 * up, and if it fails all the same, the old instance must be kept and made usable, and the trap
 * must say so.
 */
class ReinstantiationTest {
    private static PluginModule load(String guest) {
        return PluginModule.load(Path.of("src/test/resources/hostile/" + guest + ".wasm"));
    }

    @Test
    void afterAFuelTrapTheFreshInstanceRunsOnAFreshCounter() {
        Limits fuel = Limits.defaults().withMaxInstructions(1_000_000).withCallDeadline(Duration.ofSeconds(30));
        try (WasmHost host = WasmHost.builder(load("reactor_spin")).mode(ExecutionMode.INTERPRETER).limits(fuel)
                .afterTrap(PluginTrap.Recovery.REINSTANTIATED).build()) {
            for (int round = 1; round <= 3; round++) {
                PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
                assertEquals(Optional.of("maxInstructions"), trap.limit(), trap.getMessage());
                assertEquals(PluginTrap.Recovery.REINSTANTIATED, trap.recovery(), trap.getMessage());
                assertEquals(7, host.callInt("initialized"), "the fresh instance ran _initialize, round " + round);
                assertEquals(host.initialStackPointer(), host.stackPointer());
                assertEquals(1, host.callInt("honest"), "the next honest call, round " + round);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void afterADeadlineTrapTheFreshInstanceRunsOnAFreshClock(ExecutionMode mode) {
        Limits quick = Limits.defaults().withCallDeadline(Duration.ofMillis(300));
        try (WasmHost host = WasmHost.builder(load("reactor_spin")).mode(mode).limits(quick)
                .afterTrap(PluginTrap.Recovery.REINSTANTIATED).build()) {
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
            assertEquals(Optional.of("callDeadline"), trap.limit(), trap.getMessage());
            assertEquals(PluginTrap.Recovery.REINSTANTIATED, trap.recovery(), trap.getMessage());
            assertEquals(7, host.callInt("initialized"));
            assertEquals(1, host.callInt("honest"));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void whenTheFreshInstanceFailsTooTheOldOneIsKeptWithItsStackPointerRestored(ExecutionMode mode) {
        EnttManager world = new EnttManager();
        try (WasmHost host = WasmHost.builder(load("reinit_trap")).mode(mode).manager(world)
                .afterTrap(PluginTrap.Recovery.REINSTANTIATED).build()) {
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
            String message = trap.getMessage();
            assertEquals(PluginTrap.Recovery.STACK_RESTORED, trap.recovery(), message);
            assertTrue(message.contains("a fresh instance failed too"), message);
            assertTrue(message.contains("the plugin is usable"), message);
            assertEquals(host.initialStackPointer(), host.stackPointer(), "the old instance's stack pointer is back");
            assertEquals(1, host.callInt("honest"), "the kept instance answers");
            assertEquals(List.of(), Invariants.violations(world));
        }
    }
}
