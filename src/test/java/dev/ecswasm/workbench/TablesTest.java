package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.world.Components.Name;
import dev.ecswasm.world.EnttManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TablesTest {
    private final EnttManager world = new EnttManager();

    @Test
    void theEntityTableShowsIdsWithTheirPartsNameAndComponents() {
        int alice = world.createEntity();
        int profile = world.createEntity();
        world.addName(alice, "Alice");
        world.linkPlayerProfile(alice, profile);
        Table table = Tables.entities(world);
        assertEquals(List.of("id", "index", "version", "valid", "name", "components"), table.columnNames());
        assertEquals(2, table.rowCount());
        assertEquals("0", table.stringColumn("id").get(0));
        assertEquals("Alice", table.stringColumn("name").get(0));
        assertEquals("Name, PlayerRelation", table.stringColumn("components").get(0));
        assertEquals("PlayerOfProfile", table.stringColumn("components").get(1));
    }

    @Test
    void aStaleIdShowsAsInvalidBesideItsSuccessor() {
        int old = world.createEntity();
        world.destroyEntity(old);
        int reused = world.createEntity();
        Table table = Tables.entities(world, old, reused);
        assertEquals(List.of(false, true), List.of(table.booleanColumn("valid").get(0), table.booleanColumn("valid").get(1)));
        assertEquals(List.of(0, 1), List.of(table.intColumn("version").get(0), table.intColumn("version").get(1)));
        assertEquals(List.of(0, 0), List.of(table.intColumn("index").get(0), table.intColumn("index").get(1)));
        assertEquals("1048576", table.stringColumn("id").get(1), "index 0, version 1 as the guest sees it");
    }

    @Test
    void relationTablesListEveryEdgeWithNames() {
        int parent = world.createEntity();
        int child = world.createEntity();
        int course = world.createEntity();
        world.addName(parent, "P");
        world.addName(child, "C");
        world.setParent(child, parent);
        world.enroll(child, course);
        world.linkPlayerProfile(parent, course);
        Table tree = Tables.parentChild(world);
        assertEquals(List.of("parent", "parent name", "child", "child name"), tree.columnNames());
        assertEquals(List.of("0", "P", "1", "C"), List.of(tree.getString(0, 0), tree.getString(0, 1),
                tree.getString(0, 2), tree.getString(0, 3)));
        assertEquals(1, Tables.enrollments(world).rowCount());
        assertEquals("2", Tables.enrollments(world).getString(0, "course"));
        assertEquals("2", Tables.playerProfiles(world).getString(0, "profile"));
    }

    @Test
    void theSparseSetTableShowsBothArraysSideBySide() {
        int a = world.createEntity();
        int b = world.createEntity();
        int c = world.createEntity();
        world.addName(c, "c");
        world.addName(a, "a");
        world.destroyEntity(b);
        Table table = Tables.sparseSet(world.storage(Name.class));
        assertEquals("Storage<Name>: size 2, 1 sparse page(s)", table.name());
        assertEquals(3, table.rowCount(), "rows run to the highest slot index in the set");
        assertEquals(List.of("1", "-", "0"), table.stringColumn("sparse[i]").asList());
        assertEquals(List.of("2", "0", "-"), table.stringColumn("packed[i]").asList());
        assertEquals(List.of("Name[value=c]", "Name[value=a]", "-"), table.stringColumn("values[i]").asList());
    }

    @Test
    void theSparseSetTableIsBounded() {
        for (int i = 0; i < 100; i++) {
            world.addName(world.createEntity(), "e" + i);
        }
        assertEquals(Tables.SPARSE_ROWS, Tables.sparseSet(world.storage(Name.class)).rowCount());
        assertEquals(100, Tables.sparseSet(world.storage(Name.class), 1000).rowCount());
    }
}
