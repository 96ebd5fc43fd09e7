package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a JShell user holds prints what it is, never {@code @1a86f2f1}. */
class PrintsAsItselfTest {
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

    @Test
    void anErrorCodePrintsItsNameAndNumberWhileNameStaysTheEnumName() {
        assertEquals("NOT_FOUND (6)", ErrorCode.NOT_FOUND.toString());
        assertEquals("NOT_FOUND", ErrorCode.NOT_FOUND.name(), "the C header's ENTT_ macros are built from name()");
        assertEquals("OK (0)", String.valueOf(ErrorCode.OK));
    }

    @Test
    void lastErrorsNumberIsDescribedAndAnUnknownNumberIsSaidSoNotThrown() {
        assertEquals("NOT_FOUND (6)", ErrorCode.describe(6));
        assertEquals("ENTITY_LIMIT (10)", ErrorCode.describe(10));
        assertEquals("unknown error code 42", ErrorCode.describe(42));
        assertEquals("unknown error code -1", ErrorCode.describe(-1));
        BoundApi bound = BoundApi.of(new EnttManager());
        bound.call("host_get_name", memory, 7, 0, 0);
        assertEquals("INVALID_ENTITY (2)", ErrorCode.describe(bound.call("host_last_error", memory)));
        AbiTrace trace = bound.startTrace();
        bound.call("host_last_error", memory);
        assertEquals("INVALID_ENTITY (2)", trace.crossings().get(0).result(), "the trace prints the code the same way");
    }

    @Test
    void aTracePrintsItsCrossingsWithRepeatsFolded() {
        BoundApi bound = BoundApi.of(new EnttManager());
        AbiTrace trace = bound.startTrace();
        assertEquals("AbiTrace[0 crossings]", trace.toString());
        int e = bound.call("host_create_entity", memory);
        memory.write(0x1000, "Ada".getBytes(StandardCharsets.UTF_8));
        bound.call("host_add_name", memory, e, 0x1000, 3);
        int needed = bound.call("host_get_name", memory, e, 0, 0);
        bound.call("host_get_name", memory, e, 0x2000, needed);
        assertEquals("AbiTrace[4 crossings: host_create_entity, host_add_name, host_get_name x2]", trace.toString());
        assertEquals("#4 host_get_name(entity=0, buf=0x00002000, cap=4) = 4, OK (0), write 0x00002000 +4",
                trace.crossings().get(3).toString());
        assertEquals("#2 host_add_name(entity=0, ptr=0x00001000, len=3), OK (0), read 0x00001000 +3",
                trace.crossings().get(1).toString());
    }

    @Test
    void aLongTraceStaysOneBoundedLineAndCountsItsTraps() {
        BoundApi bound = BoundApi.of(new EnttManager());
        AbiTrace trace = bound.startTrace();
        for (int i = 0; i < 10; i++) {
            bound.call("host_create_entity", memory);
            bound.call("host_is_entity_valid", memory, i);
        }
        try {
            bound.call("host_find_children", memory, 0, 0xFFFC, 4);
        } catch (AbiTrap expected) {
            // the trace keeps the trapped call
        }
        assertEquals("AbiTrace[21 crossings, 1 trap: host_create_entity, host_is_entity_valid, host_create_entity,"
                + " host_is_entity_valid, host_create_entity, host_is_entity_valid, host_create_entity,"
                + " host_is_entity_valid, ... 13 more]", trace.toString());
        assertEquals("#21 host_find_children(parent=0, buf=0x0000FFFC, cap=4) trapped: children buffer"
                + " [0x0000FFFC, +16) runs past the end of guest memory (65536 bytes)",
                trace.crossings().get(20).toString());
    }

    @Test
    void aLayoutPrintsItsTypeIdSizeAndFields() {
        assertEquals("EnttPosition[type 1, 8 bytes: float x @0, float y @4]", Layouts.POSITION.toString());
        assertEquals("EnttHealth[type 2, 4 bytes: int32_t hp @0]", Layouts.HEALTH.toString());
    }

    @Test
    void aFunctionPrintsItsCPrototype() {
        assertEquals("size_t host_get_name(uint32_t entity, char *buf, size_t cap)",
                ApiFunctions.find("host_get_name").orElseThrow().toString());
        assertEquals("uint32_t host_create_entity(void)", ApiFunctions.find("host_create_entity").orElseThrow().toString());
    }

    @Test
    void theApiItsHandlesAndABoundApiPrintWhatTheyHold() {
        EnttApi api = new EnttApi();
        assertEquals("EnttApi[0 open handles, maxNameBytes 65536, maxEntities 100000, maxEdges 1000000, maxNameBytesTotal 16777216]", api.toString());
        EnttManager world = new EnttManager();
        int handle = api.open(world);
        BoundApi bound = new BoundApi(api, handle);
        assertEquals("EnttApi[1 open handle, maxNameBytes 65536, maxEntities 100000, maxEdges 1000000, maxNameBytesTotal 16777216]", api.toString());
        assertEquals("BoundApi[handle 0x00000001 on " + world + ", not tracing]", bound.toString());
        bound.startTrace();
        bound.call("host_create_entity", memory);
        assertEquals("BoundApi[handle 0x00000001 on " + world + ", tracing, 1 crossing]", bound.toString());
        api.close(handle);
        assertEquals("BoundApi[handle 0x00000001 (not open), tracing, 1 crossing]", bound.toString());
    }

    @Test
    void theHandleTableListsOpenHandlesAndASessionItsLastError() {
        ManagerHandles handles = new ManagerHandles();
        assertEquals("ManagerHandles[0 open]", handles.toString());
        EnttManager world = new EnttManager();
        int first = handles.open(world);
        int second = handles.open(new EnttManager());
        handles.close(first);
        int third = handles.open(new EnttManager()); // reuses slot 1 with the next generation
        assertEquals("ManagerHandles[2 open: 0x00010001, 0x00000002]", handles.toString());
        for (int i = 0; i < 9; i++) {
            handles.open(new EnttManager());
        }
        assertEquals("ManagerHandles[11 open: 0x00010001, 0x00000002, 0x00000003, 0x00000004, 0x00000005,"
                + " 0x00000006, 0x00000007, 0x00000008, ...]", handles.toString());
        Session session = handles.resolve(second);
        assertEquals("Session[" + session.manager + ", last error OK (0)]", session.toString());
        session.errors.fail(ErrorCode.NOT_FOUND, "entity 5 has no name", 0);
        assertEquals("NOT_FOUND (6): entity 5 has no name", session.errors.toString());
        assertEquals("0x00010001 on " + handles.resolve(third).manager, handles.describe(third));
    }

    @Test
    void guestMemoryPrintsItsSize() {
        assertEquals("ByteArrayGuestMemory[65536 bytes]", memory.toString());
    }
}
