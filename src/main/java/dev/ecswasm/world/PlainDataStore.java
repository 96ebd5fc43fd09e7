package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import java.util.Optional;

/**
 * Plain-data components such as {@link Position} and {@link Health}, or any record of the caller's
 * own. Names and relation components are refused here: only their own calls may change them, or the
 * two ends of a relation could disagree.
 */
final class PlainDataStore {
    private final Registry registry;

    PlainDataStore(Registry registry) {
        this.registry = registry;
    }

    /** Adds or replaces a component of a valid entity. */
    Outcome set(int entity, Object component) {
        if (component == null) {
            return new Outcome.Refused(Failure.BAD_ARGUMENT, "component is null");
        }
        if (Components.keptByTheManager(component.getClass())) {
            return keptElsewhere(component.getClass(), "setComponent");
        }
        registry.addOrReplace(entity, component);
        return Outcome.DONE;
    }

    <T> Optional<T> get(int entity, Class<T> type) {
        return registry.valid(entity) ? Optional.ofNullable(registry.tryGet(entity, type)) : Optional.empty();
    }

    /** Removes a component of a valid entity. */
    Outcome remove(int entity, Class<?> type) {
        if (Components.keptByTheManager(type)) {
            return keptElsewhere(type, "removeComponent");
        }
        if (!registry.has(entity, type)) {
            return new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no "
                    + type.getSimpleName());
        }
        registry.remove(entity, type);
        return Outcome.DONE;
    }

    @Override
    public String toString() {
        return "PlainDataStore[any component but names and relations]";
    }

    private static Outcome.Refused keptElsewhere(Class<?> type, String call) {
        return new Outcome.Refused(Failure.BAD_ARGUMENT, type.getSimpleName()
                + " is kept by the manager's own calls, not by " + call);
    }
}
