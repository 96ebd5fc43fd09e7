package dev.ecswasm.abi;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Outcome;
import dev.ecswasm.world.Relation;
import dev.ecswasm.world.WorldFullException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The C API (the seed's {@code entt_api.cpp}): every manager operation as a function of plain
 * {@code int}s, taking an opaque manager handle first.
 *
 * <p>The conventions, all of them the seed's except the last:
 * <ul>
 *   <li>ids, sizes and pointers are {@code i32}s read as unsigned 32-bit values;</li>
 *   <li>booleans are {@code 1} / {@code 0};</li>
 *   <li>"no entity" is {@link #FFI_NULL_ENTITY};</li>
 *   <li>strings and lists come back through the two-call pattern: called with {@code (0, 0)} a
 *       function returns the size it needs (string bytes including the NUL, or list elements);
 *       called again with a buffer it copies and returns the same size. A string that does not fit
 *       is truncated on a UTF-8 character boundary and still NUL-terminated; a list that does not
 *       fit is not written at all;</li>
 *   <li>each call records why it returned what it did, for {@link #lastError(int)}.</li>
 * </ul>
 * A bad pointer or length, a name over the size limit, or a forged or closed handle is an
 * {@link AbiTrap}, thrown before anything changes. Guest memory is checked before anything else,
 * so a bad buffer traps whatever the other arguments are.
 */
public final class EnttApi {
    /** The null entity on the wire: {@code UINT32_MAX}. */
    public static final int FFI_NULL_ENTITY = EntityId.NULL;
    /** The longest name a guest may send unless told otherwise: 64 KiB. */
    public static final int DEFAULT_MAX_NAME_BYTES = 64 * 1024;
    /** The most live entities a world may hold before {@code host_create_entity} traps, unless told otherwise. */
    public static final int DEFAULT_MAX_ENTITIES = 100_000;

    private final ManagerHandles handles = new ManagerHandles();
    private String lastEncoded;   // the two calls of one exchange encode the same String once
    private byte[] lastUtf8;
    private final int maxNameBytes;
    private final int maxEntities;

    public EnttApi() {
        this(DEFAULT_MAX_NAME_BYTES, DEFAULT_MAX_ENTITIES);
    }

    /**
     * @param maxNameBytes the longest name, in UTF-8 bytes, {@code host_add_name} accepts
     * @param maxEntities  the most live entities {@code host_create_entity} lets a world reach
     */
    public EnttApi(int maxNameBytes, int maxEntities) {
        if (maxNameBytes < 0) {
            throw new IllegalArgumentException("maxNameBytes must not be negative: " + maxNameBytes);
        }
        if (maxEntities < 0) {
            throw new IllegalArgumentException("maxEntities must not be negative: " + maxEntities);
        }
        this.maxNameBytes = maxNameBytes;
        this.maxEntities = maxEntities;
    }

    // ---------------------------------------------------------------- handles

    /** Opens a handle on a manager: what {@code EnttManagerHandle*} is in the seed. */
    public int open(EnttManager manager) {
        return handles.open(manager);
    }

    /** True while the handle names an open manager. */
    public boolean isOpen(int handle) {
        try {
            handles.resolve(handle);
            return true;
        } catch (AbiTrap closedOrForged) {
            return false;
        }
    }

    /** Closes a handle; every later use of it traps. */
    public void close(int handle) {
        handles.close(handle);
    }

    // ---------------------------------------------------------------- entities

    public int createEntity(int handle) {
        ManagerHandles.Session s = handles.resolve(handle);
        if (s.manager.entityCount() >= maxEntities) {
            throw new LimitTrap("maxEntities", "the world already holds " + s.manager.entityCount()
                    + " entities; no more may be created");
        }
        try {
            return ok(s, s.manager.createEntity());
        } catch (WorldFullException full) {
            return fail(s, ErrorCode.ENTITY_LIMIT, full.getMessage(), FFI_NULL_ENTITY);
        }
    }

    public void destroyEntity(int handle, int entity) {
        ManagerHandles.Session s = handles.resolve(handle);
        record(s, s.manager.destroyEntity(entity));
    }

    /** 1 if the id names a live entity, else 0 (which is an answer, not an error). */
    public int isEntityValid(int handle, int entity) {
        ManagerHandles.Session s = handles.resolve(handle);
        return ok(s, s.manager.isEntityValid(entity) ? 1 : 0);
    }

    // ---------------------------------------------------------------- names

    /** Reads {@code len} bytes of UTF-8 at {@code ptr} (no NUL needed) and names the entity. */
    public void addName(int handle, GuestMemory memory, int entity, int ptr, int len) {
        ManagerHandles.Session s = handles.resolve(handle);
        if (Integer.toUnsignedLong(len) > maxNameBytes) {
            throw new LimitTrap("maxNameBytes", "a name of " + Integer.toUnsignedLong(len)
                    + " bytes is longer than " + maxNameBytes);
        }
        byte[] bytes = new GuestAccess(memory).read("name", ptr, len);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                fail(s, ErrorCode.BAD_ARGUMENT, "name has a NUL byte at offset " + i, 0);
                return;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            fail(s, ErrorCode.INVALID_UTF8, "name is not valid UTF-8: bad byte 0x"
                    + String.format("%02X", bytes[in.position()]) + " at offset " + in.position(), 0);
            return;
        }
        record(s, s.manager.addName(entity, out.flip().toString()));
    }

    /** Two-call: the name's UTF-8 bytes plus NUL; 0 if the entity has no name or is not valid. */
    public int getName(int handle, GuestMemory memory, int entity, int buf, int cap) {
        ManagerHandles.Session s = handles.resolve(handle);
        GuestAccess guest = checkedBuffer(memory, "name buffer", buf, cap, 1);
        if (!validEntity(s, entity)) {
            return 0;
        }
        Optional<String> name = s.manager.getName(entity);
        if (name.isEmpty()) {
            return fail(s, ErrorCode.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no name", 0);
        }
        return writeString(s, guest, name.get(), buf, cap);
    }

    public int removeName(int handle, int entity) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.removeName(entity));
    }

    // ---------------------------------------------------------------- 1:1

    public int linkPlayerProfile(int handle, int player, int profile) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.linkPlayerProfile(player, profile));
    }

    public int unlinkPlayerProfile(int handle, int entity) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.unlinkPlayerProfile(entity));
    }

    /** The player's profile, or {@link #FFI_NULL_ENTITY}. */
    public int getProfileForPlayer(int handle, int player) {
        ManagerHandles.Session s = handles.resolve(handle);
        return entityOrNull(s, player, s.manager.getProfileForPlayer(player), "has no profile");
    }

    /** The profile's player, or {@link #FFI_NULL_ENTITY}. */
    public int getPlayerForProfile(int handle, int profile) {
        ManagerHandles.Session s = handles.resolve(handle);
        return entityOrNull(s, profile, s.manager.getPlayerForProfile(profile), "has no player");
    }

    // ---------------------------------------------------------------- 1:N

    public int setParent(int handle, int child, int parent) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.setParent(child, parent));
    }

    public int removeParent(int handle, int child) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.removeParent(child));
    }

    /** The child's parent, or {@link #FFI_NULL_ENTITY}. */
    public int getParent(int handle, int child) {
        ManagerHandles.Session s = handles.resolve(handle);
        return entityOrNull(s, child, s.manager.getParent(child), "has no parent");
    }

    /** Two-call: the number of children; {@code cap} counts elements. */
    public int findChildren(int handle, GuestMemory memory, int parent, int buf, int cap) {
        return idList(handle, memory, "children buffer", parent, buf, cap, EnttManager::findChildren);
    }

    // ---------------------------------------------------------------- N:N

    public int enroll(int handle, int student, int course) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.enroll(student, course));
    }

    public int drop(int handle, int student, int course) {
        ManagerHandles.Session s = handles.resolve(handle);
        return record(s, s.manager.drop(student, course));
    }

    public int getCoursesForStudent(int handle, GuestMemory memory, int student, int buf, int cap) {
        return idList(handle, memory, "courses buffer", student, buf, cap, EnttManager::getCoursesForStudent);
    }

    public int getStudentsForCourse(int handle, GuestMemory memory, int course, int buf, int cap) {
        return idList(handle, memory, "students buffer", course, buf, cap, EnttManager::getStudentsForCourse);
    }

    // ---------------------------------------------------------------- plain-data components

    /** Copies a component's bytes from the guest; {@code len} must be the layout's size. 1 on success. */
    public int setComponent(int handle, GuestMemory memory, int entity, int typeId, int ptr, int len) {
        ManagerHandles.Session s = handles.resolve(handle);
        GuestAccess guest = new GuestAccess(memory);
        guest.checkRange("component", ptr, Integer.toUnsignedLong(len));
        Optional<PodLayout<?>> layout = Layouts.byTypeId(typeId);
        if (layout.isEmpty()) {
            return fail(s, ErrorCode.BAD_ARGUMENT, "no component has type id " + typeId, 0);
        }
        if (Integer.toUnsignedLong(len) != layout.get().size()) {
            return fail(s, ErrorCode.BAD_ARGUMENT, layout.get().name() + " is " + layout.get().size()
                    + " bytes, not " + Integer.toUnsignedLong(len), 0);
        }
        Object value = layout.get().decode(guest.read("component", ptr, len));
        return record(s, s.manager.setComponent(entity, value));
    }

    /**
     * Two-call: the component's size in bytes, 0 if the entity has none. Written only when it fits,
     * like an id list, since half a struct is no use.
     */
    public int getComponent(int handle, GuestMemory memory, int entity, int typeId, int buf, int cap) {
        ManagerHandles.Session s = handles.resolve(handle);
        GuestAccess guest = checkedBuffer(memory, "component buffer", buf, cap, 1);
        Optional<PodLayout<?>> layout = Layouts.byTypeId(typeId);
        if (layout.isEmpty()) {
            return fail(s, ErrorCode.BAD_ARGUMENT, "no component has type id " + typeId, 0);
        }
        if (!validEntity(s, entity)) {
            return 0;
        }
        return writeComponent(s, guest, layout.get(), entity, buf, cap);
    }

    public int removeComponent(int handle, int entity, int typeId) {
        ManagerHandles.Session s = handles.resolve(handle);
        Optional<PodLayout<?>> layout = Layouts.byTypeId(typeId);
        if (layout.isEmpty()) {
            return fail(s, ErrorCode.BAD_ARGUMENT, "no component has type id " + typeId, 0);
        }
        return record(s, s.manager.removeComponent(entity, layout.get().type()));
    }

    // ---------------------------------------------------------------- whole relations, batched

    /** Two-call: every 1:1 link as {@code (player, profile)} u32 pairs; {@code cap} counts pairs. */
    public int getPlayerProfiles(int handle, GuestMemory memory, int buf, int cap) {
        return pairList(handle, memory, buf, cap, world -> world.edgeCount(Relation.PLAYER_PROFILE),
                world -> EdgePairs.flat(world, Relation.PLAYER_PROFILE));
    }

    /** Two-call: every 1:N edge as {@code (parent, child)} u32 pairs; {@code cap} counts pairs. */
    public int getParentChildPairs(int handle, GuestMemory memory, int buf, int cap) {
        return pairList(handle, memory, buf, cap, world -> world.edgeCount(Relation.PARENT_CHILD),
                world -> EdgePairs.flat(world, Relation.PARENT_CHILD));
    }

    /** Two-call: every N:N edge as {@code (student, course)} u32 pairs; {@code cap} counts pairs. */
    public int getEnrollments(int handle, GuestMemory memory, int buf, int cap) {
        return pairList(handle, memory, buf, cap, world -> world.edgeCount(Relation.ENROLLMENT),
                world -> EdgePairs.flat(world, Relation.ENROLLMENT));
    }

    // ---------------------------------------------------------------- last error

    /** The {@link ErrorCode} number of the previous call on this handle. */
    public int lastError(int handle) {
        return handles.resolve(handle).lastError.code();
    }

    /** Two-call: the previous call's explanation, empty after success. Leaves the last error alone. */
    public int lastErrorMessage(int handle, GuestMemory memory, int buf, int cap) {
        ManagerHandles.Session s = handles.resolve(handle);
        GuestAccess guest = checkedBuffer(memory, "message buffer", buf, cap, 1);
        ErrorCode kept = s.lastError;
        String message = s.lastMessage;
        int needed = writeString(s, guest, message, buf, cap);
        s.lastError = kept;
        s.lastMessage = message;
        return needed;
    }

    // ---------------------------------------------------------------- helpers

    /** Checks a two-call buffer unless the call is the {@code (0, 0)} size query. */
    private static GuestAccess checkedBuffer(GuestMemory memory, String what, int buf, int cap, int elementSize) {
        GuestAccess guest = new GuestAccess(memory);
        if (buf != 0 || cap != 0) {
            guest.checkRange(what, buf, Integer.toUnsignedLong(cap) * elementSize);
        }
        return guest;
    }

    /** The string's UTF-8 bytes followed by a NUL, encoded once per two-call exchange. */
    private byte[] utf8z(String value) {
        if (value != lastEncoded) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            lastUtf8 = Arrays.copyOf(utf8, utf8.length + 1);
            lastEncoded = value;
        }
        return lastUtf8;
    }

    /** Copies as much of the string as fits, cut at a character boundary, then a NUL. */
    private int writeString(ManagerHandles.Session s, GuestAccess guest, String value, int buf, int cap) {
        byte[] utf8z = utf8z(value);
        int length = utf8z.length - 1;
        int needed = utf8z.length;
        if (buf == 0 && cap == 0) {
            return ok(s, needed);
        }
        long room = Integer.toUnsignedLong(cap);
        if (room == 0) {
            return fail(s, ErrorCode.BUFFER_TOO_SMALL, "a buffer of 0 bytes holds nothing; " + needed + " needed", needed);
        }
        if (room >= needed) {
            guest.write("string buffer", buf, utf8z); // the common case: it all fits
            return ok(s, needed);
        }
        int copied = (int) (room - 1);
        while (copied > 0 && (utf8z[copied] & 0xC0) == 0x80) {
            copied--; // utf8z[copied] continues a character: cut before that character starts
        }
        byte[] out = Arrays.copyOf(utf8z, copied + 1); // the last byte becomes the NUL
        out[copied] = 0;
        guest.write("string buffer", buf, out);
        return fail(s, ErrorCode.BUFFER_TOO_SMALL, "truncated to " + copied + " of " + length
                + " bytes; " + needed + " needed", needed);
    }

    private int idList(int handle, GuestMemory memory, String what, int entity, int buf, int cap,
                       BiFunction<EnttManager, Integer, int[]> query) {
        ManagerHandles.Session s = handles.resolve(handle);
        GuestAccess guest = checkedBuffer(memory, what, buf, cap, 4);
        if (!validEntity(s, entity)) {
            return 0;
        }
        int[] ids = query.apply(s.manager, entity);
        return writeU32s(s, guest, ids, ids.length, buf, cap);
    }

    /** Call 1 only counts (cheap); call 2 walks the relation and copies it, if it fits. */
    private int pairList(int handle, GuestMemory memory, int buf, int cap, ToIntFunction<EnttManager> count,
                         Function<EnttManager, int[]> pairs) {
        ManagerHandles.Session s = handles.resolve(handle);
        GuestAccess guest = checkedBuffer(memory, "pair buffer", buf, cap, 8);
        int needed = count.applyAsInt(s.manager);
        if (buf == 0 && cap == 0 || Integer.toUnsignedLong(cap) < needed) {
            return writeU32s(s, guest, null, needed, buf, cap);
        }
        return writeU32s(s, guest, pairs.apply(s.manager), needed, buf, cap);
    }

    /** Writes the values if all {@code count} elements fit in {@code cap}; returns {@code count}. */
    private static int writeU32s(ManagerHandles.Session s, GuestAccess guest, int[] values, int count, int buf, int cap) {
        if (buf == 0 && cap == 0) {
            return ok(s, count);
        }
        if (Integer.toUnsignedLong(cap) < count) {
            return fail(s, ErrorCode.BUFFER_TOO_SMALL, "room for " + Integer.toUnsignedLong(cap) + ", " + count
                    + " needed; nothing written", count);
        }
        guest.writeU32s("list buffer", buf, values, values.length);
        return ok(s, count);
    }

    private static <T> int writeComponent(ManagerHandles.Session s, GuestAccess guest, PodLayout<T> layout,
                                          int entity, int buf, int cap) {
        Optional<T> value = s.manager.getComponent(entity, layout.type());
        if (value.isEmpty()) {
            return fail(s, ErrorCode.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no "
                    + layout.type().getSimpleName(), 0);
        }
        int needed = layout.size();
        if (buf == 0 && cap == 0) {
            return ok(s, needed);
        }
        if (Integer.toUnsignedLong(cap) < needed) {
            return fail(s, ErrorCode.BUFFER_TOO_SMALL, "room for " + Integer.toUnsignedLong(cap) + " bytes, "
                    + needed + " needed; nothing written", needed);
        }
        guest.write("component buffer", buf, layout.encode(value.get()));
        return ok(s, needed);
    }

    private static int entityOrNull(ManagerHandles.Session s, int entity, OptionalInt answer, String absent) {
        if (!validEntity(s, entity)) {
            return FFI_NULL_ENTITY;
        }
        if (answer.isEmpty()) {
            return fail(s, ErrorCode.NOT_FOUND, "entity " + EntityId.describe(entity) + " " + absent, FFI_NULL_ENTITY);
        }
        return ok(s, answer.getAsInt());
    }

    /** True if the id is live; otherwise records why not. */
    private static boolean validEntity(ManagerHandles.Session s, int entity) {
        if (s.manager.isEntityValid(entity)) {
            return true;
        }
        fail(s, entity == FFI_NULL_ENTITY ? ErrorCode.NULL_ENTITY : ErrorCode.INVALID_ENTITY,
                s.manager.whyInvalid(entity), 0);
        return false;
    }

    /** Records a manager outcome; returns it as the C API's 1 / 0. */
    private static int record(ManagerHandles.Session s, Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            return fail(s, ErrorCode.of(refused.failure()), refused.message(), 0);
        }
        return ok(s, 1);
    }

    private static int ok(ManagerHandles.Session s, int result) {
        s.lastError = ErrorCode.OK;
        s.lastMessage = "";
        return result;
    }

    private static int fail(ManagerHandles.Session s, ErrorCode code, String message, int result) {
        s.lastError = code;
        s.lastMessage = message;
        return result;
    }
}
