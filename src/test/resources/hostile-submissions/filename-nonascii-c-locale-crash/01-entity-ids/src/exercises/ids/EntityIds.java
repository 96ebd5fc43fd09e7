package exercises.ids;

/**
 * Exercise 1: the 32-bit entity id, written by hand.
 *
 * <p>An entity id is one plain {@code int} that holds two numbers: the <b>index</b> of the slot the
 * entity lives in (the low 20 bits) and the <b>version</b> of that slot (the high 12 bits), which
 * goes up by one every time the slot is reused:
 *
 * <pre>
 *   31          20 19                  0
 *  +--------------+---------------------+
 *  |   version    |        index        |
 *  +--------------+---------------------+
 *      12 bits           20 bits
 * </pre>
 *
 * Java's {@code int} is signed, but an id is not a signed number: the seed's C API passes it as a
 * {@code uint32_t}. A version of 2048 or more sets bit 31, so the {@code int} is negative while the
 * id it stands for is a perfectly ordinary number above 2^31. Every method here must treat the bits
 * as unsigned.
 *
 * <p>The constants are given; the methods are the tasks of the README.
 */
public final class EntityIds {
    /** How many low bits hold the slot index. */
    public static final int INDEX_BITS = 20;

    /** How many high bits hold the version. */
    public static final int VERSION_BITS = 12;

    /** The index bits: {@code 0xFFFFF} (1,048,575). */
    public static final int INDEX_MASK = (1 << INDEX_BITS) - 1;

    /** The largest version, once shifted down: {@code 0xFFF} (4,095). */
    public static final int VERSION_MASK = (1 << VERSION_BITS) - 1;

    /**
     * The null entity, all 32 bits set: the seed's {@code FFI_NULL_ENTITY = UINT32_MAX}, that is
     * 4,294,967,295 as an unsigned number (and -1 as a Java {@code int}). It is not entity 0.
     */
    public static final int NULL = 0xFFFFFFFF;

    /** The version that is never handed out (EnTT's tombstone): 4,095. */
    public static final int TOMBSTONE_VERSION = VERSION_MASK;

    /**
     * The highest slot index a pool ever hands out. The all-ones index ({@link #INDEX_MASK}) is the
     * index of {@link #NULL}, so a pool stops one below it.
     */
    public static final int MAX_INDEX = INDEX_MASK - 1;

    private EntityIds() {}

    /**
     * Task 1.1: packs a slot index and a version into one id, the version above the 20 index bits.
     *
     * <p>{@code pack} is pure bit arithmetic, like the project's {@code EntityId.of}: it accepts
     * every value that fits its field, so {@code index} may be anything in {@code 0..INDEX_MASK}
     * (the all-ones index included) and {@code version} anything in {@code 0..VERSION_MASK} (the
     * tombstone included). That is what lets {@code pack(INDEX_MASK, TOMBSTONE_VERSION)} build
     * {@link #NULL}. Which indices and versions a pool actually hands out is the pool's business,
     * not {@code pack}'s.
     *
     * <p>Examples: {@code pack(3, 1) == 1048579}; {@code pack(0, 2048)} is the {@code int}
     * {@code 0x80000000} (negative in Java, 2,147,483,648 as an id).
     *
     * @throws IllegalArgumentException if {@code index} is outside {@code 0..INDEX_MASK} or
     *     {@code version} is outside {@code 0..VERSION_MASK}; the message names the bad value (for
     *     example {@code "index out of range 0..1048575: 1048576"})
     */
    public static int pack(int index, int version) {
        throw new UnsupportedOperationException(
                "Task 1.1: pack(index, version) is not written yet: check both ranges, then put the version above the 20 index bits (see the README)");
    }

    /**
     * Task 1.2: the slot index of an id, its low 20 bits, always in {@code 0..INDEX_MASK}.
     * {@code index(1048579) == 3}; {@code index(NULL) == INDEX_MASK}.
     */
    public static int index(int id) {
        throw new UnsupportedOperationException(
                "Task 1.2: index(id) is not written yet: keep only the low 20 bits (see the README)");
    }

    /**
     * Task 1.2: the version of an id, its high 12 bits, always in {@code 0..VERSION_MASK} (never
     * negative, even when the {@code int} is). {@code version(1048579) == 1};
     * {@code version(0x80000007) == 2048}; {@code version(NULL) == 4095}.
     */
    public static int version(int id) {
        throw new UnsupportedOperationException(
                "Task 1.2: version(id) is not written yet: bring the high 12 bits down, unsigned (see the README)");
    }

    /**
     * Task 1.3: the version a slot gets when it is released: one more than {@code version}, except
     * that the tombstone is skipped and the count wraps to 0. So a slot's versions run 0, 1, ...,
     * 4094, 0, 1, ...; {@code nextVersion(4094) == 0}, never 4095. Given the tombstone itself,
     * {@code nextVersion(4095) == 0} too.
     *
     * @param version a version in {@code 0..VERSION_MASK}
     */
    public static int nextVersion(int version) {
        throw new UnsupportedOperationException(
                "Task 1.3: nextVersion(version) is not written yet: add one, but never hand out the tombstone 4095 (see the README)");
    }

    /**
     * Task 1.4: a readable form of an id, the way the seed's log and the C API would show it: the
     * id as an <em>unsigned</em> decimal, then its two parts.
     *
     * <pre>
     *   describe(1048579)    -&gt; "1048579 (index 3, version 1)"
     *   describe(0x80000007) -&gt; "2147483655 (index 7, version 2048)"
     *   describe(NULL)       -&gt; "null (4294967295)"
     * </pre>
     *
     * Only {@link #NULL} itself is written as {@code null (...)}; any other id, even one carrying
     * the tombstone version, is written with its parts.
     */
    public static String describe(int id) {
        throw new UnsupportedOperationException(
                "Task 1.4: describe(id) is not written yet: an unsigned decimal, then \"(index i, version v)\" (see the README)");
    }

    /**
     * Task 1.5: recycling. When the entity {@code released} is destroyed, its slot goes back to the
     * pool and the next entity created in that slot gets this id: the same index, the next version.
     * {@code reissued(1048579)} ({@code index 3, version 1}) is {@code 2097155} ({@code index 3,
     * version 2}); a slot at version 4094 comes back at version 0.
     *
     * @throws IllegalArgumentException if {@code released} is {@link #NULL}, which names no slot;
     *     the message names it (it contains {@code 4294967295})
     */
    public static int reissued(int released) {
        throw new UnsupportedOperationException(
                "Task 1.5: reissued(released) is not written yet: same index, next version (see the README)");
    }
}
