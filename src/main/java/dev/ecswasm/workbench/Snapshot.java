package dev.ecswasm.workbench;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.Components;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Health;
import dev.ecswasm.world.Position;
import dev.ecswasm.world.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A world frozen as a value: its live entities with their names and plain-data components, every
 * relation's edges, and the cleanup policies. Taking one changes nothing; {@link Diff#between} compares
 * two. Relations show as edges and names as the entity's name, not as the components that store them.
 */
public record Snapshot(List<Entity> entities, List<Edge> edges, Map<Relation, CleanupPolicy> policies) {
    /** What a value looks like when the snapshot was not told the component's type. */
    public static final String UNKNOWN_VALUE = "?";

    private static final int MAX_LINES_SHOWN = 20; // a toString is for a prompt, not a whole world
    private static final Comparator<Integer> BY_INDEX = Comparator.comparingInt(EntityId::index);
    private static final List<Class<?>> PLAIN_DATA = List.of(Position.class, Health.class);
    // Bookkeeping the manager keeps as components: shown as the name and as edges instead.
    private static final Set<String> KEPT_BY_THE_MANAGER = Set.of(Components.Name.class.getSimpleName(),
            Components.PlayerRelation.class.getSimpleName(), Components.PlayerOfProfile.class.getSimpleName(),
            Components.ParentComponent.class.getSimpleName(), Components.ChildrenOfParent.class.getSimpleName(),
            Components.CoursesAttended.class.getSimpleName(), Components.StudentsOfCourse.class.getSimpleName());

    /** One live entity: its id, its name if it has one, and its components by type name (sorted). */
    public record Entity(int id, Optional<String> name, Map<String, Object> components) {
        public Entity {
            Objects.requireNonNull(name, "name");
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }

        /** E.g. {@code 2 "Guild" {Health[hp=3]}}; no braces without components. */
        @Override
        public String toString() {
            String values = components.values().stream().map(String::valueOf).collect(Collectors.joining(", "));
            return EntityId.toString(id) + name.map(n -> " \"" + n + "\"").orElse("")
                    + (components.isEmpty() ? "" : " {" + values + "}");
        }
    }

    /** One edge of a relation, ends in the relation's order: (player, profile), (parent, child), (student, course). */
    public record Edge(Relation relation, int first, int second) {
        public Edge {
            Objects.requireNonNull(relation, "relation");
        }

        /** The two ends, e.g. {@code 2 -> 0} for a parent and its child, {@code 4 <-> 5} for the other relations. */
        public String ends() {
            return EntityId.toString(first) + (relation == Relation.PARENT_CHILD ? " -> " : " <-> ")
                    + EntityId.toString(second);
        }

        /** E.g. {@code PARENT_CHILD 2 -> 0}. */
        @Override
        public String toString() {
            return relation + " " + ends();
        }
    }

    public Snapshot {
        entities = List.copyOf(entities);
        edges = List.copyOf(edges);
        policies = Collections.unmodifiableMap(new EnumMap<>(policies));
    }

    /** The world as it is now; the values of {@link Position} and {@link Health} are kept. */
    public static Snapshot of(EnttManager world) {
        return of(world, List.of());
    }

    /**
     * As {@link #of(EnttManager)}, also keeping the values of components of the given types (a record of
     * an exercise's own); a component of a type it was not told shows as {@value #UNKNOWN_VALUE}.
     */
    public static Snapshot of(EnttManager world, List<Class<?>> moreTypes) {
        Objects.requireNonNull(world, "world");
        Map<String, Class<?>> known = new LinkedHashMap<>();
        for (Class<?> type : PLAIN_DATA) {
            known.put(type.getSimpleName(), type);
        }
        for (Class<?> type : moreTypes) {
            known.put(Objects.requireNonNull(type, "type").getSimpleName(), type);
        }
        List<Entity> entities = new ArrayList<>();
        for (int id : Arrays.stream(world.entities()).boxed().sorted(BY_INDEX).toList()) {
            Map<String, Object> components = new LinkedHashMap<>();
            world.componentNames(id).stream().filter(n -> !KEPT_BY_THE_MANAGER.contains(n)).sorted().forEach(n -> {
                Class<?> type = known.get(n);
                components.put(n, type == null ? UNKNOWN_VALUE
                        : world.getComponent(id, type).map(Object.class::cast).orElse(UNKNOWN_VALUE));
            });
            entities.add(new Entity(id, world.getName(id), components));
        }
        List<Edge> edges = new ArrayList<>();
        Map<Relation, CleanupPolicy> policies = new EnumMap<>(Relation.class);
        for (Relation relation : Relation.values()) {
            world.forEachEdge(relation, (first, second) -> edges.add(new Edge(relation, first, second)));
            policies.put(relation, world.policy(relation));
        }
        return new Snapshot(entities, edges, policies);
    }

    /** The live entity with this id, if the snapshot holds it. */
    public Optional<Entity> entity(int id) {
        return entities.stream().filter(e -> e.id() == id).findFirst();
    }

    /** The edges of one relation, in the world's order. */
    public List<Edge> edges(Relation relation) {
        return edges.stream().filter(e -> e.relation() == relation).toList();
    }

    /** A header line, then one line per entity and per edge (at most twenty of each). */
    @Override
    public String toString() {
        StringJoiner policyText = new StringJoiner(", ");
        policies.forEach((relation, policy) -> policyText.add(relation + "=" + policy));
        StringBuilder out = new StringBuilder("Snapshot of ").append(entities.size())
                .append(entities.size() == 1 ? " entity, " : " entities, ").append(edges.size())
                .append(edges.size() == 1 ? " edge" : " edges").append("; policies ").append(policyText);
        appendLines(out, entities, "");
        appendLines(out, edges, "edge ");
        return out.toString();
    }

    private static void appendLines(StringBuilder out, List<?> items, String prefix) {
        for (int i = 0; i < Math.min(items.size(), MAX_LINES_SHOWN); i++) {
            out.append("\n  ").append(prefix).append(items.get(i));
        }
        if (items.size() > MAX_LINES_SHOWN) {
            out.append("\n  ... ").append(items.size() - MAX_LINES_SHOWN).append(" more");
        }
    }
}
