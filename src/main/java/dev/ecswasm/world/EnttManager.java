package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.EntityLimitException;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.ChildrenComponent;
import dev.ecswasm.world.Components.CoursesAttended;
import dev.ecswasm.world.Components.EnrolledStudents;
import dev.ecswasm.world.Components.Name;
import dev.ecswasm.world.Components.ParentComponent;
import dev.ecswasm.world.Components.PlayerRelation;
import dev.ecswasm.world.Components.ProfileOwner;
import dev.ecswasm.world.Links.Enrollment;
import dev.ecswasm.world.Links.ParentChild;
import dev.ecswasm.world.Links.PlayerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The seed's {@code EnttManager}: one world of entities, names and relationships behind an API of
 * plain {@code int} ids, ready to be wrapped by a C-style ABI.
 *
 * <p>The registry stays private. Relationships are stored as components on both ends (see
 * {@link Components}), so every relation has a reverse index. When an entity is destroyed, a listener
 * on the registry's destroy signal runs <em>before</em> the entity's components are removed, reads
 * its relation components and removes every edge that names it, in O(its degree). What happens to
 * the entities on the other end depends on each relation's {@link CleanupPolicy}.
 *
 * <p>Calls that change the world return an {@link Outcome}; a refused call changes nothing. Queries
 * answer "nothing" (an empty optional or array) for an id that is not valid, as the seed's C API
 * does; {@link #whyInvalid(int)} says why.
 *
 * <p>Not thread-safe: one thread at a time, as with the registry underneath.
 */
public final class EnttManager {
    private final Registry registry = new Registry();
    private final Storage<Name> names = registry.storage(Name.class);
    private final Storage<PlayerRelation> playerRelations = registry.storage(PlayerRelation.class);
    private final Storage<ProfileOwner> profileOwners = registry.storage(ProfileOwner.class);
    private final Storage<ParentComponent> parents = registry.storage(ParentComponent.class);
    private final Storage<ChildrenComponent> childLists = registry.storage(ChildrenComponent.class);
    private final Storage<CoursesAttended> courseLists = registry.storage(CoursesAttended.class);
    private final Storage<EnrolledStudents> studentLists = registry.storage(EnrolledStudents.class);

    private static final Set<Class<?>> KEPT_BY_THEIR_OWN_CALLS = Set.of(Name.class, PlayerRelation.class,
            ProfileOwner.class, ParentComponent.class, ChildrenComponent.class, CoursesAttended.class,
            EnrolledStudents.class);

    private final Map<Relation, CleanupPolicy> policies = new EnumMap<>(Relation.class);
    private Consumer<String> log;
    private boolean cascading; // true while a destruction plan destroys its extra members

    public EnttManager() {
        for (Relation relation : Relation.values()) {
            policies.put(relation, CleanupPolicy.REMOVE);
        }
        registry.onDestroyEntity().connect(this::cleanupRelationshipsHook);
    }

    // ---------------------------------------------------------------- settings

    /** Sends the seed-style log lines ({@code [EnttManager] Created entity: 0}) to a sink; null turns it off. */
    public EnttManager setLogSink(Consumer<String> sink) {
        this.log = sink;
        return this;
    }

    /** Chooses what destroying a target of this relation does to its sources. */
    public EnttManager setPolicy(Relation relation, CleanupPolicy policy) {
        policies.put(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(policy, "policy"));
        return this;
    }

    public CleanupPolicy policy(Relation relation) {
        return policies.get(relation);
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
        if (log != null) {
            log("[EnttManager] Created entity: " + EntityId.toString(id));
        }
        return id;
    }

    /**
     * Destroys an entity and cleans up every relation that names it. With a {@link CleanupPolicy#CASCADE}
     * relation, the sources pointing at it are destroyed first (and theirs, iteratively); with
     * {@link CleanupPolicy#FORBID}, the call is refused while such a source exists.
     */
    public Outcome destroyEntity(int id) {
        Outcome.Refused bad = check("entity", id);
        if (bad != null) {
            return refused("destroyEntity", bad);
        }
        if (log != null) {
            log("[EnttManager] Destroying entity: " + EntityId.toString(id));
        }
        try {
            registry.destroy(id);
        } catch (DestroyRefusedException forbidden) {
            return refused("destroyEntity", new Outcome.Refused(Failure.FORBIDDEN, forbidden.getMessage()));
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
        Outcome.Refused bad = check("entity", id);
        if (bad == null && name == null) {
            bad = new Outcome.Refused(Failure.BAD_ARGUMENT, "name is null");
        }
        if (bad != null) {
            return refused("addName", bad);
        }
        registry.addOrReplace(id, new Name(name));
        if (log != null) {
            log("[EnttManager] Named entity " + EntityId.toString(id) + ": " + name);
        }
        return Outcome.DONE;
    }

    public Optional<String> getName(int id) {
        if (!registry.valid(id)) {
            return Optional.empty();
        }
        Name name = names.getOrNull(id);
        return name == null ? Optional.empty() : Optional.of(name.value());
    }

    public Outcome removeName(int id) {
        Outcome.Refused bad = check("entity", id);
        if (bad == null && !names.contains(id)) {
            bad = new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(id) + " has no name");
        }
        if (bad != null) {
            return refused("removeName", bad);
        }
        registry.remove(id, Name.class);
        return Outcome.DONE;
    }

    // ---------------------------------------------------------------- plain-data components

    /**
     * Adds or replaces a plain-data component such as {@link Components.Position}. Names and the
     * relation components are refused: only their own calls may change them, or the two ends of a
     * relation could disagree.
     */
    public Outcome setComponent(int id, Object component) {
        Outcome.Refused bad = check("entity", id);
        if (bad == null && component == null) {
            bad = new Outcome.Refused(Failure.BAD_ARGUMENT, "component is null");
        }
        if (bad == null && KEPT_BY_THEIR_OWN_CALLS.contains(component.getClass())) {
            bad = new Outcome.Refused(Failure.BAD_ARGUMENT, component.getClass().getSimpleName()
                    + " is kept by the manager's own calls, not by setComponent");
        }
        if (bad != null) {
            return refused("setComponent", bad);
        }
        registry.addOrReplace(id, component);
        return Outcome.DONE;
    }

    /** The entity's component of this type; empty if it has none or the id is not valid. */
    public <T> Optional<T> getComponent(int id, Class<T> type) {
        return registry.valid(id) ? Optional.ofNullable(registry.tryGet(id, type)) : Optional.empty();
    }

    /** Removes a plain-data component; refused for names and relation components, as for set. */
    public Outcome removeComponent(int id, Class<?> type) {
        Outcome.Refused bad = check("entity", id);
        if (bad == null && KEPT_BY_THEIR_OWN_CALLS.contains(type)) {
            bad = new Outcome.Refused(Failure.BAD_ARGUMENT, type.getSimpleName()
                    + " is kept by the manager's own calls, not by removeComponent");
        }
        if (bad == null && !registry.has(id, type)) {
            bad = new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(id) + " has no "
                    + type.getSimpleName());
        }
        if (bad != null) {
            return refused("removeComponent", bad);
        }
        registry.remove(id, type);
        return Outcome.DONE;
    }

    // ---------------------------------------------------------------- 1:1 player <-> profile

    /**
     * Links a player and a profile. A side that is already linked elsewhere is unlinked first, on both
     * ends; linking a pair that is already linked does nothing.
     */
    public Outcome linkPlayerProfile(int player, int profile) {
        Outcome.Refused bad = checkPair("player", player, "profile", profile);
        if (bad != null) {
            return refused("linkPlayerProfile", bad);
        }
        PlayerRelation current = playerRelations.getOrNull(player);
        if (current != null && current.profile() == profile) {
            return Outcome.DONE;
        }
        if (current != null) {
            unlink(player, current.profile());
        }
        ProfileOwner owner = profileOwners.getOrNull(profile);
        if (owner != null) {
            unlink(owner.player(), profile);
        }
        registry.add(player, new PlayerRelation(profile));
        registry.add(profile, new ProfileOwner(player));
        if (log != null) {
            log("[EnttManager] Linked player " + EntityId.toString(player) + " <-> profile " + EntityId.toString(profile));
        }
        return Outcome.DONE;
    }

    /** Removes the 1:1 link(s) of an entity, whether it is the player, the profile, or both. */
    public Outcome unlinkPlayerProfile(int entity) {
        Outcome.Refused bad = check("entity", entity);
        if (bad == null && !playerRelations.contains(entity) && !profileOwners.contains(entity)) {
            bad = new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no 1:1 link");
        }
        if (bad != null) {
            return refused("unlinkPlayerProfile", bad);
        }
        if (log != null) {
            log("[EnttManager] Unlinking 1:1 for entity " + EntityId.toString(entity));
        }
        PlayerRelation asPlayer = playerRelations.getOrNull(entity);
        if (asPlayer != null) {
            unlink(entity, asPlayer.profile());
        }
        ProfileOwner asProfile = profileOwners.getOrNull(entity);
        if (asProfile != null) {
            unlink(asProfile.player(), entity);
        }
        return Outcome.DONE;
    }

    public OptionalInt getProfileForPlayer(int player) {
        PlayerRelation link = registry.valid(player) ? playerRelations.getOrNull(player) : null;
        return link == null ? OptionalInt.empty() : OptionalInt.of(link.profile());
    }

    public OptionalInt getPlayerForProfile(int profile) {
        ProfileOwner link = registry.valid(profile) ? profileOwners.getOrNull(profile) : null;
        return link == null ? OptionalInt.empty() : OptionalInt.of(link.player());
    }

    // ---------------------------------------------------------------- 1:N parent -> children

    /**
     * Makes {@code parent} the one parent of {@code child}, leaving any previous parent. Refused if
     * {@code parent} is {@code child} or one of its descendants: a hierarchy never has a cycle.
     */
    public Outcome setParent(int child, int parent) {
        Outcome.Refused bad = checkPair("child", child, "parent", parent);
        if (bad == null && isAncestor(child, parent)) {
            bad = new Outcome.Refused(Failure.CYCLE, "entity " + EntityId.describe(parent)
                    + " descends from " + EntityId.describe(child) + ", so it cannot become its parent: that would close a cycle");
        }
        if (bad != null) {
            return refused("setParent", bad);
        }
        ParentComponent current = parents.getOrNull(child);
        if (current != null && current.parent() == parent) {
            return Outcome.DONE;
        }
        if (current != null) {
            leaveParent(child, current.parent());
        }
        registry.addOrReplace(child, new ParentComponent(parent));
        ChildrenComponent list = childLists.getOrNull(parent);
        if (list == null) {
            list = registry.add(parent, new ChildrenComponent(new EdgeList()));
        }
        list.children().add(child);
        if (log != null) {
            log("[EnttManager] Set parent of " + EntityId.toString(child) + " to " + EntityId.toString(parent));
        }
        return Outcome.DONE;
    }

    public Outcome removeParent(int child) {
        Outcome.Refused bad = check("child", child);
        if (bad == null && !parents.contains(child)) {
            bad = new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(child) + " has no parent");
        }
        if (bad != null) {
            return refused("removeParent", bad);
        }
        leaveParent(child, parents.getOrNull(child).parent());
        registry.remove(child, ParentComponent.class);
        if (log != null) {
            log("[EnttManager] Removed parent of " + EntityId.toString(child));
        }
        return Outcome.DONE;
    }

    public OptionalInt getParent(int child) {
        ParentComponent link = registry.valid(child) ? parents.getOrNull(child) : null;
        return link == null ? OptionalInt.empty() : OptionalInt.of(link.parent());
    }

    /** The children of a parent, in insertion order until one leaves (then the last moves into the gap). */
    public int[] findChildren(int parent) {
        ChildrenComponent list = registry.valid(parent) ? childLists.getOrNull(parent) : null;
        return list == null ? new int[0] : list.children().toArray();
    }

    // ---------------------------------------------------------------- N:N student <-> course

    /** Enrolls a student in a course; enrolling twice does nothing. */
    public Outcome enroll(int student, int course) {
        Outcome.Refused bad = checkPair("student", student, "course", course);
        if (bad != null) {
            return refused("enroll", bad);
        }
        CoursesAttended courses = courseLists.getOrNull(student);
        if (courses != null && courses.courses().contains(course)) {
            return Outcome.DONE;
        }
        if (courses == null) {
            courses = registry.add(student, new CoursesAttended(new EdgeList()));
        }
        EnrolledStudents students = studentLists.getOrNull(course);
        if (students == null) {
            students = registry.add(course, new EnrolledStudents(new EdgeList()));
        }
        courses.courses().add(course);
        students.students().add(student);
        if (log != null) {
            log("[EnttManager] Enrolled student " + EntityId.toString(student) + " in course " + EntityId.toString(course));
        }
        return Outcome.DONE;
    }

    public Outcome drop(int student, int course) {
        Outcome.Refused bad = checkPair("student", student, "course", course);
        CoursesAttended courses = bad == null ? courseLists.getOrNull(student) : null;
        if (bad == null && (courses == null || !courses.courses().contains(course))) {
            bad = new Outcome.Refused(Failure.NOT_FOUND, "student " + EntityId.describe(student)
                    + " is not enrolled in course " + EntityId.describe(course));
        }
        if (bad != null) {
            return refused("drop", bad);
        }
        removeEnrollment(student, course);
        if (log != null) {
            log("[EnttManager] Dropped student " + EntityId.toString(student) + " from course " + EntityId.toString(course));
        }
        return Outcome.DONE;
    }

    public int[] getCoursesForStudent(int student) {
        CoursesAttended list = registry.valid(student) ? courseLists.getOrNull(student) : null;
        return list == null ? new int[0] : list.courses().toArray();
    }

    public int[] getStudentsForCourse(int course) {
        EnrolledStudents list = registry.valid(course) ? studentLists.getOrNull(course) : null;
        return list == null ? new int[0] : list.students().toArray();
    }

    // ---------------------------------------------------------------- whole relations

    /** Every 1:1 link, by player slot order. */
    public List<PlayerProfile> playerProfiles() {
        List<PlayerProfile> out = new ArrayList<>();
        for (int player : registry.entities()) {
            PlayerRelation link = playerRelations.getOrNull(player);
            if (link != null) {
                out.add(new PlayerProfile(player, link.profile()));
            }
        }
        return out;
    }

    /** Every parent-child edge, by parent slot order, then child order. */
    public List<ParentChild> parentChildEdges() {
        List<ParentChild> out = new ArrayList<>();
        for (int parent : registry.entities()) {
            ChildrenComponent list = childLists.getOrNull(parent);
            if (list != null) {
                for (int child : list.children().toArray()) {
                    out.add(new ParentChild(parent, child));
                }
            }
        }
        return out;
    }

    /** Every enrollment, by student slot order, then course order. */
    public List<Enrollment> enrollments() {
        List<Enrollment> out = new ArrayList<>();
        for (int student : registry.entities()) {
            CoursesAttended list = courseLists.getOrNull(student);
            if (list != null) {
                for (int course : list.courses().toArray()) {
                    out.add(new Enrollment(student, course));
                }
            }
        }
        return out;
    }

    /** How many 1:N edges there are (one per child that has a parent). O(1). */
    public int parentChildCount() {
        return parents.size();
    }

    /** How many 1:1 links there are. O(1). */
    public int playerProfileCount() {
        return playerRelations.size();
    }

    /** How many enrollments there are. O(students). */
    public int enrollmentCount() {
        int count = 0;
        for (int i = 0; i < courseLists.size(); i++) {
            count += courseLists.valueAt(i).courses().size();
        }
        return count;
    }

    /**
     * Every 1:N edge as a flat {@code [parent, child, parent, child, ...]} array, walked straight off
     * the parents' child lists: what the ABI's batched read copies out. Grouped by parent, in no
     * particular order of parents.
     */
    public int[] parentChildPairs() {
        return flatten(childLists, ChildrenComponent::children, parentChildCount());
    }

    /** Every 1:1 link as a flat {@code [player, profile, ...]} array, in no particular order. */
    public int[] playerProfilePairs() {
        int[] flat = new int[playerProfileCount() * 2];
        for (int i = 0; i < playerRelations.size(); i++) {
            flat[2 * i] = playerRelations.entityAt(i);
            flat[2 * i + 1] = playerRelations.valueAt(i).profile();
        }
        return flat;
    }

    /** Every enrollment as a flat {@code [student, course, ...]} array, grouped by student. */
    public int[] enrollmentPairs() {
        return flatten(courseLists, CoursesAttended::courses, enrollmentCount());
    }

    /** Each owner's edges as {@code [owner, other, owner, other, ...]}; {@code count} edges in all. */
    private static <C> int[] flatten(Storage<C> lists, Function<C, EdgeList> edges, int count) {
        int[] flat = new int[count * 2];
        int n = 0;
        for (int i = 0; i < lists.size(); i++) {
            int owner = lists.entityAt(i);
            EdgeList list = edges.apply(lists.valueAt(i));
            int[] raw = list.raw();
            for (int e = 0, size = list.size(); e < size; e++) {
                flat[n++] = owner;
                flat[n++] = raw[e];
            }
        }
        return flat;
    }

    // ---------------------------------------------------------------- cleanup on destroy

    /**
     * Runs from the registry's destroy signal, while the dying entity and its components are still
     * readable. First it plans: which entities CASCADE relations also doom, and whether a FORBID
     * relation vetoes it (then it throws before touching anything). Then it destroys the extra
     * members, sources before targets, in a loop rather than by recursion so a deep hierarchy cannot
     * overflow the stack. Last it removes the dying entity's own edges.
     */
    private void cleanupRelationshipsHook(int entity) {
        if (cascading) {
            cleanupRelationships(entity); // a member of a plan already made and checked
            return;
        }
        int[] plan = planDestruction(entity);
        if (plan.length > 1) {
            cascading = true;
            try {
                for (int i = plan.length - 1; i >= 1; i--) {
                    if (log != null) {
                        log("[EnttManager::Cleanup] Cascade from " + EntityId.toString(entity)
                                + ": destroying entity " + EntityId.toString(plan[i]));
                    }
                    registry.destroy(plan[i]);
                }
            } finally {
                cascading = false;
            }
        }
        cleanupRelationships(entity);
    }

    /**
     * The entity followed by every entity its destruction dooms through CASCADE relations, in
     * discovery order; destroying them back to front puts sources before their targets.
     *
     * @throws DestroyRefusedException if a FORBID relation points into the plan from outside it
     */
    private int[] planDestruction(int root) {
        if (!policies.containsValue(CleanupPolicy.CASCADE) && !policies.containsValue(CleanupPolicy.FORBID)) {
            return new int[] {root};
        }
        int[] plan = {root};
        int size = 1;
        BitSet planned = new BitSet();
        planned.set(EntityId.index(root));
        for (int next = 0; next < size; next++) {
            for (Relation relation : Relation.values()) {
                if (policies.get(relation) != CleanupPolicy.CASCADE) {
                    continue;
                }
                for (int source : sourcesOf(relation, plan[next])) {
                    if (!planned.get(EntityId.index(source))) {
                        planned.set(EntityId.index(source));
                        if (size == plan.length) {
                            plan = Arrays.copyOf(plan, size * 2);
                        }
                        plan[size++] = source;
                    }
                }
            }
        }
        plan = Arrays.copyOf(plan, size);
        for (int target : plan) {
            for (Relation relation : Relation.values()) {
                if (policies.get(relation) != CleanupPolicy.FORBID) {
                    continue;
                }
                for (int source : sourcesOf(relation, target)) {
                    if (!planned.get(EntityId.index(source))) {
                        String via = target == root ? ""
                                : " (destroying it would cascade to " + EntityId.describe(target) + ")";
                        throw new DestroyRefusedException("cannot destroy entity " + EntityId.describe(root) + via
                                + ": " + EntityId.describe(source) + " is its " + relation.source() + " in "
                                + relation + ", whose policy is FORBID");
                    }
                }
            }
        }
        return plan;
    }

    /** The entities whose edge of this relation points at {@code target}. */
    private int[] sourcesOf(Relation relation, int target) {
        switch (relation) {
            case PLAYER_PROFILE: {
                PlayerRelation link = playerRelations.getOrNull(target);
                return link == null ? new int[0] : new int[] {link.profile()};
            }
            case PARENT_CHILD: {
                ChildrenComponent list = childLists.getOrNull(target);
                return list == null ? new int[0] : list.children().toArray();
            }
            case ENROLLMENT: {
                EnrolledStudents list = studentLists.getOrNull(target);
                return list == null ? new int[0] : list.students().toArray();
            }
            default:
                throw new AssertionError(relation);
        }
    }

    /** Removes every edge that names the entity, from the other ends' components. O(its degree). */
    private void cleanupRelationships(int entity) {
        String id = log == null ? null : EntityId.toString(entity); // only the log needs it
        if (log != null) {
            log("[EnttManager::Cleanup] Cleaning relationships for entity " + id + "...");
        }
        PlayerRelation asPlayer = playerRelations.getOrNull(entity);
        if (asPlayer != null) {
            registry.remove(asPlayer.profile(), ProfileOwner.class);
            if (log != null) {
                log("[EnttManager::Cleanup]   profile " + EntityId.toString(asPlayer.profile()) + " lost its player " + id);
            }
        }
        ProfileOwner asProfile = profileOwners.getOrNull(entity);
        if (asProfile != null) {
            registry.remove(asProfile.player(), PlayerRelation.class);
            if (log != null) {
                log("[EnttManager::Cleanup]   player " + EntityId.toString(asProfile.player()) + " lost its profile " + id);
            }
        }
        ParentComponent asChild = parents.getOrNull(entity);
        if (asChild != null) {
            leaveParent(entity, asChild.parent());
            if (log != null) {
                log("[EnttManager::Cleanup]   removed " + id + " from the children of " + EntityId.toString(asChild.parent()));
            }
        }
        ChildrenComponent asParent = childLists.getOrNull(entity);
        if (asParent != null) {
            for (int child : asParent.children().toArray()) {
                registry.remove(child, ParentComponent.class);
                if (log != null) {
                    log("[EnttManager::Cleanup]   child " + EntityId.toString(child) + " lost its parent " + id);
                }
            }
        }
        CoursesAttended asStudent = courseLists.getOrNull(entity);
        if (asStudent != null) {
            for (int course : asStudent.courses().toArray()) {
                removeFromList(course, studentLists, EnrolledStudents::students, EnrolledStudents.class, entity);
            }
            if (log != null) {
                log("[EnttManager::Cleanup]   dropped " + id + " from " + asStudent.courses().size() + " course(s)");
            }
        }
        EnrolledStudents asCourse = studentLists.getOrNull(entity);
        if (asCourse != null) {
            for (int student : asCourse.students().toArray()) {
                removeFromList(student, courseLists, CoursesAttended::courses, CoursesAttended.class, entity);
            }
            if (log != null) {
                log("[EnttManager::Cleanup]   removed course " + id + " from " + asCourse.students().size() + " student(s)");
            }
        }
        if (log != null) {
            log("[EnttManager::Cleanup] Finished cleaning for entity " + id + ".");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void unlink(int player, int profile) {
        registry.remove(player, PlayerRelation.class);
        registry.remove(profile, ProfileOwner.class);
    }

    /** Takes the child out of its parent's list; drops the list when it empties. */
    private void leaveParent(int child, int parent) {
        removeFromList(parent, childLists, ChildrenComponent::children, ChildrenComponent.class, child);
    }

    private void removeEnrollment(int student, int course) {
        removeFromList(student, courseLists, CoursesAttended::courses, CoursesAttended.class, course);
        removeFromList(course, studentLists, EnrolledStudents::students, EnrolledStudents.class, student);
    }

    /** Removes {@code member} from the edge list in {@code owner}'s component; drops the component if empty. */
    private <C> void removeFromList(int owner, Storage<C> storage, Function<C, EdgeList> edges,
                                    Class<C> type, int member) {
        C component = storage.getOrNull(owner);
        if (component == null) {
            return;
        }
        EdgeList list = edges.apply(component);
        list.remove(member);
        if (list.isEmpty()) {
            registry.remove(owner, type);
        }
    }

    /** True if {@code ancestor} is {@code entity} or on its parent chain. */
    private boolean isAncestor(int ancestor, int entity) {
        if (ancestor != entity && !childLists.contains(ancestor)) {
            return false; // a childless entity is nobody's ancestor: growing a chain stays O(1) per link
        }
        for (int at = entity; ; ) {
            if (at == ancestor) {
                return true;
            }
            ParentComponent up = parents.getOrNull(at);
            if (up == null) {
                return false;
            }
            at = up.parent();
        }
    }

    private Outcome.Refused check(String role, int id) {
        if (id == EntityId.NULL) {
            return new Outcome.Refused(Failure.NULL_ENTITY, role + " is the null entity");
        }
        if (!registry.valid(id)) {
            String why = registry.whyInvalid(id);
            return new Outcome.Refused(Failure.INVALID_ENTITY, role.equals("entity") ? why : role + ": " + why);
        }
        return null;
    }

    private Outcome.Refused checkPair(String firstRole, int first, String secondRole, int second) {
        Outcome.Refused bad = check(firstRole, first);
        if (bad == null) {
            bad = check(secondRole, second);
        }
        if (bad == null && first == second) {
            bad = new Outcome.Refused(Failure.SELF_LINK, "entity " + EntityId.describe(first)
                    + " cannot be both " + firstRole + " and " + secondRole + " of one link");
        }
        return bad;
    }

    private Outcome refused(String operation, Outcome.Refused why) {
        if (log != null) {
            log("[EnttManager] " + operation + " refused: " + why.message());
        }
        return why;
    }

    /** Callers check {@code log != null} first, so no line is built when nobody listens. */
    private void log(String line) {
        log.accept(line);
    }
}
