package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrap;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplayTest {
    private static final Pattern SEQ = Pattern.compile("#(\\d+) .*");

    @TempDir
    Path dir;

    /** The bundled plugin's relationship tests, recorded crossing by crossing. */
    private static AbiTrace recordPluginRun(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            AbiTrace trace = host.api().startTrace();
            assertEquals(0, host.callInt("test_relationships"), "the plugin's own checks pass");
            return trace;
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aRecordedPluginRunReplaysWithoutTheGuestWithZeroDivergences(ExecutionMode mode) throws Exception {
        AbiTrace trace = recordPluginRun(mode);
        Path file = dir.resolve("run.trace");
        TraceFile.write(trace, file);
        List<Crossing> read = TraceFile.read(file);
        assertEquals(trace.crossings().size(), read.size());
        assertEquals(Files.readString(file), TraceFile.format(read), "reading loses nothing the file says");
        assertEquals(trace.crossings().toString(), read.toString(), "every crossing reads back as it printed");
        Replay replay = Replay.against(file);
        assertEquals(new Replay.Matched(trace.crossings().size()), replay);
        assertTrue(replay.matched());
    }

    @Test
    void anEditedResultIsTheFirstDivergenceAtItsCrossing() throws Exception {
        String text = TraceFile.format(recordPluginRun(ExecutionMode.COMPILED).crossings());
        String line = firstLine(text, "host_find_children(", "cap=0) = 3,");
        Path file = dir.resolve("edited.trace");
        Files.writeString(file, text.replace(line, line.replace(" = 3,", " = 4,")));
        assertEquals(new Replay.Diverged(seq(line), "host_find_children", "result", "4", "3"), Replay.against(file));
    }

    @Test
    void anEditedWrittenByteIsTheFirstDivergenceAtItsCrossing() throws Exception {
        String text = TraceFile.format(recordPluginRun(ExecutionMode.COMPILED).crossings());
        String[] lines = text.split("\n");
        int write = 0;
        while (!lines[write].startsWith("  write ")) {
            write++;
        }
        String crossing = lines[write - 1];
        String address = lines[write].substring("  write ".length(), "  write 0x00000000".length());
        String firstByte = lines[write].substring("  write 0x00000000 ".length(), "  write 0x00000000 XX".length());
        String edited = firstByte.equals("FF") ? "FE" : "FF";
        lines[write] = "  write " + address + " " + edited + lines[write].substring("  write 0x00000000 XX".length());
        Path file = dir.resolve("edited.trace");
        Files.writeString(file, String.join("\n", lines) + "\n");

        Replay.Diverged diverged = (Replay.Diverged) Replay.against(file);
        assertEquals(seq(crossing), diverged.seq());
        assertEquals(edited, diverged.expected());
        assertEquals(firstByte, diverged.actual());
        assertTrue(diverged.what().startsWith("byte written at " + address + " (write " + address + " +"), diverged.what());
    }

    @Test
    void anEditedArgumentIsTheFirstDivergenceAtItsCrossing() throws Exception {
        String text = TraceFile.format(recordPluginRun(ExecutionMode.COMPILED).crossings());
        String line = firstLine(text, "host_get_profile_for_player(player=0)", " = 1, OK");
        Path file = dir.resolve("edited.trace");
        Files.writeString(file, text.replace(line, line.replace("player=0", "player=2")));
        Replay replay = Replay.against(file);
        assertEquals(new Replay.Diverged(seq(line), "host_get_profile_for_player", "result", "1", "NULL"), replay);
        assertEquals("Diverged at #" + seq(line) + " host_get_profile_for_player: result: expected 1, actual NULL",
                replay.toString());
        assertFalse(replay.matched());
    }

    @Test
    void directCallsWithATrapAreWrittenReadableAndReplayAsTheSameTrap() throws Exception {
        ByteArrayGuestMemory memory = new ByteArrayGuestMemory(256);
        BoundApi api = BoundApi.of(new EnttManager());
        AbiTrace trace = api.startTrace();
        int ann = api.call("host_create_entity", memory);
        memory.write(16, "Ann".getBytes(StandardCharsets.UTF_8));
        api.call("host_add_name", memory, ann, 16, 3);
        api.call("host_get_name", memory, ann, 0, 0);
        api.call("host_get_name", memory, ann, 64, 4);
        assertThrows(AbiTrap.class, () -> api.call("host_get_name", memory, ann, 250, 10));
        api.call("host_get_parent", memory, ann);

        Crossing add = trace.crossings().get(1);
        assertArrayEquals(new int[] {0, 16, 3}, add.argValues());
        assertEquals(4, trace.crossings().get(2).resultValue());
        assertEquals(-1, trace.crossings().get(5).resultValue(), "FFI_NULL_ENTITY, raw");
        assertEquals(256, add.memorySize());

        Path file = dir.resolve("direct.trace");
        TraceFile.write(trace, file);
        assertEquals(String.join("\n", TraceFile.HEADER,
                "#1 host_create_entity() = 0, OK, memory 256",
                "#2 host_add_name(entity=0, ptr=0x00000010, len=3) = 0, OK, memory 256",
                "  read 0x00000010 41 6E 6E",
                "#3 host_get_name(entity=0, buf=0x00000000, cap=0) = 4, OK, memory 256",
                "#4 host_get_name(entity=0, buf=0x00000040, cap=4) = 4, OK, memory 256",
                "  write 0x00000040 41 6E 6E 00 was 00 00 00 00",
                "#5 host_get_name(entity=0, buf=0x000000FA, cap=10) trapped, memory 256: "
                        + "name buffer [0x000000FA, +10) runs past the end of guest memory (256 bytes)",
                "#6 host_get_parent(child=0) = NULL, NOT_FOUND, memory 256", ""), Files.readString(file));
        assertEquals(new Replay.Matched(6), Replay.against(file));
        assertEquals("Matched: 6 crossings replayed, every result, error code, trap and written byte as recorded",
                Replay.against(file).toString());

        Files.writeString(file, Files.readString(file).replace("(256 bytes)", "(512 bytes)"));
        assertEquals("Diverged at #5 host_get_name: trap: expected \"name buffer [0x000000FA, +10) runs past the end of"
                + " guest memory (512 bytes)\", actual \"name buffer [0x000000FA, +10) runs past the end of guest memory"
                + " (256 bytes)\"", Replay.against(file).toString());
    }

    @Test
    void aChangedLastErrorAndAMissingWriteAreDivergencesToo() {
        String text = String.join("\n",
                "#1 host_create_entity() = 0, OK, memory 64",
                "#2 host_get_parent(child=0) = NULL, INVALID_ENTITY, memory 64");
        assertEquals("Diverged at #2 host_get_parent: last error: expected INVALID_ENTITY (2), actual NOT_FOUND (6)",
                Replay.against(TraceFile.parse(text, "t")).toString());
        String noWrite = String.join("\n",
                "#1 host_create_entity() = 0, OK, memory 64",
                "#2 host_find_children(parent=0, buf=0x00000010, cap=1) = 0, OK, memory 64",
                "  write 0x00000010 01 00 00 00 was 00 00 00 00");
        assertEquals("Diverged at #2 host_find_children: memory event 1: expected write 0x00000010 +4, actual none",
                Replay.against(TraceFile.parse(noWrite, "t")).toString());
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLine() {
        assertEquals("run.trace line 2: no ABI function named host_nothing",
                malformed("# comment\n#1 host_nothing() = 0, OK, memory 64"));
        assertEquals("run.trace line 1: argument 1 of host_get_parent is child, the line has \"kid=0\"",
                malformed("#1 host_get_parent(kid=0) = NULL, NOT_FOUND, memory 64"));
        assertEquals("run.trace line 1: host_get_parent takes 1 arguments, the line has 0",
                malformed("#1 host_get_parent() = NULL, NOT_FOUND, memory 64"));
        assertEquals("run.trace line 1: \"-5\" is not an i32 (NULL, 0x hex or unsigned decimal)",
                malformed("#1 host_get_parent(child=-5) = NULL, NOT_FOUND, memory 64"));
        assertEquals("run.trace line 1: no error code named OOPS",
                malformed("#1 host_get_parent(child=0) = NULL, OOPS, memory 64"));
        assertEquals("run.trace line 1: a memory event before any crossing", malformed("  read 0x00000010 41"));
        assertEquals("run.trace line 2: a write needs the bytes it replaced after \"was\"",
                malformed("#1 host_create_entity() = 0, OK, memory 64\n  write 0x00000010 41"));
        assertEquals("run.trace line 1: a trapped crossing needs its message after \": \"",
                malformed("#1 host_create_entity() trapped, memory 64"));
        assertEquals("run.trace line 3: expected a crossing such as \"#1 host_create_entity() = 0, OK, memory 65536\""
                        + " or a memory event such as \"  read 0x00001000 41 42\", found \"host_create_entity()\"",
                malformed("#1 host_create_entity() = 0, OK, memory 64\n\nhost_create_entity()"));
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceFile.parse("\n\nnonsense", "x"));
        assertEquals(3, e.line());
    }

    private static String malformed(String text) {
        return assertThrows(TraceFileException.class, () -> TraceFile.parse(text, "run.trace")).getMessage();
    }

    private static String firstLine(String text, String start, String contains) {
        for (String line : text.split("\n")) {
            if (line.contains(start) && line.contains(contains)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + start + " and " + contains + " in the trace");
    }

    private static int seq(String line) {
        Matcher m = SEQ.matcher(line);
        assertTrue(m.matches(), line);
        return Integer.parseInt(m.group(1));
    }
}
