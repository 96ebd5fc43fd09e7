package exercises.relations;

// Given code: the grader always uses this file as the exercise ships it, so changing it changes nothing.

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Given. A tiny world in the style of the seed's {@code EnttManager}: entities are plain {@code int}
 * ids, and each live entity carries two edge lists, its courses (the seed's {@code CoursesAttended})
 * and its students (the seed's {@code StudentsOfCourse}). Any entity may use either list, or both.
 *
 * <p>Ids are 0, 1, 2, ... in creation order and are never reused (the project's real world reuses
 * slots and tells old ids apart by a version, as notebook 1 shows; this world keeps it simple).
 *
 * <p>{@link #destroy(int)} works like EnTT's {@code on_destroy} signal: the hooks run
 * <em>first</em>, while the dying entity is still live and its lists can still be read; then its
 * lists are thrown away and its id is dead for good.
 *
 * <p><b>The work meter.</b> {@link #examined()} counts what has been looked at: 1 for each
 * {@link #isLive}, {@link #coursesOf} or {@link #studentsOf} call, one per entity that
 * {@link #entities()} walks over, and the units its {@link EdgeList}s report. Tests read it before
 * and after a destroy to tell work that grows with the entity's edges from work that grows with the
 * world.
 */
public final class World {
    private final List<EdgeList> courses = new ArrayList<>();  // by id; null once the entity is dead
    private final List<EdgeList> students = new ArrayList<>(); // by id; null once the entity is dead
    private final List<IntConsumer> destroyHooks = new ArrayList<>();
    private int alive;
    private long examined;

    /** Creates an entity with two empty lists and returns its id. */
    public int create() {
        int id = courses.size();
        courses.add(new EdgeList(this));
        students.add(new EdgeList(this));
        alive++;
        return id;
    }

    /** True if {@code id} names a live entity. One unit of work. */
    public boolean isLive(int id) {
        count(1);
        return id >= 0 && id < courses.size() && courses.get(id) != null;
    }

    /**
     * Does nothing if {@code id} is live; otherwise throws {@link NoSuchEntityException} with a message
     * such as {@code "course 7 was destroyed"} or {@code "student 42 was never created"}.
     *
     * @param role what the id is in the caller's terms, e.g. {@code "student"}
     */
    public void requireLive(String role, int id) {
        if (id >= 0 && id < courses.size()) {
            if (courses.get(id) == null) {
                throw new NoSuchEntityException(id, role + " " + id + " was destroyed");
            }
            return;
        }
        throw new NoSuchEntityException(id, role + " " + id + " was never created");
    }

    /** The courses {@code student} attends: the list itself, to read and change. One unit of work. */
    public EdgeList coursesOf(int student) {
        count(1);
        requireLive("student", student);
        return courses.get(student);
    }

    /** The students of {@code course}: the list itself, to read and change. One unit of work. */
    public EdgeList studentsOf(int course) {
        count(1);
        requireLive("course", course);
        return students.get(course);
    }

    /**
     * Every live entity, in id order: a scan of the whole world, costing one unit of work per id ever
     * created.
     */
    public int[] entities() {
        int[] out = new int[alive];
        int at = 0;
        for (int id = 0; id < courses.size(); id++) {
            count(1);
            if (courses.get(id) != null) {
                out[at++] = id;
            }
        }
        return out;
    }

    /** How many entities are live. O(1), not metered. */
    public int size() {
        return alive;
    }

    /**
     * Runs {@code hook} with the id of every entity about to be destroyed, before it goes: the seed
     * connects {@code cleanupRelationshipsHook} to {@code on_destroy} in the same way.
     */
    public void onDestroy(IntConsumer hook) {
        destroyHooks.add(hook);
    }

    /**
     * Destroys a live entity: runs the destroy hooks, then drops its two lists and kills its id.
     *
     * @throws NoSuchEntityException if {@code id} is not live
     */
    public void destroy(int id) {
        requireLive("entity", id);
        for (IntConsumer hook : destroyHooks) {
            hook.accept(id);
        }
        courses.get(id).clear();
        students.get(id).clear();
        courses.set(id, null);
        students.set(id, null);
        alive--;
    }

    /** The work meter: units of work done so far (see the class comment). */
    public long examined() {
        return examined;
    }

    void count(int units) {
        examined += units;
    }

    @Override
    public String toString() {
        return "World[" + alive + " live entities, " + examined + " units of work so far]";
    }
}
