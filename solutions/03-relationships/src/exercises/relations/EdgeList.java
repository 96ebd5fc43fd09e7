package exercises.relations;

// Given code: the grader always uses this file as the exercise ships it, so changing it changes nothing.

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Given. The ids at the far end of one entity's edges: a student's courses, or a course's students.
 *
 * <p>Like the seed's {@code std::vector<entt::entity>} in {@code CoursesAttended}, it does not refuse
 * a duplicate: {@link #add(int)} always adds one more copy, and {@link #remove(int)} takes one copy
 * away. Keeping each edge once is the caller's job.
 *
 * <p>{@link #contains(int)}, {@link #add(int)} and {@link #remove(int)} cost O(1) whatever the list's
 * length (a hash map from id to count sits underneath), so removing a student from a course of
 * 10,000 students does not look at the other 9,999. Every call reports the work it does to the
 * world's {@link World#examined() meter}: 1 for each of those three, and one per id copied by
 * {@link #toArray()}.
 */
public final class EdgeList {
    private final World meter;
    private final Map<Integer, Integer> counts = new LinkedHashMap<>(); // id -> copies, in first-added order
    private int size;

    EdgeList(World meter) {
        this.meter = meter;
    }

    /** How many ids the list holds, duplicates counted. O(1), not metered. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** True if the list holds {@code id} at least once. */
    public boolean contains(int id) {
        meter.count(1);
        return counts.containsKey(id);
    }

    /** Adds one copy of {@code id}, even if it is already there. */
    public void add(int id) {
        meter.count(1);
        counts.merge(id, 1, Integer::sum);
        size++;
    }

    /** Removes one copy of {@code id}; returns false (and changes nothing) if there was none. */
    public boolean remove(int id) {
        meter.count(1);
        Integer copies = counts.get(id);
        if (copies == null) {
            return false;
        }
        if (copies == 1) {
            counts.remove(id);
        } else {
            counts.put(id, copies - 1);
        }
        size--;
        return true;
    }

    /**
     * A copy of the ids, each as often as it was added, in the order they were first added. Since it
     * is a copy, you may change this list (or others) while you walk the array. Costs one unit of
     * work per id.
     */
    public int[] toArray() {
        meter.count(size);
        int[] out = new int[size];
        int at = 0;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            for (int copy = 0; copy < entry.getValue(); copy++) {
                out[at++] = entry.getKey();
            }
        }
        return out;
    }

    /** Removes every id (used by the world when the owner dies). */
    void clear() {
        counts.clear();
        size = 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        counts.forEach((id, copies) -> {
            for (int copy = 0; copy < copies; copy++) {
                out.append(out.length() == 1 ? "" : ", ").append(id);
            }
        });
        return out.append(']').toString();
    }
}
