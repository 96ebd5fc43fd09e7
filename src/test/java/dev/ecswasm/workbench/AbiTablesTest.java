package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AbiTablesTest {
    private static final int TERMINAL = 120;

    @Test
    void aLongNameStillGivesTablesThatFitATerminal() {
        BoundApi imports = BoundApi.of(new EnttManager());
        GuestMemory memory = ByteArrayGuestMemory.ofPages(1);
        String name = "Bartholomew-Maximilian von Habsburg-Lothringen-Este-Bourbon-Parma";
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        memory.write(0x100, utf8);
        AbiTrace trace = imports.startTrace();
        int entity = imports.call("host_create_entity", memory);
        imports.call("host_add_name", memory, entity, 0x100, utf8.length);
        imports.call("host_get_name", memory, entity, 0x400, 128);

        for (Table table : new Table[] {AbiTables.crossings(trace), AbiTables.memoryTraffic(trace)}) {
            for (String line : table.printAll().split("\n")) {
                assertTrue(line.length() <= TERMINAL, "a line of " + line.length() + " columns in "
                        + table.name() + ":\n" + line);
            }
        }
        Table traffic = AbiTables.memoryTraffic(trace);
        assertEquals("42 61 72 74 68 6F \u2026 +" + (utf8.length - 6), traffic.getString(0, "after"),
                "a long run of bytes keeps its first six and says how many more there are");
        assertEquals("read 0x00000100 +" + utf8.length, traffic.getString(0, "access"));
    }

    @Test
    void clippingKeepsShortTextAndNeverSplitsACharacter() {
        assertEquals("short", Cells.clip("short", 10));
        assertEquals("abcd\u2026", Cells.clip("abcdefgh", 5));
        String emoji = "abc\uD83D\uDE00def"; // the surrogate pair sits at chars 3 and 4
        assertEquals("abc\u2026", Cells.clip(emoji, 5), "the pair is dropped whole, not cut in half");
    }
}
