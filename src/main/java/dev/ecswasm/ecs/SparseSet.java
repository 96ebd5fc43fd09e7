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

    /*
     * The writers below make every call and allocation before their first write, so an Error thrown
     * part-way (StackOverflowError, OutOfMemoryError) leaves the set as it was: the Registry's undo
     * journal relies on each of them happening wholly or not at all.
     */

    /** Adds the id at the end of the packed array and returns its position; the id must be absent. */
    int add(int id) {
        int index = EntityId.index(id);
        int[] page = pageFor(index); // may allocate a page: no member changes
        int slot = index & (PAGE_SIZE - 1);
        if (page[slot] != ABSENT) {
            throw new IllegalStateException("slot " + index + " is already in the set");
        }
        if (size == packed.length) {
            int capacity = size * 2;
            grown(capacity);                          // the parallel arrays first, so they are never shorter
            packed = Arrays.copyOf(packed, capacity); // a bigger copy: no member changes
        }
        int entry = entry(id, size);
        int position = size;
        packed[position] = id;
        page[slot] = entry;
        size = position + 1;
        return position;
    }

    /**
     * Removes the id by moving the last packed entity into its place. Returns the position that was
     * freed (where the last entity now sits), or -1 if the id was absent.
     */
    int remove(int id) {
        int position = positionOf(id);
        if (position != ABSENT) {
            removeAt(id, position);
        }
        return position;
    }

    /** {@link #remove} for a member whose position the caller has just looked up: one sparse lookup less. */
    void removeAt(int id, int position) {
        int last = size - 1;
        int moved = packed[last];
        int movedEntry = entry(moved, position);
        int[] movedPage = pages[EntityId.index(moved) >>> PAGE_BITS];
        int[] idPage = pages[EntityId.index(id) >>> PAGE_BITS];
        swapped(position, last); // the parallel values move first; the last call before the writes
        packed[position] = moved;
        movedPage[EntityId.index(moved) & (PAGE_SIZE - 1)] = movedEntry;
        idPage[EntityId.index(id) & (PAGE_SIZE - 1)] = ABSENT;
        size = last;
    }

    /** Exchanges the members at two packed positions: how the undo journal puts a removed one back in place. */
    void swapPositions(int a, int b) {
        if (a == b) {
            return;
        }
        int idA = packed[a];
        int idB = packed[b];
        int entryA = entry(idA, b);
        int entryB = entry(idB, a);
        int[] pageA = pages[EntityId.index(idA) >>> PAGE_BITS];
        int[] pageB = pages[EntityId.index(idB) >>> PAGE_BITS];
        exchanged(a, b);
        packed[a] = idB;
        packed[b] = idA;
        pageA[EntityId.index(idA) & (PAGE_SIZE - 1)] = entryA;
        pageB[EntityId.index(idB) & (PAGE_SIZE - 1)] = entryB;
    }

    /** Hook for subclasses that keep arrays parallel to {@code packed}. */
    void grown(int capacity) {}

    /** Hook for subclasses: the element at {@code from} (the last) moved to {@code to}. */
    void swapped(int to, int from) {}

    /** Hook for subclasses: the elements at {@code a} and {@code b} changed places. */
    void exchanged(int a, int b) {}

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
