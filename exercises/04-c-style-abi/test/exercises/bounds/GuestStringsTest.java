package exercises.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.grader.Task;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuestStringsTest {
    private static final int SIZE = 1024;
    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(SIZE);

    // ---------------------------------------------------------------- 4.3 readUtf8

    @Test
    @Task(id = "4.3", points = 1)
    @DisplayName("readUtf8 reads ASCII, multi-byte and 4-byte characters, a string that ends at the end of memory, and \"\"")
    void readsValidUtf8() {
        assertReads("Alice", 64);
        assertReads("Grüße", 128);           // ü and ß are two bytes each
        assertReads("€ and 🦀", 200);         // three bytes, then four
        assertReads("last", SIZE - 4);        // ends exactly at the end of memory
        assertEquals("", GuestStrings.readUtf8(memory, SIZE, 0),
                () -> "readUtf8(memory, " + SIZE + ", 0): an empty string at the very end of memory is \"\"");
    }

    @Test
    @Task(id = "4.3", points = 1)
    @DisplayName("readUtf8 rejects invalid UTF-8 with BadStringException at the first bad sequence, never U+FFFD")
    void rejectsInvalidUtf8() {
        assertBadUtf8(bytes(0x6F, 0x6B, 0x80), 2, "a continuation byte 0x80 with no lead byte");
        assertBadUtf8(bytes(0x47, 0x72, 0xC3), 2, "\"Grü\" cut inside the ü (0xC3 with no continuation byte)");
        assertBadUtf8(bytes(0x61, 0xC3, 0x41), 1, "0xC3 followed by the ASCII byte 'A' instead of a continuation byte");
        assertBadUtf8(bytes(0x61, 0xC0, 0xAF), 1, "the overlong encoding 0xC0 0xAF of '/'");
        assertBadUtf8(bytes(0xED, 0xA0, 0x80), 0, "0xED 0xA0 0x80, a UTF-16 surrogate (U+D800) encoded as UTF-8");
        assertBadUtf8(bytes(0x41, 0x42, 0xF4, 0x90, 0x80, 0x80), 2, "0xF4 0x90 0x80 0x80, above U+10FFFF");
        assertBadUtf8(bytes(0xFF), 0, "the byte 0xFF, which never occurs in UTF-8");
    }

    @Test
    @Task(id = "4.3", points = 1)
    @DisplayName("readUtf8 checks the range first: GuestRangeException, not an array index error, for a range outside memory")
    void readUtf8ChecksTheRangeFirst() {
        assertThrows(GuestRangeException.class, () -> GuestStrings.readUtf8(memory, SIZE - 2, 3),
                "readUtf8(memory, size - 2, 3) runs one byte past the end: expected GuestRangeException (use Bounds.check)");
        assertThrows(GuestRangeException.class, () -> GuestStrings.readUtf8(memory, 0xFFFF_FFF0, 0x20),
                "readUtf8(memory, 0xFFFFFFF0, 0x20) wraps around 2^32: expected GuestRangeException (use Bounds.check)");
        assertThrows(GuestRangeException.class, () -> GuestStrings.readUtf8(memory, 16, -1),
                "readUtf8(memory, 16, 0xFFFFFFFF): expected GuestRangeException (use Bounds.check)");
    }

    // ---------------------------------------------------------------- 4.4 readCString

    @Test
    @Task(id = "4.4", points = 1)
    @DisplayName("readCString reads up to the NUL, allows exactly maxLen bytes, and finds a NUL in the last byte of memory")
    void readsCStrings() {
        put(100, "hello\0");
        assertEquals("hello", GuestStrings.readCString(memory, 100, 64), () -> "readCString(\"hello\\0\", maxLen 64)");
        assertEquals("hello", GuestStrings.readCString(memory, 100, 5),
                () -> "readCString(\"hello\\0\", maxLen 5): 5 bytes before the NUL is exactly the limit, so it fits");
        put(300, "Grüße\0");
        assertEquals("Grüße", GuestStrings.readCString(memory, 300, 7), () -> "readCString(\"Grüße\\0\", maxLen 7): 7 bytes of UTF-8");
        put(400, "\0");
        assertEquals("", GuestStrings.readCString(memory, 400, 0), () -> "readCString(\"\\0\", maxLen 0): the empty string");
        put(SIZE - 3, "ab\0");
        assertEquals("ab", GuestStrings.readCString(memory, SIZE - 3, 1000),
                () -> "readCString at size - 3 of \"ab\\0\", maxLen 1000: the NUL is the last byte of memory");
    }

    @Test
    @Task(id = "4.4", points = 1)
    @DisplayName("readCString rejects a string longer than maxLen, and invalid UTF-8 before the NUL, with BadStringException")
    void rejectsLongOrBadCStrings() {
        put(100, "hello\0");
        BadStringException e = assertThrows(BadStringException.class, () -> GuestStrings.readCString(memory, 100, 4),
                "readCString(\"hello\\0\", maxLen 4): 5 bytes before the NUL is one more than the limit");
        assertEquals(4, e.offset(), () -> "the offset of the BadStringException for \"hello\" with maxLen 4 (where the NUL "
                + "should have been at the latest); message: " + e.getMessage());
        memory.write(200, bytes(0x61, 0x80, 0x62, 0x00));
        BadStringException bad = assertThrows(BadStringException.class, () -> GuestStrings.readCString(memory, 200, 64),
                "readCString of 'a' 0x80 'b' NUL: the bytes before the NUL are not UTF-8");
        assertEquals(1, bad.offset(), () -> "the offset of the stray 0x80 in 'a' 0x80 'b' NUL; message: " + bad.getMessage());
    }

    @Test
    @Task(id = "4.4", points = 1)
    @DisplayName("readCString never reads past the end of memory: GuestRangeException when no NUL comes before it")
    void cStringsDoNotRunOffTheEnd() {
        put(SIZE - 3, "abc"); // no NUL: the string runs into the end of memory
        assertThrows(GuestRangeException.class, () -> GuestStrings.readCString(memory, SIZE - 3, 100),
                "readCString at size - 3 of \"abc\" with no NUL before the end, maxLen 100: expected GuestRangeException");
        assertThrows(GuestRangeException.class, () -> GuestStrings.readCString(memory, SIZE, 100),
                "readCString at ptr == size: not even the NUL is inside memory; expected GuestRangeException");
        assertThrows(GuestRangeException.class, () -> GuestStrings.readCString(memory, 0xFFFF_FFF0, 100),
                "readCString at ptr 0xFFFFFFF0: expected GuestRangeException");
        assertThrows(GuestRangeException.class, () -> GuestStrings.readCString(memory, SIZE - 3, Integer.MAX_VALUE),
                "readCString at size - 3 of \"abc\", maxLen Integer.MAX_VALUE (maxLen + 1 overflows an int): expected "
                        + "GuestRangeException");
    }

    // ---------------------------------------------------------------- helpers

    private void put(int ptr, String text) {
        memory.write(ptr, text.getBytes(StandardCharsets.UTF_8));
    }

    private void assertReads(String text, int ptr) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        memory.write(ptr, utf8);
        assertEquals(text, GuestStrings.readUtf8(memory, ptr, utf8.length),
                () -> "readUtf8(memory, " + ptr + ", " + utf8.length + ") of the UTF-8 bytes of \"" + text + "\"");
    }

    private void assertBadUtf8(byte[] bad, int offset, String what) {
        int ptr = 512;
        memory.write(ptr, bad);
        String read;
        try {
            read = GuestStrings.readUtf8(memory, ptr, bad.length);
        } catch (BadStringException e) {
            assertEquals(offset, e.offset(), () -> what + ": expected the BadStringException's offset to be " + offset
                    + " (where the first invalid sequence starts, counted from ptr); message: " + e.getMessage());
            if (e.getMessage() == null || !e.getMessage().contains(String.valueOf(offset))) {
                fail(what + ": the BadStringException's message should name the offset " + offset + ", but was: "
                        + e.getMessage());
            }
            return;
        }
        fail(what + ": expected BadStringException, but readUtf8 returned \"" + read + "\""
                + (read.contains("\uFFFD") ? " (U+FFFD: the bytes were replaced, not rejected)" : ""));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
