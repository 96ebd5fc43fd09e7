package exercises.hostfn;

// Given code: the grader always uses this file as the exercise ships it, so changing it changes nothing.

/**
 * A guest handed a host function a pointer and length that do not lie inside its memory (given).
 *
 * <p>Thrown from a host function, it aborts the guest's call, as a Wasm trap does, and reaches the
 * Java code that called the guest's export. The host must throw it <em>before</em> it changes
 * anything: a trapped call leaves the world as it was.
 */
public final class BadGuestPointerException extends RuntimeException {
    private final String function;
    private final int ptr;
    private final int len;

    /**
     * @param function   the host function the guest called, e.g. {@code host_create_named}
     * @param ptr        the guest's pointer, an unsigned 32-bit address
     * @param len        the guest's length, unsigned
     * @param memorySize the size of the guest's memory in bytes
     */
    public BadGuestPointerException(String function, int ptr, int len, long memorySize) {
        super(function + ": the guest's range [" + Integer.toUnsignedString(ptr) + ", +" + Integer.toUnsignedString(len)
                + ") is not inside its memory (" + memorySize + " bytes)");
        this.function = function;
        this.ptr = ptr;
        this.len = len;
    }

    /** The host function that refused the call, e.g. {@code host_create_named}. */
    public String function() {
        return function;
    }

    /** The pointer the guest passed (read it unsigned). */
    public int ptr() {
        return ptr;
    }

    /** The length the guest passed (read it unsigned). */
    public int len() {
        return len;
    }
}
