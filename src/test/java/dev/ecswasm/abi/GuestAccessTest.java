package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestAccessTest {
    private static final int SIZE = 65536;
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);
    private final GuestAccess guest = new GuestAccess(memory);

    @Test
    void theLastByteIsReachableAndOneMoreIsNot() {
        assertDoesNotThrow(() -> guest.checkRange("buf", SIZE - 1, 1));
        assertDoesNotThrow(() -> guest.checkRange("buf", 16, SIZE - 16)); // ptr + len == size
        AbiTrap past = assertThrows(AbiTrap.class, () -> guest.checkRange("buf", SIZE - 1, 2));
        assertEquals("buf [0x0000FFFF, +2) runs past the end of guest memory (65536 bytes)", past.getMessage());
        assertThrows(AbiTrap.class, () -> guest.checkRange("buf", 16, SIZE - 15)); // size + 1
        assertDoesNotThrow(() -> guest.checkRange("buf", SIZE, 0)); // an empty range at the very end
        assertThrows(AbiTrap.class, () -> guest.checkRange("buf", SIZE + 1, 0));
    }

    @Test
    void aRangeThatWrapsAt2To32IsCaughtNotWrapped() {
        AbiTrap wrap = assertThrows(AbiTrap.class, () -> guest.checkRange("buf", 0xFFFFFFF0, 0x20));
        assertEquals("buf [0xFFFFFFF0, +32) runs past the end of guest memory (65536 bytes)", wrap.getMessage());
    }

    @Test
    void negativeLookingLengthsAreHugeUnsignedLengths() {
        AbiTrap huge = assertThrows(AbiTrap.class, () -> guest.read("name", 8, -1));
        assertEquals("name [0x00000008, +4294967295) runs past the end of guest memory (65536 bytes)", huge.getMessage());
    }

    @Test
    void theNullPointerOnlyGoesWithLengthZero() {
        assertDoesNotThrow(() -> guest.checkRange("buf", 0, 0));
        AbiTrap trap = assertThrows(AbiTrap.class, () -> guest.checkRange("buf", 0, 4));
        assertEquals("buf is a null pointer with length 4", trap.getMessage());
    }

    @Test
    void aRejectedWriteLeavesMemoryUntouched() {
        memory.write(SIZE - 4, new byte[] {1, 2, 3, 4});
        assertThrows(AbiTrap.class, () -> guest.write("buf", SIZE - 4, new byte[] {9, 9, 9, 9, 9}));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, memory.read(SIZE - 4, 4));
    }

    @Test
    void u32sAreLittleEndian() {
        assertArrayEquals(new byte[] {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x78, 0x56, 0x34, 0x12},
                GuestAccess.u32s(new int[] {1, -1, 0x12345678, 99}, 3));
    }

    @Test
    void aU32ListIsCheckedAsAWholeBeforeAnyOfItIsWritten() {
        memory.write(SIZE - 4, new byte[] {1, 2, 3, 4});
        AbiTrap trap = assertThrows(AbiTrap.class, () -> guest.writeU32s("ids", SIZE - 4, new int[] {7, 8}, 2));
        assertEquals("ids [0x0000FFFC, +8) runs past the end of guest memory (65536 bytes)", trap.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, memory.read(SIZE - 4, 4));
        guest.writeU32s("ids", 0x100, new int[] {7, 8, 9}, 2);
        assertArrayEquals(new byte[] {7, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0}, memory.read(0x100, 12), "only count values");
    }

    @Test
    void anEmptyWriteNeverReachesTheMemory() {
        List<String> writes = new ArrayList<>();
        GuestAccess counted = new GuestAccess(new GuestMemory() {
            @Override
            public long size() {
                return memory.size();
            }

            @Override
            public byte[] read(int address, int length) {
                return memory.read(address, length);
            }

            @Override
            public void write(int address, byte[] bytes) {
                writes.add(GuestAccess.hex(address) + " +" + bytes.length);
                memory.write(address, bytes);
            }
        });
        counted.write("buf", 0, new byte[0]); // NULL with length 0: allowed, and nothing to do
        counted.write("buf", SIZE, new byte[0]);
        counted.writeU32s("ids", 0x100, new int[] {5}, 0);
        assertEquals(List.of(), writes);
        counted.write("buf", SIZE - 1, new byte[] {9});
        counted.writeU32s("ids", 0x100, new int[] {5}, 1);
        assertEquals(List.of("0x0000FFFF +1", "0x00000100 +4"), writes);
    }
}
