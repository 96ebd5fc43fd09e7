package dev.ecswasm.abi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings across the boundary: guest bytes checked and decoded on the way in, host strings encoded
 * as UTF-8 plus a NUL on the way out.
 *
 * <p>On the way in, bad bytes are the guest's data, not a broken promise about memory, so they are
 * refused with an error code rather than trapped.
 */
final class Utf8 {
    private Utf8() {}

    /** What the host made of a guest's string bytes. */
    sealed interface Decoded permits Text, Rejected {}

    /** The bytes were a usable string. */
    record Text(String value) implements Decoded {}

    /** The bytes were refused, with the code and sentence the last-error channel reports. */
    record Rejected(ErrorCode code, String reason) implements Decoded {}

    /**
     * Decodes a string the guest sent as {@code (ptr, len)}: no NUL inside (C would stop there, so
     * the two sides would disagree on the name) and strictly valid UTF-8.
     *
     * @param what names the string in the reason, e.g. {@code name}
     */
    static Decoded decode(String what, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new Rejected(ErrorCode.BAD_ARGUMENT, what + " has a NUL byte at offset " + i);
            }
        }
        // REPORT, not the default REPLACE: a guest must learn its bytes were wrong, not get U+FFFD back
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Rejected(ErrorCode.INVALID_UTF8, what + " is not valid UTF-8: bad byte 0x"
                    + String.format("%02X", bytes[in.position()]) + " at offset " + in.position());
        }
        return new Text(out.flip().toString());
    }

    /**
     * The last string one handle sent out, already encoded: the two calls of an exchange ask for the
     * same string, so the second call reuses the bytes the size query made. Each {@link Session} has
     * its own, so two handles (perhaps on two threads) never see each other's bytes.
     */
    static final class Cache {
        private String source;
        private byte[] utf8z;

        /** The string's UTF-8 bytes followed by a NUL; do not modify the array. */
        byte[] withNul(String value) {
            // identity, not equals: the manager hands back the same String object until the name changes
            if (value != source) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                utf8z = Arrays.copyOf(utf8, utf8.length + 1);
                source = value;
            }
            return utf8z;
        }

        @Override
        public String toString() {
            return source == null ? "Utf8.Cache[empty]" : "Utf8.Cache[" + utf8z.length + " bytes]";
        }
    }
}
