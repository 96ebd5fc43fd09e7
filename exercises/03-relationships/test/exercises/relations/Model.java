package exercises.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tests' model of a world with enrollments: which ids are live, and each live id's two lists in
 * the order the edges were made. Runs a sequence of operations on the model and on the student's
 * {@link Enrollments} side by side, and says at which step they first disagree.
 */
final class Model {
    /** One call: create, enroll(a, b), drop(a, b) or destroy(a). */
    record Op(char kind, int a, int b) {
        static Op create() {
            return new Op('c', 0, 0);
        }

        static Op enroll(int student, int course) {
            return new Op('e', student, course);
        }

        static Op drop(int student, int course) {
            return new Op('d', student, course);
        }

        static Op destroy(int id) {
            return new Op('x', id, 0);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case 'c' -> "create()";
                case 'e' -> "enroll(" + a + ", " + b + ")";
                case 'd' -> "drop(" + a + ", " + b + ")";
                default -> "world.destroy(" + a + ")";
            };
        }
    }

    private final List<Boolean> live = new ArrayList<>();
    private final List<List<Integer>> courses = new ArrayList<>();
    private final List<List<Integer>> students = new ArrayList<>();

    private boolean isLive(int id) {
        return id >= 0 && id < live.size() && live.get(id);
    }

    /** What the op must do: "returns ...", "throws NoSuchEntityException for id n", "throws IllegalArgumentException for id n". */
    private String apply(Op op) {
        switch (op.kind()) {
            case 'c' -> {
                live.add(true);
                courses.add(new ArrayList<>());
                students.add(new ArrayList<>());
                return "returns " + (live.size() - 1);
            }
            case 'x' -> {
                if (!isLive(op.a())) {
                    return "throws NoSuchEntityException for id " + op.a();
                }
                int dead = op.a();
                for (int c : courses.get(dead)) {
                    students.get(c).remove(Integer.valueOf(dead));
                }
                for (int s : students.get(dead)) {
                    courses.get(s).remove(Integer.valueOf(dead));
                }
                courses.get(dead).clear();
                students.get(dead).clear();
                live.set(dead, false);
                return "returns";
            }
            default -> {
                int s = op.a();
                int c = op.b();
                if (!isLive(s) || !isLive(c)) {
                    return "throws NoSuchEntityException for id " + (!isLive(s) ? s : c)
                            + (!isLive(s) && !isLive(c) && s != c ? " or " + c : "");
                }
                if (s == c) {
                    return "throws IllegalArgumentException for id " + s;
                }
                boolean enrolled = courses.get(s).contains(c);
                if (op.kind() == 'e') {
                    if (!enrolled) {
                        courses.get(s).add(c);
                        students.get(c).add(s);
                    }
                    return "returns";
                }
                courses.get(s).remove(Integer.valueOf(c));
                students.get(c).remove(Integer.valueOf(s));
                return "returns " + enrolled;
            }
        }
    }

    /** What the student's code did. */
    private static String apply(Op op, World world, Enrollments enrollments) {
        try {
            switch (op.kind()) {
                case 'c' -> {
                    return "returns " + world.create();
                }
                case 'x' -> world.destroy(op.a());
                case 'e' -> enrollments.enroll(op.a(), op.b());
                default -> {
                    return "returns " + enrollments.drop(op.a(), op.b());
                }
            }
            return "returns";
        } catch (NoSuchEntityException e) {
            String named = e.getMessage() != null && e.getMessage().contains(String.valueOf(e.id())) ? ""
                    : " (but its message does not name it: " + e.getMessage() + ")";
            return "throws NoSuchEntityException for id " + e.id() + named;
        } catch (IllegalArgumentException e) {
            boolean named = e.getMessage() != null && e.getMessage().contains(String.valueOf(op.a()));
            return "throws IllegalArgumentException for id " + (named ? op.a() : "? (its message names no id: " + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return "throws " + e;
        }
    }

    /** Whether the student's outcome is one of those the model allows ("... for id 3 or 5" allows either). */
    private static boolean agrees(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        int or = expected.indexOf(" or ");
        if (or < 0) {
            return false;
        }
        String first = expected.substring(0, or);
        String second = first.substring(0, first.lastIndexOf(' ') + 1) + expected.substring(or + 4);
        return first.equals(actual) || second.equals(actual);
    }

    /**
     * Runs {@code ops} on a fresh world and on a fresh model; null if they agree at every step (the
     * outcome of each op, then every live entity's two lists), else what differs and where.
     */
    static String difference(List<Op> ops) {
        World world = new World();
        Enrollments enrollments = new Enrollments(world);
        Model model = new Model();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String expected = model.apply(op);
            String actual = apply(op, world, enrollments);
            if (!agrees(expected, actual)) {
                return "step " + (i + 1) + ", " + op + ": expected it " + expected + ", but it " + actual;
            }
            String lists = model.listsDiffer(world, enrollments);
            if (lists != null) {
                return "after step " + (i + 1) + ", " + op + " (which " + actual + "): " + lists;
            }
        }
        return null;
    }

    /** The first live entity whose lists differ from the model's, or null. */
    private String listsDiffer(World world, Enrollments enrollments) {
        for (int id = 0; id < live.size(); id++) {
            if (!live.get(id)) {
                continue;
            }
            String c = ids(courses.get(id));
            String actualC = java.util.Arrays.toString(enrollments.coursesOf(id));
            if (!c.equals(actualC)) {
                return "coursesOf(" + id + ") should be " + c + ", but was " + actualC;
            }
            String s = ids(students.get(id));
            String actualS = java.util.Arrays.toString(enrollments.studentsOf(id));
            if (!s.equals(actualS)) {
                return "studentsOf(" + id + ") should be " + s + ", but was " + actualS;
            }
        }
        return null;
    }

    private static String ids(List<Integer> list) {
        return list.toString();
    }

    // ---------------------------------------------------------------- inputs

    /** The ids that are never live: negative, the next id to be created (index == length) and above, the int edges. */
    static int[] neverLive(int created) {
        return new int[] {-1, created, created + 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
    }

    /**
     * Random sequences over a world of {@code entities} entities: {@code kinds} lists the ops allowed
     * ('e' enroll, 'd' drop, 'x' destroy, 'c' create, '!' calls with a dead, never-created or
     * repeated id).
     */
    static List<List<Op>> random(long seed, int count, int entities, String kinds) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Op>> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            List<Op> ops = new ArrayList<>();
            int created = r.nextInt(2, entities + 1);
            for (int i = 0; i < created; i++) {
                ops.add(Op.create());
            }
            List<Integer> dead = new ArrayList<>();
            for (int steps = r.nextInt(1, 25); steps > 0; steps--) {
                char kind = kinds.charAt(r.nextInt(kinds.length()));
                int a = r.nextInt(created);
                int b = r.nextInt(created);
                switch (kind) {
                    case 'c' -> {
                        ops.add(Op.create());
                        created++;
                    }
                    case 'x' -> {
                        if (!dead.contains(a)) {
                            ops.add(Op.destroy(a));
                            dead.add(a);
                        }
                    }
                    case '!' -> {
                        int[] bad = neverLive(created);
                        int odd = switch (r.nextInt(3)) {
                            case 0 -> bad[r.nextInt(bad.length)];
                            case 1 -> dead.isEmpty() ? created : dead.get(r.nextInt(dead.size()));
                            default -> a;
                        };
                        boolean first = r.nextBoolean();
                        int x = first ? odd : a;
                        int y = first ? a : odd;
                        ops.add(r.nextBoolean() ? Op.enroll(x, y) : Op.drop(x, y));
                    }
                    default -> {
                        if (a == b || dead.contains(a) || dead.contains(b)) {
                            continue;
                        }
                        ops.add(kind == 'e' ? Op.enroll(a, b) : Op.drop(a, b));
                    }
                }
            }
            out.add(ops);
        }
        return out;
    }

    static List<Op> ops(Op... ops) {
        return List.of(ops);
    }

    static Op[] creates(int n) {
        Op[] out = new Op[n];
        java.util.Arrays.fill(out, Op.create());
        return out;
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
