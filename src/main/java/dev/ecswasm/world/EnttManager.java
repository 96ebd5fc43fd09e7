package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityLimitException;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The seed's {@code EnttManager}: one world of entities, names and relationships behind an API of
 * plain {@code int} ids, ready to be wrapped by a C-style ABI.
 *
 * <p>The registry stays private. Each relation has a store that keeps its edges as components on
 * both ends. The registry's destroy signal fires <em>before</em> a dying entity's components go, so
 * the cleanup hook can still read every edge that names it; what happens to the entities on the
 * other end depends on each relation's {@link CleanupPolicy}.
 *
 * <p>Calls that change the world return an {@link Outcome}; a refused call changes nothing. Queries
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
    private boolean cascading; // true while a plan destroys its cascade: its members need no plan of their own

    /** Creates an empty world and connects the cleanup hook to the registry's destroy signal. */
    public EnttManager() {
        registry.onDestroyEntity().connect(this::cleanupRelationshipsHook);
    }

    // ---------------------------------------------------------------- entities

    /**
     * Creates an entity and returns its id.
     *
     * @throws WorldFullException if every one of the 2^20 - 1 id slots is live
     */
    public int createEntity() {
        int id;
        try {
            id = registry.create();
        } catch (EntityLimitException full) {
            throw new WorldFullException(full.getMessage(), full);
        }
        log.created(id);
        return id;
    }

    /**
     * Destroys an entity and cleans up every relation that names it. With a {@link CleanupPolicy#CASCADE}
     * relation, the sources pointing at it are destroyed first (and theirs, iteratively); with
     * {@link CleanupPolicy#FORBID}, the call is refused while such a source exists.
     */
    public Outcome destroyEntity(int id) {
        Outcome.Refused bad = checks.entity("entity", id);
        if (bad != null) {
            return logged("destroyEntity", bad);
        }
        log.destroying(id);
        try {
            registry.destroy(id);
        } catch (DestroyRefusedException forbidden) {
            return logged("destroyEntity", new Outcome.Refused(Failure.FORBIDDEN, forbidden.getMessage()));
        }
        return Outcome.DONE;
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
        if (!registry.valid(id)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Class<?> type : registry.componentTypes(id)) {
            out.add(type.getSimpleName());
        }
        return out;
    }

    /** One component storage, read-only: to look at a sparse set, not to change it. */
    public <T> Storage<T> storage(Class<T> type) {
        return registry.storage(type);
    }

    // ---------------------------------------------------------------- names

    /** Gives the entity a name, replacing any name it had. */
    public Outcome addName(int id, String name) {
        Outcome.Refused bad = checks.entity("entity", id);
        return logged("addName", bad != null ? bad : names.add(id, name));
    }

    public Optional<String> getName(int id) {
        return names.get(id);
    }

    public Outcome removeName(int id) {
        Outcome.Refused bad = checks.entity("entity", id);
        return logged("removeName", bad != null ? bad : names.remove(id));
    }

    // ---------------------------------------------------------------- plain-data components

    /**
     * Adds or replaces a plain-data component such as {@link Position}. Names and the relation
     * components are refused: only their own calls may change them, or the two ends of a relation
     * could disagree.
     */
    public Outcome setComponent(int id, Object component) {
        Outcome.Refused bad = checks.entity("entity", id);
        return logged("setComponent", bad != null ? bad : data.set(id, component));
    }

    /** The entity's component of this type; empty if it has none or the id is not valid. */
    public <T> Optional<T> getComponent(int id, Class<T> type) {
        return data.get(id, type);
    }

    /** Removes a plain-data component; refused for names and relation components, as for set. */
    public Outcome removeComponent(int id, Class<?> type) {
        Outcome.Refused bad = checks.entity("entity", id);
        return logged("removeComponent", bad != null ? bad : data.remove(id, type));
    }

    // ---------------------------------------------------------------- 1:1 player <-> profile

    /**
     * Links a player and a profile. A side that is already linked elsewhere is unlinked first, on both
     * ends; linking a pair that is already linked does nothing.
     */
    public Outcome linkPlayerProfile(int player, int profile) {
        Outcome.Refused bad = checks.pair("player", player, "profile", profile);
        return logged("linkPlayerProfile", bad != null ? bad : players.link(player, profile));
    }

    /** Removes the 1:1 link(s) of an entity, whether it is the player, the profile, or both. */
    public Outcome unlinkPlayerProfile(int entity) {
        Outcome.Refused bad = checks.entity("entity", entity);
        return logged("unlinkPlayerProfile", bad != null ? bad : players.unlinkEither(entity));
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
        Outcome.Refused bad = checks.pair("child", child, "parent", parent);
        return logged("setParent", bad != null ? bad : hierarchy.setParent(child, parent));
    }

    public Outcome removeParent(int child) {
        Outcome.Refused bad = checks.entity("child", child);
        return logged("removeParent", bad != null ? bad : hierarchy.removeParent(child));
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
        Outcome.Refused bad = checks.pair("student", student, "course", course);
        return logged("enroll", bad != null ? bad : enrollments.enroll(student, course));
    }

    public Outcome drop(int student, int course) {
        Outcome.Refused bad = checks.pair("student", student, "course", course);
        return logged("drop", bad != null ? bad : enrollments.drop(student, course));
    }

    public int[] getCoursesForStudent(int student) {
        return enrollments.coursesOf(student);
    }

    public int[] getStudentsForCourse(int course) {
        return enrollments.studentsOf(course);
    }

    // ---------------------------------------------------------------- whole relations

    /** How many edges a relation has: O(1) for 1:1 and 1:N, O(students) for enrollments. */
    public int edgeCount(Relation relation) {
        return store(relation).edgeCount();
    }

    /**
     * Calls the visitor once per edge of a relation, ends in the relation's order (player, profile;
     * parent, child; student, course), grouped by the first end in no particular order. Allocates
     * nothing per edge: what the ABI's batched reads and the tables are built on.
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
        StringBuilder edges = new StringBuilder();
        for (RelationStore store : stores) {
            String separator = edges.length() == 0 ? "" : ", ";
            edges.append(separator).append(store.relation()).append(' ').append(store.edgeCount());
        }
        return "EnttManager[" + entityCount() + " entities; edges: " + edges + "; policies: " + policies + "]";
    }

    // ---------------------------------------------------------------- cleanup on destroy

    /**
     * Runs from the registry's destroy signal, while the dying entity and its components are still
     * readable. First it plans (and a FORBID relation may veto by throwing, before anything changes);
     * then it destroys the cascade, sources before targets, in a loop rather than by recursion; last
     * it removes the dying entity's own edges.
     */
    private void cleanupRelationshipsHook(int entity) {
        if (!cascading) {
            DestructionPlan plan = DestructionPlan.of(entity, policies, stores); // a FORBID veto throws here
            cascading = true; // the cascade's members were planned and checked with this one
            try {
                plan.destroyCascade(registry, log);
            } finally {
                cascading = false;
            }
        }
        cleanupRelationships(entity);
    }

    /** Removes every edge that names the entity from the other ends' components. O(its degree). */
    private void cleanupRelationships(int entity) {
        log.cleaning(entity);
        for (RelationStore store : stores) {
            store.forget(entity);
        }
        log.cleaned(entity);
    }

    // ---------------------------------------------------------------- helpers

    private RelationStore store(Relation relation) {
        return stores[Objects.requireNonNull(relation, "relation").ordinal()];
    }

    /** Logs a refusal; passes the outcome through either way. */
    private Outcome logged(String operation, Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            log.refused(operation, refused.message());
        }
        return outcome;
    }
}
