package dev.ecswasm.abi;

import java.util.Arrays;

/**
 * Guest memory as a plain Java byte array of a fixed size: enough to try every ABI call in a test,
 * a demo or JShell without a Wasm runtime. The loader backs the ABI with the guest's real memory.
 */
public final class ByteArrayGuestMemory implements GuestMemory {
    /** A Wasm page: 64 KiB. */
    public static final int PAGE_SIZE = 64 * 1024;

    private final byte[] bytes;

    /** A zeroed memory of {@code size} bytes. */
    public ByteArrayGuestMemory(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.bytes = new byte[size];
    }

    /** A zeroed memory of {@code pages} Wasm pages, as a fresh guest would have. */
    public static ByteArrayGuestMemory ofPages(int pages) {
        if (pages < 0 || pages > Integer.MAX_VALUE / PAGE_SIZE) {
            throw new IllegalArgumentException("pages must be between 0 and " + Integer.MAX_VALUE / PAGE_SIZE
                    + ": " + pages);
        }
        return new ByteArrayGuestMemory(pages * PAGE_SIZE);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public byte[] read(int address, int length) {
        return Arrays.copyOfRange(bytes, address, address + length);
    }

    @Override
    public void write(int address, byte[] data) {
        System.arraycopy(data, 0, bytes, address, data.length);
    }

    @Override
    public String toString() {
        return "ByteArrayGuestMemory[" + bytes.length + " bytes]";
    }
}
