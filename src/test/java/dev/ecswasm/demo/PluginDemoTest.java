package dev.ecswasm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginDemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"compiled", "interpreter"})
    void theMainDemoInterleavesHostGuestAndManagerLinesAndPasses(String mode) {
        int[] status = {-1};
        String out = Captured.stdout(() -> status[0] = PluginDemo.run(mode));
        assertEquals(0, status[0], out);
        assertFalse(out.contains("\u001B"), "the demo prints no colour codes:\n" + out);
        String[] inOrder = {
                "[Host Setup] WasmHost initialization complete.",
                "--- Test: Running WASM Relationship Tests ---",
                "[WASM Export] Running relationship tests...",
                "[WASM Core] === Starting EnTT Relationship Tests ===",
                "[WASM Core] --- Testing 1:1 Relationships ---",
                "[EnttManager] Created entity: 0",
                "[EnttManager] Created entity: 1",
                "[WASM Core] Unlinking Player 0",
                "[EnttManager] Unlinking 1:1 for entity 0",
                "[EnttManager] Destroying entity: 0",
                "[EnttManager::Cleanup] Cleaning relationships for entity 0...",
                "[EnttManager::Cleanup] Finished cleaning for entity 0.",
                "[WASM Export] Relationship tests finished.",
                "[Host Main] WASM tests finished: 0 check(s) failed.",
                "Entities",
                "Parent -> Child (1:N)",
                "[Host Main] Result: PASS (0 failed check(s))"};
        int at = 0;
        for (String line : inOrder) {
            int found = out.indexOf(line, at);
            assertTrue(found >= 0, "missing or out of order: " + line + "\n" + out);
            at = found + line.length();
        }
    }
}
