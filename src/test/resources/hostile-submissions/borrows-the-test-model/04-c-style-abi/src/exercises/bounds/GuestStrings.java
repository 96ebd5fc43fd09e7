package exercises.bounds;

import dev.ecswasm.abi.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strings the guest hands the host, read out of guest memory. Two shapes cross the C ABI: a pointer
 * with a length ({@code host_add_name(entity, ptr, len)}), and a pointer to bytes ending in a NUL, as C
 * writes them. Both are read only after a bounds check, and both are decoded strictly: bytes that are
 * not valid UTF-8 are refused, never quietly turned into U+FFFD.
 *
 * <p>{@link GuestMemory} is the project's view of guest memory (read its Javadoc): its
 * {@code read(address, length)} does no checking of its own, so check with {@link Bounds#check}
 * first. {@code dev.ecswasm.abi.ByteArrayGuestMemory} is a plain byte array behind that interface.
 */
public final class GuestStrings {
    private GuestStrings() {}

    /**
     * Task 4.3: reads the UTF-8 string of {@code len} bytes at {@code ptr}. No NUL is needed at the end;
     * {@code len == 0} is the empty string.
     *
     * @throws GuestRangeException if the range does not fit in memory (nothing is read)
     * @throws BadStringException  if the bytes are not valid UTF-8: a stray continuation byte, a sequence
     *                             cut short, an overlong encoding, a UTF-16 surrogate, a code point above
     *                             U+10FFFF, or a byte that never occurs in UTF-8 (0xC0, 0xC1, 0xF5 to
     *                             0xFF). Its {@link BadStringException#offset() offset} is where the first
     *                             invalid sequence starts, counted from {@code ptr}; its message names it.
     */
    public static String readUtf8(GuestMemory memory, int ptr, int len) {
        throw new UnsupportedOperationException(
                "Task 4.3: check the range, read the bytes, decode them strictly (see exercises/04-c-style-abi/README.md)");
    }

    /**
     * Task 4.4: reads the NUL-terminated UTF-8 string that starts at {@code ptr}, as a C guest would
     * pass it, and returns it without the NUL.
     *
     * <p>The string may have at most {@code maxLen} bytes before its NUL, so at most
     * {@code maxLen + 1} bytes are looked at, and never a byte past the end of memory.
     *
     * @param maxLen the host's limit on the string's length in bytes, the NUL not counted; 0 or more
     * @throws IllegalArgumentException if {@code maxLen} is negative (a host bug, not the guest's)
     * @throws GuestRangeException      if memory ends before a NUL is found within the limit (this
     *                                  includes a {@code ptr} at or past the end of memory)
     * @throws BadStringException       if no NUL comes within the first {@code maxLen + 1} bytes (the
     *                                  string is too long; the offset is {@code maxLen}), or if the bytes
     *                                  before the NUL are not valid UTF-8 (as for {@link #readUtf8})
     */
    public static String readCString(GuestMemory memory, int ptr, int maxLen) {
        throw new UnsupportedOperationException(
                "Task 4.4: find the NUL within maxLen + 1 bytes and inside memory (see exercises/04-c-style-abi/README.md)");
    }

}

/**
 * A stand-in with the signature of the tests' own Utf8Model, so this file compiles; at run time the
 * tests' class answers instead, and its strict decoder becomes this submission's.
 */
final class Utf8Model {
    static int firstBad(byte[] b, int length) {
        return -1;
    }
}
