package exercises.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.grader.Task;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostFunctionsTest {
    private static final int OK = ErrorCode.OK.code();
    private static final int INVALID_UTF8 = ErrorCode.INVALID_UTF8.code();

    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(256);
    private final HostFunctions host = new HostFunctions(memory);

    @Test
    @Task(id = "4.5", points = 1)
    @DisplayName("host_is_valid_utf8 answers 1 or 0 (an int, not a bool or an exception) and leaves OK either way")
    void isValidUtf8AnswersOneOrZero() {
        memory.write(16, "Grüße".getBytes(StandardCharsets.UTF_8));
        memory.write(32, new byte[] {0x61, (byte) 0x80});
        assertEquals(1, host.hostIsValidUtf8(16, 7), () -> "host_is_valid_utf8 of the 7 bytes of \"Grüße\"");
        assertEquals(OK, host.hostLastError(), () -> "host_last_error() after a 1 from host_is_valid_utf8: "
                + ErrorCode.describe(host.hostLastError()));
        assertEquals(0, host.hostIsValidUtf8(32, 2), () -> "host_is_valid_utf8 of 'a' 0x80 (a bad string is an answer, 0)");
        assertEquals(OK, host.hostLastError(), () -> "host_last_error() after a 0 from host_is_valid_utf8: the question"
                + " was answered, so OK; was " + ErrorCode.describe(host.hostLastError()));
    }

    @Test
    @Task(id = "4.5", points = 1)
    @DisplayName("host_count_code_points returns 0 with INVALID_UTF8 for bad bytes, 0 with OK for \"\", and the count otherwise")
    void countCodePointsUsesTheLastError() {
        memory.write(16, "Grüße🦀".getBytes(StandardCharsets.UTF_8));
        memory.write(64, new byte[] {0x61, (byte) 0xC3});
        assertEquals(6, host.hostCountCodePoints(16, 11), () -> "host_count_code_points of \"Grüße🦀\" (11 bytes, 6 code points;"
                + " the crab is one code point but two Java chars)");
        assertEquals(OK, host.hostLastError(), () -> "host_last_error() after a successful count: "
                + ErrorCode.describe(host.hostLastError()));
        assertEquals(0, host.hostCountCodePoints(64, 2), () -> "host_count_code_points of 'a' 0xC3 (invalid: returns 0)");
        assertEquals(INVALID_UTF8, host.hostLastError(), () -> "host_last_error() after counting invalid UTF-8: expected "
                + ErrorCode.describe(INVALID_UTF8) + " but was " + ErrorCode.describe(host.hostLastError()));
        assertEquals(0, host.hostCountCodePoints(100, 0), () -> "host_count_code_points of the empty string");
        assertEquals(OK, host.hostLastError(), () -> "host_last_error() after counting \"\": the 0 is a real answer, so"
                + " OK; was " + ErrorCode.describe(host.hostLastError()));
    }

    @Test
    @Task(id = "4.5", points = 1)
    @DisplayName("a range outside guest memory, an empty one past the end included, is a trap (GuestRangeException) in both host functions, not an error code")
    void badRangesTrap() {
        assertThrows(GuestRangeException.class, () -> host.hostIsValidUtf8(0xFFFF_FFF0, 0x20),
                "host_is_valid_utf8(0xFFFFFFF0, 0x20): the range wraps around; expected GuestRangeException (a trap)");
        assertThrows(GuestRangeException.class, () -> host.hostCountCodePoints(250, 7),
                "host_count_code_points(250, 7) in 256 bytes of memory: expected GuestRangeException (a trap)");
        for (int ptr : new int[] {257, -1, Integer.MIN_VALUE}) { // empty strings past the end: still outside memory
            String p = Integer.toUnsignedString(ptr);
            assertThrows(GuestRangeException.class, () -> host.hostIsValidUtf8(ptr, 0), "host_is_valid_utf8(" + p
                    + ", 0) in 256 bytes of memory: the pointer is past the end even for 0 bytes; expected GuestRangeException"
                    + " (a trap), check the range before anything else");
            assertThrows(GuestRangeException.class, () -> host.hostCountCodePoints(ptr, 0), "host_count_code_points(" + p
                    + ", 0) in 256 bytes of memory: the pointer is past the end even for 0 bytes; expected GuestRangeException"
                    + " (a trap), check the range before anything else");
        }
    }
}
