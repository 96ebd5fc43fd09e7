package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Health;
import dev.ecswasm.world.Position;
import dev.ecswasm.world.WorldSnapshot;
import dev.ecswasm.world.Relation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every import driven through a real Chicory memory, reading the guest's bytes back. */
class EnttApiTest {
    private static final int NULL = EnttApi.FFI_NULL_ENTITY;
    private static final int BUF = 0x1000; // where the tests' "guest" keeps its buffers
    private static final int SIZE = 65536;

    private final EnttManager world = new EnttManager();
    private final BoundApi host = BoundApi.of(world);
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

    private int call(String name, int... args) {
        return host.call(name, memory, args);
    }

    private ErrorCode lastError() {
        return ErrorCode.ofCode(call("host_last_error"));
    }

    private String lastMessage() {
        int needed = call("host_last_error_message", 0, 0);
        call("host_last_error_message", BUF + 0x800, needed);
        return cString(BUF + 0x800);
    }

    private String cString(int address) {
        byte[] bytes = memory.read(address, Math.min(256, SIZE - address));
        int end = 0;
        while (bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private int putString(int address, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        memory.write(address, bytes);
        return bytes.length;
    }

    private int[] u32s(int address, int count) {
        ByteBuffer in = ByteBuffer.wrap(memory.read(address, count * 4)).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = in.getInt();
        }
        return out;
    }

    private int named(String name) {
        int id = call("host_create_entity");
        call("host_add_name", id, BUF, putString(BUF, name));
        return id;
    }

    // ---------------------------------------------------------------- entities and the seed's signatures

    @Test
    void createValidateDestroyWithIntForBool() {
        int e = call("host_create_entity");
        assertEquals(0, e);
        assertEquals(1, call("host_is_entity_valid", e));
        call("host_destroy_entity", e);
        assertEquals(ErrorCode.OK, lastError());
        assertEquals(0, call("host_is_entity_valid", e));
        assertEquals(0, call("host_is_entity_valid", NULL));
        call("host_destroy_entity", e);
        assertEquals(ErrorCode.INVALID_ENTITY, lastError());
        assertEquals("entity 0 (index 0, version 0) is stale: slot 0 is free and its next id"
                + " has version 1", lastMessage());
    }

    @Test
    void theSeedsSignaturesAreKeptExactly() {
        String[][] seed = {
                {"host_create_entity", "() -> i32"},
                {"host_destroy_entity", "(i32) -> ()"},
                {"host_is_entity_valid", "(i32) -> i32"},
                {"host_add_name", "(i32, i32, i32) -> ()"},
                {"host_get_name", "(i32, i32, i32) -> i32"},
                {"host_link_player_profile", "(i32, i32) -> i32"},
                {"host_get_profile_for_player", "(i32) -> i32"},
                {"host_set_parent", "(i32, i32) -> i32"},
                {"host_find_children", "(i32, i32, i32) -> i32"}};
        for (String[] fn : seed) {
            assertEquals(fn[1], ApiFunctions.find(fn[0]).orElseThrow().wasmSignature(), fn[0]);
        }
    }

    // ---------------------------------------------------------------- names: the two-call exchange

    @Test
    void getNameAnswersTheSizeQueryThenCopiesAnExactFit() {
        int alice = named("Alice");
        assertEquals(6, call("host_get_name", alice, 0, 0));
        memory.write(BUF, new byte[] {7, 7, 7, 7, 7, 7, 7});
        assertEquals(6, call("host_get_name", alice, BUF, 6));
        assertArrayEquals("Alice\0".getBytes(StandardCharsets.UTF_8), memory.read(BUF, 6));
        assertEquals(7, memory.read(BUF + 6, 1)[0], "not a byte past the capacity");
        assertEquals(ErrorCode.OK, lastError());
    }

    @Test
    void aShortBufferGetsATruncatedNulTerminatedCopyAndTheFullSize() {
        int e = named("Zoë"); // Z o 0xC3 0xAB: the last character takes two bytes
        assertEquals(5, call("host_get_name", e, 0, 0));
        memory.write(BUF, new byte[] {7, 7, 7, 7});
        assertEquals(5, call("host_get_name", e, BUF, 4)); // room for 3 bytes + NUL: the cut would split ë
        assertArrayEquals(new byte[] {'Z', 'o', 0, 7}, memory.read(BUF, 4));
        assertEquals(ErrorCode.BUFFER_TOO_SMALL, lastError());
        assertEquals("truncated to 2 of 4 bytes; 5 needed", lastMessage());
        assertEquals(5, call("host_get_name", e, BUF, 1));
        assertEquals(0, memory.read(BUF, 1)[0], "a one-byte buffer holds just the NUL");
    }

    @Test
    void truncationNeverSplitsAFourByteCharacter() {
        int e = named("a\uD83D\uDE00b"); // a, U+1F600 (4 bytes), b
        assertEquals(7, call("host_get_name", e, 0, 0));
        for (int cap = 2; cap <= 5; cap++) {
            call("host_get_name", e, BUF, cap);
            assertEquals("a", cString(BUF), "cap " + cap);
        }
        call("host_get_name", e, BUF, 6);
        assertEquals("a\uD83D\uDE00", cString(BUF));
    }

    @Test
    void aZeroCapacityBufferGetsNothingButTheSize() {
        int e = named("Bob");
        memory.write(BUF, new byte[] {7});
        assertEquals(4, call("host_get_name", e, BUF, 0));
        assertEquals(7, memory.read(BUF, 1)[0]);
        assertEquals(ErrorCode.BUFFER_TOO_SMALL, lastError());
    }

    @Test
    void noNameAndInvalidIdsBothReturnZeroButTheLastErrorTellsThemApart() {
        int unnamed = call("host_create_entity");
        assertEquals(0, call("host_get_name", unnamed, 0, 0));
        assertEquals(ErrorCode.NOT_FOUND, lastError());
        assertEquals(0, call("host_get_name", EntityId.of(40, 0), 0, 0));
        assertEquals(ErrorCode.INVALID_ENTITY, lastError());
        assertEquals(0, call("host_get_name", NULL, BUF, 16));
        assertEquals(ErrorCode.NULL_ENTITY, lastError());
        assertEquals("the null entity names nothing", lastMessage());
    }

    @Test
    void anEmptyNameIsOneByteTheNul() {
        int e = named("");
        assertEquals(1, call("host_get_name", e, 0, 0));
        assertEquals(Optional.of(""), world.getName(e));
    }

    @Test
    void invalidUtf8IsRefusedWithAReasonAndChangesNothing() {
        int e = named("ok");
        WorldSnapshot before = WorldSnapshot.of(world);
        memory.write(BUF, new byte[] {'a', (byte) 0xC3, 'b'});
        call("host_add_name", e, BUF, 3);
        assertEquals(ErrorCode.INVALID_UTF8, lastError());
        assertEquals("name is not valid UTF-8: bad byte 0xC3 at offset 1", lastMessage());
        memory.write(BUF, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // an encoded surrogate
        call("host_add_name", e, BUF, 3);
        assertEquals(ErrorCode.INVALID_UTF8, lastError());
        memory.write(BUF, new byte[] {'a', 0, 'b'});
        call("host_add_name", e, BUF, 3);
        assertEquals(ErrorCode.BAD_ARGUMENT, lastError());
        assertEquals("name has a NUL byte at offset 1", lastMessage());
        assertEquals(before, WorldSnapshot.of(world));
    }

    @Test
    void aNameOverTheLimitTrapsNamingTheLimit() {
        EnttApi small = new EnttApi(8, 10);
        BoundApi bound = new BoundApi(small, small.open(world));
        int e = call("host_create_entity");
        AbiTrap trap = assertThrows(AbiTrap.class, () -> bound.call("host_add_name", memory, e, BUF, 9));
        assertEquals("host_add_name: a name of 9 bytes is longer than 8 (limit maxNameBytes)", trap.getMessage());
        assertEquals("maxNameBytes", ((LimitTrap) trap.getCause()).limit());
        assertEquals(Optional.of("host_add_name"), trap.function());
        bound.call("host_add_name", memory, e, BUF, putString(BUF, "eight ch"));
        assertEquals(Optional.of("eight ch"), world.getName(e));
    }

    @Test
    void creatingPastTheEntityLimitTrapsNamingTheLimit() {
        EnttApi small = new EnttApi(64, 3);
        BoundApi bound = new BoundApi(small, small.open(world));
        for (int i = 0; i < 3; i++) {
            bound.call("host_create_entity", memory);
        }
        AbiTrap trap = assertThrows(AbiTrap.class, () -> bound.call("host_create_entity", memory));
        assertEquals("host_create_entity: the world already holds 3 entities; no more may be created"
                + " (limit maxEntities)", trap.getMessage());
        assertEquals(3, world.entityCount());
        bound.call("host_destroy_entity", memory, 0);
        assertEquals(EntityId.of(0, 1), bound.call("host_create_entity", memory), "room again after a destroy");
    }

    @Test
    void negativeLimitsAreRefusedAndZeroLimitsAreLimits() {
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class, () -> new EnttApi(-1, 10));
        assertEquals("maxNameBytes must not be negative: -1", names.getMessage());
        IllegalArgumentException entities = assertThrows(IllegalArgumentException.class, () -> new EnttApi(10, -1));
        assertEquals("maxEntities must not be negative: -1", entities.getMessage());
        EnttApi none = new EnttApi(0, 0);
        int handle = none.open(world);
        int e = world.createEntity();
        none.addName(handle, memory, e, BUF, 0); // the empty name fits a limit of 0 bytes
        assertEquals(Optional.of(""), world.getName(e));
        LimitTrap name = assertThrows(LimitTrap.class, () -> none.addName(handle, memory, e, BUF, 1));
        assertEquals("maxNameBytes", name.limit());
        LimitTrap create = assertThrows(LimitTrap.class, () -> none.createEntity(handle));
        assertEquals("maxEntities", create.limit());
        assertEquals(1, world.entityCount());
    }

    @Test
    void aNameLengthIsUnsignedSoANegativeOneIsFourGibibytesAndTraps() {
        int e = call("host_create_entity");
        AbiTrap trap = assertThrows(AbiTrap.class, () -> call("host_add_name", e, BUF, -1));
        assertEquals("host_add_name: a name of 4294967295 bytes is longer than 65536 (limit maxNameBytes)",
                trap.getMessage());
    }

    @Test
    void aFullWorldAnswersNullWithEntityLimitNotATrap() {
        EnttApi unlimited = new EnttApi(64, Integer.MAX_VALUE);
        int handle = unlimited.open(world);
        for (int i = 0; i < EntityId.MAX_INDEX + 1; i++) {
            unlimited.createEntity(handle);
        }
        assertEquals(EntityId.MAX_INDEX + 1, world.entityCount());
        assertEquals(NULL, unlimited.createEntity(handle));
        assertEquals(ErrorCode.ENTITY_LIMIT.code(), unlimited.lastError(handle));
        unlimited.lastErrorMessage(handle, memory, BUF, 128);
        assertEquals("all 1048575 entity slots are in use; the 20-bit index is exhausted", cString(BUF));
        assertEquals(EntityId.MAX_INDEX + 1, world.entityCount());
        unlimited.destroyEntity(handle, EntityId.of(17, 0));
        assertEquals(EntityId.of(17, 1), unlimited.createEntity(handle));
        assertEquals(ErrorCode.OK.code(), unlimited.lastError(handle));
    }

    @Test
    void aBadComponentPointerTrapsWhateverTheTypeAndLength() {
        int e = call("host_create_entity");
        WorldSnapshot before = WorldSnapshot.of(world);
        for (int type : new int[] {Layouts.POSITION.typeId(), 99}) {
            for (int len : new int[] {8, 4}) {
                AbiTrap trap = assertThrows(AbiTrap.class, () -> call("host_set_component", e, type, SIZE - 2, len));
                assertEquals("host_set_component: component [0x0000FFFE, +" + len
                        + ") runs past the end of guest memory (65536 bytes)", trap.getMessage());
                assertThrows(AbiTrap.class, () -> call("host_set_component", e, type, 0, len));
            }
        }
        assertEquals(before, WorldSnapshot.of(world));
        assertEquals(0, call("host_set_component", e, 99, 0, 0), "NULL with length 0 is no bad pointer");
        assertEquals("no component has type id 99", lastMessage());
    }

    @Test
    void anUnknownComponentTypeIsABadArgumentEverywhere() {
        int e = call("host_create_entity");
        assertEquals(0, call("host_get_component", e, 99, 0, 0));
        assertEquals(ErrorCode.BAD_ARGUMENT, lastError());
        assertEquals(0, call("host_remove_component", e, 99));
        assertEquals("no component has type id 99", lastMessage());
        assertEquals(0, call("host_remove_component", e, Layouts.POSITION.typeId()));
        assertEquals(ErrorCode.NOT_FOUND, lastError());
    }

    @Test
    void badPointersTrapAndChangeNothing() {
        int e = named("Alice");
        memory.write(SIZE - 8, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        WorldSnapshot before = WorldSnapshot.of(world);
        int[][] calls = {
                {e, SIZE - 4, 8},          // get_name: the buffer runs past the end
                {e, 0, 8},                 // a null buffer with room claimed
                {e, 0xFFFFFFF0, 0x20},     // wraps at 2^32
                {e, BUF, -1}};             // a negative-looking capacity is 4 GiB
        for (int[] args : calls) {
            AbiTrap trap = assertThrows(AbiTrap.class, () -> call("host_get_name", args));
            assertEquals(Optional.of("host_get_name"), trap.function());
        }
        assertThrows(AbiTrap.class, () -> call("host_add_name", e, SIZE - 2, 3));
        assertThrows(AbiTrap.class, () -> call("host_add_name", e, 0, 1));
        assertThrows(AbiTrap.class, () -> call("host_find_children", e, SIZE - 4, 2));
        assertThrows(AbiTrap.class, () -> call("host_get_parent_child_pairs", SIZE - 8, 2));
        AbiTrap stale = assertThrows(AbiTrap.class, () -> call("host_get_name", EntityId.of(9, 0), SIZE, 1));
        assertEquals("host_get_name: name buffer [0x00010000, +1) runs past the end of guest memory (65536 bytes)",
                stale.getMessage(), "memory is checked before the entity");
        assertEquals(before, WorldSnapshot.of(world));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, memory.read(SIZE - 8, 8));
    }

    @Test
    void aBufferEndingExactlyAtTheEndOfMemoryIsFine() {
        int e = named("Alice");
        assertEquals(6, call("host_get_name", e, SIZE - 6, 6));
        assertEquals("Alice", cString(SIZE - 6));
    }

    // ---------------------------------------------------------------- 1:1

    @Test
    void playerProfileLinksCrossAsIdsAndNull() {
        int player = call("host_create_entity");
        int profile = call("host_create_entity");
        assertEquals(NULL, call("host_get_profile_for_player", player));
        assertEquals(ErrorCode.NOT_FOUND, lastError());
        assertEquals(1, call("host_link_player_profile", player, profile));
        assertEquals(profile, call("host_get_profile_for_player", player));
        assertEquals(player, call("host_get_player_for_profile", profile));
        assertEquals(0, call("host_link_player_profile", player, player));
        assertEquals(ErrorCode.SELF_LINK, lastError());
        assertEquals(1, call("host_unlink_player_profile", profile));
        assertEquals(0, call("host_unlink_player_profile", profile));
        assertEquals(ErrorCode.NOT_FOUND, lastError());
        assertEquals(NULL, call("host_get_profile_for_player", EntityId.of(7, 3)));
        assertEquals(ErrorCode.INVALID_ENTITY, lastError());
    }

    // ---------------------------------------------------------------- 1:N

    @Test
    void childrenComeBackAsLittleEndianU32sOnlyWhenTheyFit() {
        int parent = call("host_create_entity");
        int[] kids = new int[3];
        for (int i = 0; i < 3; i++) {
            kids[i] = call("host_create_entity");
            assertEquals(1, call("host_set_parent", kids[i], parent));
        }
        assertEquals(3, call("host_find_children", parent, 0, 0));
        memory.write(BUF, new byte[12]);
        assertEquals(3, call("host_find_children", parent, BUF, 2));
        assertEquals(ErrorCode.BUFFER_TOO_SMALL, lastError());
        assertArrayEquals(new int[] {0, 0, 0}, u32s(BUF, 3), "a list that does not fit is not written");
        assertEquals(3, call("host_find_children", parent, BUF, 3));
        assertArrayEquals(kids, u32s(BUF, 3));
        assertEquals(parent, call("host_get_parent", kids[1]));
        assertEquals(0, call("host_set_parent", parent, kids[0]));
        assertEquals(ErrorCode.CYCLE, lastError());
        assertEquals(1, call("host_remove_parent", kids[0]));
        assertEquals(NULL, call("host_get_parent", kids[0]));
    }

    @Test
    void anEmptyListIsZeroAndOk() {
        int lonely = call("host_create_entity");
        assertEquals(0, call("host_find_children", lonely, BUF, 4));
        assertEquals(ErrorCode.OK, lastError());
        assertEquals(0, call("host_find_children", EntityId.of(5, 0), 0, 0));
        assertEquals(ErrorCode.INVALID_ENTITY, lastError());
    }

    // ---------------------------------------------------------------- N:N

    @Test
    void enrollmentsFromBothSides() {
        int s1 = call("host_create_entity");
        int s2 = call("host_create_entity");
        int math = call("host_create_entity");
        assertEquals(1, call("host_enroll", s1, math));
        assertEquals(1, call("host_enroll", s2, math));
        assertEquals(2, call("host_get_students_for_course", math, BUF, 4));
        assertArrayEquals(new int[] {s1, s2}, u32s(BUF, 2));
        assertEquals(1, call("host_get_courses_for_student", s1, BUF, 1));
        assertArrayEquals(new int[] {math}, u32s(BUF, 1));
        assertEquals(1, call("host_drop", s1, math));
        assertEquals(0, call("host_drop", s1, math));
        assertEquals(ErrorCode.NOT_FOUND, lastError());
    }

    @Test
    void forbidAndCascadePoliciesShowThroughTheAbi() {
        world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        int student = call("host_create_entity");
        int course = call("host_create_entity");
        call("host_enroll", student, course);
        call("host_destroy_entity", course);
        assertEquals(ErrorCode.FORBIDDEN, lastError());
        assertEquals(1, call("host_is_entity_valid", course));
    }

    // ---------------------------------------------------------------- batched reads

    @Test
    void aWholeRelationComesBackInOneCrossing() {
        int p = call("host_create_entity");
        int c1 = call("host_create_entity");
        int c2 = call("host_create_entity");
        call("host_set_parent", c1, p);
        call("host_set_parent", c2, p);
        call("host_enroll", c1, c2);
        call("host_link_player_profile", p, c2);
        assertEquals(2, call("host_get_parent_child_pairs", 0, 0));
        assertEquals(2, call("host_get_parent_child_pairs", BUF, 2));
        assertArrayEquals(new int[] {p, c1, p, c2}, u32s(BUF, 4));
        assertEquals(1, call("host_get_enrollments", BUF, 1));
        assertArrayEquals(new int[] {c1, c2}, u32s(BUF, 2));
        assertEquals(1, call("host_get_player_profiles", BUF, 1));
        assertArrayEquals(new int[] {p, c2}, u32s(BUF, 2));
        memory.write(BUF, new byte[16]);
        assertEquals(2, call("host_get_parent_child_pairs", BUF, 1));
        assertArrayEquals(new int[] {0, 0, 0, 0}, u32s(BUF, 4));
    }

    // ---------------------------------------------------------------- plain-data components

    @Test
    void positionAndHealthCrossAsRawLittleEndianBytes() {
        int e = call("host_create_entity");
        ByteBuffer position = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
        memory.write(BUF, position.array());
        assertEquals(1, call("host_set_component", e, Layouts.POSITION.typeId(), BUF, 8));
        assertEquals(Optional.of(new Position(1.5f, -2f)), world.getComponent(e, Position.class));
        world.setComponent(e, new Health(-7));
        assertEquals(4, call("host_get_component", e, Layouts.HEALTH.typeId(), 0, 0));
        assertEquals(4, call("host_get_component", e, Layouts.HEALTH.typeId(), BUF + 64, 4));
        assertArrayEquals(new byte[] {(byte) 0xF9, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, memory.read(BUF + 64, 4));
        memory.write(BUF + 64, new byte[8]);
        assertEquals(8, call("host_get_component", e, Layouts.POSITION.typeId(), BUF + 64, 7));
        assertEquals(ErrorCode.BUFFER_TOO_SMALL, lastError());
        assertArrayEquals(new byte[8], memory.read(BUF + 64, 8), "half a struct is never written");
        assertEquals(0, call("host_set_component", e, Layouts.POSITION.typeId(), BUF, 4));
        assertEquals(ErrorCode.BAD_ARGUMENT, lastError());
        assertEquals("EnttPosition is 8 bytes, not 4", lastMessage());
        assertEquals(0, call("host_set_component", e, 99, BUF, 4));
        assertEquals("no component has type id 99", lastMessage());
        assertEquals(1, call("host_remove_component", e, Layouts.HEALTH.typeId()));
        assertEquals(0, call("host_get_component", e, Layouts.HEALTH.typeId(), 0, 0));
        assertEquals(ErrorCode.NOT_FOUND, lastError());
    }

    @Test
    void aRefusedSetComponentLeavesTheOldValue() {
        int e = call("host_create_entity");
        world.setComponent(e, new Position(1.5f, -2f));
        world.setComponent(e, new Health(10));
        memory.write(BUF, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(9f).putFloat(9f).array());
        WorldSnapshot before = WorldSnapshot.of(world);
        assertEquals(0, call("host_set_component", e, Layouts.POSITION.typeId(), BUF, 4));
        assertEquals("EnttPosition is 8 bytes, not 4", lastMessage());
        assertEquals(0, call("host_set_component", e, Layouts.HEALTH.typeId(), BUF, 8));
        assertEquals("EnttHealth is 4 bytes, not 8", lastMessage());
        assertEquals(0, call("host_set_component", e, 99, BUF, 8));
        assertEquals(0, call("host_set_component", EntityId.of(e, 1), Layouts.POSITION.typeId(), BUF, 8));
        assertEquals(ErrorCode.INVALID_ENTITY, lastError());
        assertEquals(before, WorldSnapshot.of(world));
    }

    // ---------------------------------------------------------------- the last-error channel itself

    @Test
    void theLastErrorSurvivesReadingItsMessage() {
        call("host_set_parent", NULL, NULL);
        assertEquals(ErrorCode.NULL_ENTITY, lastError());
        int needed = call("host_last_error_message", 0, 0);
        assertEquals("child is the null entity".length() + 1, needed);
        call("host_last_error_message", BUF, 4); // truncated read of the message
        assertEquals("chi", cString(BUF));
        assertEquals(ErrorCode.NULL_ENTITY, lastError());
        call("host_create_entity");
        assertEquals(ErrorCode.OK, lastError());
        assertEquals("", lastMessage());
    }

    @Test
    void everyImportRejectsAWrongArgumentCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call("host_get_name", 1, 2));
        assertEquals("host_get_name takes 3 arguments, got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> call("host_no_such_thing"));
    }

    @Test
    void everyManagerOperationHasAnImport() {
        String[] expected = {"host_create_entity", "host_destroy_entity", "host_is_entity_valid", "host_add_name",
                "host_get_name", "host_remove_name", "host_link_player_profile", "host_unlink_player_profile",
                "host_get_profile_for_player", "host_get_player_for_profile", "host_set_parent",
                "host_remove_parent", "host_get_parent", "host_find_children", "host_enroll", "host_drop",
                "host_get_courses_for_student", "host_get_students_for_course", "host_set_component",
                "host_get_component", "host_remove_component", "host_get_player_profiles",
                "host_get_parent_child_pairs", "host_get_enrollments", "host_last_error", "host_last_error_message"};
        assertArrayEquals(expected, ApiFunctions.ALL.stream().map(ApiFunction::name).toArray(String[]::new));
        assertEquals(Arrays.asList(expected).size(), ApiFunctions.ALL.size());
    }
}
