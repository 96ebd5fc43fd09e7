package dev.ecswasm.abi;

import dev.ecswasm.world.Relation;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The two-call exchange: how a string, an id list or a struct the host holds gets into a buffer the
 * guest owns, when the guest cannot know its size in advance and the host must never allocate in the
 * guest's memory.
 *
 * <ol>
 *   <li>Call 1 passes {@code (0, 0)}: the host writes nothing and returns the size it needs (string
 *       bytes including the NUL, or list elements, or struct bytes).</li>
 *   <li>The guest allocates that much in its own memory.</li>
 *   <li>Call 2 passes {@code (buf, cap)}: the host copies and returns the same size, so the guest can
 *       confirm its buffer was big enough.</li>
 * </ol>
 *
 * When the buffer is too small anyway, a string is cut on a character boundary and still
 * NUL-terminated, while a list or a struct is not written at all; the result is the full size and
 * the last error is {@link ErrorCode#BUFFER_TOO_SMALL}.
 *
 * <p>One {@code TwoCall} serves one call: {@link #begin} checks the buffer, then one of
 * {@link #string}, {@link #ids}, {@link #pairs} or {@link #struct} answers it.
 */
final class TwoCall {
    private final LastError errors;
    private final Utf8.Cache sent;
    private final GuestMemory memory; // checked through GuestAccess's static helpers: no object per call
    private final String what;
    private final int buf;
    private final int cap;

    private TwoCall(Session session, GuestMemory memory, String what, int buf, int cap) {
        this.errors = session.errors;
        this.sent = session.sent;
        this.memory = memory;
        this.what = what;
        this.buf = buf;
        this.cap = cap;
    }

    /**
     * Starts a call by checking its buffer: {@code cap} elements of {@code elementSize} bytes at
     * {@code buf} must lie inside guest memory, unless this is the {@code (0, 0)} size query.
     * The check comes first, before the entity or anything else is looked at, so a bad buffer traps
     * whatever the other arguments are.
     *
     * @throws AbiTrap if the buffer runs past the end of memory, wraps, or is NULL with room claimed
     */
    static TwoCall begin(Session session, GuestMemory memory, String what, int buf, int cap, int elementSize) {
        if (buf != 0 || cap != 0) {
            // cap is unsigned and the product is taken in 64 bits: a "negative" cap is 4 GiB, and traps
            GuestAccess.checkRange(memory, what, buf, Integer.toUnsignedLong(cap) * elementSize);
        }
        return new TwoCall(session, memory, what, buf, cap);
    }

    /** True for call 1, {@code (0, 0)}: answer the size, write nothing. */
    boolean isSizeQuery() {
        return buf == 0 && cap == 0;
    }

    /** The capacity as the guest meant it: unsigned. */
    private long room() {
        return Integer.toUnsignedLong(cap);
    }

    // ---------------------------------------------------------------- strings

    /**
     * Answers with a string: its UTF-8 bytes and a NUL, or as many whole characters as fit before
     * the NUL. Returns the full size, NUL included, either way.
     */
    int string(String value) {
        byte[] utf8z = sent.withNul(value); // call 1 encodes; call 2 finds the same bytes ready
        int needed = utf8z.length;
        if (isSizeQuery()) {
            return errors.ok(needed);
        }
        if (room() == 0) {
            // not even the NUL fits, so nothing is written
            return errors.fail(ErrorCode.BUFFER_TOO_SMALL, "a buffer of 0 bytes holds nothing; " + needed + " needed",
                    needed);
        }
        if (room() >= needed) {
            memory.write(buf, utf8z); // the common case: it all fits, inside the cap bytes begin() checked
            return errors.ok(needed);
        }
        int kept = cutAtCharacterBoundary(utf8z, (int) room() - 1); // one byte stays for the NUL
        byte[] truncated = Arrays.copyOf(utf8z, kept + 1);
        truncated[kept] = 0;
        GuestAccess.write(memory, what, buf, truncated);
        return errors.fail(ErrorCode.BUFFER_TOO_SMALL, "truncated to " + kept + " of " + (needed - 1)
                + " bytes; " + needed + " needed", needed);
    }

    /**
     * How many bytes of {@code utf8} to keep so that at most {@code limit} are kept and no character
     * is split: half a character would be invalid UTF-8 in the guest's hands.
     */
    private static int cutAtCharacterBoundary(byte[] utf8, int limit) {
        int kept = limit;
        // a byte 10xxxxxx continues a character; step back to the byte that starts it, and cut there
        while (kept > 0 && (utf8[kept] & 0xC0) == 0x80) {
            kept--;
        }
        return kept;
    }

    // ---------------------------------------------------------------- lists of u32

    /** Answers with a list of entity ids; {@code cap} counts ids. Returns the number of ids. */
    int ids(int[] ids) {
        return list(ids.length, () -> ids);
    }

    /**
     * Answers with a whole relation as {@code (u32, u32)} pairs; {@code cap} counts pairs. The count
     * is cheap, so call 1 only counts; the pairs are encoded only on call 2, and only when they fit,
     * into the session's reused scratch array. Returns the number of pairs.
     */
    int pairs(Session session, Relation relation) {
        int count = session.manager.edgeCount(relation);
        if (isSizeQuery() || room() < count) {
            return unwritten(count);
        }
        int length = session.pairs.encode(session.manager, relation, count);
        GuestAccess.write(memory, what, buf, session.pairs.bytes(), length);
        return errors.ok(count);
    }

    /** Writes the values only if all {@code count} elements fit: a guest cannot use half a list. */
    private int list(int count, Supplier<int[]> values) {
        if (isSizeQuery() || room() < count) {
            return unwritten(count);
        }
        int[] flat = values.get();
        GuestAccess.writeU32s(memory, what, buf, flat, flat.length); // little-endian, as wasm32 reads a uint32_t
        return errors.ok(count);
    }

    /** A list's answer when nothing is written: its size for call 1, BUFFER_TOO_SMALL when it does not fit. */
    private int unwritten(int count) {
        if (isSizeQuery()) {
            return errors.ok(count);
        }
        return errors.fail(ErrorCode.BUFFER_TOO_SMALL, "room for " + room() + ", " + count
                + " needed; nothing written", count);
    }

    // ---------------------------------------------------------------- plain-data structs

    /** Answers with a component as its layout's bytes, written only if the whole struct fits. Returns its size. */
    <T> int struct(PodLayout<T> layout, T value) {
        int needed = layout.size();
        if (isSizeQuery()) {
            return errors.ok(needed);
        }
        if (room() < needed) {
            // half a struct is no use: like a list, all or nothing
            return errors.fail(ErrorCode.BUFFER_TOO_SMALL, "room for " + room() + " bytes, " + needed
                    + " needed; nothing written", needed);
        }
        GuestAccess.write(memory, what, buf, layout.encode(value));
        return errors.ok(needed);
    }
}
