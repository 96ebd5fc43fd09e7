package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DestructionPlanTest {
    private final Registry registry = new Registry();
    private final ManagerLog log = new ManagerLog();
    private final ParentChildStore hierarchy = new ParentChildStore(registry, log);
    private final EnrollmentStore enrollments = new EnrollmentStore(registry, log);
    private final RelationStore[] stores = {new PlayerProfileStore(registry, log), hierarchy, enrollments};
    private final Policies policies = new Policies();

    private static List<Integer> cascade(DestructionPlan plan) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < plan.cascadeSize(); i++) {
            out.add(plan.cascadeMember(i));
        }
        return out;
    }

    @Test
    void underRemoveAPlanIsTheRootAlone() {
        int root = registry.create();
        hierarchy.setParent(registry.create(), root);
        DestructionPlan plan = DestructionPlan.of(root, policies, stores);
        assertEquals(List.of(), cascade(plan));
        assertEquals("DestructionPlan[destroy 0 alone]", plan.toString());
    }

    /** Every destroy makes a plan: for a root with no sources, one entity's worth, whatever its slot index. */
    @ParameterizedTest
    @EnumSource(CleanupPolicy.class)
    void theRootAlonesPlanCostsTheSameAtSlotAMillion(CleanupPolicy policy) {
        policies.set(Relation.PARENT_CHILD, policy);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int far = EntityId.of(1_000_000, 0); // never created: it has no sources, and planning reads nothing else of it
        DestructionPlan.of(far, policies, stores); // warm: class loading allocates too
        long before = threads.getCurrentThreadAllocatedBytes();
        DestructionPlan plan = DestructionPlan.of(far, policies, stores);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(List.of(), cascade(plan));
        assertFalse(plan.diesLater(registry, registry.create()), "no one else dies with the root alone");
        assertTrue(allocated < 1_000, "a set of slot indexes would cost 125 KB here; allocated " + allocated + " bytes");
    }

    @Test
    void aCascadeListsSourcesBeforeTheirTargets() {
        policies.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int root = registry.create();
        int a = registry.create();
        int b = registry.create();
        int a1 = registry.create();
        hierarchy.setParent(a, root);
        hierarchy.setParent(b, root);
        hierarchy.setParent(a1, a);
        DestructionPlan plan = DestructionPlan.of(root, policies, stores);
        assertEquals(root, plan.root());
        assertEquals(List.of(a1, b, a), cascade(plan));
        assertEquals("DestructionPlan[destroy 0 after 3, 2, 1]", plan.toString());
    }

    @Test
    void aLongCascadePrintsOnlyItsFirstMembers() {
        policies.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int root = registry.create();
        for (int at = root, depth = 0; depth < 20; depth++) {
            int child = registry.create();
            hierarchy.setParent(child, at);
            at = child;
        }
        assertEquals("DestructionPlan[destroy 0 after 20, 19, 18, 17, 16, 15, 14, 13, ... (20 in all)]",
                DestructionPlan.of(root, policies, stores).toString());
    }

    @Test
    void aCascadeOfExactlyEightIsPrintedWhole() {
        policies.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int root = registry.create();
        for (int at = root, depth = 0; depth < 8; depth++) {
            int child = registry.create();
            hierarchy.setParent(child, at);
            at = child;
        }
        assertEquals("DestructionPlan[destroy 0 after 8, 7, 6, 5, 4, 3, 2, 1]",
                DestructionPlan.of(root, policies, stores).toString());
    }

    /** An entity reached twice (here through two relations, and the root through a loop back) is planned once. */
    @Test
    void anEntityReachedTwiceIsPlannedOnceAndTheRootNeverJoinsItsCascade() {
        policies.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        policies.set(Relation.ENROLLMENT, CleanupPolicy.CASCADE);
        int root = registry.create();
        int course = registry.create();
        int student = registry.create();
        hierarchy.setParent(course, root);
        hierarchy.setParent(student, root);
        enrollments.enroll(student, course); // student: root's child and course's student
        enrollments.enroll(root, student);   // root: a student of its own child, so a source of it
        DestructionPlan plan = DestructionPlan.of(root, policies, stores);
        assertEquals(List.of(student, course), cascade(plan));
        assertEquals("DestructionPlan[destroy 0 after 2, 1]", plan.toString());
    }

    @Test
    void onlyCascadeRelationsGrowThePlanAndOnlyForbidRelationsVetoIt() {
        policies.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        policies.set(Relation.PLAYER_PROFILE, CleanupPolicy.FORBID); // with no links: the check runs, finds nothing
        int root = registry.create();
        int child = registry.create();
        int student = registry.create();
        hierarchy.setParent(child, root);
        enrollments.enroll(student, root); // ENROLLMENT is REMOVE: the student neither goes nor vetoes
        assertEquals(List.of(child), cascade(DestructionPlan.of(root, policies, stores)));
    }

    @Test
    void aForbidSourceInsideThePlanDoesNotVetoIt() {
        policies.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        policies.set(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        int root = registry.create();
        int course = registry.create();
        int student = registry.create();
        hierarchy.setParent(course, root);
        hierarchy.setParent(student, root);
        enrollments.enroll(student, course); // the course's student goes with it
        assertEquals(List.of(student, course), cascade(DestructionPlan.of(root, policies, stores)));
    }

    @Test
    void aForbidOutsideThePlanVetoesIt() {
        policies.set(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        int course = registry.create();
        int student = registry.create();
        enrollments.enroll(student, course);
        DestroyRefusedException refused = assertThrows(DestroyRefusedException.class,
                () -> DestructionPlan.of(course, policies, stores));
        assertEquals("cannot destroy entity 0 (index 0, version 0): 1 (index 1, version 0)"
                + " is its student in ENROLLMENT, whose policy is FORBID", refused.getMessage());
        assertEquals("DestructionPlan[destroy 1 alone]", DestructionPlan.of(student, policies, stores).toString());
    }
}
