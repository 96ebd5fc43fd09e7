package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BytesBeforeAfterTest {
    private final BoundApi api = BoundApi.of(new EnttManager());
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

    /** Names a new entity, then traces one host_get_name of it into {@code cap} bytes at 0x400. */
    private Crossing getName(String name, byte fill, int cap) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        memory.write(0x100, utf8);
        byte[] filled = new byte[cap];
        Arrays.fill(filled, fill);
        memory.write(0x400, filled);
        int entity = api.call("host_create_entity", memory);
        api.call("host_add_name", memory, entity, 0x100, utf8.length);
        AbiTrace trace = api.startTrace();
        api.call("host_get_name", memory, entity, 0x400, cap);
        api.stopTrace();
        return trace.crossings().get(0);
    }

    @Test
    void aWriteShowsEachByteBeforeAndAfterAndMarksTheChangedOnes() {
        BytesBeforeAfter bob = BytesBeforeAfter.of(getName("Bob", (byte) 0x62, 4)); // 0x62 is Bob's third byte: written, unchanged

        assertEquals(4, bob.bytesWritten());
        assertEquals(3, bob.bytesChanged(), "the third byte was 62 and stays 62");
        assertEquals(String.join("\n",
                "#1 host_get_name(entity=0, buf=0x00000400, cap=4) = 4, OK (0): 4 bytes, 3 changed",
                "  address     offset  before                    after                     text",
                "  0x00000400  +0      62 62 62 62             | 42 6F 62 00             | Bob.",
                "                                                ^^ ^^    ^^"), bob.toString());

        Table table = bob.table();
        assertEquals(4, table.rowCount());
        assertEquals("0x00000402", table.getString(2, "address"));
        assertEquals("62", table.getString(2, "before"));
        assertEquals("", table.getString(2, "changed"));
        assertEquals("*", table.getString(3, "changed"));
        assertEquals("00", table.getString(3, "after"));
    }

    @Test
    void aTruncatedNameWritesOnlyTheBytesThatFit() {
        BytesBeforeAfter zo = BytesBeforeAfter.of(getName("Zoë", (byte) 0xAA, 3));
        assertEquals(1, zo.runs().size());
        assertEquals("0x00000400 +3, 3 changed", zo.runs().get(0).toString());
        assertTrue(zo.toString().contains("AA AA AA                | 5A 6F 00                | Zo."), zo.toString());
    }

    @Test
    void aCallThatWroteNothingSaysSo() {
        BytesBeforeAfter nothing = BytesBeforeAfter.of(getName("Bob", (byte) 0, 0));
        assertEquals(0, nothing.bytesWritten());
        assertEquals("#1 host_get_name(entity=0, buf=0x00000400, cap=0) = 4, BUFFER_TOO_SMALL (9): wrote nothing",
                nothing.toString());
        assertEquals(0, nothing.table().rowCount());
    }

    @Test
    void aLongRunIsClippedAndSaysHowMuchWasLeftOut() {
        String name = "x".repeat(99); // 100 bytes with the NUL
        BytesBeforeAfter run = BytesBeforeAfter.of(getName(name, (byte) 0, 100));
        assertEquals(100, run.bytesWritten(), "the counts cover every byte");
        assertTrue(run.toString().endsWith("\u2026 36 more bytes (the trace keeps them all)"), run.toString());
        assertEquals(8 * 2 + 3, run.toString().split("\n").length, "a heading, eight rows of eight with marks, the clip line");
        Table table = run.table();
        assertEquals(65, table.rowCount(), "64 bytes and a row saying how many more");
        assertEquals("\u2026 +36 bytes", table.getString(64, "address"));
    }

    @Test
    void runsAreValuesComparedByTheirBytes() {
        BytesBeforeAfter.Run a = new BytesBeforeAfter.Run(16, new byte[] {1, 2}, new byte[] {1, 3});
        assertEquals(new BytesBeforeAfter.Run(16, new byte[] {1, 2}, new byte[] {1, 3}), a);
        assertEquals(1, a.changed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BytesBeforeAfter.Run(16, new byte[1], new byte[2]));
        assertEquals("before has 1 bytes, after has 2", e.getMessage());
    }
}
