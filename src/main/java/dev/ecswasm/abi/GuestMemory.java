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

    /**
     * Copies the first {@code length} of {@code bytes} to {@code address}: lets a caller reuse one
     * scratch array across calls. Override it to copy without the intermediate array.
     */
    default void write(int address, byte[] bytes, int length) {
        write(address, length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
    }
}
