package dev.ecswasm.abi;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import dev.ecswasm.world.WorldFullException;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The C API (the seed's {@code entt_api.cpp}): every manager operation as a function of plain
 * {@code int}s, taking an opaque manager handle first.
 *
 * <p>The seed's conventions hold: ids, sizes and pointers are unsigned 32-bit {@code i32}s, booleans
 * are {@code 1} / {@code 0}, "no entity" is {@link #FFI_NULL_ENTITY}, and strings and lists come back
 * through the two-call exchange ({@link TwoCall}). One is added: each call records why it returned
 * what it did, for {@link #lastError(int)} ({@link LastError}). A bad pointer or length, a name over
 * the limit, or a forged or closed handle is an {@link AbiTrap}, thrown before anything changes;
 * guest memory is checked first, so a bad buffer traps whatever the other arguments are.
 *
 * <p>Each function does what the seed's does: find the manager behind the handle ({@link Session}),
 * make one manager call, turn its answer into C values.
 */
public final class EnttApi {
    /** The null entity on the wire: {@code UINT32_MAX}. */
    public static final int FFI_NULL_ENTITY = EntityId.NULL;
    /** The longest name a guest may send unless told otherwise: 64 KiB. */
    public static final int DEFAULT_MAX_NAME_BYTES = 64 * 1024;
    /** The most live entities a world may hold before {@code host_create_entity} traps, unless told otherwise. */
    public static final int DEFAULT_MAX_ENTITIES = 100_000;
    /**
     * The most edges (all three relations together) a world may hold before a call that would add one
     * traps, unless told otherwise: a million. An enrollment costs about 60 bytes of heap (an id and an
     * index slot on each end, measured: 59 MB for 1,000,000 of them among 6,000 entities), so a full
     * world's edges take some 60 MB, a small part of a default heap.
     */
    public static final int DEFAULT_MAX_EDGES = 1_000_000;
    /**
     * The most UTF-8 bytes all of a world's names may add up to before {@code host_add_name} traps,
     * unless told otherwise: 16 MiB (a Java string takes at most as many bytes as its UTF-8, plus a
     * few dozen a name), where maxEntities names of maxNameBytes each would be 6.4 GB.
     */
    public static final int DEFAULT_MAX_NAME_BYTES_TOTAL = 16 * 1024 * 1024;

    private final ManagerHandles handles = new ManagerHandles();
    private final WorldLimits limits;

    /** A C API with the default limits. */
    public EnttApi() {
        this(DEFAULT_MAX_NAME_BYTES, DEFAULT_MAX_ENTITIES);
    }

    /**
     * A C API with its own limits on the longest name in UTF-8 bytes and the most live entities a world
     * may reach, and the default limits on edges and on all names together.
     */
    public EnttApi(int maxNameBytes, int maxEntities) {
        this(maxNameBytes, maxEntities, DEFAULT_MAX_EDGES, DEFAULT_MAX_NAME_BYTES_TOTAL);
    }

    /**
     * A C API with its own limits: the longest name in UTF-8 bytes, the most live entities a world may
     * reach, the most edges its three relations may hold together, the most UTF-8 bytes all its names
     * may add up to. Each is a limit on the world's totals, whoever added to them.
     */
    public EnttApi(int maxNameBytes, int maxEntities, int maxEdges, int maxNameBytesTotal) {
        this.limits = new WorldLimits(maxNameBytes, maxEntities, maxEdges, maxNameBytesTotal);
    }

    // ---------------------------------------------------------------- handles

    /** Opens a handle on a manager: what {@code EnttManagerHandle*} is in the seed. */
    public int open(EnttManager manager) {
        return handles.open(manager);
    }

    /** True while the handle names an open manager. */
    public boolean isOpen(int handle) {
        return handles.isOpen(handle);
    }

    /** Closes a handle; every later use of it traps. */
    public void close(int handle) {
        handles.close(handle);
    }

    // ---------------------------------------------------------------- entities

    public int createEntity(int handle) {
        Session s = handles.resolve(handle);
        limits.checkEntities(s.manager);
        try {
            return s.errors.ok(s.manager.createEntity());
        } catch (WorldFullException full) {
            return s.errors.fail(ErrorCode.ENTITY_LIMIT, full.getMessage(), FFI_NULL_ENTITY);
        }
    }

    public void destroyEntity(int handle, int entity) {
        Session s = handles.resolve(handle);
        s.errors.record(s.manager.destroyEntity(entity));
    }

    /** 1 if the id names a live entity, else 0 (which is an answer, not an error). */
    public int isEntityValid(int handle, int entity) {
        Session s = handles.resolve(handle);
        return s.errors.ok(s.manager.isEntityValid(entity) ? 1 : 0);
    }

    // ---------------------------------------------------------------- names

    /** Reads {@code len} bytes of UTF-8 at {@code ptr} (no NUL needed) and names the entity. */
    public void addName(int handle, GuestMemory memory, int entity, int ptr, int len) {
        Session s = handles.resolve(handle);
        limits.checkNameBytes(len);
        Utf8.Decoded name = Utf8.decode("name", new GuestAccess(memory).read("name", ptr, len));
        if (name instanceof Utf8.Rejected rejected) {
            s.errors.fail(rejected.code(), rejected.reason(), 0);
        } else if (name instanceof Utf8.Text text) {
            if (s.manager.isEntityValid(entity)) { // else the manager refuses it and nothing is stored
                limits.checkNameBytesTotal(s.manager, entity, len);
            }
            s.errors.record(s.manager.addName(entity, text.value()));
        }
    }

    /** Two-call: the name's UTF-8 bytes plus NUL; 0 if the entity has no name or is not valid. */
    public int getName(int handle, GuestMemory memory, int entity, int buf, int cap) {
        Session s = handles.resolve(handle);
        TwoCall out = TwoCall.begin(s, memory, "name buffer", buf, cap, 1);
        if (!s.validEntity(entity)) {
            return 0;
        }
        Optional<String> name = s.manager.getName(entity);
        return name.isPresent() ? out.string(name.get()) : s.notFound(entity, "name", 0);
    }

    public int removeName(int handle, int entity) {
        Session s = handles.resolve(handle);
        return s.errors.record(s.manager.removeName(entity));
    }

    // ---------------------------------------------------------------- 1:1

    public int linkPlayerProfile(int handle, int player, int profile) {
        Session s = handles.resolve(handle);
        limits.checkEdges(s.manager, Relation.PLAYER_PROFILE, player, profile);
        return s.errors.record(s.manager.linkPlayerProfile(player, profile));
    }

    public int unlinkPlayerProfile(int handle, int entity) {
        Session s = handles.resolve(handle);
        return s.errors.record(s.manager.unlinkPlayerProfile(entity));
    }

    /** The player's profile, or {@link #FFI_NULL_ENTITY}. */
    public int getProfileForPlayer(int handle, int player) {
        Session s = handles.resolve(handle);
        return s.entityOrNull(player, s.manager.getProfileForPlayer(player), "profile");
    }

    /** The profile's player, or {@link #FFI_NULL_ENTITY}. */
    public int getPlayerForProfile(int handle, int profile) {
        Session s = handles.resolve(handle);
        return s.entityOrNull(profile, s.manager.getPlayerForProfile(profile), "player");
    }

    // ---------------------------------------------------------------- 1:N

    /** 1 if {@code parent} is now the one parent of {@code child}; 0 if that would close a cycle. */
    public int setParent(int handle, int child, int parent) {
        Session s = handles.resolve(handle);
        limits.checkEdges(s.manager, Relation.PARENT_CHILD, parent, child);
        return s.errors.record(s.manager.setParent(child, parent));
    }

    public int removeParent(int handle, int child) {
        Session s = handles.resolve(handle);
        return s.errors.record(s.manager.removeParent(child));
    }

    /** The child's parent, or {@link #FFI_NULL_ENTITY}. */
    public int getParent(int handle, int child) {
        Session s = handles.resolve(handle);
        return s.entityOrNull(child, s.manager.getParent(child), "parent");
    }

    /** Two-call: the number of children; {@code cap} counts elements. */
    public int findChildren(int handle, GuestMemory memory, int parent, int buf, int cap) {
        return idList(handle, memory, "children buffer", parent, buf, cap, EnttManager::findChildren);
    }

    // ---------------------------------------------------------------- N:N

    public int enroll(int handle, int student, int course) {
        Session s = handles.resolve(handle);
        limits.checkEdges(s.manager, Relation.ENROLLMENT, student, course);
        return s.errors.record(s.manager.enroll(student, course));
    }

    public int drop(int handle, int student, int course) {
        Session s = handles.resolve(handle);
        return s.errors.record(s.manager.drop(student, course));
    }

    /** Two-call: the student's courses; {@code cap} counts elements. */
    public int getCoursesForStudent(int handle, GuestMemory memory, int student, int buf, int cap) {
        return idList(handle, memory, "courses buffer", student, buf, cap, EnttManager::getCoursesForStudent);
    }

    /** Two-call: the course's students; {@code cap} counts elements. */
    public int getStudentsForCourse(int handle, GuestMemory memory, int course, int buf, int cap) {
        return idList(handle, memory, "students buffer", course, buf, cap, EnttManager::getStudentsForCourse);
    }

    // ---------------------------------------------------------------- plain-data components

    /** Copies a component's bytes from the guest; {@code len} must be the layout's size. 1 on success. */
    public int setComponent(int handle, GuestMemory memory, int entity, int typeId, int ptr, int len) {
        Session s = handles.resolve(handle);
        GuestAccess guest = new GuestAccess(memory);
        guest.checkRange("component", ptr, Integer.toUnsignedLong(len));
        Optional<PodLayout<?>> layout = s.layout(typeId, Integer.toUnsignedLong(len));
        if (layout.isEmpty()) {
            return 0;
        }
        Object value = layout.get().decode(guest.read("component", ptr, len));
        return s.errors.record(s.manager.setComponent(entity, value));
    }

    /** Two-call: the component's size in bytes, written only if it all fits; 0 if the entity has none. */
    public int getComponent(int handle, GuestMemory memory, int entity, int typeId, int buf, int cap) {
        Session s = handles.resolve(handle);
        TwoCall out = TwoCall.begin(s, memory, "component buffer", buf, cap, 1);
        Optional<PodLayout<?>> layout = s.layout(typeId);
        if (layout.isEmpty() || !s.validEntity(entity)) {
            return 0;
        }
        return component(s, out, layout.get(), entity);
    }

    public int removeComponent(int handle, int entity, int typeId) {
        Session s = handles.resolve(handle);
        Optional<PodLayout<?>> layout = s.layout(typeId);
        return layout.isEmpty() ? 0 : s.errors.record(s.manager.removeComponent(entity, layout.get().type()));
    }

    // ---------------------------------------------------------------- whole relations, batched

    /** Two-call: every 1:1 link as {@code (player, profile)} u32 pairs; {@code cap} counts pairs. */
    public int getPlayerProfiles(int handle, GuestMemory memory, int buf, int cap) {
        return pairList(handle, memory, buf, cap, Relation.PLAYER_PROFILE);
    }

    /** Two-call: every 1:N edge as {@code (parent, child)} u32 pairs; {@code cap} counts pairs. */
    public int getParentChildPairs(int handle, GuestMemory memory, int buf, int cap) {
        return pairList(handle, memory, buf, cap, Relation.PARENT_CHILD);
    }

    /** Two-call: every N:N edge as {@code (student, course)} u32 pairs; {@code cap} counts pairs. */
    public int getEnrollments(int handle, GuestMemory memory, int buf, int cap) {
        return pairList(handle, memory, buf, cap, Relation.ENROLLMENT);
    }

    // ---------------------------------------------------------------- last error

    /** The {@link ErrorCode} number of the previous call on this handle. */
    public int lastError(int handle) {
        return handles.resolve(handle).errors.code().code();
    }

    /** Two-call: the previous call's explanation, empty after success. Leaves the last error alone. */
    public int lastErrorMessage(int handle, GuestMemory memory, int buf, int cap) {
        Session s = handles.resolve(handle);
        TwoCall out = TwoCall.begin(s, memory, "message buffer", buf, cap, 1);
        return s.errors.leavingAlone(() -> out.string(s.errors.message()));
    }

    // ---------------------------------------------------------------- shared steps

    /** An id list by entity: the buffer first, then the entity, then the list. */
    private int idList(int handle, GuestMemory memory, String what, int entity, int buf, int cap,
                       BiFunction<EnttManager, Integer, int[]> query) {
        Session s = handles.resolve(handle);
        TwoCall out = TwoCall.begin(s, memory, what, buf, cap, 4);
        return s.validEntity(entity) ? out.ids(query.apply(s.manager, entity)) : 0;
    }

    /** A whole relation: counted on every call, flattened only when the pairs will be written. */
    private int pairList(int handle, GuestMemory memory, int buf, int cap, Relation relation) {
        Session s = handles.resolve(handle);
        TwoCall out = TwoCall.begin(s, memory, "pair buffer", buf, cap, 8);
        return out.pairs(s, relation);
    }

    /** A component the entity has, as its layout's bytes; NOT_FOUND if it has none. */
    private static <T> int component(Session s, TwoCall out, PodLayout<T> layout, int entity) {
        Optional<T> value = s.manager.getComponent(entity, layout.type());
        return value.isPresent() ? out.struct(layout, value.get()) : s.notFound(entity, layout.type().getSimpleName(), 0);
    }

    /** The handle in hex and the manager it names, or that it is not open; for {@code toString}s. */
    String describe(int handle) {
        return handles.describe(handle);
    }

    /**
     * E.g. {@code EnttApi[1 open handle, maxNameBytes 65536, maxEntities 100000, maxEdges 1000000,
     * maxNameBytesTotal 16777216]}.
     */
    @Override
    public String toString() {
        int open = handles.openCount();
        return "EnttApi[" + open + " open handle" + (open == 1 ? "" : "s") + ", " + limits + "]";
    }
}
