package dev.ecswasm.workbench;

import dev.ecswasm.abi.GuestMemory;

/**
 * Guest bytes as a classic hex+ASCII dump, sixteen to a line:
 * <pre>
 * 0x00011000  41 6C 69 63 65 00 00 00  00 00 00 00 00 00 00 00  |Alice...........|
 * </pre>
 */
public final class HexDump {
    private HexDump() {}

    /** Dumps {@code length} bytes of guest memory from {@code address}. */
    public static String of(GuestMemory memory, int address, int length) {
        long start = Integer.toUnsignedLong(address);
        if (length < 0 || start + length > memory.size()) {
            throw new IllegalArgumentException("range [" + hex(start) + ", +" + length
                    + ") is outside guest memory (" + memory.size() + " bytes)");
        }
        return of(memory.read(address, length), start);
    }

    /** Dumps bytes, labelling the first one with {@code baseAddress}. */
    public static String of(byte[] bytes, long baseAddress) {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 16) {
            out.append(hex(baseAddress + line)).append("  ");
            StringBuilder text = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < bytes.length) {
                    out.append(String.format("%02X ", bytes[i]));
                    int b = bytes[i] & 0xFF;
                    text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == line + 7) {
                    out.append(' ');
                }
            }
            out.append(" |").append(text).append("|\n");
        }
        return out.toString();
    }

    /** Bytes as space-separated hex pairs, e.g. {@code 41 6C 00}. */
    public static String hexBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
        }
        return out.toString();
    }

    /** An address as the dumps print it: {@code 0x00011000}. */
    public static String hex(long address) {
        return String.format("0x%08X", address);
    }
}
