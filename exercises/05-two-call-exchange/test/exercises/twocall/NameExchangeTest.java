package exercises.twocall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.abi.AbiTrap;
import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.grader.Task;
import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NameExchangeTest {
    private static final int MEMORY_SIZE = 256;
    /** What every byte of guest memory holds before a call: anything the host writes shows. */
    private static final byte FILL = (byte) 0xAA;

    private static final int BOB = 1;   // "Bob"    42 6F 62            needs 4
    private static final int ZOE = 2;   // "Zoë"    5A 6F C3 AB         needs 5 (ë is 2 bytes)
    private static final int EURO = 3;  // "5€"     35 E2 82 AC         needs 5 (€ is 3 bytes)
    private static final int CRAB = 4;  // "a🦀b"   61 F0 9F A6 80 62   needs 7 (🦀 is 4 bytes)
    private static final int EMPTY = 5; // ""                           needs 1 (just the NUL)
    private static final int UNKNOWN = 99;

    private static final Map<Integer, String> NAMES =
            Map.of(BOB, "Bob", ZOE, "Zoë", EURO, "5€", CRAB, "a🦀b", EMPTY, "");

    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(MEMORY_SIZE);
    private final NameExchange exchange;

    NameExchangeTest() {
        byte[] fill = new byte[MEMORY_SIZE];
        Arrays.fill(fill, FILL);
        memory.write(0, fill);
        exchange = new NameExchange(NAMES, memory);
    }

    // ---------------------------------------------------------------- 5.1 the size query

    @Test
    @Task(id = "5.1", points = 1)
    @DisplayName("the size query (NULL, 0) answers the name's bytes plus 1 for the NUL, and writes nothing")
    void sizeQueryAscii() {
        assertCall(BOB, 0, 0, 4, ErrorCode.OK, "getName(Bob, 0, 0): \"Bob\" is 3 bytes, +1 for the NUL");
        assertCall(EMPTY, 0, 0, 1, ErrorCode.OK, "getName(\"\", 0, 0): an empty name still needs its NUL");
        assertUntouched(0, MEMORY_SIZE, "a size query must not write to guest memory");
    }

    @Test
    @Task(id = "5.1", points = 1)
    @DisplayName("the size query counts UTF-8 bytes, not characters: Zoë needs 5, 5€ needs 5, a🦀b needs 7")
    void sizeQueryCountsBytes() {
        assertCall(ZOE, 0, 0, 5, ErrorCode.OK, "getName(Zoë, 0, 0): Z o C3 AB is 4 bytes, +1 for the NUL");
        assertCall(EURO, 0, 0, 5, ErrorCode.OK, "getName(5€, 0, 0): 35 E2 82 AC is 4 bytes, +1 for the NUL");
        assertCall(CRAB, 0, 0, 7, ErrorCode.OK, "getName(a🦀b, 0, 0): 61 F0 9F A6 80 62 is 6 bytes, +1 for the NUL");
        assertUntouched(0, MEMORY_SIZE, "a size query must not write to guest memory");
    }

    // ---------------------------------------------------------------- 5.2 the copy

    @Test
    @Task(id = "5.2", points = 1)
    @DisplayName("a buffer of exactly the size needed gets the name and its NUL, and the bytes around it are untouched")
    void exactFit() {
        assertCall(BOB, 16, 4, 4, ErrorCode.OK, "getName(Bob, 16, 4): the buffer holds \"Bob\" and the NUL");
        assertBytes(15, "AA 42 6F 62 00 AA", "getName(Bob, 16, 4) should write 42 6F 62 00 at 16..19 and nothing at 15 or 20");
        assertUntouched(21, MEMORY_SIZE, "getName(Bob, 16, 4) wrote past its buffer");
    }

    @Test
    @Task(id = "5.2", points = 1)
    @DisplayName("a bigger buffer gets the name and one NUL; the buffer's bytes after the NUL stay as they were")
    void biggerBuffer() {
        assertCall(CRAB, 32, 20, 7, ErrorCode.OK, "getName(a🦀b, 32, 20): it fits, so the answer is the size, 7");
        assertBytes(32, "61 F0 9F A6 80 62 00 AA AA AA", "getName(a🦀b, 32, 20) should write exactly 7 bytes;"
                + " the rest of the buffer belongs to the guest");
        assertUntouched(39, MEMORY_SIZE, "getName(a🦀b, 32, 20) wrote more than the 7 bytes the name needs");
        assertUntouched(0, 32, "getName(a🦀b, 32, 20) wrote before its buffer");
    }

    @Test
    @Task(id = "5.2", points = 1)
    @DisplayName("the whole exchange: size query, then a buffer of that size, returns the same size twice")
    void wholeExchange() {
        int needed = exchange.getName(ZOE, 0, 0);
        assertEquals(5, needed, () -> "call 1, getName(Zoë, 0, 0): expected 5, got " + needed);
        assertCall(ZOE, 64, needed, 5, ErrorCode.OK, "call 2, getName(Zoë, 64, 5) returns the same size as call 1");
        assertBytes(64, "5A 6F C3 AB 00 AA", "call 2 should copy Z o ë and the NUL");
        assertCall(EMPTY, 100, 1, 1, ErrorCode.OK, "getName(\"\", 100, 1): the empty name is just its NUL");
        assertBytes(100, "00 AA", "getName(\"\", 100, 1) should write one NUL");
    }

    // ---------------------------------------------------------------- 5.3 too small: cut and still NUL-terminated

    @Test
    @Task(id = "5.3", points = 1)
    @DisplayName("a buffer one byte short gets Bo and the NUL, answers 4 and records BUFFER_TOO_SMALL")
    void oneByteShort() {
        assertCall(BOB, 16, 3, 4, ErrorCode.BUFFER_TOO_SMALL,
                "getName(Bob, 16, 3): 3 bytes hold \"Bo\" and the NUL; the answer is still the size needed");
        assertBytes(16, "42 6F 00 AA", "getName(Bob, 16, 3) should write 42 6F 00 (one byte stays for the NUL)"
                + " and leave byte 19, past the buffer, alone");
        assertUntouched(19, MEMORY_SIZE, "getName(Bob, 16, 3) wrote past its 3-byte buffer");
    }

    @Test
    @Task(id = "5.3", points = 1)
    @DisplayName("a 1-byte buffer gets only the NUL; a 0-byte buffer gets nothing; both answer 4 with BUFFER_TOO_SMALL")
    void tinyBuffers() {
        assertCall(BOB, 16, 1, 4, ErrorCode.BUFFER_TOO_SMALL, "getName(Bob, 16, 1): only the NUL fits");
        assertBytes(16, "00 AA", "getName(Bob, 16, 1) should write just the NUL");
        assertCall(BOB, 40, 0, 4, ErrorCode.BUFFER_TOO_SMALL,
                "getName(Bob, 40, 0): a real pointer with no room is not the size query; not even the NUL fits");
        assertUntouched(17, MEMORY_SIZE, "getName(Bob, 40, 0) must write nothing (and (16, 1) only byte 16)");
    }

    @Test
    @Task(id = "5.3", points = 1)
    @DisplayName("after BUFFER_TOO_SMALL the guest asks again with the size it was told, and gets OK")
    void askAgain() {
        int told = exchange.getName(BOB, 16, 2);
        assertEquals(4, told, () -> "getName(Bob, 16, 2) should answer the full size 4, got " + told);
        assertEquals(ErrorCode.BUFFER_TOO_SMALL, exchange.lastError(),
                () -> "getName(Bob, 16, 2): expected last error BUFFER_TOO_SMALL, got " + exchange.lastError());
        assertBytes(16, "42 00 AA", "getName(Bob, 16, 2) should write 42 00");
        String why = exchange.lastErrorMessage();
        if (why == null || why.isEmpty()) {
            fail("getName(Bob, 16, 2): lastErrorMessage() should say why (return through fail(...)), got \"" + why + "\"");
        }
        assertCall(BOB, 16, told, 4, ErrorCode.OK, "getName(Bob, 16, 4) after the short call: OK again");
        assertEquals("", exchange.lastErrorMessage(), () -> "getName(Bob, 16, 4) succeeded after a short call:"
                + " expected lastErrorMessage() \"\" (return through ok(...)), got \"" + exchange.lastErrorMessage() + "\"");
        assertBytes(16, "42 6F 62 00 AA", "getName(Bob, 16, 4) should write the whole name and the NUL");
    }

    // ---------------------------------------------------------------- 5.4 never half a character

    @Test
    @Task(id = "5.4", points = 1)
    @DisplayName("cutPoint keeps whole characters only: h€ (68 E2 82 AC) cut at 0..5 keeps 0, 1, 1, 1, 4, 4 bytes")
    void cutPoint() {
        byte[] hEuro = {0x68, (byte) 0xE2, (byte) 0x82, (byte) 0xAC};
        int[] expected = {0, 1, 1, 1, 4, 4};
        for (int max = 0; max < expected.length; max++) {
            int kept = NameExchange.cutPoint(hEuro, max);
            int m = max;
            assertEquals(expected[max], kept, () -> "cutPoint(68 E2 82 AC, " + m + "): expected " + expected[m]
                    + " bytes kept, got " + kept);
        }
        byte[] crab = "🦀🦀".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] crabExpected = {0, 0, 0, 0, 4, 4, 4, 4, 8};
        for (int max = 0; max < crabExpected.length; max++) {
            int kept = NameExchange.cutPoint(crab, max);
            int m = max;
            assertEquals(crabExpected[max], kept, () -> "cutPoint(🦀🦀 = F0 9F A6 80 F0 9F A6 80, " + m
                    + "): expected " + crabExpected[m] + " bytes kept, got " + kept);
        }
    }

    @Test
    @Task(id = "5.4", points = 1)
    @DisplayName("Zoë in 4 bytes: the host writes Zo and the NUL, never the first half of ë")
    void twoByteCharacter() {
        assertCall(ZOE, 16, 4, 5, ErrorCode.BUFFER_TOO_SMALL, "getName(Zoë, 16, 4)");
        assertBytes(16, "5A 6F 00 AA AA", "getName(Zoë, 16, 4): Z o C3 + NUL would split ë (C3 AB); expected Z o NUL");
        assertCall(ZOE, 32, 3, 5, ErrorCode.BUFFER_TOO_SMALL, "getName(Zoë, 32, 3)");
        assertBytes(32, "5A 6F 00 AA", "getName(Zoë, 32, 3): expected Z o NUL");
    }

    @Test
    @Task(id = "5.4", points = 1)
    @DisplayName("5€ in 2, 3 and 4 bytes: each time only 5 and the NUL, never part of the 3-byte €")
    void threeByteCharacter() {
        for (int cap = 2; cap <= 4; cap++) {
            int buf = 16 * cap;
            int c = cap;
            assertCall(EURO, buf, cap, 5, ErrorCode.BUFFER_TOO_SMALL, "getName(5€, " + buf + ", " + cap + ")");
            assertBytes(buf, "35 00 AA", "getName(5€, " + buf + ", " + c + "): the name may use " + (c - 1)
                    + " bytes, and 5€ (35 E2 82 AC) cut there would split the €; expected 35 00, the rest untouched");
        }
    }

    @Test
    @Task(id = "5.4", points = 1)
    @DisplayName("a🦀b in 2 to 6 bytes: a + NUL until the whole 4-byte 🦀 fits, then a🦀 + NUL")
    void fourByteCharacter() {
        for (int cap = 2; cap <= 5; cap++) {
            int buf = 32 * cap;
            int c = cap;
            assertCall(CRAB, buf, cap, 7, ErrorCode.BUFFER_TOO_SMALL, "getName(a🦀b, " + buf + ", " + cap + ")");
            assertBytes(buf, "61 00 AA", "getName(a🦀b, " + buf + ", " + c + "): the name may use " + (c - 1)
                    + " bytes, and a🦀b cut there would split the 🦀 (F0 9F A6 80); expected 61 00, the rest untouched");
        }
        assertCall(CRAB, 200, 6, 7, ErrorCode.BUFFER_TOO_SMALL, "getName(a🦀b, 200, 6)");
        assertBytes(200, "61 F0 9F A6 80 00 AA", "getName(a🦀b, 200, 6): a and 🦀 fit in 5 bytes, then the NUL");
    }

    // ---------------------------------------------------------------- 5.5 errors

    @Test
    @Task(id = "5.5", points = 1)
    @DisplayName("getName answers 0 for an unknown entity (error INVALID_ENTITY) and for NULL_ENTITY, -1 (error"
            + " NULL_ENTITY); nothing written")
    void unknownOrNullEntityAnswersZeroWithItsError() {
        assertCall(UNKNOWN, 0, 0, 0, ErrorCode.INVALID_ENTITY, "getName(99, 0, 0): 99 is not an entity");
        assertCall(UNKNOWN, 16, 8, 0, ErrorCode.INVALID_ENTITY, "getName(99, 16, 8): 99 is not an entity");
        assertCall(NameExchange.NULL_ENTITY, 16, 8, 0, ErrorCode.NULL_ENTITY, "getName(NULL_ENTITY, 16, 8)");
        assertUntouched(0, MEMORY_SIZE, "no name, so nothing may be written");
    }

    @Test
    @Task(id = "5.5", points = 1)
    @DisplayName("a buffer that runs past the end of memory throws AbiTrap naming its address, and nothing is written")
    void pastTheEnd() {
        assertTraps(BOB, MEMORY_SIZE - 2, 16, "a 16-byte buffer 2 bytes before the end (\"Bob\" would fit, but the"
                + " buffer as claimed does not)");
        assertTraps(UNKNOWN, MEMORY_SIZE - 2, 16, "the buffer is checked before the entity: even for an unknown entity");
        assertUntouched(0, MEMORY_SIZE, "a bad buffer must not be written at all, not even partly");
        assertCall(BOB, MEMORY_SIZE - 4, 4, 4, ErrorCode.OK, "getName(Bob, size - 4, 4): a buffer that ends exactly"
                + " at the end of memory is fine");
        assertBytes(MEMORY_SIZE - 5, "AA 42 6F 62 00", "getName(Bob, size - 4, 4) should fill the last 4 bytes");
    }

    @Test
    @Task(id = "5.5", points = 1)
    @DisplayName("NULL with room, a capacity of 2^32 - 16 and an address that wraps past 2^32 all throw AbiTrap")
    void unsignedAndNull() {
        assertTraps(BOB, 0, 8, "a NULL buffer that claims 8 bytes of room");
        assertTraps(BOB, 16, 0xFFFF_FFF0, "cap 0xFFFFFFF0 is 4294967280 bytes (unsigned), far past the end");
        assertTraps(BOB, 0xFFFF_FFF0, 32, "buf 0xFFFFFFF0 is 4294967280 (unsigned); buf + 32 wraps to 16 in 32 bits");
        assertUntouched(0, MEMORY_SIZE, "a bad buffer must not be written at all");
    }

    // ---------------------------------------------------------------- helpers

    private void assertCall(int entity, int buf, int cap, int expected, ErrorCode expectedError, String what) {
        int actual;
        try {
            actual = exchange.getName(entity, buf, cap);
        } catch (AbiTrap trap) {
            fail(what + ": expected " + expected + " with " + expectedError + ", but it threw " + trap);
            return;
        }
        assertEquals(expected, actual, () -> what + ": expected the result " + expected + ", got " + actual);
        ErrorCode error = exchange.lastError();
        assertEquals(expectedError, error, () -> what + ": expected last error " + expectedError + ", got " + error);
    }

    private void assertTraps(int entity, int buf, int cap, String why) {
        String call = "getName(" + entity + ", " + Integer.toUnsignedString(buf) + ", " + Integer.toUnsignedString(cap) + ")";
        try {
            int result = exchange.getName(entity, buf, cap);
            fail(call + " should throw AbiTrap (" + why + "), but returned " + result);
        } catch (AbiTrap trap) {
            String message = String.valueOf(trap.getMessage());
            if (!message.contains(Integer.toUnsignedString(buf))) {
                fail(call + ": the AbiTrap's message should name the buffer address " + Integer.toUnsignedString(buf)
                        + " (use outOfBounds), got: " + message);
            }
        } catch (UnsupportedOperationException stub) {
            throw stub;
        } catch (RuntimeException other) {
            fail(call + " should throw AbiTrap (" + why + "), but threw " + other);
        }
    }

    /** Checks the bytes from {@code address} on (as many as {@code expectedHex} lists). */
    private void assertBytes(int address, String expectedHex, String what) {
        int length = expectedHex.split(" ").length;
        String actual = hex(memory.read(address, length));
        assertEquals(expectedHex, actual, () -> what + "\n  at " + address + ": expected " + expectedHex
                + "\n  at " + address + ":   actual " + actual + "   (AA = untouched)");
    }

    private void assertUntouched(int from, int to, String what) {
        byte[] bytes = memory.read(from, to - from);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != FILL) {
                int at = from + i;
                fail(what + ": byte " + at + " changed from AA to " + hex(new byte[] {bytes[i]}) + "; bytes "
                        + Math.max(from, at - 4) + "..: " + hex(memory.read(Math.max(from, at - 4), Math.min(8, to - Math.max(from, at - 4)))));
            }
        }
    }

    private static String hex(byte[] bytes) {
        StringJoiner out = new StringJoiner(" ");
        for (byte b : bytes) {
            out.add(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }
}
