package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CleanupPolicyTest {
    private final EnttManager world = new EnttManager();

    @Test
    void removeIsTheDefaultForEveryRelation() {
        for (Relation relation : Relation.values()) {
            assertEquals(CleanupPolicy.REMOVE, world.policy(relation));
        }
    }

    @Test
    void cascadeDestroysTheSubtreeChildrenBeforeParents() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int root = world.createEntity();
        int a = world.createEntity();
        int b = world.createEntity();
        int a1 = world.createEntity();
        int outsider = world.createEntity();
        world.setParent(a, root);
        world.setParent(b, root);
        world.setParent(a1, a);
        List<String> lines = new ArrayList<>();
        world.setLogSink(line -> {
            if (line.startsWith("[EnttManager::Cleanup] Cleaning")) {
                lines.add(line.replaceAll("\\D+", " ").trim());
            }
        });
        assertTrue(world.destroyEntity(root).ok());
        assertEquals(List.of(Integer.toString(a1), Integer.toString(b), Integer.toString(a), Integer.toString(root)),
                lines, "each entity is cleaned before the entity it points at");
        assertArrayEquals(new int[] {outsider}, world.entities());
        Invariants.require(world);
    }

    /**
     * Issue 25: one destroy signal per entity, and a listener may meet ids destroyed earlier in the same
     * cascade; it sees them as invalid, never half-destroyed, and no survivor's list holds them.
     */
    @Test
    void aCascadeListenerSeesEachEntityOnceAndTheOnesBeforeItAsInvalid() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int root = world.createEntity();
        int a = world.createEntity();
        int b = world.createEntity();
        int a1 = world.createEntity();
        int keeper = world.createEntity(); // the root's parent: outside the cascade, it survives
        world.setParent(root, keeper);
        world.setParent(a, root);
        world.setParent(b, root);
        world.setParent(a1, a);
        world.addName(a1, "a1");
        List<Integer> seen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        world.registry().onDestroyEntity().connect(id -> {
            if (!world.isEntityValid(id)) {
                wrong.add(id + " was already invalid in its own signal");
            }
            for (int earlier : seen) {
                if (world.isEntityValid(earlier) || world.getName(earlier).isPresent()) {
                    wrong.add(earlier + " still readable in " + id + "'s signal");
                }
            }
            for (int child : world.findChildren(keeper)) { // a survivor's list: only live ids, always
                if (!world.isEntityValid(child)) {
                    wrong.add(child + " invalid, yet a child of the surviving keeper in " + id + "'s signal");
                }
            }
            seen.add(id);
        });
        assertTrue(world.destroyEntity(root).ok());
        assertEquals(List.of(), wrong);
        assertArrayEquals(new int[0], world.findChildren(keeper));
        assertTrue(world.isEntityValid(keeper));
        assertEquals(4, seen.size(), "one signal per entity: " + seen);
        assertEquals(java.util.Set.of(a, a1, b, root), java.util.Set.copyOf(seen), "each of the four, once");
        assertEquals(root, seen.get(seen.size() - 1), "the root's own listeners run after its cascade");
        Invariants.require(world);
    }

    @Test
    void cascadeOnAHundredThousandDeepChainNeedsNoDeepStack() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int root = world.createEntity();
        int at = root;
        for (int depth = 0; depth < 100_000; depth++) {
            int child = world.createEntity();
            world.setParent(child, at);
            at = child;
        }
        int survivor = world.createEntity();
        assertEquals(100_002, world.entityCount());
        assertTrue(world.destroyEntity(root).ok());
        assertArrayEquals(new int[] {survivor}, world.entities());
        assertFalse(world.isEntityValid(at));
        Invariants.require(world);
    }

    @Test
    void cascadeOnPlayerProfileDestroysTheProfileWithItsPlayer() {
        world.setPolicy(Relation.PLAYER_PROFILE, CleanupPolicy.CASCADE);
        int player = world.createEntity();
        int profile = world.createEntity();
        world.linkPlayerProfile(player, profile);
        world.destroyEntity(profile); // the source: only its edge goes
        assertTrue(world.isEntityValid(player));
        int profile2 = world.createEntity();
        world.linkPlayerProfile(player, profile2);
        world.destroyEntity(player); // the target: its profile goes with it
        assertEquals(0, world.entityCount());
    }

    @Test
    void cascadeFollowsEveryCascadingRelationAtOnce() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.CASCADE);
        int school = world.createEntity();
        int course = world.createEntity();
        int student = world.createEntity();
        int bystander = world.createEntity();
        world.setParent(course, school);
        world.enroll(student, course);
        world.enroll(bystander, course);
        world.setParent(bystander, student); // bystander is doomed twice over; destroyed once
        world.destroyEntity(school);
        assertEquals(0, world.entityCount());
    }

    @Test
    void forbidRefusesWhileReferencedAndLeavesTheWorldUntouched() {
        world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        int student = world.createEntity();
        int course = world.createEntity();
        world.addName(course, "Math");
        world.enroll(student, course);
        WorldSnapshot before = WorldSnapshot.of(world);
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, world.destroyEntity(course));
        assertEquals(Failure.FORBIDDEN, refused.failure());
        assertEquals("cannot destroy entity 1 (index 1, version 0): 0 (index 0, version 0)"
                + " is its student in ENROLLMENT, whose policy is FORBID", refused.message());
        assertEquals(before, WorldSnapshot.of(world));
        assertTrue(world.destroyEntity(student).ok(), "the source may always go");
        assertTrue(world.destroyEntity(course).ok(), "and then the target is free");
        Invariants.require(world);
    }

    @Test
    void forbidInsideACascadeRefusesTheWholeDestruction() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        world.setPolicy(Relation.PLAYER_PROFILE, CleanupPolicy.FORBID);
        int root = world.createEntity();
        int child = world.createEntity();
        int grandchild = world.createEntity();
        int profile = world.createEntity();
        world.setParent(child, root);
        world.setParent(grandchild, child);
        world.linkPlayerProfile(grandchild, profile);
        WorldSnapshot before = WorldSnapshot.of(world);
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, world.destroyEntity(root));
        assertEquals("cannot destroy entity 0 (index 0, version 0) (destroying it would cascade to"
                + " 2 (index 2, version 0)): 3 (index 3, version 0) is its profile in"
                + " PLAYER_PROFILE, whose policy is FORBID", refused.message());
        assertEquals(before, WorldSnapshot.of(world), "no part of the subtree was destroyed");
        assertEquals(OptionalInt.of(child), world.getParent(grandchild));
    }

    @Test
    void forbidIgnoresSourcesThatDieInTheSameCascade() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        int club = world.createEntity();
        int course = world.createEntity();
        int member = world.createEntity();
        world.setParent(course, club);
        world.setParent(member, club);
        world.enroll(member, course); // the only student of the course dies with it
        assertTrue(world.destroyEntity(club).ok());
        assertEquals(0, world.entityCount());
    }
}
