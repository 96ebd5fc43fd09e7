package exercises.relations;

import static exercises.relations.Model.concat;
import static exercises.relations.Model.creates;
import static exercises.relations.Model.ops;

import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import exercises.relations.Model.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sequences of calls checked against a model after every step: the outcome of each call, then both
 * lists of every live entity. Hand-picked edge sequences first, then seeded random ones; a failure
 * shows the shortest failing sequence and the first step where the code and the model disagree.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EnrollmentsPropertyTest {
    private static void check(String what, List<List<Op>> sequences) {
        Property.forAll(what, sequences, Model::difference, Comparator.comparingInt(List::size),
                ops -> "the sequence " + ops);
    }

    private static List<List<Op>> with(List<List<Op>> edges, List<List<Op>> random) {
        List<List<Op>> out = new ArrayList<>(edges);
        out.addAll(random);
        return out;
    }

    @Test
    @Task(id = "3.1", points = 1)
    @DisplayName("property: after any sequence of enrolls, both lists of every entity match the model (the highest id, an entity that is student and course, every pair)")
    void enrollsMatchTheModel() {
        List<List<Op>> edges = List.of(
                concat(ops(creates(2)), ops(Op.enroll(0, 1))),
                concat(ops(creates(2)), ops(Op.enroll(1, 0))),
                concat(ops(creates(3)), ops(Op.enroll(0, 2), Op.enroll(2, 1))),
                concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.enroll(1, 0))),
                concat(ops(creates(3)), ops(Op.enroll(2, 0), Op.enroll(2, 1), Op.enroll(1, 0))));
        check("enroll", with(edges, Model.random(31, 1_000, 6, "e")));
    }

    @Test
    @Task(id = "3.2", points = 1)
    @DisplayName("property: repeated enrolls, in both directions and after drops, keep every edge once on each side")
    void repeatedEnrollsMatchTheModel() {
        List<List<Op>> edges = List.of(
                concat(ops(creates(2)), ops(Op.enroll(0, 1), Op.enroll(0, 1))),
                concat(ops(creates(2)), ops(Op.enroll(0, 1), Op.enroll(1, 0), Op.enroll(0, 1), Op.enroll(1, 0))),
                concat(ops(creates(2)), ops(Op.enroll(0, 1), Op.drop(0, 1), Op.enroll(0, 1), Op.enroll(0, 1))),
                concat(ops(creates(3)), ops(Op.enroll(0, 2), Op.enroll(1, 2), Op.enroll(0, 2), Op.drop(0, 2))));
        check("enroll", with(edges, Model.random(32, 1_000, 4, "eeed")));
    }

    @Test
    @Task(id = "3.3", points = 1)
    @DisplayName("property: drop agrees with the model in any sequence of enrolls and drops: true once per edge, false for a missing or reversed pair")
    void dropsMatchTheModel() {
        List<List<Op>> edges = List.of(
                concat(ops(creates(2)), ops(Op.drop(0, 1))),
                concat(ops(creates(2)), ops(Op.enroll(0, 1), Op.drop(1, 0), Op.drop(0, 1), Op.drop(0, 1))),
                concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.enroll(1, 0), Op.drop(0, 1), Op.enroll(2, 1), Op.drop(1, 0))),
                concat(ops(creates(3)), ops(Op.enroll(0, 2), Op.enroll(1, 2), Op.drop(0, 2), Op.enroll(0, 2))));
        check("drop", with(edges, Model.random(33, 1_000, 5, "eed")));
    }

    @Test
    @Task(id = "3.4", points = 1)
    @DisplayName("property: after any sequence of enrolls, drops, creates and destroys, no live entity names a dead id and every edge is in both lists once")
    void destroysMatchTheModel() {
        List<List<Op>> edges = List.of(
                concat(ops(creates(2)), ops(Op.enroll(0, 1), Op.destroy(0), Op.create(), Op.enroll(2, 1))),
                concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.enroll(1, 2), Op.destroy(1))),
                concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.enroll(1, 0), Op.destroy(0))),
                concat(ops(creates(3)), ops(Op.enroll(0, 2), Op.enroll(1, 2), Op.destroy(2), Op.destroy(0))),
                concat(ops(creates(2)), ops(Op.destroy(1), Op.destroy(1))));
        check("destroy", with(edges, Model.random(34, 800, 6, "eeedxc")));
    }

    @Test
    @Task(id = "3.6", points = 1)
    @DisplayName("property: every call with a dead, never-created (-1, the next id, Integer.MAX_VALUE) or repeated id throws the right exception naming it, the liveness check first, and changes nothing")
    void badArgumentsMatchTheModel() {
        List<List<Op>> edges = new ArrayList<>();
        for (int bad : Model.neverLive(3)) {
            edges.add(concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.enroll(bad, 1), Op.enroll(0, bad))));
            edges.add(concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.drop(bad, 1), Op.drop(0, bad))));
            edges.add(concat(ops(creates(3)), ops(Op.enroll(bad, bad), Op.drop(bad, bad))));
        }
        edges.add(concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.drop(1, 1), Op.drop(0, 0))));
        edges.add(concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.destroy(2), Op.enroll(2, 2), Op.drop(2, 2))));
        edges.add(concat(ops(creates(3)), ops(Op.enroll(0, 1), Op.destroy(1), Op.enroll(0, 1), Op.drop(0, 1), Op.drop(1, 0))));
        check("enroll/drop", with(edges, Model.random(36, 800, 5, "eedx!!!")));
    }
}
