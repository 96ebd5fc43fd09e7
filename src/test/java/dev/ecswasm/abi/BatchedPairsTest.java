package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.world.EnttManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * A batched relation read encodes into a scratch array its session reuses: after the relation
 * shrinks, a read writes exactly the pairs there are now, and not the stale tail of a larger read.
 */
class BatchedPairsTest {
    private static final int BUF = 0x100;

    @Test
    void aShrunkRelationWritesOnlyItsOwnPairsThroughTheReusedScratch() {
        EnttManager world = new EnttManager();
        int parent = world.createEntity();
        int first = world.createEntity();
        int second = world.createEntity();
        world.setParent(first, parent);
        world.setParent(second, parent);
        EnttApi api = new EnttApi();
        int handle = api.open(world);
        GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

        assertEquals(2, api.getParentChildPairs(handle, memory, BUF, 2));
        assertArrayEquals(u32s(parent, first, parent, second), memory.read(BUF, 16));

        world.removeParent(first);
        memory.write(BUF, new byte[16]); // clear, so a stale tail would show
        assertEquals(1, api.getParentChildPairs(handle, memory, BUF, 2));
        assertArrayEquals(u32s(parent, second, 0, 0), memory.read(BUF, 16));
        assertEquals(ErrorCode.OK.code(), api.lastError(handle));
    }

    @Test
    void aBufferTooSmallStillGetsNothingAndTheCount() {
        EnttManager world = new EnttManager();
        int parent = world.createEntity();
        world.setParent(world.createEntity(), parent);
        world.setParent(world.createEntity(), parent);
        EnttApi api = new EnttApi();
        int handle = api.open(world);
        GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

        assertEquals(2, api.getParentChildPairs(handle, memory, BUF, 1));
        assertArrayEquals(new byte[16], memory.read(BUF, 16));
        assertEquals(ErrorCode.BUFFER_TOO_SMALL.code(), api.lastError(handle));
    }

    private static byte[] u32s(int... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            out.putInt(value);
        }
        return out.array();
    }
}
