package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.Name;
import java.util.Optional;

/** Entity names: at most one {@link Name} per entity, replaced by a new one. */
final class NameStore {
    private final Registry registry;
    private final ManagerLog log;
    private final Storage<Name> names;

    NameStore(Registry registry, ManagerLog log) {
        this.registry = registry;
        this.log = log;
        this.names = registry.storage(Name.class);
    }

    /** Names a valid entity. */
    Outcome add(int entity, String name) {
        if (name == null) {
            return new Outcome.Refused(Failure.BAD_ARGUMENT, "name is null");
        }
        registry.addOrReplace(entity, new Name(name));
        log.named(entity, name);
        return Outcome.DONE;
    }

    Optional<String> get(int entity) {
        Name name = registry.valid(entity) ? names.getOrNull(entity) : null;
        return name == null ? Optional.empty() : Optional.of(name.value());
    }

    /** Takes a valid entity's name away. */
    Outcome remove(int entity) {
        if (!names.contains(entity)) {
            return new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no name");
        }
        registry.remove(entity, Name.class);
        return Outcome.DONE;
    }

    @Override
    public String toString() {
        return "NameStore[" + names.size() + " name(s)]";
    }
}
