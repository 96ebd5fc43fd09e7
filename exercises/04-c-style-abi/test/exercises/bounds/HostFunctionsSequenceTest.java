package exercises.bounds;

import static exercises.bounds.Utf8Model.hex;

import dev.ecswasm.abi.ErrorCode;
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
 * The host functions as a guest calls them: one after another on the same instance, so the last
 * error each call leaves is checked after calls that failed and calls that succeeded before it.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostFunctionsSequenceTest {
    private static final int SIZE = 2 * 65_536;

    /** One call: which function, on which bytes (written to the end of memory). */
    record Call(boolean count, byte[] data) {
        @Override
        public String toString() {
            return (count ? "host_count_code_points" : "host_is_valid_utf8") + " of " + hex(data);
        }
    }

    static List<List<Call>> sequences(long seed, int randomCount) {
        byte[] good = "Grüße\uFFFD".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Utf8Model.bytes(0x61, 0xC3);
        List<List<Call>> out = new ArrayList<>();
        for (boolean first : new boolean[] {true, false}) {
            for (boolean second : new boolean[] {true, false}) {
                for (byte[] a : new byte[][] {bad, good}) {
                    for (byte[] b : new byte[][] {good, bad, new byte[0]}) {
                        out.add(List.of(new Call(first, a), new Call(second, b)));
                    }
                }
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < randomCount; i++) {
            List<Call> calls = new ArrayList<>();
            for (int n = r.nextInt(1, 6); n > 0; n--) {
                calls.add(new Call(r.nextBoolean(), Utf8Model.random(r)));
            }
            out.add(calls);
        }
        return out;
    }

    @Test
    @Task(id = "4.5", points = 1)
    @DisplayName("property: in any sequence of calls each host function returns the model's answer and leaves the right last error (OK after any answer, INVALID_UTF8 only after a failed count), a valid U+FFFD included")
    void eachCallLeavesItsOwnLastError() {
        StrictMemory memory = new StrictMemory(SIZE, (byte) 0xFF);
        Property.forAll("a sequence of host calls on one HostFunctions", sequences(46, 1_000), calls -> {
            HostFunctions host = new HostFunctions(memory);
            for (int i = 0; i < calls.size(); i++) {
                Call c = calls.get(i);
                byte[] data = c.data();
                int ptr = SIZE - data.length;
                memory.reset(ptr, data);
                boolean valid = Utf8Model.firstBad(data, data.length) < 0;
                String text = new String(data, StandardCharsets.UTF_8);
                int expected = c.count() ? (valid ? text.codePointCount(0, text.length()) : 0) : (valid ? 1 : 0);
                int expectedError = c.count() && !valid ? ErrorCode.INVALID_UTF8.code() : ErrorCode.OK.code();
                int actual;
                try {
                    actual = c.count() ? host.hostCountCodePoints(ptr, data.length) : host.hostIsValidUtf8(ptr, data.length);
                } catch (RuntimeException e) {
                    return "call " + (i + 1) + ", " + c + ": expected " + expected + ", but it threw " + e;
                }
                int error = host.hostLastError();
                if (actual != expected || error != expectedError) {
                    return "call " + (i + 1) + ", " + c + ": expected " + expected + " and last error "
                            + ErrorCode.describe(expectedError) + ", but was " + actual + " and last error "
                            + ErrorCode.describe(error);
                }
            }
            return null;
        }, Comparator.comparingInt(List::size), calls -> calls.toString());
    }
}
