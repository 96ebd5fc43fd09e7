package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import dev.ecswasm.world.WorldSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a plugin may hold in total beyond entities: edges across the three relations ({@code maxEdges})
 * and bytes of all names ({@code maxNameBytesTotal}). At a cap, a call that would add traps with a
 * {@link LimitTrap} naming the cap and changes nothing; a call that adds nothing net (a replacement, a
 * repeat) goes on; after a destroy there is room again.
 */
class EnttApiCapsTest {
    private static final int BUF = 0x1000;

    private final EnttManager world = new EnttManager();
    private final GuestMemory memory = ByteArrayGuestMemory.ofPages(1);
    private final EnttApi api = new EnttApi(64, 100, 3, 10);
    private final BoundApi host = new BoundApi(api, api.open(world));

    private int call(String name, int... args) {
        return host.call(name, memory, args);
    }

    private int[] create(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = call("host_create_entity");
        }
        return ids;
    }

    /** The import traps naming the limit, the world is as it was and consistent. */
    private LimitTrap refused(String limit, String function, int... args) {
        WorldSnapshot before = WorldSnapshot.of(world);
        long edges = world.edgeCount();
        long nameBytes = world.nameBytes();
        AbiTrap trap = assertThrows(AbiTrap.class, () -> call(function, args), function + " at the cap");
        assertEquals(Optional.of(function), trap.function());
        LimitTrap cause = (LimitTrap) trap.getCause();
        assertEquals(limit, cause.limit(), trap.getMessage());
        assertTrue(trap.getMessage().endsWith("(limit " + limit + ")"), trap.getMessage());
        assertEquals(before, WorldSnapshot.of(world), "a refused " + function + " changes nothing");
        assertEquals(edges, world.edgeCount());
        assertEquals(nameBytes, world.nameBytes());
        assertEquals(List.of(), Invariants.violations(world));
        return cause;
    }

    private int put(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        memory.write(BUF, bytes);
        return bytes.length;
    }

    // ---------------------------------------------------------------- maxEdges

    @Test
    void atMaxEdgesEachRelationsAddingCallTrapsAndChangesNothing() {
        int[] e = create(8);
        assertEquals(1, call("host_link_player_profile", e[0], e[1]));
        assertEquals(1, call("host_set_parent", e[2], e[3]));
        assertEquals(1, call("host_enroll", e[4], e[5]));
        assertEquals(3, world.edgeCount());

        LimitTrap trap = refused("maxEdges", "host_enroll", e[4], e[6]);
        assertEquals("the world already holds 3 edges; no more may be added (limit maxEdges)", trap.getMessage());
        refused("maxEdges", "host_set_parent", e[6], e[7]);
        refused("maxEdges", "host_link_player_profile", e[6], e[7]);
        refused("maxEdges", "host_enroll", e[5], e[4]); // the other way round is another edge
    }

    @Test
    void atMaxEdgesACallThatAddsNoEdgeNetGoesOn() {
        int[] e = create(8);
        call("host_link_player_profile", e[0], e[1]);
        call("host_set_parent", e[2], e[3]);
        call("host_enroll", e[4], e[5]);

        assertEquals(1, call("host_set_parent", e[2], e[6]), "a new parent replaces the old one");
        assertEquals(1, call("host_set_parent", e[2], e[6]), "the same parent again");
        assertEquals(1, call("host_link_player_profile", e[0], e[7]), "a linked player moves to a new profile");
        assertEquals(1, call("host_link_player_profile", e[6], e[7]), "a linked profile moves to a new player");
        assertEquals(1, call("host_link_player_profile", e[6], e[7]), "the same link again");
        assertEquals(1, call("host_enroll", e[4], e[5]), "enrolled twice does nothing");
        assertEquals(3, world.edgeCount());
        assertEquals(List.of(), Invariants.violations(world));
    }

    @Test
    void atMaxEdgesACallRefusedForItsOwnReasonIsRefusedAsBeforeNotTrapped() {
        int[] e = create(5);
        call("host_set_parent", e[1], e[0]);
        call("host_set_parent", e[2], e[1]);
        call("host_enroll", e[3], e[4]);
        int stale = call("host_create_entity");
        call("host_destroy_entity", stale);

        assertEquals(0, call("host_set_parent", e[0], e[2]), "a cycle");
        assertEquals(ErrorCode.CYCLE.code(), call("host_last_error"));
        assertEquals(0, call("host_enroll", e[3], stale));
        assertEquals(ErrorCode.INVALID_ENTITY.code(), call("host_last_error"));
        assertEquals(0, call("host_link_player_profile", e[3], e[3]));
        assertEquals(ErrorCode.SELF_LINK.code(), call("host_last_error"));
        assertEquals(3, world.edgeCount());
    }

    @Test
    void afterADestroyOrADropThereIsRoomForEdgesAgain() {
        int[] e = create(6);
        call("host_enroll", e[0], e[1]);
        call("host_enroll", e[0], e[2]);
        call("host_enroll", e[3], e[1]);
        refused("maxEdges", "host_enroll", e[4], e[5]);
        call("host_destroy_entity", e[1]); // two edges go with it
        assertEquals(1, world.edgeCount());
        assertEquals(1, call("host_enroll", e[4], e[5]));
        assertEquals(1, call("host_set_parent", e[5], e[4]));
        refused("maxEdges", "host_link_player_profile", e[4], e[5]);
        assertEquals(1, call("host_drop", e[0], e[2]));
        assertEquals(1, call("host_link_player_profile", e[4], e[5]));
        assertEquals(3, world.edgeCount());
        assertEquals(List.of(), Invariants.violations(world));
    }

    @Test
    void edgesTheHostAddedCountTooTheCapIsOnTheWorld() {
        int[] e = create(6);
        for (int i = 1; i < 6; i++) {
            world.enroll(e[0], e[i]); // Java code, past the cap: the manager itself has no cap
        }
        refused("maxEdges", "host_enroll", e[1], e[0]);
        assertEquals(1, call("host_drop", e[0], e[1]));
        refused("maxEdges", "host_enroll", e[1], e[0]); // 4 is still over 3
    }

    // ---------------------------------------------------------------- maxNameBytesTotal

    @Test
    void atMaxNameBytesTotalANameThatWouldGrowTheTotalTrapsAndChangesNothing() {
        int[] e = create(3);
        call("host_add_name", e[0], BUF, put("abcd"));   // 4
        call("host_add_name", e[1], BUF, put("é€"));     // 5: 9 in all
        assertEquals(9, world.nameBytes());
        LimitTrap trap = refused("maxNameBytesTotal", "host_add_name", e[2], BUF, put("xy"));
        assertEquals("the world's names already hold 9 bytes; a name of 2 bytes for entity 2 (index 2, version 0)"
                + " would make 11, more than 10 (limit maxNameBytesTotal)", trap.getMessage());
        call("host_add_name", e[2], BUF, put("z"));      // exactly 10 fits
        assertEquals(10, world.nameBytes());
        refused("maxNameBytesTotal", "host_add_name", e[0], BUF, put("abcde")); // a replacement one byte longer
    }

    @Test
    void atMaxNameBytesTotalAReplacementNoLongerThanTheOldNameGoesOn() {
        int[] e = create(2);
        call("host_add_name", e[0], BUF, put("abcdefgh"));
        call("host_add_name", e[1], BUF, put("ij"));
        assertEquals(10, world.nameBytes());
        call("host_add_name", e[0], BUF, put("12345678")); // same length
        call("host_add_name", e[1], BUF, put("k"));        // shorter
        assertEquals(Optional.of("12345678"), world.getName(e[0]));
        assertEquals(Optional.of("k"), world.getName(e[1]));
        assertEquals(9, world.nameBytes());
        assertEquals(List.of(), Invariants.violations(world));
    }

    @Test
    void atMaxNameBytesTotalANameRefusedForItsOwnReasonIsRefusedAsBeforeNotTrapped() {
        int[] e = create(2);
        call("host_add_name", e[0], BUF, put("0123456789"));
        int stale = e[1];
        call("host_destroy_entity", stale);
        call("host_add_name", stale, BUF, put("x"));
        assertEquals(ErrorCode.INVALID_ENTITY.code(), call("host_last_error"));
        memory.write(BUF, new byte[] {(byte) 0xC3, 0x28});
        call("host_add_name", e[0], BUF, 2);
        assertEquals(ErrorCode.INVALID_UTF8.code(), call("host_last_error"));
        assertEquals(10, world.nameBytes());
    }

    @Test
    void afterARemoveOrADestroyThereIsRoomForNamesAgain() {
        int[] e = create(3);
        call("host_add_name", e[0], BUF, put("abcde"));
        call("host_add_name", e[1], BUF, put("fghij"));
        refused("maxNameBytesTotal", "host_add_name", e[2], BUF, put("k"));
        assertEquals(1, call("host_remove_name", e[0]));
        call("host_add_name", e[2], BUF, put("klmno"));
        refused("maxNameBytesTotal", "host_add_name", e[0], BUF, put("p"));
        call("host_destroy_entity", e[1]);
        call("host_add_name", e[0], BUF, put("pqrst"));
        assertEquals(10, world.nameBytes());
        assertEquals(List.of(), Invariants.violations(world));
    }

    // ---------------------------------------------------------------- the limits themselves

    @Test
    void theNewLimitsHaveDefaultsRefuseNegativesAndPrint() {
        EnttApi defaults = new EnttApi();
        assertEquals("EnttApi[0 open handles, maxNameBytes 65536, maxEntities 100000, maxEdges 1000000,"
                + " maxNameBytesTotal 16777216]", defaults.toString());
        assertEquals(defaults.toString(), new EnttApi(65536, 100000).toString(), "two limits take the other defaults");
        assertEquals("maxEdges must not be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new EnttApi(1, 1, -1, 1)).getMessage());
        assertEquals("maxNameBytesTotal must not be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new EnttApi(1, 1, 1, -1)).getMessage());
        EnttApi none = new EnttApi(64, 10, 0, 0);
        BoundApi bound = new BoundApi(none, none.open(world));
        int a = bound.call("host_create_entity", memory);
        int b = bound.call("host_create_entity", memory);
        assertEquals("maxEdges", assertThrows(AbiTrap.class, () -> bound.call("host_enroll", memory, a, b))
                .getCause() instanceof LimitTrap l ? l.limit() : "no limit");
        bound.call("host_add_name", memory, a, BUF, 0); // the empty name fits a total of 0
        assertEquals(Optional.of(""), world.getName(a));
        assertEquals("maxNameBytesTotal", assertThrows(AbiTrap.class,
                () -> bound.call("host_add_name", memory, b, BUF, put("x"))).getCause() instanceof LimitTrap l
                ? l.limit() : "no limit");
    }
}
