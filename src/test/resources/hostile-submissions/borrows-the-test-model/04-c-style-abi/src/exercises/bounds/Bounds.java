package exercises.bounds;

/**
 * The first thing a host function does with a {@code (ptr, len)} pair from the guest: check that it
 * lies inside guest memory. The seed's host leaves it as one comment, "Bounds check ptr + len against
 * data.size()"; this class is that line, done so that no pair of 32-bit numbers can slip through.
 */
public final class Bounds {
    private Bounds() {}

    /**
     * Task 4.1 and 4.2: checks that the guest range {@code [ptr, ptr + len)} lies inside a memory of
     * {@code memorySize} bytes, and returns it.
     *
     * <p>{@code ptr} and {@code len} arrive as Wasm {@code i32}s and mean <b>unsigned</b> 32-bit values:
     * the Java {@code int} -16 is the pointer 0xFFFFFFF0 = 4,294,967,280, and the {@code int} -1 as a
     * length is 4,294,967,295 bytes. The range fits when its end, {@code ptr + len} computed without
     * wrapping around 2^32, is at most {@code memorySize}. So a range that ends exactly at the end of
     * memory fits, and so does an empty range at the very end ({@code ptr == memorySize, len == 0});
     * a range one byte longer does not.
     *
     * @param memorySize the memory's current size in bytes, 0 to 2^32 (a Wasm memory holds at most
     *                   65,536 pages of 64 KiB)
     * @return the range, with {@code start} and {@code length} as unsigned values
     * @throws GuestRangeException if the range does not fit; the message names {@code ptr}, {@code len}
     *                             and {@code memorySize} as unsigned decimal numbers, e.g.
     *                             {@code "ptr 4294967280 (0xFFFFFFF0) + len 32 runs past the end of guest
     *                             memory (65536 bytes)"}
     */
    public static Range check(long memorySize, int ptr, int len) {
        throw new UnsupportedOperationException(
                "Tasks 4.1, 4.2: check (ptr, len) against the memory size (see exercises/04-c-style-abi/README.md)");
    }
}
