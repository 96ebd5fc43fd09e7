package dev.ecswasm.world;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The {@link CleanupPolicy} of each relation: {@link CleanupPolicy#REMOVE}, the seed's, until set otherwise. */
final class Policies {
    private final Map<Relation, CleanupPolicy> byRelation = new EnumMap<>(Relation.class);

    Policies() {
        for (Relation relation : Relation.values()) {
            byRelation.put(relation, CleanupPolicy.REMOVE);
        }
    }

    void set(Relation relation, CleanupPolicy policy) {
        byRelation.put(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(policy, "policy"));
    }

    CleanupPolicy of(Relation relation) {
        return byRelation.get(relation);
    }

    /** True if some relation has this policy. */
    boolean use(CleanupPolicy policy) {
        return byRelation.containsValue(policy);
    }

    /** E.g. {@code PLAYER_PROFILE=REMOVE, PARENT_CHILD=CASCADE, ENROLLMENT=REMOVE}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        byRelation.forEach((relation, policy) ->
                out.append(out.length() == 0 ? "" : ", ").append(relation).append('=').append(policy));
        return out.toString();
    }
}
