package dev.ecswasm.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EcsDemoTest {

    @Test
    void theDemoInterleavesTheLogWithTablesAndEndsConsistent() {
        String out = Captured.stdout(() -> EcsDemo.main(new String[0]));
        for (String expected : new String[] {
                "[EnttManager] Created entity: 0",
                "[EnttManager] Linked player 0 <-> profile 1",
                "[EnttManager::Cleanup] Cleaning relationships for entity 2...",
                "[EnttManager::Cleanup]   child 3 lost its parent 2",
                "[EnttManager::Cleanup] Cascade from 1048581: destroying entity 3",
                "Refused[FORBIDDEN: cannot destroy entity 6",
                "Entities", "Player <-> Profile (1:1)", "Parent -> Child (1:N)", "Student <-> Course (N:N)",
                "Storage<Name>: size 7, 1 sparse page(s)",
                "[Demo] invariants hold"}) {
            assertTrue(out.contains(expected), "demo output lacks: " + expected + "\n" + out);
        }
    }
}
