package dev.ecswasm.workbench;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.Relation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What changed between two {@link Snapshot}s: entities born and destroyed, names and component values
 * changed, relation edges added and removed, cleanup policies switched. A destroyed entity's name and
 * components go with it (its line shows them); its edges are listed, since they are what cleanup did.
 */
public record Diff(List<Snapshot.Entity> born, List<Snapshot.Entity> destroyed, List<NameChange> names,
                   List<ComponentChange> components, List<Snapshot.Edge> edgesAdded,
                   List<Snapshot.Edge> edgesRemoved, List<PolicyChange> policies) implements Showable {

    /** An entity alive in both snapshots whose name was given, changed or removed. */
    public record NameChange(int entity, Optional<String> before, Optional<String> after) {
        /** E.g. {@code ~ 0 name: "Ann" -> "Anna"}; a missing name prints as {@code none}. */
        @Override
        public String toString() {
            return "~ " + EntityId.toString(entity) + " name: " + quoted(before) + " -> " + quoted(after);
        }
    }

    /** A component of an entity alive in both snapshots: added (no before), removed (no after) or changed. */
    public record ComponentChange(int entity, String type, Optional<Object> before, Optional<Object> after) {
        public ComponentChange {
            if (before.isEmpty() && after.isEmpty()) {
                throw new IllegalArgumentException("a component change needs a value before or after");
            }
        }

        /** {@code added}, {@code removed} or {@code changed}. */
        public String kind() {
            return before.isEmpty() ? "added" : after.isEmpty() ? "removed" : "changed";
        }

        /** E.g. {@code ~ 0 Position: Position[x=1.0, y=2.0] -> Position[x=3.0, y=2.0]}, {@code + 0 Health: Health[hp=9]}. */
        @Override
        public String toString() {
            String head = EntityId.toString(entity) + " " + type + ": ";
            switch (kind()) {
                case "added":
                    return "+ " + head + after.get();
                case "removed":
                    return "- " + head + before.get();
                default:
                    return "~ " + head + before.get() + " -> " + after.get();
            }
        }
    }

    /** A relation whose cleanup policy was switched. */
    public record PolicyChange(Relation relation, CleanupPolicy before, CleanupPolicy after) {
        /** E.g. {@code ~ policy PARENT_CHILD: REMOVE -> CASCADE}. */
        @Override
        public String toString() {
            return "~ policy " + relation + ": " + before + " -> " + after;
        }
    }

    public Diff {
        born = List.copyOf(born);
        destroyed = List.copyOf(destroyed);
        names = List.copyOf(names);
        components = List.copyOf(components);
        edgesAdded = List.copyOf(edgesAdded);
        edgesRemoved = List.copyOf(edgesRemoved);
        policies = List.copyOf(policies);
    }

    /** What changed from {@code before} to {@code after}. */
    public static Diff between(Snapshot before, Snapshot after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<Integer, Snapshot.Entity> was = byId(before);
        Map<Integer, Snapshot.Entity> is = byId(after);
        List<NameChange> names = new ArrayList<>();
        List<ComponentChange> components = new ArrayList<>();
        for (Snapshot.Entity old : before.entities()) {
            Snapshot.Entity now = is.get(old.id());
            if (now == null) {
                continue;
            }
            if (!old.name().equals(now.name())) {
                names.add(new NameChange(old.id(), old.name(), now.name()));
            }
            Set<String> types = new TreeSet<>(old.components().keySet());
            types.addAll(now.components().keySet());
            for (String type : types) {
                Optional<Object> a = Optional.ofNullable(old.components().get(type));
                Optional<Object> b = Optional.ofNullable(now.components().get(type));
                if (!a.equals(b)) {
                    components.add(new ComponentChange(old.id(), type, a, b));
                }
            }
        }
        List<PolicyChange> policies = new ArrayList<>();
        for (Relation relation : Relation.values()) {
            CleanupPolicy a = before.policies().get(relation);
            CleanupPolicy b = after.policies().get(relation);
            if (a != b) {
                policies.add(new PolicyChange(relation, a, b));
            }
        }
        return new Diff(
                after.entities().stream().filter(e -> !was.containsKey(e.id())).toList(),
                before.entities().stream().filter(e -> !is.containsKey(e.id())).toList(),
                names, components, minus(after.edges(), before.edges()), minus(before.edges(), after.edges()),
                policies);
    }

    /** True if the two snapshots hold the same world. */
    public boolean isEmpty() {
        return born.isEmpty() && destroyed.isEmpty() && names.isEmpty() && components.isEmpty()
                && edgesAdded.isEmpty() && edgesRemoved.isEmpty() && policies.isEmpty();
    }

    /** Every change as one line, in the order {@link #toString()} prints them. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        policies.forEach(p -> lines.add(p.toString()));
        destroyed.forEach(e -> lines.add("- destroyed " + e));
        born.forEach(e -> lines.add("+ born " + e));
        names.forEach(n -> lines.add(n.toString()));
        components.forEach(c -> lines.add(c.toString()));
        edgesRemoved.forEach(e -> lines.add("- edge " + e + " removed"));
        edgesAdded.forEach(e -> lines.add("+ edge " + e + " added"));
        return lines;
    }

    /** One row per change: change, entity, what, before, after. */
    public Table table() {
        Rows rows = new Rows();
        policies.forEach(p -> rows.add("policy", "", p.relation().toString(), p.before().toString(), p.after().toString()));
        destroyed.forEach(e -> rows.add("destroyed", id(e.id()), "entity", e.toString(), ""));
        born.forEach(e -> rows.add("born", id(e.id()), "entity", "", e.toString()));
        names.forEach(n -> rows.add("renamed", id(n.entity()), "name", quoted(n.before()), quoted(n.after())));
        components.forEach(c -> rows.add(c.kind(), id(c.entity()), c.type(),
                c.before().map(String::valueOf).orElse(""), c.after().map(String::valueOf).orElse("")));
        edgesRemoved.forEach(e -> rows.add("edge removed", id(e.first()), e.relation().toString(), e.ends(), ""));
        edgesAdded.forEach(e -> rows.add("edge added", id(e.first()), e.relation().toString(), "", e.ends()));
        return rows.table();
    }

    /** One line per change, or {@code no changes}. */
    @Override
    public String toString() {
        return isEmpty() ? "no changes" : String.join("\n", lines());
    }

    private static Map<Integer, Snapshot.Entity> byId(Snapshot snapshot) {
        return snapshot.entities().stream().collect(Collectors.toMap(Snapshot.Entity::id, Function.identity()));
    }

    /** The edges of {@code from} that {@code without} lacks, in {@code from}'s order. */
    private static List<Snapshot.Edge> minus(List<Snapshot.Edge> from, List<Snapshot.Edge> without) {
        Set<Snapshot.Edge> gone = new LinkedHashSet<>(from);
        gone.removeAll(new LinkedHashSet<>(without));
        return List.copyOf(gone);
    }

    private static String id(int entity) {
        return EntityId.toString(entity);
    }

    private static String quoted(Optional<String> name) {
        return name.map(n -> "\"" + n + "\"").orElse("none");
    }

    /** The table's columns, filled a row at a time. */
    private static final class Rows {
        private final StringColumn change = StringColumn.create("change");
        private final StringColumn entity = StringColumn.create("entity");
        private final StringColumn what = StringColumn.create("what");
        private final StringColumn before = StringColumn.create("before");
        private final StringColumn after = StringColumn.create("after");

        void add(String c, String e, String w, String b, String a) {
            change.append(c);
            entity.append(e);
            what.append(w);
            before.append(Cells.clip(b, Cells.MAX_TEXT));
            after.append(Cells.clip(a, Cells.MAX_TEXT));
        }

        Table table() {
            return Table.create("Diff", change, entity, what, before, after);
        }
    }
}
