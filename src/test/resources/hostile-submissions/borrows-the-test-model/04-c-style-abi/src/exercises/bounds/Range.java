package exercises.bounds;

// Given code: the grader always uses this file as the exercise ships it, so changing it changes nothing.

/**
 * Given. A checked range of guest memory, {@code [start, start + length)}, with both numbers as the
 * unsigned values the guest meant: {@code start} is 0 to 2^32 - 1, {@code length} 0 to 2^32 - 1.
 */
public record Range(long start, long length) {
    /** One past the last byte: up to 2^33 - 2, so it is a {@code long}. */
    public long end() {
        return start + length;
    }

    @Override
    public String toString() {
        return String.format("[0x%08X, +%d)", start, length);
    }
}
