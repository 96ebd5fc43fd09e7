package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ecswasm.world.Health;
import dev.ecswasm.world.Position;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The snapshot behind every "a refused call changes nothing" test notices each kind of change. */
class WorldSnapshotTest {

    /** Two worlds built by the same steps, then one of them changed by {@code change}. */
    private static void assertNoticed(Consumer<EnttManager> change) {
        EnttManager same = sample();
        EnttManager changed = sample();
        assertEquals(WorldSnapshot.of(same), WorldSnapshot.of(changed), "built alike");
        change.accept(changed);
        assertNotEquals(WorldSnapshot.of(same), WorldSnapshot.of(changed));
    }

    /** Slots 0..5: 0 names "a" with a Position, 1 is a's child, 2 and 3 enroll in 4; 5 was destroyed. */
    private static EnttManager sample() {
        EnttManager world = new EnttManager();
        for (int i = 0; i < 6; i++) {
            world.createEntity();
        }
        world.destroyEntity(5);
        world.addName(0, "a");
        world.setComponent(0, new Position(1, 2));
        world.setParent(1, 0);
        world.enroll(2, 4);
        world.enroll(3, 4);
        return world;
    }

    @Test
    void takingASnapshotChangesNothing() {
        EnttManager world = sample();
        WorldSnapshot first = WorldSnapshot.of(world);
        assertEquals(first, WorldSnapshot.of(world));
        assertEquals(first.toString(), WorldSnapshot.of(world).toString());
    }

    @Test
    void noticesAChangedComponentValue() {
        assertNoticed(world -> world.setComponent(0, new Position(1, 3)));
        assertNoticed(world -> world.setComponent(1, new Health(0)));
        assertNoticed(world -> world.addName(0, "b"));
    }

    @Test
    void noticesTheOrderFreeSlotsWillBeReusedIn() {
        EnttManager oneWay = sample();
        EnttManager otherWay = sample();
        oneWay.destroyEntity(1);
        oneWay.destroyEntity(3);
        otherWay.destroyEntity(3);
        otherWay.destroyEntity(1); // last freed, first reused
        assertEquals(oneWay.entityCount(), otherWay.entityCount());
        assertNotEquals(WorldSnapshot.of(oneWay), WorldSnapshot.of(otherWay));
        assertEquals("world of 6 slots, 3 live; next creates reuse [3v1, 1v1, 5v1]",
                WorldSnapshot.of(oneWay).toString().lines().findFirst().orElseThrow().split("; policies")[0]);
    }

    @Test
    void noticesAPolicyAndTheOrderOfAList() {
        assertNoticed(world -> world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE));
        assertNoticed(world -> {
            world.drop(2, 4);
            world.enroll(2, 4); // the same students, in another order
        });
    }

    @Test
    void printsOneLinePerEntity() {
        var lines = WorldSnapshot.of(sample()).toString().lines().toList();
        assertEquals(6, lines.size());
        assertEquals("world of 6 slots, 5 live; next creates reuse [5v1];"
                + " policies PLAYER_PROFILE=REMOVE, PARENT_CHILD=REMOVE, ENROLLMENT=REMOVE", lines.get(0));
        assertEquals("  2v0: CoursesAttended[courses=[4]]"
                + " | parent -, children [], profile -, player -, courses [4v0], students []", lines.get(3));
    }
}
