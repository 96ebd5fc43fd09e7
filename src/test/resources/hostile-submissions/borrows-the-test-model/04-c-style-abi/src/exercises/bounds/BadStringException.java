package exercises.bounds;

// Given code: the grader always uses this file as the exercise ships it, so changing it changes nothing.

/**
 * Given. String bytes that lie inside guest memory but are not a usable string: invalid UTF-8, or a
 * C string with no NUL within the allowed length. This is the guest's data, not a broken promise about
 * memory, so a host function reports it with an error code instead of trapping.
 */
public final class BadStringException extends RuntimeException {
    private final int offset;

    /**
     * @param offset  where the problem is, counted in bytes from the string's first byte
     * @param message a sentence that names the offset (and the bad byte, if there is one)
     */
    public BadStringException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Where the problem is, counted in bytes from the string's first byte. */
    public int offset() {
        return offset;
    }
}
