package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Signal;
import dev.ecswasm.world.Components.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The totals a cap on a plugin's holdings reads: the UTF-8 bytes of every name and the edges of every
 * relation, both O(1) running counts that every call keeps exact, undo included; and
 * {@link EnttManager#addsEdge}, which says whether a call would add an edge net.
 */
class WorldTotalsTest {
    private final EnttManager world = new EnttManager();

    private int[] create(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = world.createEntity();
        }
        return ids;
    }

    private void clean() {
        assertEquals(List.of(), Invariants.violations(world));
    }

    @Test
    void nameBytesCountUtf8AndFollowAddReplaceRemoveAndDestroy() {
        int[] e = create(3);
        assertEquals(0, world.nameBytes());
        world.addName(e[0], "Ann");                       // 3
        world.addName(e[1], "é€\uD83D\uDE00");            // 2 + 3 + 4
        assertEquals(12, world.nameBytes());
        assertEquals(9, world.nameBytes(e[1]));
        world.addName(e[0], "Annabel");                   // replaced: +4
        assertEquals(16, world.nameBytes());
        world.addName(e[2], "x\uD800");                   // a lone surrogate counts 3
        assertEquals(20, world.nameBytes());
        clean();
        world.removeName(e[0]);
        assertEquals(13, world.nameBytes());
        world.destroyEntity(e[1]);
        assertEquals(4, world.nameBytes());
        assertEquals(0, world.nameBytes(e[1]), "a dead id has no name");
        assertEquals(0, world.nameBytes(e[0]), "nor has a live one without");
        clean();
    }

    @Test
    void aCascadeAndARefusedDestroyKeepTheNameBytesExact() {
        int[] e = create(3);
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        world.setParent(e[1], e[0]);
        world.setParent(e[2], e[1]);
        for (int id : e) {
            world.addName(id, "name " + id);
        }
        long all = world.nameBytes();
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.FORBID);
        assertTrue(world.destroyEntity(e[0]) instanceof Outcome.Refused, "a FORBID refusal");
        assertEquals(all, world.nameBytes(), "the refused destroy took nothing");
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        assertEquals(Outcome.DONE, world.destroyEntity(e[0]));
        assertEquals(0, world.entityCount());
        assertEquals(0, world.nameBytes(), "the cascade took every name");
        clean();
    }

    @Test
    void aDestroyThatFailsPartWayPutsTheNameBytesBack() {
        int[] e = create(2);
        world.addName(e[0], "kept");
        world.setComponent(e[0], new Position(1, 2));
        Signal.Connection bomb = world.registry().onDestroy(Position.class).connect((id, p) -> {
            throw new StackOverflowError("bomb");
        });
        assertThrows(StackOverflowError.class, () -> world.destroyEntity(e[0]));
        bomb.disconnect();
        assertEquals(4, world.nameBytes(), "the name came back, and so did its bytes");
        clean();
        Signal.Connection late = world.registry().onDestroy(Name.class).connect((id, n) -> {
            throw new OutOfMemoryError("bomb after the name's bytes were taken off");
        });
        assertThrows(OutOfMemoryError.class, () -> world.removeName(e[0]));
        late.disconnect();
        assertEquals(4, world.nameBytes());
        clean();
    }

    @Test
    void theEnrollmentCountIsARunningCountThatFollowsEveryCall() {
        int[] e = create(5);
        world.enroll(e[0], e[1]);
        world.enroll(e[0], e[1]); // twice does nothing
        world.enroll(e[0], e[2]);
        world.enroll(e[3], e[1]);
        world.enroll(e[1], e[4]); // e1 is a course and a student
        assertEquals(4, world.edgeCount(Relation.ENROLLMENT));
        world.drop(e[0], e[2]);
        assertEquals(3, world.edgeCount(Relation.ENROLLMENT));
        world.destroyEntity(e[1]); // as a course (two students) and as a student (one course)
        assertEquals(0, world.edgeCount(Relation.ENROLLMENT));
        clean();
        world.setParent(e[2], e[0]);
        world.linkPlayerProfile(e[3], e[4]);
        world.enroll(e[2], e[3]);
        assertEquals(3, world.edgeCount(), "one edge in each relation");
    }

    @Test
    void addsEdgeIsTrueOnlyForACallThatLeavesOneMoreEdge() {
        int[] e = create(5);
        int stale = world.createEntity();
        world.destroyEntity(stale);
        for (Relation r : Relation.values()) {
            assertTrue(world.addsEdge(r, e[0], e[1]), r + " on two fresh entities");
            assertFalse(world.addsEdge(r, e[0], e[0]), r + " on one entity twice");
            assertFalse(world.addsEdge(r, e[0], stale), r + " with a stale id");
            assertFalse(world.addsEdge(r, EntityId.NULL, e[0]), r + " with the null id");
        }
        world.linkPlayerProfile(e[0], e[1]);
        assertFalse(world.addsEdge(Relation.PLAYER_PROFILE, e[0], e[1]), "the same link");
        assertFalse(world.addsEdge(Relation.PLAYER_PROFILE, e[0], e[2]), "the player moves: -1 +1");
        assertFalse(world.addsEdge(Relation.PLAYER_PROFILE, e[2], e[1]), "the profile moves: -1 +1");
        assertTrue(world.addsEdge(Relation.PLAYER_PROFILE, e[1], e[0]), "the profile may be a player too");

        world.setParent(e[1], e[0]); // parent e0, child e1
        assertFalse(world.addsEdge(Relation.PARENT_CHILD, e[0], e[1]), "the same parent");
        assertFalse(world.addsEdge(Relation.PARENT_CHILD, e[2], e[1]), "a new parent replaces the old");
        assertFalse(world.addsEdge(Relation.PARENT_CHILD, e[1], e[0]), "a cycle is refused");
        assertTrue(world.addsEdge(Relation.PARENT_CHILD, e[1], e[2]), "a new child");

        world.enroll(e[0], e[1]);
        assertFalse(world.addsEdge(Relation.ENROLLMENT, e[0], e[1]), "enrolled already");
        assertTrue(world.addsEdge(Relation.ENROLLMENT, e[1], e[0]), "the other way is another edge");
        assertEquals(3, world.edgeCount(), "asking changed nothing");
        clean();
    }
}
