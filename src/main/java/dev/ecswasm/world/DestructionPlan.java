package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * What destroying one entity takes with it: the entity (the root) and every entity that CASCADE
 * relations doom in turn, checked against FORBID relations before anything changes.
 *
 * <p>The plan is built breadth-first with a worklist, not by recursion, so a 100,000-deep hierarchy
 * needs no deep stack. Members are found targets first; destroying them in the reverse order puts
 * every source before the target it points at.
 */
final class DestructionPlan {
    private static final int SHOWN = 8;

    private final int[] members;  // the root first, then in discovery order
    private final BitSet planned; // the members' slot indexes; null for the root alone, which asks about no one else

    private DestructionPlan(int[] members, BitSet planned) {
        this.members = members;
        this.planned = planned;
    }

    /**
     * Plans the destruction of {@code root} under the given policies.
     *
     * @throws DestroyRefusedException if a FORBID relation points into the plan from an entity outside it
     */
    static DestructionPlan of(int root, Policies policies, RelationStore[] stores) {
        if (!policies.use(CleanupPolicy.CASCADE) && !policies.use(CleanupPolicy.FORBID)) {
            return new DestructionPlan(new int[] {root}, null); // the seed's case: nothing but the root's own edges
        }
        RelationStore[] cascading = withPolicy(CleanupPolicy.CASCADE, policies, stores);
        RelationStore[] forbidding = withPolicy(CleanupPolicy.FORBID, policies, stores);
        Members members = new Members(root);
        for (int next = 0; next < members.size; next++) {
            int target = members.plan[next];
            for (RelationStore store : cascading) {
                store.visitSources(target, members);
            }
        }
        int[] plan = Arrays.copyOf(members.plan, members.size);
        if (forbidding.length > 0) {
            checkForbidden(root, plan, members, forbidding);
        }
        return new DestructionPlan(plan, members.planned);
    }

    /**
     * True if {@code id} is a live member of the plan: it is destroyed later in this destruction (the
     * root last), since members go one by one and a destroyed one is no longer valid. A live entity
     * owns its slot, so its slot index names it.
     */
    boolean diesLater(Registry registry, int id) {
        return planned != null && registry.valid(id) && planned.get(EntityId.index(id));
    }

    /** The stores whose relation has this policy, in the stores' order: looked up once per plan, not per member. */
    private static RelationStore[] withPolicy(CleanupPolicy policy, Policies policies, RelationStore[] stores) {
        int n = 0;
        RelationStore[] out = new RelationStore[stores.length];
        for (RelationStore store : stores) {
            if (policies.of(store.relation()) == policy) {
                out[n++] = store;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The plan as it grows: each source visited joins it once, in discovery order. */
    private static final class Members implements IntConsumer {
        int[] plan = new int[16];
        int size;
        BitSet planned; // the members' slot indexes, from the second member on: a set sized to the root's
                        // slot would cost every childless destroy in a big world index / 8 bytes

        Members(int root) {
            accept(root);
        }

        boolean has(int index) {
            return planned != null ? planned.get(index) : size > 0 && index == EntityId.index(plan[0]);
        }

        @Override
        public void accept(int source) {
            int index = EntityId.index(source);
            if (has(index)) {
                return;
            }
            if (size == plan.length) {
                plan = Arrays.copyOf(plan, size * 2);
            }
            if (size == 1) {
                planned = new BitSet();
                planned.set(EntityId.index(plan[0]));
            }
            if (planned != null) {
                planned.set(index);
            }
            plan[size++] = source;
        }
    }

    /** Throws if a FORBID relation's source outside the plan points at a member of it. */
    private static void checkForbidden(int root, int[] plan, Members members, RelationStore[] forbidding) {
        for (int target : plan) {
            for (RelationStore store : forbidding) {
                for (int source : store.sourcesOf(target)) {
                    if (!members.has(EntityId.index(source))) {
                        String via = target == root ? ""
                                : " (destroying it would cascade to " + EntityId.describe(target) + ")";
                        throw new DestroyRefusedException("cannot destroy entity " + EntityId.describe(root) + via
                                + ": " + EntityId.describe(source) + " is its " + store.relation().source() + " in "
                                + store.relation() + ", whose policy is FORBID");
                    }
                }
            }
        }
    }

    /**
     * Destroys the cascade, sources before their targets, one after another in a loop; the root is
     * left to the caller. The registry's destroy signal fires for each, so each gets its own cleanup.
     * Runs inside the root's atomic destroy: a member has no rollback point of its own, since a throw
     * anywhere goes on through the root's destroy, which undoes the whole cascade.
     */
    void destroyCascade(Registry registry, ManagerLog log) {
        registry.expectDestroys(members.length); // the journal and free stack grow once, not by doubling
        for (int i = 0; i < cascadeSize(); i++) {
            log.cascade(root(), cascadeMember(i));
            registry.destroyPartOfCall(cascadeMember(i));
        }
    }

    /** The entity whose destruction was asked for. */
    int root() {
        return members[0];
    }

    /** How many entities the cascade destroys besides the root. */
    int cascadeSize() {
        return members.length - 1;
    }

    /** The {@code i}-th entity to destroy before the root, sources before their targets. */
    int cascadeMember(int i) {
        return members[members.length - 1 - i];
    }

    /** E.g. {@code DestructionPlan[destroy 0 after 3, 2, 1]}, naming at most {@value #SHOWN} of the cascade. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("DestructionPlan[destroy ").append(EntityId.toString(root()));
        if (cascadeSize() == 0) {
            return out.append(" alone]").toString();
        }
        out.append(" after ");
        for (int i = 0; i < Math.min(cascadeSize(), SHOWN); i++) {
            out.append(i == 0 ? "" : ", ").append(EntityId.toString(cascadeMember(i)));
        }
        if (cascadeSize() > SHOWN) {
            out.append(", ... (").append(cascadeSize()).append(" in all)");
        }
        return out.append(']').toString();
    }
}
