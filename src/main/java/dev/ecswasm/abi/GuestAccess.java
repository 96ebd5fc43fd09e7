package dev.ecswasm.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Every read and write of guest memory the ABI makes goes through here, and is checked first.
 *
 * <p>Pointers and lengths arrive as {@code i32} and are read as unsigned 32-bit values; the end of
 * a range is computed in 64 bits so {@code ptr + len} cannot wrap around 2^32. A range must lie
 * inside the memory's current size, and address 0 may only be paired with length 0 (it is the
 * guest's null pointer). A failed check throws {@link AbiTrap} before a single byte moves.
 */
final class GuestAccess {
    private final GuestMemory memory;

    GuestAccess(GuestMemory memory) {
        this.memory = memory;
    }

    /** Checks that {@code [ptr, ptr + length)} lies in memory; {@code length} is unsigned. */
    void checkRange(String what, int ptr, long length) {
        checkRange(memory, what, ptr, length);
    }

    byte[] read(String what, int ptr, int length) {
        return read(memory, what, ptr, length);
    }

    void write(String what, int ptr, byte[] bytes) {
        write(memory, what, ptr, bytes);
    }

    /** Writes the first {@code count} values as a {@code uint32_t[]} on wasm32 would hold them. */
    void writeU32s(String what, int ptr, int[] values, int count) {
        writeU32s(memory, what, ptr, values, count);
    }

    // The same, on a memory passed in: the hot paths (TwoCall) call these and allocate no GuestAccess per crossing.

    static void checkRange(GuestMemory memory, String what, int ptr, long length) {
        long start = Integer.toUnsignedLong(ptr);
        long size = memory.size();
        if ((start == 0 && length != 0) || start + length > size) {
            throw outOfRange(what, start, length, size);
        }
    }

    static byte[] read(GuestMemory memory, String what, int ptr, int length) {
        checkRange(memory, what, ptr, Integer.toUnsignedLong(length));
        return memory.read(ptr, length);
    }

    static void write(GuestMemory memory, String what, int ptr, byte[] bytes) {
        checkRange(memory, what, ptr, bytes.length);
        if (bytes.length > 0) {
            memory.write(ptr, bytes);
        }
    }

    /** Writes the first {@code length} of {@code bytes}, e.g. a reused scratch array's. */
    static void write(GuestMemory memory, String what, int ptr, byte[] bytes, int length) {
        checkRange(memory, what, ptr, length);
        if (length > 0) {
            memory.write(ptr, bytes, length);
        }
    }

    static void writeU32s(GuestMemory memory, String what, int ptr, int[] values, int count) {
        checkRange(memory, what, ptr, 4L * count);
        if (count > 0) {
            memory.write(ptr, u32s(values, count));
        }
    }

    /**
     * The trap for a range that failed the check. Kept out of {@link #checkRange} so that stays small
     * enough for the JIT to inline into every crossing.
     */
    private static AbiTrap outOfRange(String what, long start, long length, long size) {
        if (start == 0 && length != 0) {
            return new AbiTrap(what + " is a null pointer with length " + length);
        }
        return new AbiTrap(what + " [" + hex(start) + ", +" + length + ") runs past the end of guest memory ("
                + size + " bytes)");
    }

    /** The first {@code count} values as little-endian u32s, in one bulk copy. */
    static byte[] u32s(int[] values, int count) {
        byte[] bytes = new byte[count * 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(values, 0, count);
        return bytes;
    }

    static String hex(long address) {
        return String.format("0x%08X", address);
    }
}
