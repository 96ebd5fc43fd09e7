package dev.ecswasm.abi;


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
        long start = Integer.toUnsignedLong(ptr);
        long size = memory.size();
        if (start == 0 && length != 0) {
            throw new AbiTrap(what + " is a null pointer with length " + length);
        }
        if (start + length > size) {
            throw new AbiTrap(what + " [" + hex(start) + ", +" + length + ") runs past the end of guest memory ("
                    + size + " bytes)");
        }
    }

    byte[] read(String what, int ptr, int length) {
        checkRange(what, ptr, Integer.toUnsignedLong(length));
        return memory.read(ptr, length);
    }

    void write(String what, int ptr, byte[] bytes) {
        checkRange(what, ptr, bytes.length);
        if (bytes.length > 0) {
            memory.write(ptr, bytes);
        }
    }

    /** Writes the first {@code count} values as little-endian u32s, the layout of a {@code uint32_t[]} on wasm32. */
    void writeU32s(String what, int ptr, int[] values, int count) {
        checkRange(what, ptr, 4L * count);
        if (count > 0) {
            memory.writeU32s(ptr, values, count);
        }
    }

    /** Little-endian u32s, for tests. */
    static byte[] u32s(int[] values) {
        GuestMemory collect = new GuestMemory() {
            byte[] bytes = new byte[0];

            @Override
            public long size() {
                return Long.MAX_VALUE;
            }

            @Override
            public byte[] read(int address, int length) {
                return bytes;
            }

            @Override
            public void write(int address, byte[] written) {
                bytes = written;
            }
        };
        collect.writeU32s(0, values, values.length);
        return collect.read(0, values.length * 4);
    }

    static String hex(long address) {
        return String.format("0x%08X", address);
    }
}
