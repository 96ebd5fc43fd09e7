package dev.ecswasm.ecs;

import java.util.Arrays;

/**
 * A set of entity ids with O(1) add, contains and remove, and a packed array to iterate.
 *
 * <p>Two arrays point at each other. {@code sparse} is indexed by the entity's slot index and holds
 * its position in {@code packed}; {@code packed} holds the entities themselves, with no gaps:
 *
 * <pre>
 *   sparse: [ -1,  1, -1,  0 ]        packed: [ e3, e1 ]
 *             0    1   2   3                     0   1
 * </pre>
 *
 * <p>The sparse array is split into pages of {@value #PAGE_SIZE} slots that are allocated on first
 * use, so a set holding only entity 1,000,000 costs one page, not a million ints. Removal moves the
 * last packed entity into the hole (swap-and-pop), so the packed order is insertion order only until
 * the first removal.
 *
 * <p>Membership compares the full id, version included: a stale id is never "contained". As in
 * EnTT, each sparse entry keeps the member's version beside its position (an entity id whose index
 * bits hold the position), so a lookup needs no trip to the packed array to check the version.
 * Mutation is package-private; the {@link Registry} is the one writer.
 */
public class SparseSet {
    public static final int PAGE_BITS = 12;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;
    static final int ABSENT = -1;

    private int[][] pages = new int[0][];
    private int[] packed = new int[8];
    private int size;

    /** How many entities the set holds. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** True if exactly this id (index and version) is in the set. */
    public boolean contains(int id) {
        int position = positionOf(id);
        return position != ABSENT;
    }

    /** Where the id sits in the packed array, or -1 if it is not in the set. */
    public int positionOf(int id) {
        if (id == EntityId.NULL) {
            return ABSENT;
        }
        int index = EntityId.index(id);
        int page = index >>> PAGE_BITS;
        if (page >= pages.length || pages[page] == null) {
            return ABSENT;
        }
        int entry = pages[page][index & (PAGE_SIZE - 1)];
        return entry != ABSENT && EntityId.version(entry) == EntityId.version(id) ? EntityId.index(entry) : ABSENT;
    }

    /** The entity at a packed position, {@code 0 <= position < size()}. */
    public int entityAt(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size);
        }
        return packed[position];
    }

    /** The raw sparse entry for a slot index: a packed position, or -1. For teaching tables. */
    public int sparseEntry(int index) {
        int page = index >>> PAGE_BITS;
        if (index < 0 || page >= pages.length || pages[page] == null) {
            return ABSENT;
        }
        int entry = pages[page][index & (PAGE_SIZE - 1)];
        return entry == ABSENT ? ABSENT : EntityId.index(entry);
    }

    /** How many sparse pages have been allocated. */
    public int pageCount() {
        int count = 0;
        for (int[] page : pages) {
            if (page != null) {
                count++;
            }
        }
        return count;
    }

    /** A copy of the packed ids, in iteration order of the array (not of views, which go backwards). */
    public int[] toArray() {
        return Arrays.copyOf(packed, size);
    }

    /** Adds the id at the end of the packed array and returns its position; the id must be absent. */
    int add(int id) {
        int index = EntityId.index(id);
        int[] page = pageFor(index);
        int slot = index & (PAGE_SIZE - 1);
        if (page[slot] != ABSENT) {
            throw new IllegalStateException("slot " + index + " is already in the set");
        }
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
            grown(packed.length);
        }
        packed[size] = id;
        page[slot] = entry(id, size);
        return size++;
    }

    /**
     * Removes the id by moving the last packed entity into its place. Returns the position that was
     * freed (where the last entity now sits), or -1 if the id was absent.
     */
    int remove(int id) {
        int position = positionOf(id);
        if (position == ABSENT) {
            return ABSENT;
        }
        int last = size - 1;
        int moved = packed[last];
        packed[position] = moved;
        setSparse(EntityId.index(moved), entry(moved, position));
        setSparse(EntityId.index(id), ABSENT);
        swapped(position, last);
        size = last;
        return position;
    }

    /** Hook for subclasses that keep arrays parallel to {@code packed}. */
    void grown(int capacity) {}

    /** Hook for subclasses: the element at {@code from} (the last) moved to {@code to}. */
    void swapped(int to, int from) {}

    private void setSparse(int index, int entry) {
        pages[index >>> PAGE_BITS][index & (PAGE_SIZE - 1)] = entry;
    }

    /** A sparse entry: the member's version in the version bits, its packed position in the index bits. */
    private static int entry(int id, int position) {
        return EntityId.of(position, EntityId.version(id));
    }

    private int[] pageFor(int index) {
        int page = index >>> PAGE_BITS;
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
        }
        if (pages[page] == null) {
            int[] fresh = new int[PAGE_SIZE];
            Arrays.fill(fresh, ABSENT);
            pages[page] = fresh;
        }
        return pages[page];
    }
}
