package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Health;
import dev.ecswasm.world.Position;
import dev.ecswasm.world.Relation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DiffTest {
    private final EnttManager world = new EnttManager();

    /** Alice (0) and Bob (1) are children of the Guild (2) and both attend Math (3). */
    private int guild() {
        int alice = named("Alice");
        int bob = named("Bob");
        int guild = named("Guild");
        int math = named("Math");
        world.setParent(alice, guild);
        world.setParent(bob, guild);
        world.enroll(alice, math);
        world.enroll(bob, math);
        world.setComponent(alice, new Position(1, 2));
        return guild;
    }

    private int named(String name) {
        int id = world.createEntity();
        world.addName(id, name);
        return id;
    }

    @Test
    void destroyingTheGuildWithCascadeTakesItsChildrenTheirEdgesAndTheirEnrollments() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int guild = guild();
        Snapshot before = Snapshot.of(world);
        world.destroyEntity(guild);
        Diff diff = Diff.between(before, Snapshot.of(world));
        assertEquals(String.join("\n",
                "- destroyed 0 \"Alice\" {Position[x=1.0, y=2.0]}",
                "- destroyed 1 \"Bob\"",
                "- destroyed 2 \"Guild\"",
                "- edge PARENT_CHILD 2 -> 0 removed",
                "- edge PARENT_CHILD 2 -> 1 removed",
                "- edge ENROLLMENT 0 <-> 3 removed",
                "- edge ENROLLMENT 1 <-> 3 removed"), diff.toString());
        assertEquals(List.of(0, 1, 2), diff.destroyed().stream().map(Snapshot.Entity::id).toList());
        assertTrue(diff.born().isEmpty() && diff.components().isEmpty() && diff.edgesAdded().isEmpty());
    }

    @Test
    void withTheDefaultPolicyOnlyTheGuildGoesAndItsChildrenStay() {
        int guild = guild();
        Snapshot before = Snapshot.of(world);
        world.destroyEntity(guild);
        Diff diff = Diff.between(before, Snapshot.of(world));
        assertEquals(String.join("\n",
                "- destroyed 2 \"Guild\"",
                "- edge PARENT_CHILD 2 -> 0 removed",
                "- edge PARENT_CHILD 2 -> 1 removed"), diff.toString());
    }

    @Test
    void twoSnapshotsOfAnUnchangedWorldHaveNoChanges() {
        guild();
        Diff diff = Diff.between(Snapshot.of(world), Snapshot.of(world));
        assertTrue(diff.isEmpty());
        assertEquals("no changes", diff.toString());
        assertEquals(0, diff.table().rowCount());
        assertEquals(Snapshot.of(world), Snapshot.of(world), "a snapshot is a value");
    }

    @Test
    void componentsAddedRemovedAndChangedShowTheirValues() {
        int a = world.createEntity();
        world.setComponent(a, new Position(1, 2));
        world.setComponent(a, new Health(5));
        Snapshot before = Snapshot.of(world);
        world.setComponent(a, new Position(3, 2));
        world.removeComponent(a, Health.class);
        int b = world.createEntity();
        world.setComponent(b, new Health(7));
        Snapshot after = Snapshot.of(world);
        Diff diff = Diff.between(before, after);
        assertEquals(String.join("\n",
                "+ born 1 {Health[hp=7]}",
                "- 0 Health: Health[hp=5]",
                "~ 0 Position: Position[x=1.0, y=2.0] -> Position[x=3.0, y=2.0]"), diff.toString());
        Diff.ComponentChange moved = diff.components().get(1);
        assertEquals("changed", moved.kind());
        assertEquals(Optional.of(new Position(1, 2)), moved.before());
        assertEquals(Optional.of(new Position(3, 2)), moved.after());

        world.setComponent(a, new Health(1));
        assertEquals("+ 0 Health: Health[hp=1]", Diff.between(after, Snapshot.of(world)).toString());
    }

    @Test
    void namesGivenChangedAndRemovedAreNameChangesNotComponents() {
        int a = named("Ann");
        int b = world.createEntity();
        int c = named("Cy");
        Snapshot before = Snapshot.of(world);
        world.addName(a, "Anna");
        world.addName(b, "Bo");
        world.removeName(c);
        Diff diff = Diff.between(before, Snapshot.of(world));
        assertEquals(String.join("\n",
                "~ 0 name: \"Ann\" -> \"Anna\"",
                "~ 1 name: none -> \"Bo\"",
                "~ 2 name: \"Cy\" -> none"), diff.toString());
        assertTrue(diff.components().isEmpty());
    }

    @Test
    void edgesOfEveryRelationAddedAndRemovedAndAPolicySwitch() {
        int player = world.createEntity();
        int profile = world.createEntity();
        int other = world.createEntity();
        world.linkPlayerProfile(player, profile);
        world.enroll(player, other);
        Snapshot before = Snapshot.of(world);
        world.linkPlayerProfile(player, other); // unlinks the old profile
        world.drop(player, other);
        world.setParent(profile, player);
        world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        Diff diff = Diff.between(before, Snapshot.of(world));
        assertEquals(String.join("\n",
                "~ policy ENROLLMENT: REMOVE -> FORBID",
                "- edge PLAYER_PROFILE 0 <-> 1 removed",
                "- edge ENROLLMENT 0 <-> 2 removed",
                "+ edge PLAYER_PROFILE 0 <-> 2 added",
                "+ edge PARENT_CHILD 0 -> 1 added"), diff.toString());
        assertEquals(List.of(new Snapshot.Edge(Relation.PLAYER_PROFILE, 0, 2), new Snapshot.Edge(Relation.PARENT_CHILD, 0, 1)),
                diff.edgesAdded());
        assertEquals(List.of(new Diff.PolicyChange(Relation.ENROLLMENT, CleanupPolicy.REMOVE, CleanupPolicy.FORBID)),
                diff.policies());
    }

    @Test
    void aReusedSlotIsOneEntityDestroyedAndAnotherBorn() {
        int old = named("Old");
        Snapshot before = Snapshot.of(world);
        world.destroyEntity(old);
        named("New");
        assertEquals("- destroyed 0 \"Old\"\n+ born 1048576 \"New\"", Diff.between(before, Snapshot.of(world)).toString());
    }

    @Test
    void theTableHasOneRowPerChange() {
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        int guild = guild();
        Snapshot before = Snapshot.of(world);
        world.destroyEntity(guild);
        Table table = Diff.between(before, Snapshot.of(world)).table();
        assertEquals(List.of("change", "entity", "what", "before", "after"), table.columnNames());
        assertEquals(7, table.rowCount());
        assertEquals(List.of("destroyed", "0", "entity", "0 \"Alice\" {Position[x=1.0, y=2.0]}", ""),
                table.row(0).columnNames().stream().map(n -> table.stringColumn(n).get(0)).toList());
        assertEquals(List.of("edge removed", "2", "PARENT_CHILD", "2 -> 0", ""),
                table.columnNames().stream().map(n -> table.stringColumn(n).get(3)).toList());
    }

    @Test
    void aSnapshotPrintsItsEntitiesEdgesAndPolicies() {
        guild();
        Snapshot snapshot = Snapshot.of(world);
        assertEquals(String.join("\n",
                "Snapshot of 4 entities, 4 edges; policies PLAYER_PROFILE=REMOVE, PARENT_CHILD=REMOVE, ENROLLMENT=REMOVE",
                "  0 \"Alice\" {Position[x=1.0, y=2.0]}",
                "  1 \"Bob\"",
                "  2 \"Guild\"",
                "  3 \"Math\"",
                "  edge PARENT_CHILD 2 -> 0",
                "  edge PARENT_CHILD 2 -> 1",
                "  edge ENROLLMENT 0 <-> 3",
                "  edge ENROLLMENT 1 <-> 3"), snapshot.toString());
        assertEquals(Map.of("Position", new Position(1, 2)), snapshot.entity(0).orElseThrow().components());
        assertEquals(2, snapshot.edges(Relation.ENROLLMENT).size());
    }

    @Test
    void aComponentOfATypeTheSnapshotWasNotToldShowsAsUnknownUntilItIsTold() {
        record Score(int points) {}
        int a = world.createEntity();
        world.setComponent(a, new Score(3));
        assertEquals(Map.of("Score", "?"), Snapshot.of(world).entity(a).orElseThrow().components());
        assertEquals(Map.of("Score", new Score(3)),
                Snapshot.of(world, List.of(Score.class)).entity(a).orElseThrow().components());
    }

    @Test
    void aComponentChangeWithNeitherValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Diff.ComponentChange(0, "Health", Optional.empty(), Optional.empty()));
        assertEquals("a component change needs a value before or after", e.getMessage());
    }
}
