package exercises.bounds;

import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.GuestMemory;

/**
 * Two host functions in the C style of the project's ABI ({@code dev.ecswasm.abi.EnttApi}), over one
 * guest's memory. Everything a guest gets back is an {@code int}:
 *
 * <ul>
 *   <li>a yes/no answer is {@code 1} or {@code 0} (C and Wasm have no {@code bool});
 *   <li>every call records why it returned what it did, for {@link #hostLastError()}: the numbers of
 *       the project's {@link ErrorCode} ({@code OK} is 0, {@code INVALID_UTF8} is 8);
 *   <li>a failure the guest can recover from (its bytes are not UTF-8) is never an exception: the call
 *       returns a harmless value and the code says why;
 *   <li>a range outside guest memory is a {@link GuestRangeException}, which the runtime turns into a
 *       trap that aborts the guest's call. The guest still never sees a Java exception; it just stops.
 * </ul>
 */
public final class HostFunctions {
    private final GuestMemory memory;
    private int lastError = ErrorCode.OK.code();

    public HostFunctions(GuestMemory memory) {
        this.memory = memory;
    }

    /** {@code host_last_error()}: the code the previous call left, as an {@code int}. */
    public int hostLastError() {
        return lastError;
    }

    /**
     * Task 4.5: {@code int host_is_valid_utf8(const char* ptr, uint32_t len)}. Returns 1 if the
     * {@code len} bytes at {@code ptr} are valid UTF-8, 0 if they are not. Either way the question was
     * answered, so the last error becomes {@code OK} (as {@code host_is_entity_valid} does for a
     * stale id).
     *
     * @throws GuestRangeException if the range does not fit in memory (a trap)
     */
    public int hostIsValidUtf8(int ptr, int len) {
        throw new UnsupportedOperationException(
                "Task 4.5: answer 1 or 0, never an exception for bad bytes (see exercises/04-c-style-abi/README.md)");
    }

    /**
     * Task 4.5: {@code uint32_t host_count_code_points(const char* ptr, uint32_t len)}. Returns how
     * many Unicode code points the UTF-8 string of {@code len} bytes at {@code ptr} has ("Grüße" has 5,
     * in 7 bytes) and sets the last error to {@code OK}. If the bytes are not valid UTF-8 it returns 0 and
     * sets the last error to {@code INVALID_UTF8}: 0 alone would not tell that from an empty string,
     * which is why the last error exists.
     *
     * @throws GuestRangeException if the range does not fit in memory (a trap)
     */
    public int hostCountCodePoints(int ptr, int len) {
        throw new UnsupportedOperationException(
                "Task 4.5: return the count, or 0 and a last error (see exercises/04-c-style-abi/README.md)");
    }
}
