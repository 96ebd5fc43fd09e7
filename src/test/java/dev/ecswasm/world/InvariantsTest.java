package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecswasm.world.Components.ChildrenOfParent;
import dev.ecswasm.world.Components.CoursesAttended;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker must see a broken world: corrupt one behind the manager's back and read the report. */
class InvariantsTest {
    private final EnttManager world = new EnttManager();

    @Test
    void aConsistentWorldHasNoViolations() {
        int parent = world.createEntity();
        int child = world.createEntity();
        world.setParent(child, parent);
        world.enroll(child, parent);
        assertEquals(List.of(), Invariants.violations(world));
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
    void aOneSidedEnrollmentIsReported() {
        int student = world.createEntity();
        int course = world.createEntity();
        int other = world.createEntity();
        world.enroll(student, course);
        world.storage(CoursesAttended.class).getOrNull(student).courses().add(other);
        assertEquals(List.of(
                "student 0 lists course 2 which does not list it back",
                "students list 2 enrollments but courses list 1"), Invariants.violations(world));
    }
}
