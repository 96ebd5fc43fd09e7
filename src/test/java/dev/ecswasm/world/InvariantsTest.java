package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.RegistryProbe;
import dev.ecswasm.ecs.Signal;
import dev.ecswasm.world.Components.ChildrenOfParent;
import dev.ecswasm.world.Components.CoursesAttended;
import dev.ecswasm.world.Components.Name;
import dev.ecswasm.world.Components.ParentComponent;
import dev.ecswasm.world.Components.PlayerOfProfile;
import dev.ecswasm.world.Components.PlayerRelation;
import dev.ecswasm.world.Components.StudentsOfCourse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker must see a broken world: corrupt one behind the manager's back (through its registry,
 * or by editing an edge list in place) and read the report, one sentence per broken promise.
 */
class InvariantsTest {
    private final EnttManager world = new EnttManager();
    private final Registry registry = world.registry();

    private int[] create(int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = world.createEntity();
        }
        return ids;
    }

    private static EdgeList listOf(int... ids) {
        EdgeList list = new EdgeList();
        for (int id : ids) {
            list.add(id);
        }
        return list;
    }

    @Test
    void aConsistentWorldWithEveryRelationAndAChainAsLongAsItsParentCountHasNoViolations() {
        int[] e = create(5);
        world.setParent(e[1], e[0]);
        world.setParent(e[2], e[1]);
        world.setParent(e[3], e[2]); // e3's chain visits all three parent components
        world.linkPlayerProfile(e[0], e[4]);
        world.enroll(e[3], e[0]);
        world.enroll(e[3], e[4]);
        world.enroll(e[1], e[4]);
        assertEquals(List.of(), Invariants.violations(world));
        Invariants.require(world);
    }

    @Test
    void aChildListNamingADeadEntityIsReported() {
        int parent = world.createEntity();
        int child = world.createEntity();
        int ghost = world.createEntity();
        world.setParent(child, parent);
        world.destroyEntity(ghost);
        world.storage(ChildrenOfParent.class).getOrNull(parent).children().add(ghost);
        assertEquals(List.of(
                "parent 0 lists child 2 whose parent is not it",
                "1 children name a parent but parents list 2 children"), Invariants.violations(world));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Invariants.require(world));
        assertEquals("world is inconsistent:\n  parent 0 lists child 2 whose parent is not it\n"
                + "  1 children name a parent but parents list 2 children", e.getMessage());
    }

    @Test
    void aChildListNamingAChildOfAnotherParentIsReported() {
        int[] e = create(3);
        world.setParent(e[1], e[0]);
        world.setParent(e[2], e[1]);
        world.storage(ChildrenOfParent.class).getOrNull(e[0]).children().add(e[2]);
        assertEquals(List.of(
                "parent 0 lists child 2 whose parent is not it",
                "2 children name a parent but parents list 3 children"), Invariants.violations(world));
    }

    @Test
    void anEmptiedChildListIsReported() {
        int parent = world.createEntity();
        int child = world.createEntity();
        world.setParent(child, parent);
        world.storage(ChildrenOfParent.class).getOrNull(parent).children().remove(child);
        assertEquals(List.of(
                "parent 0 keeps an empty children list",
                "1 children name a parent but parents list 0 children"), Invariants.violations(world));
    }

    /** Each entity on a loop is its own ancestor; one hanging below the loop is told apart. */
    @Test
    void aLoopOfParentsIsReportedForEachEntityOnItAndBelowIt() {
        int[] e = create(3);
        world.setParent(e[1], e[0]);
        world.setParent(e[2], e[0]);
        registry.add(e[0], new ParentComponent(e[1])); // 0 -> 1 -> 0, and 2 below the loop
        registry.add(e[1], new ChildrenOfParent(listOf(e[0])));
        assertEquals(List.of(
                "entity 1 is its own ancestor",
                "entity 2 hangs below a cycle of parents",
                "entity 0 is its own ancestor"), Invariants.violations(world));
    }

    @Test
    void aOneToOneLinkToADeadOrForeignProfileIsReportedFromBothEnds() {
        int[] e = create(5);
        world.linkPlayerProfile(e[0], e[1]);
        world.linkPlayerProfile(e[2], e[3]);
        world.destroyEntity(e[4]);
        registry.replace(e[0], new PlayerRelation(e[4]));  // to a dead profile
        registry.replace(e[2], new PlayerRelation(e[1]));  // to a profile whose player is 0
        assertEquals(List.of(
                "player 0 is linked to dead profile 4",
                "player 2 -> profile 1 has no matching reverse link",
                "profile 1 names player 0 which does not name it back",
                "profile 3 names player 2 which does not name it back"), Invariants.violations(world));
    }

    @Test
    void aOneToOneLinkMissingOneEndIsReported() {
        int[] e = create(4);
        world.linkPlayerProfile(e[0], e[1]);
        world.linkPlayerProfile(e[2], e[3]);
        registry.remove(e[1], PlayerOfProfile.class);
        registry.remove(e[2], PlayerRelation.class);
        assertEquals(List.of(
                "player 0 -> profile 1 has no matching reverse link",
                "profile 3 names player 2 which does not name it back"), Invariants.violations(world));
    }

    @Test
    void aOneSidedEnrollmentIsReported() {
        int student = world.createEntity();
        int course = world.createEntity();
        int other = world.createEntity();
        world.enroll(student, course);
        world.storage(CoursesAttended.class).getOrNull(student).courses().add(other);
        assertEquals(List.of(
                "student 0 lists course 2 which does not list it back",
                "students list 2 enrollments but courses list 1",
                "the world counts 1 enrollments but students list 2"), Invariants.violations(world));
    }

    @Test
    void emptiedEnrollmentListsAreReportedFromBothSides() {
        int[] e = create(4);
        world.enroll(e[0], e[1]);
        world.enroll(e[2], e[3]);
        world.storage(CoursesAttended.class).getOrNull(e[0]).courses().remove(e[1]);
        world.storage(StudentsOfCourse.class).getOrNull(e[3]).students().remove(e[2]);
        assertEquals(List.of(
                "student 0 keeps an empty course list",
                "student 2 lists course 3 which does not list it back",
                "course 1 lists student 0 which does not list it back",
                "course 3 keeps an empty student list",
                "the world counts 2 enrollments but students list 1"), Invariants.violations(world));
    }

    @Test
    void aCourseListingADeadStudentIsReported() {
        int[] e = create(3);
        world.enroll(e[0], e[1]);
        world.destroyEntity(e[2]);
        world.storage(StudentsOfCourse.class).getOrNull(e[1]).students().add(e[2]);
        assertEquals(List.of(
                "course 1 lists student 2 which does not list it back",
                "students list 1 enrollments but courses list 2"), Invariants.violations(world));
    }

    /**
     * A listener that names an entity while its components are being removed would leave the name
     * behind on a dead entity (the names storage was already swept). The registry refuses the add, so
     * the whole destroy is undone: the entity is alive and whole, and can be destroyed once the
     * listener is gone.
     */
    @Test
    void aListenerCannotLeaveAComponentOnADyingEntityTheDestroyIsUndoneInstead() {
        int victim = world.createEntity();
        world.setComponent(victim, new Position(1, 2));
        world.addName(victim, "victim");
        WorldSnapshot before = WorldSnapshot.of(world);
        Signal.Connection ghost = registry.onDestroy(Position.class)
                .connect((entity, position) -> registry.addOrReplace(entity, new Name("ghost")));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> world.destroyEntity(victim));
        assertEquals("entity 0 (index 0, version 0) is being destroyed; it cannot take a Name", refused.getMessage());
        assertEquals(before, WorldSnapshot.of(world));
        assertEquals(List.of(), Invariants.violations(world));
        ghost.disconnect();
        assertEquals(Outcome.DONE, world.destroyEntity(victim));
        assertEquals(List.of(), Invariants.violations(world));
    }

    /** A component planted on a dead entity behind the registry's back: the checker finds the orphan. */
    @Test
    void aComponentLeftOnADeadEntityIsReported() {
        int victim = world.createEntity();
        world.destroyEntity(victim);
        RegistryProbe.plant(world.storage(Name.class), victim, new Name("ghost"));
        assertEquals(List.of("Name belongs to dead entity 0",
                "the world counts 0 bytes of names but its names hold 5"), Invariants.violations(world));
    }
}
