package dev.ecswasm.ecs;

/**
 * The bit layout of a 32-bit entity id: 20 bits of slot index, 12 bits of version (EnTT's default).
 *
 * <p>An id is a plain {@code int} so it can cross any boundary (a C ABI, a Wasm import) unchanged.
 * The version is what makes ids safe to hold on to: when a slot is released its version is bumped,
 * so every id that still names the old version is recognisably stale. After 4095 reuses the version
 * wraps to 0 and a very old id would look valid again; that is the price of 12 bits.
 *
 * <pre>
 *   31          20 19                  0
 *  +--------------+---------------------+
 *  |   version    |        index        |
 *  +--------------+---------------------+
 * </pre>
 */
public final class EntityId {
    public static final int INDEX_BITS = 20;
    public static final int INDEX_MASK = (1 << INDEX_BITS) - 1; // 0xFFFFF
    public static final int VERSION_MASK = 0xFFF;

    /** The null entity, all bits set; the seed's {@code FFI_NULL_ENTITY = UINT32_MAX}. */
    public static final int NULL = 0xFFFFFFFF;

    /** The version never handed out: an id carrying it is never valid (EnTT calls it the tombstone). */
    public static final int TOMBSTONE_VERSION = VERSION_MASK;

    /** The highest usable slot index; the all-ones index belongs to {@link #NULL}. */
    public static final int MAX_INDEX = INDEX_MASK - 1;

    private EntityId() {}

    public static int index(int id) {
        return id & INDEX_MASK;
    }

    public static int version(int id) {
        return id >>> INDEX_BITS;
    }

    public static int of(int index, int version) {
        if (index < 0 || index > INDEX_MASK) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        if (version < 0 || version > VERSION_MASK) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
        return (version << INDEX_BITS) | index;
    }

    /** The version a slot gets when it is released: one more, skipping the tombstone, wrapping to 0. */
    public static int nextVersion(int version) {
        int next = (version + 1) & VERSION_MASK;
        return next == TOMBSTONE_VERSION ? 0 : next;
    }

    /** The id as an unsigned decimal, the way the seed's log prints it ({@code Created entity: 0}). */
    public static String toString(int id) {
        return Integer.toUnsignedString(id);
    }

    /**
     * A readable form for messages: the id as the guest sees it and its two parts, e.g.
     * {@code 1048579 (index 3, version 1)}; the null id is {@code null (4294967295)}.
     */
    public static String describe(int id) {
        if (id == NULL) {
            return "null (" + toString(NULL) + ")";
        }
        return toString(id) + " (index " + index(id) + ", version " + version(id) + ")";
    }
}
