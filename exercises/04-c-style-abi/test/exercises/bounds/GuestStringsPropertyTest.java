package exercises.bounds;

import static exercises.bounds.Utf8Model.bytes;
import static exercises.bounds.Utf8Model.concat;
import static exercises.bounds.Utf8Model.hex;
import static exercises.bounds.Utf8Model.utf8;

import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * readUtf8 and readCString against a model, in a memory of three 64 KiB pages that refuses reads
 * outside itself: strings at the start, in the middle and ending on the very last byte of the last
 * page; every class of ill-formed UTF-8 after prefixes of 1- to 4-byte characters and a valid U+FFFD;
 * then seeded random strings.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuestStringsPropertyTest {
    private static final int PAGE = 65_536;
    private static final int SIZE = 3 * PAGE;
    private final StrictMemory memory = new StrictMemory(SIZE, (byte) 0xFF);

    /** Where each string is put: the start, across a page boundary, and so that it ends on the last byte of memory. */
    private static int[] placesFor(int length) {
        return new int[] {SIZE - length, PAGE - 1, 0};
    }

    /** What readUtf8 must do with {@code data} read at {@code ptr} (its bytes written there, the rest of memory 0xFF). */
    private static String expectedUtf8(byte[] data) {
        int bad = Utf8Model.firstBad(data, data.length);
        return bad >= 0 ? "BadStringException at offset " + bad : Utf8Model.show(new String(data, StandardCharsets.UTF_8));
    }

    private String actualUtf8(int ptr, int len) {
        try {
            return Utf8Model.show(GuestStrings.readUtf8(memory, ptr, len));
        } catch (BadStringException e) {
            return "BadStringException at offset " + e.offset() + " (message: " + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    @Test
    @Task(id = "4.3", points = 1)
    @DisplayName("property: readUtf8 agrees with strict UTF-8 (offsets in bytes after non-ASCII prefixes, overlong 2-, 3- and 4-byte forms, surrogates, a valid U+FFFD) at the end of a 3-page memory")
    void readUtf8AgreesWithStrictUtf8() {
        List<byte[]> inputs = Utf8Model.cases(43, 3_000);
        Property.forAll("GuestStrings.readUtf8", inputs, data -> {
            String expected = expectedUtf8(data);
            for (int ptr : placesFor(data.length)) {
                memory.reset(ptr, data);
                String actual = actualUtf8(ptr, data.length);
                if (!actual.startsWith(expected)) {
                    return "at ptr " + ptr + " of a " + SIZE + "-byte memory: expected " + expected + ", but was " + actual;
                }
            }
            return null;
        }, Comparator.comparingInt(b -> b.length), b -> "the " + b.length + " bytes " + hex(b));
    }

    /** A (ptr, len) pair, and what is at the end of memory. */
    record Call(int ptr, int len, String what) {
        @Override
        public String toString() {
            return "readUtf8(memory, " + Integer.toUnsignedString(ptr) + ", " + Integer.toUnsignedString(len) + "), " + what;
        }
    }

    @Test
    @Task(id = "4.3", points = 1)
    @DisplayName("readUtf8 checks the range before anything else: an empty string past the end, and a range past the end over invalid bytes, trap; nothing is read outside memory")
    void readUtf8ChecksTheRangeBeforeTheBytes() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call(SIZE + 1, 0, "an empty string one byte past the end of memory"));
        calls.add(new Call(-1, 0, "an empty string at ptr 0xFFFFFFFF"));
        calls.add(new Call(Integer.MIN_VALUE, 0, "an empty string at ptr 0x80000000"));
        calls.add(new Call(SIZE - 1, 2, "the last byte (0xFF, not UTF-8) and one past the end"));
        calls.add(new Call(SIZE - 4, 5, "four bytes of 0xFF and one past the end"));
        calls.add(new Call(0x7FFF_FFF0, 0x20, "ptr + len is negative as an int"));
        calls.add(new Call(SIZE - 1, -1, "len 0xFFFFFFFF: the end wraps around 2^32 to size - 2"));
        SplittableRandom r = new SplittableRandom(44);
        for (int i = 0; i < 2_000; i++) {
            int ptr = r.nextInt(3) == 0 ? r.nextInt() : SIZE - r.nextInt(0, 8);
            int len = r.nextInt(3) == 0 ? r.nextInt() : SIZE - ptr + r.nextInt(1, 8);
            calls.add(new Call(ptr, len, "random, ending past memory"));
        }
        Property.forAll("GuestStrings.readUtf8", calls, c -> {
            memory.reset(0, new byte[0]);
            String actual = actualUtf8(c.ptr(), c.len());
            if (!actual.startsWith(GuestRangeException.class.getName())) {
                return "expected GuestRangeException (check the range with Bounds.check first: the range runs past the "
                        + SIZE + "-byte memory, whatever the bytes are), but was " + actual;
            }
            String read = memory.readOutside(0, SIZE);
            return read == null ? null : "it read outside memory first: " + read;
        });
    }

    // ---------------------------------------------------------------- readCString

    /** A C string case: the bytes at ptr (a NUL may be among them, garbage may follow), the limit, and where memory ends. */
    record CCase(byte[] data, int maxLen, int room) {
        @Override
        public String toString() {
            byte[] shown = java.util.Arrays.copyOf(data, room); // what memory holds from ptr to its end
            java.util.Arrays.fill(shown, data.length, room, (byte) 0xFF);
            return "readCString(memory, " + (SIZE - room) + ", " + maxLen + ") where the " + room + " byte(s) from ptr to the end of"
                    + " the " + SIZE + "-byte memory are [" + hex(shown) + "]";
        }
    }

    /** What readCString must do; the model of its Javadoc. */
    private static String expectedC(CCase c) {
        if (c.maxLen() < 0) {
            return IllegalArgumentException.class.getName();
        }
        long window = Math.min((long) c.maxLen() + 1, c.room());
        for (int i = 0; i < window; i++) {
            byte b = i < c.data().length ? c.data()[i] : (byte) 0xFF;
            if (b == 0) {
                int bad = Utf8Model.firstBad(c.data(), i);
                return bad >= 0 ? "BadStringException at offset " + bad
                        : Utf8Model.show(new String(c.data(), 0, i, StandardCharsets.UTF_8));
            }
        }
        return window == (long) c.maxLen() + 1 ? "BadStringException at offset " + c.maxLen()
                : GuestRangeException.class.getName();
    }

    private String actualC(int ptr, int maxLen) {
        try {
            return Utf8Model.show(GuestStrings.readCString(memory, ptr, maxLen));
        } catch (BadStringException e) {
            return "BadStringException at offset " + e.offset() + " (message: " + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    static List<CCase> cCases(long seed, int randomCount) {
        List<CCase> out = new ArrayList<>();
        byte[][] texts = {utf8(""), utf8("a"), utf8("hello"), utf8("Grüße"), utf8("🦀"), bytes(0x61, 0x80), bytes(0xE2, 0x82)};
        for (byte[] text : texts) {
            int n = text.length;
            for (byte[] after : new byte[][] {bytes(0), bytes(0, 0xFF, 0x80), new byte[0]}) {
                byte[] data = concat(text, after);
                for (int maxLen : new int[] {n - 1, n, n + 1, n + 5, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, -1,
                        Integer.MIN_VALUE}) {
                    if (maxLen < -1 && n > 0) {
                        continue;
                    }
                    // room: no byte at all, up to the NUL's place, just the NUL, exactly maxLen + 1, one more
                    for (long room : new long[] {0, n, n + 1, (long) maxLen + 1, (long) maxLen + 2, data.length, data.length + 3}) {
                        if (room >= 0 && room <= data.length + 3) {
                            out.add(new CCase(java.util.Arrays.copyOf(data, (int) Math.min(room, data.length)), maxLen, (int) room));
                        }
                    }
                }
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < randomCount; i++) {
            byte[] text = r.nextInt(4) == 0 ? Utf8Model.random(r) : utf8("x".repeat(r.nextInt(0, 12)));
            byte[] data = r.nextBoolean() ? concat(concat(text, bytes(0)), Utf8Model.random(r)) : text;
            int maxLen = r.nextInt(8) == 0 ? r.nextInt() : r.nextInt(Math.max(1, text.length + 3));
            int room = r.nextInt(0, data.length + 3);
            out.add(new CCase(java.util.Arrays.copyOf(data, Math.min(room, data.length)), maxLen, room));
        }
        return out;
    }

    @Test
    @Task(id = "4.4", points = 1)
    @DisplayName("property: readCString agrees with its model: maxLen edges (exactly maxLen + 1 bytes left, Integer.MAX_VALUE, negative), garbage after the NUL, the end of a 3-page memory, and it reads only the bytes it may look at")
    void readCStringAgreesWithItsModel() {
        Property.forAll("GuestStrings.readCString", cCases(45, 3_000), c -> {
            String expected = expectedC(c);
            int ptr = SIZE - c.room();
            memory.reset(ptr, c.data());
            String actual = actualC(ptr, c.maxLen());
            if (!actual.startsWith(expected)) {
                return "expected " + expected + ", but was " + actual;
            }
            long window = c.maxLen() < 0 ? 0 : Math.min((long) c.maxLen() + 1, c.room());
            String read = memory.readOutside(ptr, ptr + window);
            return read == null ? null : "it returned the right answer, but looked at bytes it may not: " + read
                    + " (at most the " + window + " byte(s) from ptr " + ptr + ": maxLen + 1, and never past the end of memory)";
        }, Comparator.comparingInt((CCase c) -> c.data().length).thenComparingInt(CCase::room), CCase::toString);
    }
}
