package exercises.relations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.grader.Task;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EnrollmentsTest {
    private final World world = new World();
    private final Enrollments enrollments = new Enrollments(world);

    // ---------------------------------------------------------------- 3.1 enroll, both sides

    @Test
    @Task(id = "3.1", points = 2)
    @DisplayName("enroll writes the edge on both sides: the student's courses and the course's students")
    void enrollWritesBothSides() {
        int alice = world.create(), bob = world.create(), rust = world.create(), wasm = world.create();
        enrollments.enroll(alice, rust);
        enrollments.enroll(bob, rust);
        enrollments.enroll(bob, wasm);

        assertIds(new int[] {rust}, enrollments.coursesOf(alice), "coursesOf(alice) after enroll(alice, rust)");
        assertIds(new int[] {rust, wasm}, enrollments.coursesOf(bob), "coursesOf(bob) after enroll(bob, rust), enroll(bob, wasm)");
        assertIds(new int[] {alice, bob}, enrollments.studentsOf(rust),
                "studentsOf(rust) after enroll(alice, rust), enroll(bob, rust): the reverse index");
        assertIds(new int[] {bob}, enrollments.studentsOf(wasm), "studentsOf(wasm) after enroll(bob, wasm): the reverse index");
        assertIds(new int[0], enrollments.studentsOf(alice), "studentsOf(alice): alice is only a student");
        assertIds(new int[0], enrollments.coursesOf(rust), "coursesOf(rust): rust is only a course");
    }

    // ---------------------------------------------------------------- 3.2 idempotent enroll

    @Test
    @Task(id = "3.2", points = 1)
    @DisplayName("enrolling the same pair twice keeps exactly one edge on each side")
    void enrollIsIdempotent() {
        int alice = world.create(), rust = world.create();
        enrollments.enroll(alice, rust);
        enrollments.enroll(alice, rust);
        enrollments.enroll(alice, rust);
        assertIds(new int[] {rust}, enrollments.coursesOf(alice),
                "coursesOf(alice) after enrolling (alice, rust) three times (check contains before add)");
        assertIds(new int[] {alice}, enrollments.studentsOf(rust),
                "studentsOf(rust) after enrolling (alice, rust) three times");
        assertEquals(true, enrollments.drop(alice, rust), () -> "drop(alice, rust) after the repeated enrolls");
        assertIds(new int[0], enrollments.coursesOf(alice),
                "coursesOf(alice) after one drop of a pair enrolled three times: one drop must remove the edge");
        assertIds(new int[0], enrollments.studentsOf(rust), "studentsOf(rust) after the drop");
    }

    // ---------------------------------------------------------------- 3.3 drop

    @Test
    @Task(id = "3.3", points = 1)
    @DisplayName("drop removes the edge on both sides, returns true, and leaves the other edges alone")
    void dropRemovesBothSides() {
        int alice = world.create(), bob = world.create(), rust = world.create(), wasm = world.create();
        enrollments.enroll(alice, rust);
        enrollments.enroll(alice, wasm);
        enrollments.enroll(bob, rust);

        assertEquals(true, enrollments.drop(alice, rust), () -> "drop(alice, rust) of an enrolled pair must return true");
        assertIds(new int[] {wasm}, enrollments.coursesOf(alice), "coursesOf(alice) after drop(alice, rust)");
        assertIds(new int[] {bob}, enrollments.studentsOf(rust), "studentsOf(rust) after drop(alice, rust)");
        assertIds(new int[] {alice}, enrollments.studentsOf(wasm), "studentsOf(wasm) after drop(alice, rust)");
    }

    @Test
    @Task(id = "3.3", points = 1)
    @DisplayName("drop of a pair that is not enrolled returns false and changes nothing")
    void dropOfAMissingEdge() {
        int alice = world.create(), bob = world.create(), rust = world.create();
        enrollments.enroll(alice, rust);
        assertEquals(false, enrollments.drop(bob, rust), () -> "drop(bob, rust): bob never enrolled in rust");
        assertEquals(false, enrollments.drop(rust, alice), () -> "drop(rust, alice): the edge goes the other way");
        enrollments.drop(alice, rust);
        assertEquals(false, enrollments.drop(alice, rust), () -> "drop(alice, rust) a second time");
        assertIds(new int[0], enrollments.coursesOf(alice), "coursesOf(alice) at the end");
        assertIds(new int[0], enrollments.studentsOf(rust), "studentsOf(rust) at the end");
        assertIds(new int[0], enrollments.coursesOf(bob), "coursesOf(bob) at the end");
        assertIds(new int[0], enrollments.studentsOf(alice), "studentsOf(alice) at the end");
    }

    // ---------------------------------------------------------------- 3.4 no dangling references

    @Test
    @Task(id = "3.4", points = 1)
    @DisplayName("destroying a course removes it from every student's courses; no live entity names it")
    void destroyingACourseLeavesNoDanglingId() {
        int[] students = createMany(6);
        int rust = world.create(), wasm = world.create();
        for (int s : students) {
            enrollments.enroll(s, rust);
        }
        enrollments.enroll(students[0], wasm);
        enrollments.enroll(students[3], wasm);

        world.destroy(wasm);

        assertNoDanglingIds("after destroying course wasm (" + wasm + ")");
        assertIds(new int[] {rust}, enrollments.coursesOf(students[0]), "coursesOf(students[0]) after destroying wasm");
        assertIds(new int[] {rust}, enrollments.coursesOf(students[3]), "coursesOf(students[3]) after destroying wasm");
        assertIds(students, enrollments.studentsOf(rust), "studentsOf(rust): destroying wasm must not touch rust");
    }

    @Test
    @Task(id = "3.4", points = 1)
    @DisplayName("destroying a student removes it from every course's students; no live entity names it")
    void destroyingAStudentLeavesNoDanglingId() {
        int alice = world.create(), bob = world.create();
        int[] courses = createMany(4);
        for (int c : courses) {
            enrollments.enroll(alice, c);
        }
        enrollments.enroll(bob, courses[1]);

        world.destroy(alice);

        assertNoDanglingIds("after destroying student alice (" + alice + ")");
        assertIds(new int[] {bob}, enrollments.studentsOf(courses[1]), "studentsOf(courses[1]) after destroying alice");
        assertIds(new int[0], enrollments.studentsOf(courses[0]), "studentsOf(courses[0]) after destroying alice");
        assertIds(new int[] {courses[1]}, enrollments.coursesOf(bob), "coursesOf(bob): destroying alice must not touch bob");
    }

    @Test
    @Task(id = "3.4", points = 1)
    @DisplayName("an entity that is both a student and a course is cleaned up on both sides")
    void destroyingAStudentThatIsAlsoACourse() {
        int tutor = world.create(), alice = world.create(), bob = world.create(), rust = world.create();
        enrollments.enroll(tutor, rust);   // the tutor attends rust...
        enrollments.enroll(alice, tutor);  // ...and alice and bob attend the tutor's class
        enrollments.enroll(bob, tutor);
        enrollments.enroll(alice, rust);

        world.destroy(tutor);

        assertNoDanglingIds("after destroying the tutor (" + tutor + "), a student of rust and a course of alice and bob");
        assertIds(new int[] {alice}, enrollments.studentsOf(rust), "studentsOf(rust) after destroying the tutor");
        assertIds(new int[] {rust}, enrollments.coursesOf(alice), "coursesOf(alice) after destroying the tutor");
        assertIds(new int[0], enrollments.coursesOf(bob), "coursesOf(bob) after destroying the tutor");
    }

    // ---------------------------------------------------------------- 3.5 work bound

    @Test
    @Task(id = "3.5", points = 1)
    @DisplayName("destroying a small course in a world of 10,000 students does work for its 3 edges, not for the world")
    void destroyingASmallCourseDoesNotScanTheWorld() {
        int[] students = createMany(10_000);
        int big = world.create(), small = world.create();
        for (int s : students) {
            enrollments.enroll(s, big);
        }
        enrollments.enroll(students[10], small);
        enrollments.enroll(students[5000], small);
        enrollments.enroll(students[9999], small);

        long before = world.examined();
        world.destroy(small);
        long work = world.examined() - before;

        long bound = boundFor(3);
        if (work > bound) {
            fail("destroying a course with 3 students did " + work + " units of work (world.examined()); expected at most "
                    + bound + ". The world has 10,002 entities: the cleanup must find the 3 students through the course's "
                    + "own list (world.studentsOf(course)), not by scanning world.entities() (see forgetCourse)");
        }
        assertIds(new int[] {big}, enrollments.coursesOf(students[5000]), "coursesOf(students[5000]) after destroying the small course");
    }

    @Test
    @Task(id = "3.5", points = 1)
    @DisplayName("destroying a student of a 10,000-student course does work for its 2 edges, not for the course's size")
    void destroyingAStudentOfABigCourseDoesNotScanTheCourse() {
        int[] students = createMany(10_000);
        int big = world.create(), small = world.create();
        for (int s : students) {
            enrollments.enroll(s, big);
        }
        int alice = students[4321];
        enrollments.enroll(alice, small);

        long before = world.examined();
        world.destroy(alice);
        long work = world.examined() - before;

        long bound = boundFor(2);
        if (work > bound) {
            fail("destroying a student with 2 courses did " + work + " units of work (world.examined()); expected at most "
                    + bound + ". Find its courses through its own list, and take it out of the big course's list with "
                    + "EdgeList.remove (O(1)), not by walking world.entities() or the course's 10,000 students "
                    + "(see forgetStudent)");
        }
        assertEquals(9_999, enrollments.studentsOf(big).length,
                () -> "studentsOf(big).length after destroying one of its 10,000 students");
    }

    // ---------------------------------------------------------------- 3.6 errors

    @Test
    @Task(id = "3.6", points = 1)
    @DisplayName("enroll and drop with a destroyed or never-created id throw NoSuchEntityException naming it, and change nothing")
    void unknownIdsAreRefused() {
        World world = new World(); // a world of its own: "gone" dies before the cleanup hook is connected
        createMany(world, 10);
        int alice = world.create(), rust = world.create(), gone = world.create();
        world.destroy(gone);
        Enrollments enrollments = new Enrollments(world);
        int never = 777_777;

        NoSuchEntityException e = assertThrows(NoSuchEntityException.class, () -> enrollments.enroll(alice, gone),
                "enroll(alice, destroyed course) must throw NoSuchEntityException (use world.requireLive)");
        assertMessageNames(e, gone, "enroll(alice, destroyed course)");
        e = assertThrows(NoSuchEntityException.class, () -> enrollments.enroll(never, rust),
                "enroll(never-created student, rust) must throw NoSuchEntityException");
        assertMessageNames(e, never, "enroll(never-created student, rust)");
        e = assertThrows(NoSuchEntityException.class, () -> enrollments.drop(alice, gone),
                "drop(alice, destroyed course) must throw NoSuchEntityException");
        assertMessageNames(e, gone, "drop(alice, destroyed course)");

        assertIds(new int[0], enrollments.coursesOf(alice),
                "coursesOf(alice) after the refused enroll(alice, destroyed course): check both ids before changing a list");
        assertIds(new int[0], enrollments.studentsOf(rust), "studentsOf(rust) after the refused enroll(never-created, rust)");
    }

    @Test
    @Task(id = "3.6", points = 1)
    @DisplayName("enroll(x, x) throws IllegalArgumentException naming x, and changes nothing")
    void selfEnrollmentIsRefused() {
        int alice = world.create();
        world.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enrollments.enroll(alice, alice),
                "enroll(alice, alice) must throw IllegalArgumentException: an entity cannot attend itself");
        if (e.getMessage() == null || !e.getMessage().contains(String.valueOf(alice))) {
            fail("the message of enroll(alice, alice)'s exception should name the id " + alice + ", but was: "
                    + e.getMessage());
        }
        assertIds(new int[0], enrollments.coursesOf(alice), "coursesOf(alice) after the refused enroll(alice, alice)");
        assertIds(new int[0], enrollments.studentsOf(alice), "studentsOf(alice) after the refused enroll(alice, alice)");
    }

    // ---------------------------------------------------------------- helpers

    /** Generous: a few units per edge and a few fixed ones; a scan of 10,000 entities is far above it. */
    private static long boundFor(int edges) {
        return 50 + 10L * edges;
    }

    private int[] createMany(int count) {
        return createMany(world, count);
    }

    private static int[] createMany(World world, int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = world.create();
        }
        return ids;
    }

    /** Every list of every live entity names only live entities, and each edge is in both lists exactly once. */
    private void assertNoDanglingIds(String when) {
        for (int e : world.entities()) {
            int[] courses = enrollments.coursesOf(e);
            int[] students = enrollments.studentsOf(e);
            for (int c : courses) {
                if (!world.isLive(c)) {
                    fail(when + ": student " + e + " still lists course " + c + ", which is dead: coursesOf(" + e + ") = "
                            + Arrays.toString(courses) + " (a dangling id; see forgetCourse)");
                }
                int[] back = enrollments.studentsOf(c);
                if (count(back, e) != 1 || count(courses, c) != 1) {
                    fail(when + ": the edge " + e + " -> " + c + " should be once in each list; coursesOf(" + e + ") = "
                            + Arrays.toString(courses) + ", studentsOf(" + c + ") = " + Arrays.toString(back));
                }
            }
            for (int s : students) {
                if (!world.isLive(s)) {
                    fail(when + ": course " + e + " still lists student " + s + ", which is dead: studentsOf(" + e + ") = "
                            + Arrays.toString(students) + " (a dangling id; see forgetStudent)");
                }
                int[] back = enrollments.coursesOf(s);
                if (count(back, e) != 1) {
                    fail(when + ": course " + e + " lists student " + s + ", but coursesOf(" + s + ") = "
                            + Arrays.toString(back) + " does not list it once");
                }
            }
        }
    }

    private static int count(int[] ids, int id) {
        int n = 0;
        for (int x : ids) {
            n += x == id ? 1 : 0;
        }
        return n;
    }

    private static void assertIds(int[] expected, int[] actual, String what) {
        assertArrayEquals(expected, actual, () -> what + ": expected " + Arrays.toString(expected) + " but was "
                + Arrays.toString(actual));
    }

    private static void assertMessageNames(RuntimeException e, int id, String call) {
        if (e.getMessage() == null || !e.getMessage().contains(String.valueOf(id))) {
            fail(call + ": the exception's message should name the id " + id + ", but was: " + e.getMessage());
        }
    }
}
