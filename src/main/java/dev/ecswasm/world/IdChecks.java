package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;

/**
 * The checks every changing call makes first: each id names a live entity, and a link's two ends
 * differ. A failed check is a {@link Outcome.Refused} whose message names the argument's role.
 */
final class IdChecks {
    private final Registry registry;

    IdChecks(Registry registry) {
        this.registry = registry;
    }

    /** Null if {@code id} is live; otherwise why not, e.g. "child: entity 2 (...) is stale: ...". */
    Outcome.Refused entity(String role, int id) {
        if (id == EntityId.NULL) {
            return new Outcome.Refused(Failure.NULL_ENTITY, role + " is the null entity");
        }
        if (!registry.valid(id)) {
            String why = registry.whyInvalid(id);
            return new Outcome.Refused(Failure.INVALID_ENTITY, role.equals("entity") ? why : role + ": " + why);
        }
        return null;
    }

    /** Null if both ids are live and different; otherwise the first problem found. */
    Outcome.Refused pair(String firstRole, int first, String secondRole, int second) {
        Outcome.Refused bad = entity(firstRole, first);
        if (bad == null) {
            bad = entity(secondRole, second);
        }
        if (bad == null && first == second) {
            bad = new Outcome.Refused(Failure.SELF_LINK, "entity " + EntityId.describe(first)
                    + " cannot be both " + firstRole + " and " + secondRole + " of one link");
        }
        return bad;
    }

    @Override
    public String toString() {
        return "IdChecks[live ids only, no self-links]";
    }
}
