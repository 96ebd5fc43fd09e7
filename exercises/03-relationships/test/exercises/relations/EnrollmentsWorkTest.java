package exercises.relations;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.grader.Task;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Work bounds the meter alone cannot see everywhere: enroll and drop in lists of 10,000, and a
 * cleanup whose cost grows with the world through a structure of the student's own (a copy of the
 * edges, a map) that World.examined() does not count, caught by how the time grows.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EnrollmentsWorkTest {
    private static final int BIG = 10_000;

    /** Enroll and drop cost a few units: two lookups, a contains, an add or remove on each side. */
    private static final long CALL_BOUND = 20;

    @Test
    @Task(id = "3.5", points = 1)
    @DisplayName("enroll and drop do a constant amount of work (world.examined()), for a course of 10,000 students and a student of 10,000 courses")
    void enrollAndDropDoConstantWork() {
        World world = new World();
        Enrollments enrollments = new Enrollments(world);
        int bigCourse = world.create();
        int busyStudent = world.create();
        int[] many = new int[BIG];
        for (int i = 0; i < BIG; i++) {
            many[i] = world.create();
            enrollments.enroll(many[i], bigCourse);
            enrollments.enroll(busyStudent, many[i]);
        }
        int alice = world.create();
        int rust = world.create();
        enrollments.enroll(busyStudent, bigCourse);

        measure(world, "enroll(alice, bigCourse) of a new pair", () -> enrollments.enroll(alice, bigCourse));
        measure(world, "enroll(alice, bigCourse) again (already enrolled)", () -> enrollments.enroll(alice, bigCourse));
        measure(world, "enroll(many[5000], bigCourse) again (already enrolled)", () -> enrollments.enroll(many[5000], bigCourse));
        measure(world, "enroll(busyStudent, rust) of a new pair", () -> enrollments.enroll(busyStudent, rust));
        measure(world, "enroll(busyStudent, many[7]) again (already enrolled)", () -> enrollments.enroll(busyStudent, many[7]));
        measure(world, "drop(many[4321], bigCourse)", () -> enrollments.drop(many[4321], bigCourse));
        measure(world, "drop(many[4321], bigCourse) again (not enrolled)", () -> enrollments.drop(many[4321], bigCourse));
        measure(world, "drop(rust, bigCourse) (never enrolled)", () -> enrollments.drop(rust, bigCourse));
        measure(world, "drop(busyStudent, many[9999])", () -> enrollments.drop(busyStudent, many[9999]));
        measure(world, "drop(busyStudent, alice) (never enrolled)", () -> enrollments.drop(busyStudent, alice));
        if (enrollments.studentsOf(bigCourse).length != BIG + 1) { // the busy student and alice in, many[4321] out
            fail("studentsOf(bigCourse).length after the enrolls and drops above: expected " + (BIG + 1) + ", but was "
                    + enrollments.studentsOf(bigCourse).length);
        }
    }

    private static void measure(World world, String call, Runnable run) {
        long before = world.examined();
        run.run();
        long work = world.examined() - before;
        if (work > CALL_BOUND) {
            fail(call + " did " + work + " units of work (world.examined()); expected at most " + CALL_BOUND
                    + " whatever the size of the lists (10,000 ids here): ask EdgeList.contains / add / remove, which are"
                    + " O(1), instead of walking a list with toArray");
        }
    }

    // ---------------------------------------------------------------- unmetered work, seen by time

    private static final int COURSES = 1_000;  // small courses destroyed, one student each
    private static final int CROWD = 30_000;   // students of one big course: the world a scan would walk

    /** Nanoseconds to destroy {@link #COURSES} courses of one student each, in a world with {@code crowd} more enrollments. */
    private static long destroySmallCourses(int crowd) {
        World world = new World();
        Enrollments enrollments = new Enrollments(world);
        int big = world.create();
        for (int i = 0; i < crowd; i++) {
            enrollments.enroll(world.create(), big);
        }
        int[] courses = new int[COURSES];
        for (int i = 0; i < COURSES; i++) {
            int student = world.create();
            courses[i] = world.create();
            enrollments.enroll(student, courses[i]);
        }
        long start = System.nanoTime();
        for (int course : courses) {
            world.destroy(course);
        }
        long took = System.nanoTime() - start;
        if (enrollments.studentsOf(big).length != crowd) {
            fail("studentsOf(big).length after destroying " + COURSES + " other courses: expected " + crowd + ", but was "
                    + enrollments.studentsOf(big).length);
        }
        return took;
    }

    @Test
    @Task(id = "3.5", points = 1)
    @DisplayName("destroying 1,000 small courses takes about as long beside 30,000 other enrollments as beside none: no scan of a private copy of the edges either")
    void cleanupTimeDoesNotGrowWithTheWorld() {
        destroySmallCourses(0); // warm-up, so neither measurement pays for the JIT
        long alone = Long.MAX_VALUE;
        long crowded = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) { // the fastest of three: a pause of the machine slows one run, not all
            alone = Math.min(alone, destroySmallCourses(0));
            crowded = Math.min(crowded, destroySmallCourses(CROWD));
        }
        long allowed = 8 * alone + 5_000_000; // 8 times as long, and 5 ms more for a slow machine
        if (crowded > allowed) {
            fail("destroying " + COURSES + " courses of one student each took " + crowded / 1_000_000 + " ms beside "
                    + CROWD + " other enrollments, but " + alone / 1_000_000 + " ms beside none (at most "
                    + allowed / 1_000_000 + " ms expected): the cleanup's work grows with the world. World.examined() "
                    + "counts only the given lists; a structure of your own (a set of all pairs, a map from student to "
                    + "courses) walked on every destroy is a scan of the world too. Find the edges through the dying "
                    + "entity's own lists only (forgetStudent, forgetCourse)");
        }
    }
}
