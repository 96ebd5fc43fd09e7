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
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 4.3: check the range, read the bytes, decode them strictly (see exercises/04-c-style-abi/README.md)");
        Range range = Bounds.check(memory.size(), ptr, len);
        byte[] bytes = range.length() == 0 ? new byte[0] : memory.read(ptr, len);
        return decodeStrictly(bytes, bytes.length);
        // END SOLUTION
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
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 4.4: find the NUL within maxLen + 1 bytes and inside memory (see exercises/04-c-style-abi/README.md)");
        if (maxLen < 0) {
            throw new IllegalArgumentException("maxLen must not be negative: " + maxLen);
        }
        long start = Integer.toUnsignedLong(ptr);
        long available = Math.max(0, memory.size() - start);
        long window = Math.min((long) maxLen + 1, available);
        if (window == 0) {
            throw new GuestRangeException(String.format(
                    "C string at ptr %d (0x%08X) starts at or past the end of guest memory (%d bytes)",
                    start, start, memory.size()));
        }
        Bounds.check(memory.size(), ptr, (int) window);
        byte[] bytes = memory.read(ptr, (int) window);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return decodeStrictly(bytes, i);
            }
        }
        if (window <= maxLen) { // cut short by the end of memory, not by the limit
            throw new GuestRangeException(String.format(
                    "C string at ptr %d (0x%08X) has no NUL before the end of guest memory (%d bytes)",
                    start, start, memory.size()));
        }
        throw new BadStringException(maxLen, "C string at ptr " + start + " has no NUL within " + maxLen
                + " bytes: expected one at offset " + maxLen + " at the latest");
        // END SOLUTION
    }

    // BEGIN SOLUTION
    /** The first {@code length} bytes as a String, or a BadStringException at the first invalid sequence. */
    private static String decodeStrictly(byte[] bytes, int length) {
        // REPORT, not the default REPLACE: new String(bytes, UTF_8) would turn bad bytes into U+FFFD
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new BadStringException(at, String.format("not valid UTF-8: byte 0x%02X at offset %d", bytes[at], at));
        }
        return out.flip().toString();
    }
    // END SOLUTION
}
