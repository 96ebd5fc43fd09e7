package exercises.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.grader.Task;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundsTest {
    private static final long PAGE = 65_536;
    private static final long FOUR_GIB = 1L << 32; // the largest a Wasm memory can be: 65,536 pages

    // ---------------------------------------------------------------- 4.1 ranges that fit

    @Test
    @Task(id = "4.1", points = 1)
    @DisplayName("check accepts ranges inside memory, one that ends exactly at the end, and an empty one at the very end")
    void rangesInsideMemoryFit() {
        assertFits(PAGE, 100, 28, new Range(100, 28), "a range in the middle");
        assertFits(PAGE, 0, (int) PAGE, new Range(0, PAGE), "the whole memory");
        assertFits(PAGE, 65_535, 1, new Range(65_535, 1), "the last byte: ends exactly at the end (end == size is fine)");
        assertFits(PAGE, 65_000, 536, new Range(65_000, 536), "a range ending exactly at the end");
        assertFits(PAGE, (int) PAGE, 0, new Range(PAGE, 0), "an empty range at the very end (ptr == size, len == 0)");
        assertFits(PAGE, 0, 0, new Range(0, 0), "an empty range at 0");
        assertFits(0, 0, 0, new Range(0, 0), "an empty range in an empty memory");
    }

    @Test
    @Task(id = "4.1", points = 1)
    @DisplayName("check reads ptr and len as unsigned 32-bit values: 0xFFFFFFF0 is 4294967280, not -16")
    void pointersAndLengthsAreUnsigned() {
        assertFits(FOUR_GIB, 0xFFFF_FFF0, 16, new Range(4_294_967_280L, 16),
                "the last 16 bytes of a 4 GiB memory (ptr 0xFFFFFFF0 is the int -16)");
        assertFits(FOUR_GIB, 0, 0xFFFF_FFFF, new Range(0, 4_294_967_295L),
                "len 0xFFFFFFFF (the int -1) from 0 in a 4 GiB memory");
        assertFits(FOUR_GIB, 0x8000_0000, 0x8000_0000, new Range(2_147_483_648L, 2_147_483_648L),
                "ptr 0x80000000, len 0x80000000 in a 4 GiB memory (both are Integer.MIN_VALUE as ints)");
    }

    // ---------------------------------------------------------------- 4.2 ranges that do not fit

    @Test
    @Task(id = "4.2", points = 1)
    @DisplayName("check rejects a range one byte past the end, and an empty range that starts past the end")
    void oneBytePastTheEndIsRejected() {
        assertRejected(PAGE, 65_535, 2, "the last byte and one more");
        assertRejected(PAGE, 65_000, 537, "a range ending one byte past the end");
        assertRejected(PAGE, (int) PAGE, 1, "one byte at ptr == size");
        assertRejected(PAGE, 65_537, 0, "an empty range starting one past the end");
        assertRejected(0, 0, 1, "one byte of an empty memory");
    }

    @Test
    @Task(id = "4.2", points = 1)
    @DisplayName("check rejects ranges whose ptr + len wraps around 2^32 (ptr 0xFFFFFFF0, len 0x20)")
    void wrapAroundIsRejected() {
        assertRejected(PAGE, 0xFFFF_FFF0, 0x20, "ptr 0xFFFFFFF0, len 0x20: ptr + len is 0x10 in 32 bits");
        assertRejected(FOUR_GIB, 0xFFFF_FFF0, 0x20,
                "ptr 0xFFFFFFF0, len 0x20 in a 4 GiB memory: ptr is inside, but the end is 2^32 + 16");
        assertRejected(PAGE, 0x10, 0xFFFF_FFF0, "ptr 0x10, len 0xFFFFFFF0: ptr + len is 0 in 32 bits");
        assertRejected(PAGE, 0x7FFF_FFF0, 0x20, "ptr 0x7FFFFFF0, len 0x20: ptr + len is negative as an int");
        assertRejected(FOUR_GIB, 2, 0xFFFF_FFFF, "ptr 2, len 0xFFFFFFFF in a 4 GiB memory: ends at 2^32 + 1");
    }

    @Test
    @Task(id = "4.2", points = 1)
    @DisplayName("check rejects a huge len, and its GuestRangeException names ptr, len and the size as unsigned numbers")
    void hugeLengthsAreRejectedWithAClearMessage() {
        assertRejected(PAGE, 0, 0xFFFF_FFFF, "len 0xFFFFFFFF (the int -1)");
        assertRejected(PAGE, 1, 0x7FFF_FFFF, "len 0x7FFFFFFF");
        assertRejected(PAGE, 0, 0x8000_0000, "len 0x80000000 (Integer.MIN_VALUE)");

        GuestRangeException e = assertRejected(PAGE, 0xFFFF_FFF0, 0x20, "ptr 0xFFFFFFF0, len 0x20");
        assertMessageHas(e, "4294967280", "ptr 0xFFFFFFF0 as an unsigned number");
        assertMessageHas(e, "32", "len 0x20");
        assertMessageHas(e, "65536", "the memory size");
        e = assertRejected(PAGE, 7, 0xFFFF_FFFF, "ptr 7, len 0xFFFFFFFF");
        assertMessageHas(e, "4294967295", "len 0xFFFFFFFF as an unsigned number (not -1)");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertFits(long size, int ptr, int len, Range expected, String what) {
        Range actual;
        try {
            actual = Bounds.check(size, ptr, len);
        } catch (GuestRangeException e) {
            fail("check(" + size + ", " + hex(ptr) + ", " + hex(len) + "), " + what + ": expected " + expected
                    + " but it threw GuestRangeException: " + e.getMessage());
            return;
        }
        assertEquals(expected, actual, () -> "check(" + size + ", " + hex(ptr) + ", " + hex(len) + "), " + what
                + ": expected start " + expected.start() + " and length " + expected.length() + " as unsigned values");
    }

    private static GuestRangeException assertRejected(long size, int ptr, int len, String what) {
        Range accepted;
        try {
            accepted = Bounds.check(size, ptr, len);
        } catch (GuestRangeException expected) {
            return expected;
        }
        fail("check(" + size + ", " + hex(ptr) + ", " + hex(len) + "), " + what + ": expected a GuestRangeException"
                + " (the range does not fit in " + size + " bytes) but it returned " + accepted
                + ". Compute the end without 32-bit wrap-around, and compare it with <= size");
        return null;
    }

    private static void assertMessageHas(RuntimeException e, String part, String what) {
        if (e.getMessage() == null || !e.getMessage().contains(part)) {
            fail("the GuestRangeException's message should name " + what + " as " + part + ", but was: "
                    + e.getMessage());
        }
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
