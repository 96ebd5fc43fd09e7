package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ecswasm.ecs.EntityId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of seed-style log line, read word for word from a sink: the log is what a student watches. */
class ManagerLogTest {
    private final EnttManager world = new EnttManager();
    private final List<String> lines = new ArrayList<>();
    private final int[] e = new int[8];

    /** Eight entities, ids 0..7, created before the sink listens; then the lines start. */
    ManagerLogTest() {
        for (int i = 0; i < e.length; i++) {
            e[i] = world.createEntity();
        }
        world.setLogSink(lines::add);
    }

    @Test
    void eachChangingCallLogsOneLine() {
        world.addName(e[0], "Alice");
        world.linkPlayerProfile(e[0], e[1]);
        world.unlinkPlayerProfile(e[1]);
        world.setParent(e[2], e[0]);
        world.removeParent(e[2]);
        world.enroll(e[2], e[3]);
        world.drop(e[2], e[3]);
        world.createEntity();
        assertEquals(List.of(
                "[EnttManager] Named entity 0: Alice",
                "[EnttManager] Linked player 0 <-> profile 1",
                "[EnttManager] Unlinking 1:1 for entity 1",
                "[EnttManager] Set parent of 2 to 0",
                "[EnttManager] Removed parent of 2",
                "[EnttManager] Enrolled student 2 in course 3",
                "[EnttManager] Dropped student 2 from course 3",
                "[EnttManager] Created entity: 8"), lines);
    }

    @Test
    void callsThatChangeNothingLogNothingButRefusalsSayWhy() {
        world.linkPlayerProfile(e[0], e[1]);
        world.setParent(e[2], e[0]);
        world.enroll(e[2], e[3]);
        lines.clear();
        world.linkPlayerProfile(e[0], e[1]); // already linked
        world.setParent(e[2], e[0]);         // already its parent
        world.enroll(e[2], e[3]);            // already enrolled
        world.setComponent(e[4], new Position(1, 2));
        world.removeComponent(e[4], Position.class);
        world.removeName(e[4]);
        world.addName(e[4], null);
        world.setParent(e[0], e[2]);
        world.drop(e[3], e[2]);
        world.destroyEntity(EntityId.NULL);
        assertEquals(List.of(
                "[EnttManager] removeName refused: entity 4 (index 4, version 0) has no name",
                "[EnttManager] addName refused: name is null",
                "[EnttManager] setParent refused: entity 2 (index 2, version 0) descends from 0 (index 0, version 0),"
                        + " so it cannot become its parent: that would close a cycle",
                "[EnttManager] drop refused: student 3 (index 3, version 0) is not enrolled in course"
                        + " 2 (index 2, version 0)",
                "[EnttManager] destroyEntity refused: entity is the null entity"), lines);
    }

    @Test
    void destroyingAnEntityLogsEachEdgeItsCleanupRemoves() {
        world.linkPlayerProfile(e[0], e[1]);
        world.linkPlayerProfile(e[5], e[6]);
        world.setParent(e[2], e[0]);
        world.enroll(e[2], e[3]);
        world.enroll(e[0], e[3]);
        lines.clear();
        world.destroyEntity(e[1]); // a profile
        world.destroyEntity(e[5]); // a player
        world.destroyEntity(e[2]); // a child and a student
        world.destroyEntity(e[3]); // a course
        assertEquals(List.of(
                "[EnttManager] Destroying entity: 1",
                "[EnttManager::Cleanup] Cleaning relationships for entity 1...",
                "[EnttManager::Cleanup]   player 0 lost its profile 1",
                "[EnttManager::Cleanup] Finished cleaning for entity 1.",
                "[EnttManager] Destroying entity: 5",
                "[EnttManager::Cleanup] Cleaning relationships for entity 5...",
                "[EnttManager::Cleanup]   profile 6 lost its player 5",
                "[EnttManager::Cleanup] Finished cleaning for entity 5.",
                "[EnttManager] Destroying entity: 2",
                "[EnttManager::Cleanup] Cleaning relationships for entity 2...",
                "[EnttManager::Cleanup]   removed 2 from the children of 0",
                "[EnttManager::Cleanup]   dropped 2 from 1 course(s)",
                "[EnttManager::Cleanup] Finished cleaning for entity 2.",
                "[EnttManager] Destroying entity: 3",
                "[EnttManager::Cleanup] Cleaning relationships for entity 3...",
                "[EnttManager::Cleanup]   removed course 3 from 1 student(s)",
                "[EnttManager::Cleanup] Finished cleaning for entity 3."), lines);
        Invariants.require(world);
    }

    @Test
    void aCascadeLogsEachMemberSourcesFirstAndAForbidVetoLogsTheRefusal() {
        assertSame(world, world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE));
        assertSame(world, world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.FORBID));
        world.setParent(e[5], e[4]);
        world.setParent(e[6], e[5]);
        world.enroll(e[0], e[6]);
        lines.clear();
        assertFalse(world.destroyEntity(e[4]).ok());
        world.drop(e[0], e[6]);
        world.destroyEntity(e[4]);
        assertEquals(List.of(
                "[EnttManager] Destroying entity: 4",
                "[EnttManager] destroyEntity refused: cannot destroy entity 4 (index 4, version 0)"
                        + " (destroying it would cascade to 6 (index 6, version 0)): 0 (index 0, version 0)"
                        + " is its student in ENROLLMENT, whose policy is FORBID",
                "[EnttManager] Dropped student 0 from course 6",
                "[EnttManager] Destroying entity: 4",
                "[EnttManager::Cleanup] Cascade from 4: destroying entity 6",
                "[EnttManager::Cleanup] Cleaning relationships for entity 6...",
                "[EnttManager::Cleanup]   removed 6 from the children of 5",
                "[EnttManager::Cleanup] Finished cleaning for entity 6.",
                "[EnttManager::Cleanup] Cascade from 4: destroying entity 5",
                "[EnttManager::Cleanup] Cleaning relationships for entity 5...",
                "[EnttManager::Cleanup]   removed 5 from the children of 4",
                "[EnttManager::Cleanup] Finished cleaning for entity 5.",
                "[EnttManager::Cleanup] Cleaning relationships for entity 4...",
                "[EnttManager::Cleanup] Finished cleaning for entity 4."), lines);
        Invariants.require(world);
    }

    @Test
    void theLogSaysWhetherItListens() {
        ManagerLog log = new ManagerLog();
        assertEquals("ManagerLog[off]", log.toString());
        log.setSink(lines::add);
        assertEquals("ManagerLog[on]", log.toString());
        log.setSink(null);
        log.created(1);
        assertEquals(List.of(), lines);
    }
}
