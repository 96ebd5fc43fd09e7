package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.ecs.Registry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three stores on a bare registry, through the one interface the manager's cleanup uses. */
class RelationStoreTest {
    private final Registry registry = new Registry();
    private final List<String> lines = new ArrayList<>();
    private final ManagerLog log = new ManagerLog();
    private final PlayerProfileStore players = new PlayerProfileStore(registry, log);
    private final ParentChildStore hierarchy = new ParentChildStore(registry, log);
    private final EnrollmentStore enrollments = new EnrollmentStore(registry, log);
    private final RelationStore[] stores = {players, hierarchy, enrollments};

    private List<String> edges(RelationStore store) {
        List<String> out = new ArrayList<>();
        store.forEachEdge((first, second) -> out.add(first + "->" + second));
        return out;
    }

    /** The plan of a destroy with no cascade: the entity alone. */
    private DestructionPlan alone(int entity) {
        return DestructionPlan.of(entity, new Policies(), stores);
    }

    @Test
    void aChildLeavesItsParentsListUnlessThePlanDestroysTheParentLater() {
        int grandparent = registry.create();
        int parent = registry.create();
        int doomed = registry.create();
        int spared = registry.create();
        hierarchy.setParent(parent, grandparent);
        hierarchy.setParent(doomed, parent);
        hierarchy.setParent(spared, parent);
        Policies cascade = new Policies();
        cascade.set(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        DestructionPlan plan = DestructionPlan.of(parent, cascade, stores);
        assertTrue(plan.diesLater(registry, parent));
        assertTrue(plan.diesLater(registry, doomed));
        assertFalse(plan.diesLater(registry, grandparent), "outside the plan");

        hierarchy.forget(doomed, plan); // the parent dies later in this plan: its list goes with it
        assertArrayEquals(new int[] {doomed, spared}, hierarchy.childrenOf(parent), "left to the parent");
        hierarchy.forget(doomed, alone(doomed)); // no cascade: the parent lives on
        assertArrayEquals(new int[] {spared}, hierarchy.childrenOf(parent));
        hierarchy.forget(parent, plan); // the grandparent is outside the plan: the parent leaves it
        assertArrayEquals(new int[0], hierarchy.childrenOf(grandparent));
        assertFalse(registry.has(spared, Components.ParentComponent.class), "a live child loses its dying parent");
    }

    @Test
    void aDyingParentPassesOverChildrenThatDiedBeforeIt() {
        int parent = registry.create();
        int early = registry.create();
        int late = registry.create();
        hierarchy.setParent(early, parent);
        hierarchy.setParent(late, parent);
        registry.destroy(early); // as a cascade does after forget(early, plan) left the edge for the parent
        hierarchy.forget(parent, alone(parent)); // no remove on the dead id, which would throw
        assertFalse(registry.has(late, Components.ParentComponent.class));
        assertTrue(registry.valid(late));
    }

    @Test
    void theSourcesOfAnEntityAreTheEntitiesWhoseEdgePointsAtIt() {
        int a = registry.create();
        int b = registry.create();
        int c = registry.create();
        players.link(a, b);
        hierarchy.setParent(b, a);
        hierarchy.setParent(c, a);
        enrollments.enroll(a, c);
        assertArrayEquals(new int[] {b}, players.sourcesOf(a), "a player's profile");
        assertArrayEquals(new int[0], players.sourcesOf(b));
        assertArrayEquals(new int[] {b, c}, hierarchy.sourcesOf(a), "a parent's children");
        assertArrayEquals(new int[0], hierarchy.sourcesOf(b));
        assertArrayEquals(new int[] {a}, enrollments.sourcesOf(c), "a course's students");
        assertArrayEquals(new int[0], enrollments.sourcesOf(a));
    }

    @Test
    void forgettingAnEntityRemovesEveryEdgeThatNamesItAndLogsEach() {
        int student = registry.create();
        int math = registry.create();
        int art = registry.create();
        enrollments.enroll(student, math);
        enrollments.enroll(student, art);
        enrollments.enroll(art, math);
        log.setSink(lines::add);
        RelationStore store = enrollments;
        store.forget(math, alone(math));
        assertEquals(List.of("[EnttManager::Cleanup]   removed course 1 from 2 student(s)"), lines);
        assertEquals(List.of("0->2"), edges(store), "no student lists math any more");
        assertArrayEquals(new int[] {art}, enrollments.coursesOf(student));
        assertArrayEquals(new int[0], enrollments.coursesOf(art));
        assertTrue(registry.has(math, Components.StudentsOfCourse.class), "math's own list is the registry's to remove");
    }

    /** The manager refuses a self-link before the store sees it; the store's own cycle check refuses it too. */
    @Test
    void theHierarchyStoreOnItsOwnNeverMakesAnEntityItsOwnParent() {
        int lone = registry.create();
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, hierarchy.setParent(lone, lone));
        assertEquals(Failure.CYCLE, refused.failure());
        assertEquals(0, hierarchy.edgeCount());
        assertEquals(List.of(), registry.componentTypes(lone));
    }

    @Test
    void storesCountTheirEdgesAndPrintThemselves() {
        int a = registry.create();
        int b = registry.create();
        int c = registry.create();
        players.link(a, b);
        hierarchy.setParent(b, a);
        hierarchy.setParent(c, a);
        enrollments.enroll(b, a);
        enrollments.enroll(c, a);
        enrollments.enroll(c, b);
        assertEquals(List.of(1, 2, 3), List.of(players.edgeCount(), hierarchy.edgeCount(), enrollments.edgeCount()));
        assertEquals("PlayerProfileStore[1 link(s)]", players.toString());
        assertEquals("ParentChildStore[2 edge(s) under 1 parent(s)]", hierarchy.toString());
        assertEquals("EnrollmentStore[3 enrollment(s) of 2 student(s) in 2 course(s)]", enrollments.toString());
        assertEquals(List.of(Relation.PLAYER_PROFILE, Relation.PARENT_CHILD, Relation.ENROLLMENT),
                List.of(players.relation(), hierarchy.relation(), enrollments.relation()));
    }
}
