package exercises.twocall;

import dev.ecswasm.abi.AbiTrap;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The host side of {@code size_t host_get_name(uint32_t entity, char *buf, size_t cap)}: the
 * two-call exchange that gets a name the host holds into a buffer the guest owns.
 *
 * <p>The guest calls twice. First with {@code (NULL, 0)}: the host writes nothing and answers how
 * many bytes the name needs, NUL included. The guest allocates that much in its own memory and
 * calls again with {@code (buf, cap)}: the host copies the name's UTF-8 bytes and a NUL and answers
 * the same size, so the guest sees its buffer was big enough.
 *
 * <p>Every call also records a last error, as {@code host_last_error()} would report it:
 * {@link ErrorCode#OK} on success, otherwise the reason. Use {@link #ok} and {@link #fail} to
 * return, so the result and the last error are always set together.
 *
 * <p>The world is a given map from entity id to name: an id that is not a key is not an entity.
 */
public final class NameExchange {
    /** The null entity on the wire, {@code UINT32_MAX}: what a guest passes for "no entity". */
    public static final int NULL_ENTITY = -1;

    private final Map<Integer, String> names;
    private final GuestMemory memory;
    private ErrorCode lastError = ErrorCode.OK;
    private String lastErrorMessage = "";

    /**
     * @param names  the entities that exist, each with its name (given; never changed here)
     * @param memory the guest's linear memory; addresses into it are unsigned 32-bit offsets
     */
    public NameExchange(Map<Integer, String> names, GuestMemory memory) {
        this.names = Objects.requireNonNull(names, "names");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * Task 5.1 to 5.5: answers one call of the two-call exchange for {@code entity}'s name.
     *
     * <p>Read {@code buf} and {@code cap} as unsigned 32-bit values. The name goes out as its UTF-8
     * bytes followed by one NUL byte; {@code needed} below is that count (a name of 3 bytes needs 4).
     * The steps, in this order:
     *
     * <ol>
     *   <li><b>Check the buffer</b>, unless this is the size query {@code (0, 0)}. If {@code buf} is 0
     *       while {@code cap} is not, or {@code [buf, buf + cap)} runs past {@code memory.size()}
     *       (compute the end in 64 bits, so it cannot wrap), throw {@link #outOfBounds(int, int)}.
     *       Nothing is written and the last error is left as it was. This check comes before the
     *       entity is looked at: a bad buffer throws whatever the entity is.</li>
     *   <li><b>Find the entity.</b> {@link #NULL_ENTITY}: return 0 with {@link ErrorCode#NULL_ENTITY}.
     *       Any other id that is not a key of the map: return 0 with
     *       {@link ErrorCode#INVALID_ENTITY}. Nothing is written.</li>
     *   <li><b>Size query</b> {@code (0, 0)}: write nothing, return {@code needed} with
     *       {@link ErrorCode#OK}.</li>
     *   <li><b>Room for nothing</b> ({@code cap == 0}, {@code buf != 0}): not even the NUL fits, so
     *       write nothing; return {@code needed} with {@link ErrorCode#BUFFER_TOO_SMALL}.</li>
     *   <li><b>It fits</b> ({@code cap >= needed}): write exactly the {@code needed} bytes (name and
     *       NUL) at {@code buf}, and not one byte more: the rest of the buffer is the guest's.
     *       Return {@code needed} with {@link ErrorCode#OK}.</li>
     *   <li><b>Too small</b> ({@code 0 < cap < needed}): keep one byte for the NUL; of the name, write
     *       the longest prefix of whole characters that fits in {@code cap - 1} bytes (see
     *       {@link #cutPoint}), then the NUL. Half a character would be invalid UTF-8 to the guest.
     *       Return {@code needed} (the full size, so the guest can ask again with enough room) with
     *       {@link ErrorCode#BUFFER_TOO_SMALL}.</li>
     * </ol>
     *
     * @return the bytes the name needs with its NUL, or 0 if the entity is not there
     * @throws AbiTrap from {@link #outOfBounds(int, int)} if the buffer is not inside guest memory
     */
    public int getName(int entity, int buf, int cap) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 5.1-5.5: answer one call of the two-call exchange (see the Javadoc and the README)");
        boolean sizeQuery = buf == 0 && cap == 0;
        long room = Integer.toUnsignedLong(cap);
        if (!sizeQuery) {
            long start = Integer.toUnsignedLong(buf);
            if (start == 0 || start + room > memory.size()) {
                throw outOfBounds(buf, cap);
            }
        }
        if (entity == NULL_ENTITY) {
            return fail(ErrorCode.NULL_ENTITY, "the entity is the null entity", 0);
        }
        String name = names.get(entity);
        if (name == null) {
            return fail(ErrorCode.INVALID_ENTITY, "entity " + Integer.toUnsignedString(entity) + " does not exist", 0);
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int needed = utf8.length + 1;
        if (sizeQuery) {
            return ok(needed);
        }
        if (room == 0) {
            return fail(ErrorCode.BUFFER_TOO_SMALL, "a buffer of 0 bytes holds nothing; " + needed + " needed", needed);
        }
        if (room >= needed) {
            memory.write(buf, Arrays.copyOf(utf8, needed)); // copyOf pads with the NUL
            return ok(needed);
        }
        int kept = cutPoint(utf8, (int) room);
        byte[] truncated = Arrays.copyOf(utf8, kept + 1);
        truncated[kept] = 0; // the kept bytes, then the NUL
        memory.write(buf, truncated);
        return fail(ErrorCode.BUFFER_TOO_SMALL, "truncated to " + kept + " of " + utf8.length + " bytes; " + needed
                + " needed", needed);
        // END SOLUTION
    }

    /**
     * Task 5.4: where to cut {@code utf8} so that at most {@code maxBytes} bytes are kept and no
     * character is split. Returns the largest {@code n <= maxBytes} such that {@code utf8[0..n)} is
     * whole characters; {@code utf8.length} if {@code maxBytes >= utf8.length}.
     *
     * <p>In UTF-8 a character is 1 to 4 bytes; the bytes after its first are continuation bytes,
     * {@code 10xxxxxx}. For {@code "h€"} ({@code 68 E2 82 AC}) and {@code maxBytes} 3 the answer is
     * 1: keeping {@code 68 E2 82} would split the {@code €}.
     *
     * @param utf8     valid UTF-8 (no NUL)
     * @param maxBytes at least 0
     */
    public static int cutPoint(byte[] utf8, int maxBytes) {
        // BEGIN SOLUTION
        // STUB throw new UnsupportedOperationException(
        // STUB         "Task 5.4: find the last character boundary at or before maxBytes (see the README)");
        if (maxBytes >= utf8.length) {
            return utf8.length;
        }
        int kept = maxBytes;
        // utf8[kept] is the first byte not kept: while it continues a character, that character is cut
        while (kept > 0 && (utf8[kept] & 0xC0) == 0x80) {
            kept--;
        }
        return kept;
        // END SOLUTION
    }

    // ---------------------------------------------------------------- given

    /** The error the previous {@link #getName} call recorded; {@link ErrorCode#OK} before any call. */
    public ErrorCode lastError() {
        return lastError;
    }

    /** Why, in a sentence; empty after success. */
    public String lastErrorMessage() {
        return lastErrorMessage;
    }

    /** Records success and returns {@code result}: {@code return ok(needed);}. */
    private int ok(int result) {
        lastError = ErrorCode.OK;
        lastErrorMessage = "";
        return result;
    }

    /** Records a failure with its reason and returns {@code result}: {@code return fail(code, why, needed);}. */
    private int fail(ErrorCode code, String why, int result) {
        lastError = code;
        lastErrorMessage = why;
        return result;
    }

    /** The trap for a buffer outside guest memory (a Wasm trap: the guest's call is aborted). */
    private AbiTrap outOfBounds(int buf, int cap) {
        return new AbiTrap("host_get_name: buffer [" + Integer.toUnsignedString(buf) + ", +"
                + Integer.toUnsignedString(cap) + ") is not inside guest memory (" + memory.size() + " bytes)");
    }
}
