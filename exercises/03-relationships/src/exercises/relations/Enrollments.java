package exercises.relations;

/**
 * The N:N relation "student attends course", kept in both directions: each edge is in the student's
 * {@link World#coursesOf courses} list <em>and</em> in the course's {@link World#studentsOf students}
 * list, exactly once in each. The second list is the reverse index: it is what lets the cleanup on
 * destroy find every edge that names a dying entity without scanning the world.
 *
 * <p>The invariant every method keeps: for any two live entities {@code s} and {@code c},
 * {@code c} is in {@code coursesOf(s)} once if {@code s} is in {@code studentsOf(c)}, and neither
 * list ever holds an id that is not live.
 *
 * <p>Any entity may be a student, a course, or both (a tutor who also attends a class).
 */
public final class Enrollments {
    private final World world;

    /** Manages enrollments in {@code world}, and connects the cleanup hook to its destroy signal. */
    public Enrollments(World world) {
        this.world = world;
        world.onDestroy(this::cleanupRelationshipsHook);
    }

    /**
     * Tasks 3.1, 3.2 and 3.6: enrolls {@code student} in {@code course}, on both sides. Enrolling a pair that
     * is already enrolled does nothing (it is not an error, and it must not add a second copy).
     *
     * @throws NoSuchEntityException    if either id is not live (use {@link World#requireLive}); nothing changes.
     *                                  This is checked first: {@code enroll(x, x)} of a dead {@code x} throws it
     * @throws IllegalArgumentException if {@code student == course}: an entity cannot attend itself;
     *                                  the message names the id; nothing changes
     */
    public void enroll(int student, int course) {
        throw new UnsupportedOperationException(
                "Task 3.1: enroll the student on both sides (see exercises/03-relationships/README.md)");
    }

    /**
     * Tasks 3.3 and 3.6: removes the enrollment of {@code student} in {@code course}, on both sides.
     *
     * @return true if the pair was enrolled; false if it was not (then nothing changes)
     * @throws NoSuchEntityException    if either id is not live; nothing changes (checked first, as in enroll)
     * @throws IllegalArgumentException if {@code student == course}, even if that pair could never be enrolled;
     *                                  the message names the id; nothing changes
     */
    public boolean drop(int student, int course) {
        throw new UnsupportedOperationException(
                "Task 3.3: drop the enrollment on both sides (see exercises/03-relationships/README.md)");
    }

    /** The courses {@code student} attends, in enrollment order until one is dropped. */
    public int[] coursesOf(int student) {
        return world.coursesOf(student).toArray();
    }

    /** The students of {@code course}, in enrollment order until one is dropped. */
    public int[] studentsOf(int course) {
        return world.studentsOf(course).toArray();
    }

    /**
     * Runs from the world's destroy signal while {@code entity} is still live: the entity may be a
     * student, a course, both or neither, so both cleanups run. The world throws the dying entity's
     * own two lists away afterwards.
     */
    private void cleanupRelationshipsHook(int entity) {
        forgetStudent(entity);
        forgetCourse(entity);
    }

    /**
     * Task 3.4 and 3.5: {@code student} is about to be destroyed; remove it from the student list of
     * every course it attends, so no course is left naming a dead id.
     *
     * <p>The work must be proportional to the number of courses the student attends, never to the
     * size of the world or of a course: find the courses through the student's own list, and remove
     * the student from each course's list with {@link EdgeList#remove(int)}, not by walking it. Do
     * not call {@link World#entities()} here.
     */
    void forgetStudent(int student) {
        throw new UnsupportedOperationException(
                "Task 3.4: remove a dying student from its courses' lists (see exercises/03-relationships/README.md)");
    }

    /**
     * Task 3.4 and 3.5: {@code course} is about to be destroyed; remove it from the course list of
     * every one of its students. The same rule: work proportional to the course's students, found
     * through the course's own list (the reverse index), never a scan of the world.
     */
    void forgetCourse(int course) {
        throw new UnsupportedOperationException(
                "Task 3.4: remove a dying course from its students' lists (see exercises/03-relationships/README.md)");
    }


    @Override
    public String toString() {
        return "Enrollments[" + world + "]";
    }
}
