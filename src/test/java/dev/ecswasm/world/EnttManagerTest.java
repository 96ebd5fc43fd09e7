package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.Components.StudentsOfCourse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EnttManagerTest {
    private final EnttManager world = new EnttManager();

    /** One edge, ends in the relation's order. */
    record Edge(int first, int second) {}

    /** A relation's edges in the order the world walks them. */
    private List<Edge> edges(Relation relation) {
        List<Edge> out = new ArrayList<>();
        world.forEachEdge(relation, (first, second) -> out.add(new Edge(first, second)));
        return out;
    }

    private static void assertRefused(Failure failure, String message, Outcome outcome) {
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome);
        assertEquals(failure, refused.failure());
        assertEquals(message, refused.message());
    }

    // ---------------------------------------------------------------- names

    @Test
    void namesAreAddedReplacedAndRemoved() {
        int e = world.createEntity();
        assertEquals(Optional.empty(), world.getName(e));
        assertTrue(world.addName(e, "Alice").ok());
        assertEquals(Optional.of("Alice"), world.getName(e));
        assertTrue(world.addName(e, "Alicia").ok());
        assertEquals(Optional.of("Alicia"), world.getName(e));
        assertTrue(world.removeName(e).ok());
        assertEquals(Optional.empty(), world.getName(e));
        assertRefused(Failure.NOT_FOUND, "entity 0 (index 0, version 0) has no name", world.removeName(e));
        assertRefused(Failure.BAD_ARGUMENT, "name is null", world.addName(e, null));
    }

    // ---------------------------------------------------------------- plain-data components

    @Test
    void plainDataComponentsAreSetReadAndRemoved() {
        int e = world.createEntity();
        assertTrue(world.setComponent(e, new Position(1, 2)).ok());
        assertTrue(world.setComponent(e, new Position(3, 4)).ok());
        assertEquals(Optional.of(new Position(3, 4)), world.getComponent(e, Position.class));
        assertTrue(world.removeComponent(e, Position.class).ok());
        assertEquals(Optional.empty(), world.getComponent(e, Position.class));
        assertRefused(Failure.NOT_FOUND, "entity 0 (index 0, version 0) has no Position",
                world.removeComponent(e, Position.class));
    }

    @Test
    void relationComponentsCannotBeSetOrRemovedBehindTheManagersBack() {
        int parent = world.createEntity();
        int child = world.createEntity();
        world.setParent(child, parent);
        WorldSnapshot before = WorldSnapshot.of(world);
        assertRefused(Failure.BAD_ARGUMENT, "ParentComponent is kept by the manager's own calls, not by setComponent",
                world.setComponent(child, new Components.ParentComponent(child)));
        assertRefused(Failure.BAD_ARGUMENT, "ChildrenOfParent is kept by the manager's own calls, not by removeComponent",
                world.removeComponent(parent, Components.ChildrenOfParent.class));
        assertRefused(Failure.BAD_ARGUMENT, "Name is kept by the manager's own calls, not by setComponent",
                world.setComponent(child, new Components.Name("x")));
        assertEquals(before, WorldSnapshot.of(world));
    }

    // ---------------------------------------------------------------- 1:1

    @Test
    void linkingIsSymmetric() {
        int player = world.createEntity();
        int profile = world.createEntity();
        assertTrue(world.linkPlayerProfile(player, profile).ok());
        assertEquals(OptionalInt.of(profile), world.getProfileForPlayer(player));
        assertEquals(OptionalInt.of(player), world.getPlayerForProfile(profile));
        assertEquals(OptionalInt.empty(), world.getProfileForPlayer(profile));
        assertTrue(world.linkPlayerProfile(player, profile).ok(), "linking the same pair again is a no-op");
        assertEquals(1, world.edgeCount(Relation.PLAYER_PROFILE));
    }

    @Test
    void relinkingEitherSideReplacesTheOldLinkOnBothSides() {
        int p1 = world.createEntity();
        int p2 = world.createEntity();
        int f1 = world.createEntity();
        int f2 = world.createEntity();
        world.linkPlayerProfile(p1, f1);
        world.linkPlayerProfile(p2, f2);
        world.linkPlayerProfile(p1, f2); // p1 leaves f1; f2 leaves p2
        assertEquals(OptionalInt.of(f2), world.getProfileForPlayer(p1));
        assertEquals(OptionalInt.of(p1), world.getPlayerForProfile(f2));
        assertEquals(OptionalInt.empty(), world.getPlayerForProfile(f1));
        assertEquals(OptionalInt.empty(), world.getProfileForPlayer(p2));
        assertEquals(List.of(new Edge(p1, f2)), edges(Relation.PLAYER_PROFILE));
        Invariants.require(world);
    }

    @Test
    void unlinkWorksFromEitherEnd() {
        int player = world.createEntity();
        int profile = world.createEntity();
        world.linkPlayerProfile(player, profile);
        assertTrue(world.unlinkPlayerProfile(profile).ok());
        assertEquals(OptionalInt.empty(), world.getProfileForPlayer(player));
        assertRefused(Failure.NOT_FOUND, "entity 0 (index 0, version 0) has no 1:1 link",
                world.unlinkPlayerProfile(player));
    }

    // ---------------------------------------------------------------- 1:N

    @Test
    void aChildHasOneParentAndMovesWhenReparented() {
        int a = world.createEntity();
        int b = world.createEntity();
        int child = world.createEntity();
        world.setParent(child, a);
        world.setParent(child, b);
        assertEquals(OptionalInt.of(b), world.getParent(child));
        assertArrayEquals(new int[0], world.findChildren(a));
        assertArrayEquals(new int[] {child}, world.findChildren(b));
        assertTrue(world.removeParent(child).ok());
        assertEquals(OptionalInt.empty(), world.getParent(child));
        assertArrayEquals(new int[0], world.findChildren(b));
        assertRefused(Failure.NOT_FOUND, "entity 2 (index 2, version 0) has no parent",
                world.removeParent(child));
        Invariants.require(world);
    }

    @Test
    void aCycleIsRefusedAndChangesNothing() {
        int root = world.createEntity();
        int mid = world.createEntity();
        int leaf = world.createEntity();
        world.setParent(mid, root);
        world.setParent(leaf, mid);
        WorldSnapshot before = WorldSnapshot.of(world);
        assertRefused(Failure.CYCLE, "entity 2 (index 2, version 0) descends from"
                + " 0 (index 0, version 0), so it cannot become its parent: that would close a cycle",
                world.setParent(root, leaf));
        assertRefused(Failure.SELF_LINK, "entity 1 (index 1, version 0) cannot be both child and"
                + " parent of one link", world.setParent(mid, mid));
        assertEquals(before, WorldSnapshot.of(world));
    }

    /** A child that is itself a parent may move anywhere except below itself; the walk up decides. */
    @Test
    void aSubtreeMovesUnderAnyEntityButItsOwnDescendants() {
        int root = world.createEntity();
        int a = world.createEntity();
        int a1 = world.createEntity();
        int b = world.createEntity();
        int other = world.createEntity();
        world.setParent(a, root);
        world.setParent(a1, a);
        world.setParent(b, root);
        assertSame(Outcome.DONE, world.setParent(a, b), "b is a's sibling, not its descendant");
        assertEquals(OptionalInt.of(b), world.getParent(a));
        assertArrayEquals(new int[] {b}, world.findChildren(root));
        assertSame(Outcome.DONE, world.setParent(a, other), "other is in no tree at all");
        assertSame(Outcome.DONE, world.setParent(other, b), "other's child a is not above b");
        assertRefused(Failure.CYCLE, "entity 2 (index 2, version 0) descends from 4 (index 4, version 0),"
                + " so it cannot become its parent: that would close a cycle", world.setParent(other, a1));
        assertArrayEquals(new int[] {a1}, world.findChildren(a));
        Invariants.require(world);
    }

    // ---------------------------------------------------------------- N:N

    @Test
    void enrollmentsAreKeptFromBothSides() {
        int s1 = world.createEntity();
        int s2 = world.createEntity();
        int math = world.createEntity();
        int art = world.createEntity();
        world.enroll(s1, math);
        world.enroll(s1, art);
        world.enroll(s2, math);
        assertTrue(world.enroll(s2, math).ok(), "enrolling twice is a no-op");
        assertArrayEquals(new int[] {math, art}, world.getCoursesForStudent(s1));
        assertArrayEquals(new int[] {s1, s2}, world.getStudentsForCourse(math));
        assertTrue(world.drop(s1, math).ok());
        assertArrayEquals(new int[] {art}, world.getCoursesForStudent(s1));
        assertArrayEquals(new int[] {s2}, world.getStudentsForCourse(math));
        assertRefused(Failure.NOT_FOUND, "student 0 (index 0, version 0) is not enrolled in course"
                + " 2 (index 2, version 0)", world.drop(s1, math));
        assertEquals(List.of(new Edge(s1, art), new Edge(s2, math)), edges(Relation.ENROLLMENT));
        Invariants.require(world);
    }

    // ---------------------------------------------------------------- whole relations

    @Test
    void forEachEdgeWalksEachRelationWithItsEndsInTheRelationsOrder() {
        int player = world.createEntity();
        int profile = world.createEntity();
        int c1 = world.createEntity();
        int c2 = world.createEntity();
        world.linkPlayerProfile(player, profile);
        world.setParent(c1, player);
        world.setParent(c2, player);
        world.enroll(c1, profile);
        world.enroll(c1, c2);
        world.enroll(c2, profile);
        assertEquals(List.of(new Edge(player, profile)), edges(Relation.PLAYER_PROFILE));
        assertEquals(List.of(new Edge(player, c1), new Edge(player, c2)), edges(Relation.PARENT_CHILD));
        assertEquals(List.of(new Edge(c1, profile), new Edge(c1, c2), new Edge(c2, profile)),
                edges(Relation.ENROLLMENT));
        for (Relation relation : Relation.values()) {
            assertEquals(edges(relation).size(), world.edgeCount(relation), relation.name());
        }
        assertEquals("relation", assertThrows(NullPointerException.class,
                () -> world.edgeCount(null)).getMessage());
        assertEquals("visitor", assertThrows(NullPointerException.class,
                () -> world.forEachEdge(Relation.ENROLLMENT, null)).getMessage());
    }

    // ---------------------------------------------------------------- outcomes

    /** A call that took effect, or had nothing to do, answers the one {@link Outcome#DONE}. */
    @Test
    void everySuccessfulCallAnswersDoneEvenWhenThereWasNothingToDo() {
        int a = world.createEntity();
        int b = world.createEntity();
        int c = world.createEntity();
        List<Supplier<Outcome>> calls = List.of(
                () -> world.addName(a, "a"),
                () -> world.removeName(a),
                () -> world.setComponent(a, new Position(1, 2)),
                () -> world.removeComponent(a, Position.class),
                () -> world.linkPlayerProfile(a, b),
                () -> world.linkPlayerProfile(a, b),
                () -> world.unlinkPlayerProfile(b),
                () -> world.setParent(b, a),
                () -> world.setParent(b, a),
                () -> world.removeParent(b),
                () -> world.enroll(b, c),
                () -> world.enroll(b, c),
                () -> world.drop(b, c),
                () -> world.destroyEntity(c));
        for (int i = 0; i < calls.size(); i++) {
            assertSame(Outcome.DONE, calls.get(i).get(), "call " + i);
        }
        assertEquals(List.of(), world.componentNames(a));
        assertEquals("Done", Outcome.DONE.toString());
    }

    @Test
    void aRefusalPrintsItsFailureAndMessageAndIsNotOk() {
        int e = world.createEntity();
        Outcome refused = world.removeName(e);
        assertFalse(refused.ok());
        assertEquals("Refused[NOT_FOUND: entity 0 (index 0, version 0) has no name]", refused.toString());
        assertRefused(Failure.BAD_ARGUMENT, "component is null", world.setComponent(e, null));
    }

    /** The argument's role leads the message, except for the plain "entity" role, which the reason already names. */
    @Test
    void aRefusedIdIsNamedByItsRole() {
        int stale = world.createEntity();
        int live = world.createEntity();
        world.destroyEntity(stale);
        world.createEntity(); // takes stale's slot
        String why = "entity 0 (index 0, version 0) is stale: slot 0 now holds 1048576 (index 0, version 1)";
        assertEquals(why, world.whyInvalid(stale), "the query says what the refusal says");
        assertRefused(Failure.INVALID_ENTITY, why, world.destroyEntity(stale));
        assertRefused(Failure.INVALID_ENTITY, why, world.addName(stale, "x"));
        assertRefused(Failure.INVALID_ENTITY, "child: " + why, world.removeParent(stale));
        assertRefused(Failure.INVALID_ENTITY, "parent: " + why, world.setParent(live, stale));
        assertRefused(Failure.INVALID_ENTITY, "course: " + why, world.enroll(live, stale));
        assertRefused(Failure.NULL_ENTITY, "profile is the null entity", world.linkPlayerProfile(live, EntityId.NULL));
    }

    /** The helpers behind the front print as themselves at a prompt, not as {@code Object@1a2b}. */
    @Test
    void theHelpersPrintWhatTheyAre() {
        var registry = world.registry();
        int e = world.createEntity();
        world.addName(e, "x");
        assertEquals("NameStore[1 name(s)]", new NameStore(registry, new ManagerLog()).toString());
        for (Object helper : List.of(new PlainDataStore(registry), new IdChecks(registry))) {
            String text = helper.toString();
            assertTrue(text.startsWith(helper.getClass().getSimpleName() + "[") && text.endsWith("]"), text);
        }
    }

    // ---------------------------------------------------------------- printing

    @Test
    void theWorldPrintsAsOneLineOfEntitiesEdgesAndPolicies() {
        assertEquals("EnttManager[0 entities; edges: PLAYER_PROFILE 0, PARENT_CHILD 0, ENROLLMENT 0;"
                + " policies: PLAYER_PROFILE=REMOVE, PARENT_CHILD=REMOVE, ENROLLMENT=REMOVE]", world.toString());
        int[] e = new int[5];
        for (int i = 0; i < e.length; i++) {
            e[i] = world.createEntity();
        }
        world.linkPlayerProfile(e[0], e[1]);
        world.setParent(e[2], e[0]);
        world.setParent(e[3], e[0]);
        world.enroll(e[2], e[4]);
        world.enroll(e[3], e[4]);
        world.enroll(e[3], e[1]);
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        assertEquals("EnttManager[5 entities; edges: PLAYER_PROFILE 1, PARENT_CHILD 2, ENROLLMENT 3;"
                + " policies: PLAYER_PROFILE=REMOVE, PARENT_CHILD=CASCADE, ENROLLMENT=REMOVE]", world.toString());
    }

    // ---------------------------------------------------------------- invalid ids

    @Test
    void everyMutationRefusesNullStaleAndNeverIssuedIdsAndChangesNothing() {
        int live = world.createEntity();
        int other = world.createEntity();
        int stale = world.createEntity();
        world.destroyEntity(stale);
        int reused = world.createEntity(); // takes stale's slot with a new version
        world.addName(live, "live");
        world.linkPlayerProfile(live, other);
        world.setParent(reused, live);
        world.enroll(live, reused);
        int neverIssued = EntityId.of(500, 0);
        int forged = EntityId.of(EntityId.index(live), 7);
        WorldSnapshot before = WorldSnapshot.of(world);
        for (int bad : new int[] {EntityId.NULL, stale, neverIssued, forged}) {
            Failure expected = bad == EntityId.NULL ? Failure.NULL_ENTITY : Failure.INVALID_ENTITY;
            List<Supplier<Outcome>> calls = List.of(
                    () -> world.destroyEntity(bad),
                    () -> world.addName(bad, "x"),
                    () -> world.removeName(bad),
                    () -> world.linkPlayerProfile(bad, other),
                    () -> world.linkPlayerProfile(other, bad),
                    () -> world.unlinkPlayerProfile(bad),
                    () -> world.setParent(bad, live),
                    () -> world.setParent(live, bad),
                    () -> world.removeParent(bad),
                    () -> world.enroll(bad, reused),
                    () -> world.enroll(live, bad),
                    () -> world.drop(bad, reused),
                    () -> world.drop(live, bad));
            for (Supplier<Outcome> call : calls) {
                Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, call.get());
                assertEquals(expected, refused.failure(), refused.message());
            }
            assertFalse(world.isEntityValid(bad));
            assertEquals(Optional.empty(), world.getName(bad));
            assertEquals(OptionalInt.empty(), world.getProfileForPlayer(bad));
            assertEquals(OptionalInt.empty(), world.getPlayerForProfile(bad));
            assertEquals(OptionalInt.empty(), world.getParent(bad));
            assertArrayEquals(new int[0], world.findChildren(bad));
            assertArrayEquals(new int[0], world.getCoursesForStudent(bad));
            assertArrayEquals(new int[0], world.getStudentsForCourse(bad));
            assertEquals(List.of(), world.componentNames(bad));
        }
        assertEquals(before, WorldSnapshot.of(world));
        assertRefused(Failure.INVALID_ENTITY, "player: entity 2 (index 2, version 0) is stale:"
                + " slot 2 now holds 1048578 (index 2, version 1)", world.linkPlayerProfile(stale, other));
        assertRefused(Failure.SELF_LINK, "entity 0 (index 0, version 0) cannot be both student and"
                + " course of one link", world.enroll(live, live));
        assertRefused(Failure.SELF_LINK, "entity 0 (index 0, version 0) cannot be both player and"
                + " profile of one link", world.linkPlayerProfile(live, live));
        assertEquals(before, WorldSnapshot.of(world));
    }

    // ---------------------------------------------------------------- cleanup on destroy (REMOVE)

    @Test
    void destroyingAPlayerUnlinksItsProfile() {
        int player = world.createEntity();
        int profile = world.createEntity();
        world.linkPlayerProfile(player, profile);
        assertTrue(world.destroyEntity(player).ok());
        assertTrue(world.isEntityValid(profile));
        assertEquals(OptionalInt.empty(), world.getPlayerForProfile(profile));
        assertEquals(List.of(), world.componentNames(profile));
        Invariants.require(world);
    }

    @Test
    void destroyingAProfileUnlinksItsPlayer() {
        int player = world.createEntity();
        int profile = world.createEntity();
        world.linkPlayerProfile(player, profile);
        world.destroyEntity(profile);
        assertEquals(OptionalInt.empty(), world.getProfileForPlayer(player));
        Invariants.require(world);
    }

    @Test
    void destroyingAParentOrphansItsChildrenAndAChildLeavesItsParent() {
        int parent = world.createEntity();
        int c1 = world.createEntity();
        int c2 = world.createEntity();
        int c3 = world.createEntity();
        world.setParent(c1, parent);
        world.setParent(c2, parent);
        world.setParent(c3, parent);
        world.destroyEntity(c2);
        assertArrayEquals(new int[] {c1, c3}, world.findChildren(parent));
        world.destroyEntity(parent);
        assertEquals(OptionalInt.empty(), world.getParent(c1));
        assertEquals(OptionalInt.empty(), world.getParent(c3));
        assertEquals(2, world.entityCount());
        Invariants.require(world);
    }

    @Test
    void destroyingAStudentOrACourseRemovesTheirEnrollments() {
        int s1 = world.createEntity();
        int s2 = world.createEntity();
        int math = world.createEntity();
        int art = world.createEntity();
        world.enroll(s1, math);
        world.enroll(s1, art);
        world.enroll(s2, math);
        world.destroyEntity(s1);
        assertArrayEquals(new int[] {s2}, world.getStudentsForCourse(math));
        assertArrayEquals(new int[0], world.getStudentsForCourse(art));
        world.destroyEntity(math);
        assertArrayEquals(new int[0], world.getCoursesForStudent(s2));
        assertEquals(List.of(), edges(Relation.ENROLLMENT));
        Invariants.require(world);
    }

    @Test
    void aCourseWithManyStudentsLosesOneInConstantTime() {
        int course = world.createEntity();
        int[] students = new int[5000];
        for (int i = 0; i < students.length; i++) {
            students[i] = world.createEntity();
            world.enroll(students[i], course);
        }
        EdgeList enrolled = world.storage(StudentsOfCourse.class).getOrNull(course).students();
        long before = enrolled.examined();
        world.destroyEntity(students[0]);
        world.destroyEntity(students[2500]);
        world.destroyEntity(students[4999]);
        long work = enrolled.examined() - before;
        assertTrue(work <= 3 * 32, "three removals from a course of 5000 looked at " + work + " ids or slots");
        assertEquals(4997, world.getStudentsForCourse(course).length);
        Invariants.require(world);
    }

    // ---------------------------------------------------------------- the log

    @Test
    void theLogPrintsTheSeedsLinesInOrder() {
        List<String> lines = new ArrayList<>();
        world.setLogSink(lines::add);
        int player = world.createEntity();
        int profile = world.createEntity();
        world.linkPlayerProfile(player, profile);
        world.unlinkPlayerProfile(player);
        world.setParent(profile, player);
        world.destroyEntity(player);
        assertEquals(List.of(
                "[EnttManager] Created entity: 0",
                "[EnttManager] Created entity: 1",
                "[EnttManager] Linked player 0 <-> profile 1",
                "[EnttManager] Unlinking 1:1 for entity 0",
                "[EnttManager] Set parent of 1 to 0",
                "[EnttManager] Destroying entity: 0",
                "[EnttManager::Cleanup] Cleaning relationships for entity 0...",
                "[EnttManager::Cleanup]   child 1 lost its parent 0",
                "[EnttManager::Cleanup] Finished cleaning for entity 0."), lines);
    }

    @Test
    void theLogIsSilentWithoutASink() {
        List<String> lines = new ArrayList<>();
        world.setLogSink(lines::add).setLogSink(null);
        world.createEntity();
        assertEquals(List.of(), lines);
    }
}
