package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.RegistryProbe;
import dev.ecswasm.world.Components.Name;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Everything a world holds, as values: two equal snapshots mean nothing changed. It records the
 * slots and the order in which the next creates will reuse free ones, each relation's cleanup policy,
 * and per live entity (with its version) every component with its value, plus each relation as the
 * manager's queries answer it. Taking one changes nothing, and {@link #toString()} prints one line
 * per entity, so a failed {@code assertEquals(before, after)} shows what moved.
 */
public record WorldSnapshot(int slots, List<String> nextIds, Map<Relation, CleanupPolicy> policies,
                            List<Entity> entities) {

    /** One live entity: its components (type and value, in storage order) and its relations. */
    public record Entity(String id, List<String> components, String parent, List<String> children,
                         String profile, String player, List<String> courses, List<String> students) {
        @Override
        public String toString() {
            return id + ": " + String.join(", ", components) + " | parent " + parent + ", children " + children
                    + ", profile " + profile + ", player " + player + ", courses " + courses
                    + ", students " + students;
        }
    }

    public WorldSnapshot {
        nextIds = List.copyOf(nextIds);
        policies = Map.copyOf(policies);
        entities = List.copyOf(entities);
    }

    public static WorldSnapshot of(EnttManager world) {
        Registry registry = RegistryProbe.of(world.storage(Name.class)); // the manager makes Name's storage first thing
        Map<Relation, CleanupPolicy> policies = new EnumMap<>(Relation.class);
        for (Relation relation : Relation.values()) {
            policies.put(relation, world.policy(relation));
        }
        List<Entity> entities = new ArrayList<>();
        for (int id : world.entities()) {
            List<String> components = new ArrayList<>();
            for (Class<?> type : registry.componentTypes(id)) {
                components.add(String.valueOf(registry.get(id, type))); // records print their values
            }
            entities.add(new Entity(id(id), components, id(world.getParent(id)), ids(world.findChildren(id)),
                    id(world.getProfileForPlayer(id)), id(world.getPlayerForProfile(id)),
                    ids(world.getCoursesForStudent(id)), ids(world.getStudentsForCourse(id))));
        }
        return new WorldSnapshot(registry.slotCount(), ids(RegistryProbe.nextIds(registry)), policies, entities);
    }

    @Override
    public String toString() {
        String policyText = Arrays.stream(Relation.values())
                .map(relation -> relation + "=" + policies.get(relation))
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder()
                .append("world of ").append(slots).append(" slots, ").append(entities.size()).append(" live")
                .append("; next creates reuse ").append(nextIds)
                .append("; policies ").append(policyText);
        for (Entity entity : entities) {
            out.append("\n  ").append(entity);
        }
        return out.toString();
    }

    /** An id as index and version, e.g. {@code 3v1}, so a reused slot reads differently from its old id. */
    private static String id(int id) {
        return EntityId.index(id) + "v" + EntityId.version(id);
    }

    private static String id(OptionalInt id) {
        return id.isPresent() ? id(id.getAsInt()) : "-";
    }

    private static List<String> ids(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id(id));
        }
        return out;
    }
}
