package dev.ecswasm.workbench;

import java.util.Arrays;

/**
 * Keeps table cells short enough that a table fits a terminal of about 120 columns: a long cell
 * keeps its start and says how much was left out. The full values stay in the objects the table
 * was drawn from.
 */
final class Cells {
    /** The widest a free-text cell gets. */
    static final int MAX_TEXT = 48;
    /** The most bytes a hex cell shows. */
    static final int MAX_BYTES = 6;

    private Cells() {}

    /** The text, or its first {@code max - 1} characters and an ellipsis. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        return text.substring(0, cut) + "\u2026";
    }

    /** The first {@value #MAX_BYTES} bytes as hex pairs, then how many more there are. */
    static String bytes(byte[] bytes) {
        return bytes(bytes, MAX_BYTES);
    }

    /** The first {@code max} bytes as hex pairs, then how many more there are. */
    static String bytes(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return HexDump.hexBytes(bytes);
        }
        return HexDump.hexBytes(Arrays.copyOf(bytes, max)) + " \u2026 +" + (bytes.length - max);
    }
}
