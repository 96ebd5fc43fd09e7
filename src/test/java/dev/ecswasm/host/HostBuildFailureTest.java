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
}
