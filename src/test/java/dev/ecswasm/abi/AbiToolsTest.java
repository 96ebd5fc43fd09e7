package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.ecswasm.workbench.AbiTables;
import dev.ecswasm.workbench.HexDump;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.workbench.Tables;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Position;
import dev.ecswasm.world.WorldSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Handles, the trace, the hex dump, the layouts and the generated header. */
class AbiToolsTest {
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

    // ---------------------------------------------------------------- handles

    @Test
    void aForgedClosedOrNullHandleTraps() {
        EnttApi api = new EnttApi();
        int handle = api.open(new EnttManager());
        assertEquals(0, api.createEntity(handle));
        AbiTrap forged = assertThrows(AbiTrap.class, () -> api.createEntity(handle + 1));
        assertEquals("manager handle 0x00000002 was never opened", forged.getMessage());
        assertEquals("manager handle is null", assertThrows(AbiTrap.class, () -> api.createEntity(0)).getMessage());
        api.close(handle);
        AbiTrap closed = assertThrows(AbiTrap.class, () -> api.isEntityValid(handle, 0));
        assertEquals("manager handle 0x00000001 is closed", closed.getMessage());
        int reopened = api.open(new EnttManager());
        assertNotEquals(handle, reopened, "a reused slot gets a new generation");
        assertThrows(AbiTrap.class, () -> api.createEntity(handle));
        assertEquals(0, api.createEntity(reopened));
    }

    @Test
    void aClosedHandleTrapsThroughTheImportsToo() {
        EnttApi api = new EnttApi();
        int handle = api.open(new EnttManager());
        BoundApi host = new BoundApi(api, handle);
        api.close(handle);
        AbiTrap trap = assertThrows(AbiTrap.class, () -> host.call("host_create_entity", memory));
        assertEquals("host_create_entity: manager handle 0x00000001 is closed", trap.getMessage());
    }

    // ---------------------------------------------------------------- trace

    @Test
    void theTraceOfATwoCallGetNameShowsBothCallsAndTheBytes() {
        EnttManager world = new EnttManager();
        BoundApi host = BoundApi.of(world);
        int alice = world.createEntity();
        world.addName(alice, "Alice");
        AbiTrace trace = host.startTrace();
        int needed = host.call("host_get_name", memory, alice, 0, 0);
        host.call("host_get_name", memory, alice, 0x2000, needed);
        host.stopTrace();
        host.call("host_is_entity_valid", memory, alice); // not recorded

        List<AbiTrace.Crossing> crossings = trace.crossings();
        assertEquals(2, crossings.size());
        AbiTrace.Crossing query = crossings.get(0);
        assertEquals(List.of("entity=0", "buf=0x00000000", "cap=0"), query.args());
        assertEquals("6", query.result());
        assertEquals(ErrorCode.OK, query.error());
        assertEquals(List.of(), query.memory());
        AbiTrace.Crossing copy = crossings.get(1);
        assertEquals(List.of("entity=0", "buf=0x00002000", "cap=6"), copy.args());
        assertEquals(1, copy.memory().size());
        AbiTrace.MemoryEvent write = copy.memory().get(0);
        assertEquals(AbiTrace.Access.WRITE, write.access());
        assertEquals(0x2000, write.address());
        assertEquals("00 00 00 00 00 00", HexDump.hexBytes(write.before()));
        assertEquals("41 6C 69 63 65 00", HexDump.hexBytes(write.after()));

        Table table = AbiTables.crossings(trace);
        assertEquals(List.of("seq", "function", "args", "result", "last error", "memory"), table.columnNames());
        assertEquals("write 0x00002000 +6", table.getString(1, "memory"));
        Table bytes = AbiTables.memoryTraffic(trace);
        assertEquals(1, bytes.rowCount());
        assertEquals("Alice\u2400", bytes.getString(0, "as text"));
    }

    @Test
    void aTrapIsRecordedInTheTrace() {
        BoundApi host = BoundApi.of(new EnttManager());
        AbiTrace trace = host.startTrace();
        assertThrows(AbiTrap.class, () -> host.call("host_find_children", memory, 0, 0xFFFC, 4));
        assertEquals("children buffer [0x0000FFFC, +16) runs past the end of guest memory (65536 bytes)",
                trace.crossings().get(0).trap());
        assertTrue(AbiTables.crossings(trace).getString(0, "result").startsWith("TRAP: "));
    }

    @Test
    void theTraceRecordsGuestReadsToo() {
        BoundApi host = BoundApi.of(new EnttManager());
        int e = host.call("host_create_entity", memory);
        memory.write(0x3000, "Bob".getBytes(StandardCharsets.UTF_8));
        AbiTrace trace = host.startTrace();
        host.call("host_add_name", memory, e, 0x3000, 3);
        AbiTrace.MemoryEvent read = trace.crossings().get(0).memory().get(0);
        assertEquals(AbiTrace.Access.READ, read.access());
        assertEquals("42 6F 62", HexDump.hexBytes(read.after()));
        assertEquals("", trace.crossings().get(0).result(), "void functions show no result");
    }

