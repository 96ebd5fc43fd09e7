package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.ecswasm.workbench.AbiTables;
import dev.ecswasm.workbench.HexDump;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.workbench.Tables;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Failure;
import dev.ecswasm.world.Position;
import dev.ecswasm.world.WorldSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void crossingsAreNumberedFromOneAndAClearedTraceStartsAgain() {
        BoundApi host = BoundApi.of(new EnttManager());
        AbiTrace trace = host.startTrace();
        int e = host.call("host_create_entity", memory);
        host.call("host_is_entity_valid", memory, e);
        host.call("host_get_parent", memory, e);
        assertEquals(List.of(1, 2, 3), trace.crossings().stream().map(AbiTrace.Crossing::seq).toList());
        trace.clear();
        assertEquals(List.of(), trace.crossings());
        host.call("host_get_parent", memory, e);
        assertEquals("#1 host_get_parent(child=0) = NULL, NOT_FOUND (6)", trace.crossings().get(0).toString());
        AbiTrace fresh = host.startTrace();
        host.call("host_is_entity_valid", memory, e);
        assertEquals(1, trace.crossings().size(), "the old trace keeps what it had");
        assertEquals(1, fresh.crossings().get(0).seq());
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

    @Test
    void cHeaderMainWritesTheHeaderWhereItIsTold(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("include").resolve("entt_api.h"); // the folder does not exist yet
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CHeader.main(new String[] {target.toString()});
        } finally {
            System.setOut(out);
        }
        assertEquals(CHeader.generate(), Files.readString(target, StandardCharsets.UTF_8));
        assertEquals("wrote " + target + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- codes, kinds, traps, memory

    @Test
    void everyManagerRefusalHasTheCodeOfTheSameName() {
        for (Failure failure : Failure.values()) {
            ErrorCode code = ErrorCode.of(failure);
            assertEquals(failure.name(), code.name());
            assertNotEquals(ErrorCode.OK, code);
        }
        assertEquals("no error code 11", assertThrows(IllegalArgumentException.class, () -> ErrorCode.ofCode(11)).getMessage());
    }

    @Test
    void eachArgumentKindPrintsItsValueAsATraceShowsIt() {
        assertEquals("NULL", ArgKind.ENTITY.format(EnttApi.FFI_NULL_ENTITY));
        assertEquals("1048581", ArgKind.ENTITY.format(EntityId.of(5, 1)));
        assertEquals("2147483648", ArgKind.ENTITY.format(EntityId.of(0, 0x800)), "ids are unsigned");
        assertEquals("1", ArgKind.BOOL.format(1));
        assertEquals("4294967295", ArgKind.SIZE.format(-1));
        assertEquals("3", ArgKind.COUNT.format(3));
        assertEquals("2", ArgKind.TYPE_ID.format(2));
        assertEquals("NOT_FOUND (6)", ArgKind.ERROR_CODE.format(6));
        assertEquals("unknown error code 42", ArgKind.ERROR_CODE.format(42));
        assertEquals("", ArgKind.VOID.format(0));
        for (ArgKind kind : List.of(ArgKind.STRING_IN, ArgKind.STRING_OUT, ArgKind.IDS_OUT, ArgKind.DATA_IN, ArgKind.DATA_OUT)) {
            assertTrue(kind.isPointer(), kind.name());
            assertEquals("0x00002000", kind.format(0x2000));
            assertEquals("0xFFFFFFF0", kind.format(-16));
        }
        for (ArgKind kind : ArgKind.values()) {
            assertEquals(kind.isPointer(), kind.cType().endsWith("*"), kind + " is " + kind.cType());
        }
    }

    @Test
    void aTrapIsNamedOnceByTheFirstFunctionThatSeesIt() {
        LimitTrap limit = new LimitTrap("maxNameBytes", "too long");
        assertEquals(Optional.empty(), limit.function());
        AbiTrap named = limit.in("host_add_name");
        assertEquals("host_add_name: too long (limit maxNameBytes)", named.getMessage());
        assertSame(limit, named.getCause());
        assertSame(named, named.in("host_other"), "an outer call does not rename it");
    }

    @Test
    void aBoundApiKnowsItsApiHandleAndFunctions() {
        EnttApi api = new EnttApi();
        EnttManager north = new EnttManager();
        EnttManager south = new EnttManager();
        south.createEntity();
        BoundApi first = new BoundApi(api, api.open(north));
        BoundApi second = new BoundApi(api, api.open(south));
        assertSame(api, second.api());
        assertEquals(2, second.handle());
        assertEquals(0, first.call("host_create_entity", memory), "each binding reaches its own world");
        assertEquals(1, second.call("host_create_entity", memory));
        assertSame(ApiFunctions.ALL, first.functions());
        assertEquals("api", assertThrows(NullPointerException.class, () -> new BoundApi(null, 1)).getMessage());
    }

    @Test
    void byteArrayMemoryTakesAnySizeFromZeroAndRefusesNegatives() {
        assertEquals(0, new ByteArrayGuestMemory(0).size());
        assertEquals("size must not be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new ByteArrayGuestMemory(-1)).getMessage());
        assertEquals(0, ByteArrayGuestMemory.ofPages(0).size());
        assertEquals(2 * 65536, ByteArrayGuestMemory.ofPages(2).size());
        assertEquals("pages must be between 0 and 32767: -1",
                assertThrows(IllegalArgumentException.class, () -> ByteArrayGuestMemory.ofPages(-1)).getMessage());
        assertEquals("pages must be between 0 and 32767: 32768",
                assertThrows(IllegalArgumentException.class, () -> ByteArrayGuestMemory.ofPages(32768)).getMessage());
    }

    @Test
    void theStringCacheEncodesOnceForTheSameStringAndSaysWhatItHolds() {
        Utf8.Cache cache = new Utf8.Cache();
        assertEquals("Utf8.Cache[empty]", cache.toString());
        String name = "Zo\u00eb";
        byte[] first = cache.withNul(name);
        assertArrayEquals(new byte[] {'Z', 'o', (byte) 0xC3, (byte) 0xAB, 0}, first);
        assertSame(first, cache.withNul(name), "call 2 of an exchange reuses call 1's bytes");
        assertEquals("Utf8.Cache[5 bytes]", cache.toString());
        assertArrayEquals(new byte[] {'B', 0}, cache.withNul("B"));
    }
}
