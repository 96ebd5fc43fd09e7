package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.CoursesAttended;
import dev.ecswasm.world.Components.StudentsOfCourse;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The N:N student-course relation: {@link CoursesAttended} on each student, {@link StudentsOfCourse}
 * on each course, each edge in both lists. An entity with no edges keeps no list. The number of edges
 * is kept as a running count (undone with the atomic call that changed it), so counting is O(1).
 */
final class EnrollmentStore implements RelationStore {
    private static final int[] NONE = new int[0];

    private final Registry registry;
    private final ManagerLog log;
    private final Storage<CoursesAttended> coursesOfStudent;
    private final Storage<StudentsOfCourse> studentsOfCourse;
    private int edges; // every enrollment, counted once
    private static final Registry.Undo<EnrollmentStore> RESTORE_COUNT = (store, before, unused) -> store.edges = before;

    EnrollmentStore(Registry registry, ManagerLog log) {
        this.registry = registry;
        this.log = log;
        this.coursesOfStudent = registry.storage(CoursesAttended.class);
        this.studentsOfCourse = registry.storage(StudentsOfCourse.class);
    }

    /** Enrolls a valid student in a distinct valid course; enrolling twice does nothing. */
    Outcome enroll(int student, int course) {
        CoursesAttended courses = coursesOfStudent.getOrNull(student);
        if (courses != null && courses.courses().contains(course)) {
            return Outcome.DONE;
        }
        if (courses == null) {
            courses = registry.add(student, new CoursesAttended(new EdgeList()));
        }
        StudentsOfCourse students = studentsOfCourse.getOrNull(course);
        if (students == null) {
            students = registry.add(course, new StudentsOfCourse(new EdgeList()));
        }
        count(1);
        courses.courses().add(course, registry);
        students.students().add(student, registry);
        log.enrolled(student, course);
        return Outcome.DONE;
    }

    /** Removes one enrollment of two valid entities. */
    Outcome drop(int student, int course) {
        CoursesAttended courses = coursesOfStudent.getOrNull(student);
        if (courses == null || !courses.courses().contains(course)) {
            return new Outcome.Refused(Failure.NOT_FOUND, "student " + EntityId.describe(student)
                    + " is not enrolled in course " + EntityId.describe(course));
        }
        count(-1);
        removeFromList(student, coursesOfStudent, CoursesAttended::courses, CoursesAttended.class, course);
        removeFromList(course, studentsOfCourse, StudentsOfCourse::students, StudentsOfCourse.class, student);
        log.dropped(student, course);
        return Outcome.DONE;
    }

    /** True if a student is enrolled in a course. O(1). */
    boolean enrolled(int student, int course) {
        CoursesAttended courses = coursesOfStudent.getOrNull(student);
        return courses != null && courses.courses().contains(course);
    }

    int[] coursesOf(int student) {
        CoursesAttended list = registry.valid(student) ? coursesOfStudent.getOrNull(student) : null;
        return list == null ? new int[0] : list.courses().toArray();
    }

    int[] studentsOf(int course) {
        StudentsOfCourse list = registry.valid(course) ? studentsOfCourse.getOrNull(course) : null;
        return list == null ? new int[0] : list.students().toArray();
    }

    @Override
    public Relation relation() {
        return Relation.ENROLLMENT;
    }

    /** A course's students. */
    @Override
    public int[] sourcesOf(int course) {
        StudentsOfCourse list = studentsOfCourse.getOrNull(course);
        return list == null ? NONE : list.students().toArray();
    }

    /** {@link #sourcesOf} without the copy: straight from the list, in its order. */
    @Override
    public void visitSources(int course, IntConsumer visitor) {
        StudentsOfCourse list = studentsOfCourse.getOrNull(course);
        if (list == null) {
            return;
        }
        list.students().forEach(visitor);
    }

    @Override
    public void forget(int entity, DestructionPlan plan) { // kept up on both ends always: the edge count runs with them
        CoursesAttended asStudent = coursesOfStudent.getOrNull(entity);
        StudentsOfCourse asCourse = studentsOfCourse.getOrNull(entity);
        // no self-enrollments, so the two lists share no edge; the entity's own lists go with its components
        count(-(asStudent == null ? 0 : asStudent.courses().size()) - (asCourse == null ? 0 : asCourse.students().size()));
        if (asStudent != null) {
            for (int course : asStudent.courses().toArray()) {
                removeFromList(course, studentsOfCourse, StudentsOfCourse::students, StudentsOfCourse.class, entity);
            }
            log.droppedFromCourses(entity, asStudent.courses().size());
        }
        if (asCourse != null) {
            for (int student : asCourse.students().toArray()) {
                removeFromList(student, coursesOfStudent, CoursesAttended::courses, CoursesAttended.class, entity);
            }
            log.courseRemoved(entity, asCourse.students().size());
        }
    }

    /** The running count. O(1); {@link Invariants} checks it against the lists. */
    @Override
    public int edgeCount() {
        return edges;
    }

    /** Student by student, each student's courses in list order. */
    @Override
    public void forEachEdge(EdgeVisitor visitor) {
        for (int i = 0; i < coursesOfStudent.size(); i++) {
            int student = coursesOfStudent.entityAt(i);
            EdgeList courses = coursesOfStudent.valueAt(i).courses();
            int[] raw = courses.raw();
            for (int c = 0, size = courses.size(); c < size; c++) {
                visitor.visit(student, raw[c]);
            }
        }
    }

    @Override
    public String toString() {
        return "EnrollmentStore[" + edgeCount() + " enrollment(s) of " + coursesOfStudent.size() + " student(s) in "
                + studentsOfCourse.size() + " course(s)]";
    }

    /**
     * Moves the count, its undo registered first: the undo puts back the count from before this change,
     * so it is harmless if the change never happened, and undoing newest first ends at the count from
     * before the atomic call.
     */
    private void count(int delta) {
        if (delta == 0) {
            return; // nothing changes, so nothing to undo (most destroyed entities are in no course)
        }
        int before = edges;
        registry.onRollback(RESTORE_COUNT, this, before, 0);
        edges = before + delta;
    }

    /** Removes {@code member} from the list in {@code owner}'s component; drops the component if it empties. */
    private <C> void removeFromList(int owner, Storage<C> storage, Function<C, EdgeList> edges, Class<C> type,
                                    int member) {
        C component = storage.getOrNull(owner);
        if (component == null) {
            return;
        }
        EdgeList list = edges.apply(component);
        list.remove(member, registry);
        if (list.isEmpty()) {
            registry.remove(owner, type);
        }
    }
}
