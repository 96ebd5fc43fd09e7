package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.world.EnttManager;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The handle table: slots, generations, growth, and what a wrong handle is told. */
class ManagerHandlesTest {
    private final EnttApi api = new EnttApi();
    private final EnttManager world = new EnttManager();

    private String trapFor(int handle) {
        return assertThrows(AbiTrap.class, () -> api.isEntityValid(handle, 0)).getMessage();
    }

    @Test
    void isOpenFollowsOpenAndCloseAndIsFalseForNullAndForged() {
        int handle = api.open(world);
        assertTrue(api.isOpen(handle));
        assertFalse(api.isOpen(0), "handle 0 plays the null pointer");
        assertFalse(api.isOpen(handle + 1), "never issued");
        assertFalse(api.isOpen(handle | 1 << 16), "right slot, wrong generation");
        api.close(handle);
        assertFalse(api.isOpen(handle));
    }

    @Test
    void theTableGrowsPastItsFirstSlotsAndEveryHandleKeepsItsManager() {
        EnttManager[] worlds = new EnttManager[20];
        int[] handles = new int[20];
        for (int i = 0; i < worlds.length; i++) {
            worlds[i] = new EnttManager();
            handles[i] = api.open(worlds[i]);
            assertEquals(i + 1, handles[i], "slots are handed out in order from 1, generation 0");
        }
        for (int i = 0; i < worlds.length; i++) {
            for (int k = 0; k < i; k++) {
                worlds[i].createEntity(); // world i holds i entities
            }
        }
        for (int i = 0; i < worlds.length; i++) {
            assertEquals(i, api.createEntity(handles[i]), "handle " + handles[i] + " reaches its own world");
        }
        assertEquals("EnttApi[20 open handles, maxNameBytes 65536, maxEntities 100000, maxEdges 1000000, maxNameBytesTotal 16777216]", api.toString());
    }

    @Test
    void aHandleJustPastAFullTableWasNeverOpened() {
        for (int i = 0; i < 3; i++) {
            api.open(world); // slots 1..3: the first table of four is now full
        }
        assertFalse(api.isOpen(4));
        assertEquals("manager handle 0x00000004 was never opened", trapFor(4));
    }

    @Test
    void aFullFirstTablePrintsEveryHandle() {
        ManagerHandles table = new ManagerHandles();
        for (int i = 0; i < 3; i++) {
            table.open(world);
        }
        assertEquals("ManagerHandles[3 open: 0x00000001, 0x00000002, 0x00000003]", table.toString());
    }

    @Test
    void aClosedSlotIsReusedWithTheNextGeneration() {
        int first = api.open(world);
        int second = api.open(world);
        api.close(first);
        assertEquals("EnttApi[1 open handle, maxNameBytes 65536, maxEntities 100000, maxEdges 1000000, maxNameBytesTotal 16777216]", api.toString());
        int reused = api.open(new EnttManager());
        assertEquals(0x0001_0001, reused, "slot 1, generation 1");
        assertEquals("manager handle 0x00000001 is closed", trapFor(first));
        assertTrue(api.isOpen(second));
        api.close(reused);
        assertEquals(0x0002_0001, api.open(world), "slot 1 again, generation 2");
    }

    @Test
    void aHandleFromAGenerationNotYetIssuedWasNeverOpenedNotClosed() {
        int first = api.open(world);
        api.close(first);
        int next = 0x0001_0001; // what slot 1 will hand out next
        assertEquals("manager handle 0x00010001 was never opened", trapFor(next));
        assertEquals("manager handle 0x00050001 was never opened", trapFor(0x0005_0001));
        assertEquals(next, api.open(world), "and it is indeed the next one issued");
    }

    @Test
    void handlesAreUniqueAndTheTableHoldsAtMost65535() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 0xFFFF; i++) {
            assertTrue(seen.add(api.open(world)));
        }
        assertTrue(api.isOpen(0xFFFF), "the last slot, 65535, is usable");
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> api.open(world));
        assertEquals("too many open managers", full.getMessage());
        api.close(0x1234);
        assertEquals(0x0001_1234, api.open(world), "a closed slot is free again");
    }

    @Test
    void describeSaysWhatAHandleNames() {
        int handle = api.open(world);
        assertEquals("0x00000001 on " + world, api.describe(handle));
        api.close(handle);
        assertEquals("0x00000001 (not open)", api.describe(handle));
    }

    @Test
    void closingAHandleTwiceTraps() {
        int handle = api.open(world);
        api.close(handle);
        AbiTrap again = assertThrows(AbiTrap.class, () -> api.close(handle));
        assertEquals("manager handle 0x00000001 is closed", again.getMessage());
    }
}
