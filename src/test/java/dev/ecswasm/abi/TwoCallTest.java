package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Health;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two-call exchange through every kind of answer (string, id list, pairs, struct, last-error
 * message): the {@code (0, 0)} size query, a NULL buffer with room claimed, a real buffer with no
 * room, and truncation on every character boundary.
 */
class TwoCallTest {
    private static final int SIZE = 65536;
    private static final int BUF = 0x1000;
    private static final byte FILL = 0x5A;

    private final EnttManager world = new EnttManager();
    private final BoundApi host = BoundApi.of(world);
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);
    private final int parent = world.createEntity();
    private final int child = world.createEntity();

    TwoCallTest() {
        world.addName(parent, "Ann");
        world.setParent(child, parent);
        world.setComponent(parent, new Health(3));
    }

    /** Each answer kind as {@code (buf, cap)} -> result, and how many bytes one element of cap is. */
    private List<Answer> answers() {
        return List.of(
                new Answer("host_get_name", 4, 1, (b, c) -> host.call("host_get_name", memory, parent, b, c)),
                new Answer("host_find_children", 1, 4, (b, c) -> host.call("host_find_children", memory, parent, b, c)),
                new Answer("host_get_parent_child_pairs", 1, 8, (b, c) -> host.call("host_get_parent_child_pairs", memory, b, c)),
                new Answer("host_get_component", 4, 1,
                        (b, c) -> host.call("host_get_component", memory, parent, Layouts.HEALTH.typeId(), b, c)));
    }

    private record Answer(String name, int needed, int elementSize, Call call) {}

    @FunctionalInterface
    private interface Call {
        int at(int buf, int cap);
    }

    private void fill() {
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, FILL);
        memory.write(BUF, bytes);
    }

    private void assertUntouched(String why) {
        byte[] expected = new byte[64];
        Arrays.fill(expected, FILL);
        assertArrayEquals(expected, memory.read(BUF, 64), why);
    }

    private String cString(int address) {
        byte[] bytes = memory.read(address, 128);
        int end = 0;
        while (bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private ErrorCode lastError() {
        return ErrorCode.ofCode(host.call("host_last_error", memory));
    }

    @Test
    void theSizeQueryAnswersTheSizeWritesNothingAndIsOk() {
        for (Answer answer : answers()) {
            fill();
            assertEquals(answer.needed(), answer.call().at(0, 0), answer.name());
            assertEquals(ErrorCode.OK, lastError(), answer.name());
            assertUntouched(answer.name());
        }
    }

    @Test
    void aNullBufferWithRoomClaimedTrapsWhateverTheEntity() {
        for (Answer answer : answers()) {
            AbiTrap trap = assertThrows(AbiTrap.class, () -> answer.call().at(0, 1), answer.name());
            assertEquals(answer.name(), trap.function().orElseThrow());
        }
        // the entity is never looked at: a stale or null one still traps on the buffer
        for (int entity : new int[] {EnttApi.FFI_NULL_ENTITY, 0x0010_0000 | 40}) {
            assertEquals("host_get_name: name buffer is a null pointer with length 1",
                    assertThrows(AbiTrap.class, () -> host.call("host_get_name", memory, entity, 0, 1)).getMessage());
            assertEquals("host_find_children: children buffer is a null pointer with length 8",
                    assertThrows(AbiTrap.class, () -> host.call("host_find_children", memory, entity, 0, 2)).getMessage());
            assertThrows(AbiTrap.class, () -> host.call("host_get_component", memory, entity, 2, 0, 4));
        }
    }

    @Test
    void aRealBufferWithNoRoomGetsTheSizeAndNothingWritten() {
        for (Answer answer : answers()) {
            fill();
            assertEquals(answer.needed(), answer.call().at(BUF, 0), answer.name());
            assertEquals(ErrorCode.BUFFER_TOO_SMALL, lastError(), answer.name());
            assertUntouched(answer.name());
        }
    }

    @Test
    void aBufferWithNoRoomIsStillCheckedAgainstMemory() {
        for (Answer answer : answers()) {
            assertEquals(answer.needed(), answer.call().at(SIZE, 0), answer.name() + ": the very end is fine");
            AbiTrap past = assertThrows(AbiTrap.class, () -> answer.call().at(SIZE + 1, 0), answer.name());
            assertEquals(answer.name(), past.function().orElseThrow());
        }
    }

    @Test
    void aBufferEndingOnTheLastByteIsWrittenAndOneMoreTraps() {
        for (Answer answer : answers()) {
            int bytes = answer.needed() * answer.elementSize();
            int cap = answer.needed();
            assertEquals(answer.needed(), answer.call().at(SIZE - bytes, cap), answer.name());
            assertEquals(ErrorCode.OK, lastError(), answer.name());
            assertThrows(AbiTrap.class, () -> answer.call().at(SIZE - bytes + 1, cap), answer.name());
            assertThrows(AbiTrap.class, () -> answer.call().at(-1, cap), answer.name() + ": wraps at 2^32");
        }
    }

    @Test
    void anEmptyListAtARealBufferIsOkAndWritesNothing() {
        int lonely = world.createEntity();
        fill();
        AbiTrace trace = host.startTrace();
        assertEquals(0, host.call("host_find_children", memory, lonely, BUF, 0));
        assertEquals(ErrorCode.OK, lastError());
        assertEquals(0, host.call("host_get_enrollments", memory, BUF, 4));
        assertEquals(ErrorCode.OK, lastError());
        assertUntouched("an empty list");
        assertEquals(List.of(), trace.crossings().get(0).memory(), "not even a zero-length write");
        assertEquals(List.of(), trace.crossings().get(2).memory());
    }

    @Test
    void theLastErrorMessageFollowsTheSameExchange() {
        host.call("host_get_name", memory, EnttApi.FFI_NULL_ENTITY, 0, 0); // "the null entity names nothing"
        int needed = "the null entity names nothing".length() + 1;
        assertEquals(needed, host.call("host_last_error_message", memory, 0, 0));
        assertThrows(AbiTrap.class, () -> host.call("host_last_error_message", memory, 0, 4));
        fill();
        assertEquals(needed, host.call("host_last_error_message", memory, BUF, 0));
        assertUntouched("no room, no bytes");
        assertEquals(needed, host.call("host_last_error_message", memory, BUF, needed));
        assertEquals("the null entity names nothing", cString(BUF));
        assertEquals(ErrorCode.NULL_ENTITY, lastError(), "reading the message, even too small, leaves the error");
    }

    // ---------------------------------------------------------------- truncation

    /**
     * The longest run of whole characters whose UTF-8 fits in {@code room} bytes, worked out from the
     * code points, not from the bytes the way the host does.
     */
    private static byte[] wholeCharactersIn(String text, int room) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (int cp : text.codePoints().toArray()) {
            byte[] character = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (kept.size() + character.length > room) {
                break;
            }
            kept.writeBytes(character);
        }
        return kept.toByteArray();
    }

    @Test
    void everyCapacityCutsOnACharacterBoundaryAndStaysInside() {
        String text = "a\u00e9\u20ac\uD83D\uDE00z\uD83D\uDE00\u00e9"; // 1, 2, 3, 4, 1, 4 and 2 bytes
        int e = world.createEntity();
        world.addName(e, text);
        int needed = text.getBytes(StandardCharsets.UTF_8).length + 1;
        assertEquals(18, needed);
        for (int cap = 1; cap <= needed; cap++) {
            fill();
            assertEquals(needed, host.call("host_get_name", memory, e, BUF, cap), "cap " + cap);
            byte[] kept = wholeCharactersIn(text, cap - 1);
            byte[] expected = Arrays.copyOf(kept, kept.length + 1); // then the NUL
            assertArrayEquals(expected, memory.read(BUF, expected.length), "cap " + cap);
            for (int i = expected.length; i < 64; i++) {
                assertEquals(FILL, memory.read(BUF + i, 1)[0], "cap " + cap + ": byte " + i + " untouched");
            }
            ErrorCode expectedError = cap == needed ? ErrorCode.OK : ErrorCode.BUFFER_TOO_SMALL;
            assertEquals(expectedError, lastError(), "cap " + cap);
        }
    }

    @Test
    void theTruncationMessageCountsBytesKeptOfTheWhole() {
        int e = world.createEntity();
        world.addName(e, "\u20ac\u20ac"); // two 3-byte characters
        host.call("host_get_name", memory, e, BUF, 6); // room for 5 bytes: one character
        host.call("host_last_error_message", memory, BUF + 0x100, 64);
        assertEquals("truncated to 3 of 6 bytes; 7 needed", cString(BUF + 0x100));
        host.call("host_get_name", memory, e, BUF, 3); // room for 2 bytes: nothing whole
        assertEquals(0, memory.read(BUF, 1)[0]);
    }
}
