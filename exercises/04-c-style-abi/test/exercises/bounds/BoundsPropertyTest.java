package exercises.bounds;

import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounds.check against its definition on every (size, ptr, len) made of edges: memory sizes of 0,
 * one byte, one page, a few pages, 2^31 and 4 GiB; pointers and lengths at 0, 1, the size and next to
 * it, the sign bit, 2^32 - 1 and what is exactly left after ptr; then seeded random triples near the
 * end of memory.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundsPropertyTest {
    private static final long FOUR_GIB = 1L << 32;
    private static final long[] SIZES = {0, 1, 16, 65_535, 65_536, 65_537, 3 * 65_536, 0x7FFF_FFFFL, 0x8000_0000L,
            0x8000_0001L, FOUR_GIB - 1, FOUR_GIB};

    /** A (memory size, ptr, len) triple. */
    record Triple(long size, int ptr, int len) {
        long end() {
            return Integer.toUnsignedLong(ptr) + Integer.toUnsignedLong(len);
        }

        boolean fits() {
            return end() <= size;
        }

        @Override
        public String toString() {
            return "check(" + size + ", " + hex(ptr) + ", " + hex(len) + ") (ptr " + Integer.toUnsignedString(ptr)
                    + ", len " + Integer.toUnsignedString(len) + ", end " + end() + ")";
        }
    }

    static List<Triple> triples(long seed, int randomCount) {
        List<Triple> out = new ArrayList<>();
        for (long size : SIZES) {
            Set<Long> ptrs = unsigned(0, 1, 2, size - 2, size - 1, size, size + 1, 0x7FFF_FFFFL, 0x8000_0000L,
                    0xFFFF_FFF0L, FOUR_GIB - 2, FOUR_GIB - 1);
            for (long p : ptrs) {
                long left = size - p; // exactly what is left after ptr (negative past the end)
                Set<Long> lens = unsigned(0, 1, 2, left - 1, left, left + 1, size, size + 1, 0x7FFF_FFFFL, 0x8000_0000L,
                        FOUR_GIB - p, FOUR_GIB - p - 1, FOUR_GIB - 1);
                for (long l : lens) {
                    out.add(new Triple(size, (int) p, (int) l));
                }
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < randomCount; i++) {
            long size = r.nextBoolean() ? SIZES[r.nextInt(SIZES.length)] : r.nextLong(FOUR_GIB + 1);
            long p = r.nextInt(4) == 0 ? r.nextLong(FOUR_GIB) : Math.max(0, size - r.nextLong(1, 70_000));
            long l = r.nextInt(4) == 0 ? r.nextLong(FOUR_GIB) : Math.max(0, size - p + r.nextInt(-2, 3));
            out.add(new Triple(size, (int) p, (int) Math.min(l, FOUR_GIB - 1)));
        }
        return out;
    }

    /** The values that are 0 to 2^32 - 1, in order, each once. */
    private static Set<Long> unsigned(long... values) {
        Set<Long> out = new LinkedHashSet<>();
        for (long v : values) {
            if (v >= 0 && v < FOUR_GIB) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    @Task(id = "4.1", points = 1)
    @DisplayName("property: check returns the unsigned range for every (size, ptr, len) that fits, edges first (end == size, len == what is left, sizes of 2^31 and 4 GiB)")
    void everyRangeThatFitsIsAccepted() {
        List<Triple> fitting = triples(41, 5_000).stream().filter(Triple::fits).toList();
        Property.forAll("Bounds.check", fitting, t -> Property.compare(
                        "start " + Integer.toUnsignedLong(t.ptr()) + ", length " + Integer.toUnsignedLong(t.len()) + ", end " + t.end(),
                        () -> shown(Bounds.check(t.size(), t.ptr(), t.len()))),
                Comparator.comparingLong(Triple::size), Triple::toString);
    }

    @Test
    @Task(id = "4.2", points = 1)
    @DisplayName("property: check throws GuestRangeException naming ptr, len and size (unsigned) for every (size, ptr, len) that does not fit, edges first")
    void everyRangeThatDoesNotFitIsRejected() {
        List<Triple> outside = triples(42, 3_000).stream().filter(t -> !t.fits()).toList();
        Property.forAll("Bounds.check", outside, t -> {
            Range accepted;
            try {
                accepted = Bounds.check(t.size(), t.ptr(), t.len());
            } catch (GuestRangeException e) {
                String message = String.valueOf(e.getMessage());
                for (long n : new long[] {Integer.toUnsignedLong(t.ptr()), Integer.toUnsignedLong(t.len()), t.size()}) {
                    if (!message.contains(Long.toString(n))) {
                        return "the GuestRangeException's message should name " + n + " (ptr, len and size as unsigned"
                                + " decimal numbers), but was: " + message;
                    }
                }
                return null;
            } catch (RuntimeException e) {
                return "expected GuestRangeException (the end " + t.end() + " is past " + t.size() + "), but it threw " + e;
            }
            return "expected GuestRangeException (the end " + t.end() + " is past the size " + t.size()
                    + "), but it returned " + accepted;
        }, Comparator.comparingLong(Triple::size), Triple::toString);
    }

    /** A range as its start, length and end (the end too: it must be start + length, computed in a long). */
    private static String shown(Range r) {
        return r == null ? "null" : "start " + r.start() + ", length " + r.length() + ", end " + r.end();
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
