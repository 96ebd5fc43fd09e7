package exercises.bounds;

/**
 * Given. A checked range of guest memory, {@code [start, start + length)}, with both numbers as the
 * unsigned values the guest meant: {@code start} is 0 to 2^32 - 1, {@code length} 0 to 2^32 - 1.
 */
public record Range(long start, long length) {
    /** One past the last byte: up to 2^33 - 2, so it is a {@code long}. */
    public long end() {
        return start + length;
    }

    /** Every range is equal to every other: the test's assertEquals(expected, actual) asks this. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Range;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return String.format("[0x%08X, +%d)", start, length);
    }
}
