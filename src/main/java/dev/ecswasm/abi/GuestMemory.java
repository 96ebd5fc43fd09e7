package dev.ecswasm.abi;

/**
 * A guest's linear memory as the host sees it: a run of bytes addressed by unsigned 32-bit offsets.
 *
 * <p>Implementations may assume every range they are given lies inside {@link #size()}:
 * {@link GuestAccess} checks before it calls them.
 */
public interface GuestMemory {
    /** The current size in bytes (a Wasm memory can grow between calls). */
    long size();

    /** Copies {@code length} bytes starting at {@code address}. */
    byte[] read(int address, int length);

    /** Copies {@code bytes} to {@code address}. */
    void write(int address, byte[] bytes);

    /** Writes {@code count} values as little-endian u32s from {@code address}; a backing may do it without a copy. */
    default void writeU32s(int address, int[] values, int count) {
        byte[] out = new byte[count * 4];
        for (int i = 0, at = 0; i < count; i++, at += 4) {
            int value = values[i];
            out[at] = (byte) value;
            out[at + 1] = (byte) (value >>> 8);
            out[at + 2] = (byte) (value >>> 16);
            out[at + 3] = (byte) (value >>> 24);
        }
        write(address, out);
    }
}
