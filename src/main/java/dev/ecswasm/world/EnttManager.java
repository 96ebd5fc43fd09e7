package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityLimitException;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The seed's {@code EnttManager}: one world of entities, names and relationships behind an API of
 * plain {@code int} ids, ready to be wrapped by a C-style ABI.
 *
 * <p>The registry stays private. Each relation has a store that keeps its edges as components on
 * both ends. The registry's destroy signal fires <em>before</em> a dying entity's components go, so
 * the cleanup hook can still read every edge that names it; what happens to the entities on the
 * other end depends on each relation's {@link CleanupPolicy}.
 *
 * <p>Calls that change the world return an {@link Outcome}; a refused call changes nothing. Each one
 * is all or nothing whatever is thrown: it runs as one {@link Registry#atomically atomic call}, so an
 * exception or an Error (a StackOverflowError when a guest has used up nearly all the stack, say)
 * part-way through undoes everything the call had done, cascade included, before it goes on. Queries
 * answer "nothing" (an empty optional or array) for an id that is not valid, as the seed's C API
 * does; {@link #whyInvalid(int)} says why.
 *
 * <p>Not thread-safe: one thread at a time, as with the registry underneath.
 */
public final class EnttManager {
    private final Registry registry = new Registry();
    private final ManagerLog log = new ManagerLog();
    private final IdChecks checks = new IdChecks(registry);
    private final NameStore names = new NameStore(registry, log);
    private final PlainDataStore data = new PlainDataStore(registry);
    private final PlayerProfileStore players = new PlayerProfileStore(registry, log);
    private final ParentChildStore hierarchy = new ParentChildStore(registry, log);
    private final EnrollmentStore enrollments = new EnrollmentStore(registry, log);
    private final RelationStore[] stores = {players, hierarchy, enrollments}; // by Relation.ordinal()
    private final Policies policies = new Policies();
    private DestructionPlan cascade; // while a plan destroys its cascade: its members need no plan of their own

    /** Creates an empty world and connects the cleanup hook to the registry's destroy signal. */
    public EnttManager() {
        registry.onDestroyEntity().connect(this::cleanupRelationshipsHook);
    }

    // ---------------------------------------------------------------- entities

    /** Creates an entity and returns its id; throws {@link WorldFullException} if all 2^20 - 1 slots are live. */
    public int createEntity() {
        return registry.atomically(() -> { // if the log line fails, the entity goes too: no id is lost
            int id;
            try {
                id = registry.create();
            } catch (EntityLimitException full) {
                throw new WorldFullException(full.getMessage(), full);
            }
            log.created(id);
            return id;
        });
    }

    /**
     * Destroys an entity and cleans up every relation that names it. A {@link CleanupPolicy#CASCADE} relation
     * destroys the sources pointing at it first (and theirs); a {@link CleanupPolicy#FORBID} one refuses.
     */
    public Outcome destroyEntity(int id) {
        return guarded("destroyEntity", checks.entity("entity", id), () -> {
            log.destroying(id);
            try {
                registry.destroy(id);
            } catch (DestroyRefusedException forbidden) {
                return new Outcome.Refused(Failure.FORBIDDEN, forbidden.getMessage());
            }
            return Outcome.DONE;
        });
    }

    /** True for the id of a live entity; false for null, stale and never-issued ids. */
    public boolean isEntityValid(int id) {
        return registry.valid(id);
    }

    /** Why an id is not valid (null, stale, never issued), for messages. */
    public String whyInvalid(int id) {
        return registry.whyInvalid(id);
    }

    /** The live entities, by slot index. */
    public int[] entities() {
        return registry.entities();
    }

    /** How many entities are alive. */
    public int entityCount() {
        return registry.size();
    }

    /** The simple names of the component types the entity has; empty if the id is not valid. */
    public List<String> componentNames(int id) {
        return registry.valid(id) ? registry.componentTypes(id).stream().map(Class::getSimpleName).toList() : List.of();
    }

    /** One component storage, read-only: to look at a sparse set, not to change it. */
    public <T> Storage<T> storage(Class<T> type) {
        return registry.storage(type);
    }

    // ---------------------------------------------------------------- names

    /** Gives the entity a name, replacing any name it had. */
    public Outcome addName(int id, String name) {
        return guarded("addName", checks.entity("entity", id), () -> names.add(id, name));
    }

    public Optional<String> getName(int id) {
        return names.get(id);
    }

    public Outcome removeName(int id) {
        return guarded("removeName", checks.entity("entity", id), () -> names.remove(id));
    }

    /** The UTF-8 bytes of every name in the world. O(1): a running total, kept exact by every call. */
    public long nameBytes() {
        return names.bytes();
    }

    /** The UTF-8 bytes of the entity's name; 0 if it has none or the id is not valid. */
    public int nameBytes(int id) {
        return names.bytesOf(id);
    }

    // ---------------------------------------------------------------- plain-data components

    /**
     * Adds or replaces a plain-data component such as {@link Position}. Names and relation components are
     * refused: only their own calls may change them, or the two ends of a relation could disagree.
     */
    public Outcome setComponent(int id, Object component) {
        return guarded("setComponent", checks.entity("entity", id), () -> data.set(id, component));
    }

    /** The entity's component of this type; empty if it has none or the id is not valid. */
    public <T> Optional<T> getComponent(int id, Class<T> type) {
        return data.get(id, type);
    }

    /** Removes a plain-data component; refused for names and relation components, as for set. */
    public Outcome removeComponent(int id, Class<?> type) {
        return guarded("removeComponent", checks.entity("entity", id), () -> data.remove(id, type));
    }

    // ---------------------------------------------------------------- 1:1 player <-> profile

    /**
     * Links a player and a profile. A side that is already linked elsewhere is unlinked first, on both
     * ends; linking a pair that is already linked does nothing.
     */
    public Outcome linkPlayerProfile(int player, int profile) {
        return guarded("linkPlayerProfile", checks.pair("player", player, "profile", profile),
                () -> players.link(player, profile));
    }

    /** Removes the 1:1 link(s) of an entity, whether it is the player, the profile, or both. */
    public Outcome unlinkPlayerProfile(int entity) {
        return guarded("unlinkPlayerProfile", checks.entity("entity", entity), () -> players.unlinkEither(entity));
    }

    public OptionalInt getProfileForPlayer(int player) {
        return players.profileOf(player);
    }

    public OptionalInt getPlayerForProfile(int profile) {
        return players.playerOf(profile);
    }

    // ---------------------------------------------------------------- 1:N parent -> children

    /**
     * Makes {@code parent} the one parent of {@code child}, leaving any previous parent. Refused if
     * {@code parent} is {@code child} or one of its descendants: a hierarchy never has a cycle.
     */
    public Outcome setParent(int child, int parent) {
        return guarded("setParent", checks.pair("child", child, "parent", parent),
                () -> hierarchy.setParent(child, parent));
    }

    public Outcome removeParent(int child) {
        return guarded("removeParent", checks.entity("child", child), () -> hierarchy.removeParent(child));
    }

    public OptionalInt getParent(int child) {
        return hierarchy.parentOf(child);
    }

    /** The children of a parent, in insertion order until one leaves (then the last moves into the gap). */
    public int[] findChildren(int parent) {
        return hierarchy.childrenOf(parent);
    }

    // ---------------------------------------------------------------- N:N student <-> course

    /** Enrolls a student in a course; enrolling twice does nothing. */
    public Outcome enroll(int student, int course) {
        return guarded("enroll", checks.pair("student", student, "course", course),
                () -> enrollments.enroll(student, course));
    }

    public Outcome drop(int student, int course) {
        return guarded("drop", checks.pair("student", student, "course", course),
                () -> enrollments.drop(student, course));
    }

    public int[] getCoursesForStudent(int student) {
        return enrollments.coursesOf(student);
    }

    public int[] getStudentsForCourse(int course) {
        return enrollments.studentsOf(course);
    }

    // ---------------------------------------------------------------- whole relations

    /** How many edges a relation has. O(1). */
    public int edgeCount(Relation relation) {
        return store(relation).edgeCount();
    }

    /** How many edges the three relations have together. O(1). */
    public long edgeCount() {
        long total = 0;
        for (RelationStore store : stores) {
            total += store.edgeCount();
        }
        return total;
    }

    /**
     * True if the relation's call on these two ends, given in the relation's order (player, profile;
     * parent, child; student, course), would leave the world with one more edge than it has: the ids
     * are live and distinct, and (1:1) neither is linked yet, (1:N) the child has no parent and the
     * parent does not descend from it, (N:N) the student is not yet in the course. A call that replaces
     * an edge, repeats one or is refused adds none. Changes nothing; O(1) but for the 1:N cycle walk.
     */
    public boolean addsEdge(Relation relation, int first, int second) {
        if (checks.pair("first", first, "second", second) != null) {
            return false;
        }
        return switch (Objects.requireNonNull(relation, "relation")) {
            case PLAYER_PROFILE -> players.profileOf(first).isEmpty() && players.playerOf(second).isEmpty();
            case PARENT_CHILD -> hierarchy.parentOf(second).isEmpty() && !hierarchy.isAncestor(second, first);
            case ENROLLMENT -> !enrollments.enrolled(first, second);
        };
    }

    /**
     * Calls the visitor once per edge, ends in the relation's order (player, profile; parent, child; student,
     * course), grouped by the first end. Allocates nothing per edge: the ABI's batched reads build on it.
     */
    public void forEachEdge(Relation relation, EdgeVisitor visitor) {
        store(relation).forEachEdge(Objects.requireNonNull(visitor, "visitor"));
    }

    // ---------------------------------------------------------------- settings

    /** Sends the seed-style log lines ({@code [EnttManager] Created entity: 0}) to a sink; null turns it off. */
    public EnttManager setLogSink(Consumer<String> sink) {
        log.setSink(sink);
        return this;
    }

    /** Chooses what destroying a target of this relation does to its sources. */
    public EnttManager setPolicy(Relation relation, CleanupPolicy policy) {
        policies.set(relation, policy);
        return this;
    }

    public CleanupPolicy policy(Relation relation) {
        return policies.of(relation);
    }

    /** One line: entities, edges per relation, policies. */
    @Override
    public String toString() {
        StringJoiner edges = new StringJoiner(", ");
        for (RelationStore store : stores) {
            edges.add(store.relation() + " " + store.edgeCount());
        }
        return "EnttManager[" + entityCount() + " entities; edges: " + edges + "; policies: " + policies + "]";
    }

    // ---------------------------------------------------------------- cleanup on destroy

    /**
     * Runs from the registry's destroy signal, while the dying entity's components are still readable: plans
     * (a FORBID veto throws before anything changes), destroys the cascade sources first, then its own edges.
     */
    private void cleanupRelationshipsHook(int entity) {
        DestructionPlan plan = cascade;
        if (plan == null) {
            plan = DestructionPlan.of(entity, policies, stores); // a FORBID veto throws here
            cascade = plan; // the cascade's members were planned and checked with this one
            try {
                plan.destroyCascade(registry, log);
            } finally {
                cascade = null;
            }
        }
        log.cleaning(entity);
        for (RelationStore store : stores) { // every edge naming it leaves the other ends: O(its degree)
            store.forget(entity, plan);
        }
        log.cleaned(entity);
    }

    // ---------------------------------------------------------------- helpers

    /** The registry underneath, for tests in this package that break a world behind the manager's back. */
    Registry registry() {
        return registry;
    }

    private RelationStore store(Relation relation) {
        return stores[Objects.requireNonNull(relation, "relation").ordinal()];
    }

    /** Runs the call if the checks found nothing ({@code bad} is null), and logs a refusal from either. */
    private Outcome guarded(String operation, Outcome.Refused bad, Supplier<Outcome> call) {
        // All or nothing: whatever the call throws, Errors included, the registry undoes its changes.
        Outcome outcome = bad != null ? bad : registry.atomically(call);
        if (outcome instanceof Outcome.Refused refused) {
            log.refused(operation, refused.message());
        }
        return outcome;
    }
}
