package dev.ecswasm.workbench;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Renders a world as Tablesaw {@link Table}s: the entities, each relation, and one storage's sparse
 * set. Ids appear as unsigned decimals, as the guest and the log see them; the entity table adds
 * their index and version.
 */
public final class Tables {
    /** How many rows {@link #sparseSet(Storage)} shows unless told otherwise. */
    public static final int SPARSE_ROWS = 32;

    private Tables() {}

    /** One row per live entity: id, index, version, valid, name, components. */
    public static Table entities(EnttManager world) {
        return entities(world, world.entities());
    }

    /** One row per given id, live or not: a stale id shows {@code valid = false}. */
    public static Table entities(EnttManager world, int... ids) {
        StringColumn id = StringColumn.create("id");
        IntColumn index = IntColumn.create("index");
        IntColumn version = IntColumn.create("version");
        BooleanColumn valid = BooleanColumn.create("valid");
        StringColumn name = StringColumn.create("name");
        StringColumn components = StringColumn.create("components");
        for (int entity : ids) {
            id.append(EntityId.toString(entity));
            index.append(EntityId.index(entity));
            version.append(EntityId.version(entity));
            valid.append(world.isEntityValid(entity));
            name.append(world.getName(entity).orElse(""));
            components.append(String.join(", ", world.componentNames(entity)));
        }
        return Table.create("Entities", id, index, version, valid, name, components);
    }

    /** The 1:1 links: player and profile, with names. */
    public static Table playerProfiles(EnttManager world) {
        return edges(world, Relation.PLAYER_PROFILE, "Player <-> Profile (1:1)");
    }

    /** The 1:N edges: parent and child, with names. */
    public static Table parentChild(EnttManager world) {
        return edges(world, Relation.PARENT_CHILD, "Parent -> Child (1:N)");
    }

    /** The N:N edges: student and course, with names. */
    public static Table enrollments(EnttManager world) {
        return edges(world, Relation.ENROLLMENT, "Student <-> Course (N:N)");
    }

    /** The entity table and the three relation tables, printed in full: the whole world as text. */
    public static String describe(EnttManager world) {
        return entities(world).printAll() + "\n" + playerProfiles(world).printAll() + "\n"
                + parentChild(world).printAll() + "\n" + enrollments(world).printAll() + "\n";
    }

    /** A storage's sparse set, the first {@value #SPARSE_ROWS} rows. */
    public static Table sparseSet(Storage<?> storage) {
        return sparseSet(storage, SPARSE_ROWS);
    }

    /**
     * A storage's sparse set as three arrays side by side: {@code sparse[i]} is where slot {@code i}'s
     * entity sits in {@code packed} ("-" if absent), and {@code values[i]} belongs to {@code packed[i]}.
     * Rows run up to the larger of the highest slot index in the set and its size, at most
     * {@code maxRows}.
     */
    public static Table sparseSet(Storage<?> storage, int maxRows) {
        int rows = storage.size();
        for (int i = 0; i < storage.size(); i++) {
            rows = Math.max(rows, EntityId.index(storage.entityAt(i)) + 1);
        }
        rows = Math.min(rows, maxRows);
        IntColumn i = IntColumn.create("i");
        StringColumn sparse = StringColumn.create("sparse[i]");
        StringColumn packed = StringColumn.create("packed[i]");
        StringColumn values = StringColumn.create("values[i]");
        for (int row = 0; row < rows; row++) {
            int position = storage.sparseEntry(row);
            i.append(row);
            sparse.append(position >= 0 ? Integer.toString(position) : "-");
            packed.append(row < storage.size() ? EntityId.toString(storage.entityAt(row)) : "-");
            values.append(row < storage.size() ? String.valueOf(storage.valueAt(row)) : "-");
        }
        return Table.create("Storage<" + storage.type().getSimpleName() + ">: size " + storage.size()
                + ", " + storage.pageCount() + " sparse page(s)", i, sparse, packed, values);
    }

    /** One row per edge, by the first end's slot index, then in the order the world keeps its edges. */
    private static Table edges(EnttManager world, Relation relation, String title) {
        List<int[]> rows = new ArrayList<>();
        world.forEachEdge(relation, (first, second) -> rows.add(new int[] {first, second}));
        rows.sort(Comparator.comparingInt(row -> EntityId.index(row[0]))); // stable: keeps each owner's order
        Edges edges = new Edges(title, relation.first(), relation.second());
        for (int[] row : rows) {
            edges.add(world, row[0], row[1]);
        }
        return edges.table();
    }

    /** Builds a two-ended edge table: ids and names of both ends. */
    private static final class Edges {
        private final String title;
        private final StringColumn from;
        private final StringColumn fromName;
        private final StringColumn to;
        private final StringColumn toName;

        Edges(String title, String fromRole, String toRole) {
            this.title = title;
            this.from = StringColumn.create(fromRole);
            this.fromName = StringColumn.create(fromRole + " name");
            this.to = StringColumn.create(toRole);
            this.toName = StringColumn.create(toRole + " name");
        }

        void add(EnttManager world, int a, int b) {
            from.append(EntityId.toString(a));
            fromName.append(world.getName(a).orElse(""));
            to.append(EntityId.toString(b));
            toName.append(world.getName(b).orElse(""));
        }

        Table table() {
            return Table.create(title, from, fromName, to, toName);
        }
    }
}