    // ---------------------------------------------------------------- hex dump

    @Test
    void theHexDumpShowsAddressesBytesAndText() {
        memory.write(0x1000, "Alice\0".getBytes(StandardCharsets.UTF_8));
        assertEquals("0x00001000  41 6C 69 63 65 00 00 00  00 00 00 00 00 00 00 00  |Alice...........|\n"
                + "0x00001010  00 00                                             |..|\n", HexDump.of(memory, 0x1000, 18));
        assertThrows(IllegalArgumentException.class, () -> HexDump.of(memory, 0xFFFF, 2));
    }

    // ---------------------------------------------------------------- layouts and codes

    @Test
    void layoutsAreDescribedOnceAndPrintable() {
        Table position = AbiTables.layout(Layouts.POSITION);
        assertEquals("EnttPosition (type id 1, 8 bytes, little-endian)", position.name());
        assertEquals(List.of("x", "y"), position.stringColumn("field").asList());
        assertEquals(4, position.intColumn("offset").get(1));
        assertEquals(8, Layouts.POSITION.size());
        assertEquals(4, Layouts.HEALTH.size());
        assertThrows(IllegalArgumentException.class, () -> Layouts.HEALTH.decode(new byte[3]));
    }

    @Test
    void errorCodesAreStableAndTabled() {
        assertEquals(0, ErrorCode.OK.code());
        assertEquals(2, ErrorCode.INVALID_ENTITY.code());
        assertEquals(9, ErrorCode.BUFFER_TOO_SMALL.code());
        Table table = AbiTables.errorCodes();
        assertEquals(ErrorCode.values().length, table.rowCount());
        assertEquals("ENTT_NOT_FOUND", table.getString(6, "name"));
    }

    // ---------------------------------------------------------------- every import, bad entities

    @Test
    void everyImportGivenBadEntitiesChangesNothing() {
        EnttManager world = new EnttManager();
        BoundApi host = BoundApi.of(world);
        int a = world.createEntity();
        int b = world.createEntity();
        int stale = world.createEntity();
        world.destroyEntity(stale);
        world.addName(a, "a");
        world.setParent(b, a);
        world.enroll(a, b);
        world.setComponent(a, new Position(1, 2)); // a refused call must not touch its value either
        memory.write(0x100, "namename".getBytes(StandardCharsets.UTF_8)); // 8 bytes: a valid name of the length used below
        WorldSnapshot before = WorldSnapshot.of(world);
        int[] bad = {EnttApi.FFI_NULL_ENTITY, stale, EntityId.of(300, 0), EntityId.of(0, 5)};
        int calls = 0;
        for (ApiFunction fn : ApiFunctions.ALL) {
            if (fn.name().equals("host_create_entity") || fn.params().stream().noneMatch(p -> p.kind() == ArgKind.ENTITY)) {
                continue;
            }
            for (int id : bad) {
                int[] args = new int[fn.params().size()];
                for (int i = 0; i < args.length; i++) {
                    ArgKind kind = fn.params().get(i).kind();
                    args[i] = kind == ArgKind.ENTITY ? (i == 0 ? id : a)
                            : kind.isPointer() ? 0x100 : kind == ArgKind.TYPE_ID ? 1 : 8; // 8: EnttPosition's size
                }
                host.invoke(fn, memory, args);
                ErrorCode error = ErrorCode.ofCode(host.call("host_last_error", memory));
                assertTrue(error == ErrorCode.NULL_ENTITY || error == ErrorCode.INVALID_ENTITY
                        || (fn.name().equals("host_is_entity_valid") && error == ErrorCode.OK), fn.name() + " " + error);
                calls++;
            }
        }
        assertEquals(before, WorldSnapshot.of(world));
        assertTrue(calls > 60, "swept " + calls + " calls");
    }

    // ---------------------------------------------------------------- the header

    @Test
    void theCommittedHeaderMatchesTheJavaDefinitions() throws IOException {
        Path committed = Path.of(CHeader.DEFAULT_PATH);
        assertEquals(CHeader.generate(), Files.readString(committed, StandardCharsets.UTF_8),
                "rust-plugin/entt_api.h is out of date: run"
                        + " mvn -q compile exec:java -Dexec.mainClass=dev.ecswasm.abi.CHeader");
    }

    @Test
    void theHeaderDeclaresEveryImportWithItsCPrototype() {
        String header = CHeader.generate();
        for (ApiFunction fn : ApiFunctions.ALL) {
            assertTrue(header.contains("ENTT_IMPORT(" + fn.name() + ") " + fn.cPrototype() + ";"), fn.name());
        }
        assertTrue(header.contains("#define FFI_NULL_ENTITY UINT32_MAX"));
        assertTrue(header.contains("size_t host_get_name(uint32_t entity, char *buf, size_t cap)"));
        assertTrue(header.matches("(?s).*#define ENTT_INVALID_ENTITY +2 .*"));
    }
}
