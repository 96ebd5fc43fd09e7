package dev.ecswasm.bench;

import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Relationship upkeep, which none of the peers has: link churn, the cost of destroying an entity
 * of degree d in a small and a large world (it must not grow with the world), and cascade delete
 * per child on trees of depth 1 to 10. Scores are nanoseconds per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class RelationBench {
    static final int PAIRS = 1024;
    static final int HUBS = 1000;
    static final int DEGREE = 16;
    static final int TREE = 10_000;

    /** 1,024 players, profiles, children and courses to churn links among. */
    @State(Scope.Thread)
    public static class Churn {
        EnttManager world = new EnttManager();
        int[] a = new int[PAIRS];
        int[] b = new int[PAIRS];
        int[] picks = new int[PAIRS * 4];
        int next;

        @Setup(Level.Trial)
        public void fill() {
            for (int i = 0; i < PAIRS; i++) {
                a[i] = world.createEntity();
                b[i] = world.createEntity();
            }
            Random random = new Random(7);
            for (int i = 0; i < picks.length; i++) {
                picks[i] = random.nextInt(PAIRS);
            }
        }

        int pick() {
            return picks[next++ & (picks.length - 1)];
        }
    }

    /** Relinks a random player to a random profile: each side's old partner is unlinked first. */
    @Benchmark
    public boolean linkChurn(Churn s) {
        return s.world.linkPlayerProfile(s.a[s.pick()], s.b[s.pick()]).ok();
    }

    /** Reparents a random child under a random parent (with the cycle check). */
    @Benchmark
    public boolean reparentChurn(Churn s) {
        return s.world.setParent(s.b[s.pick()], s.a[s.pick()]).ok();
    }

    /** Enrolls then drops a random student in a random course. */
    @Benchmark
    @OperationsPerInvocation(2)
    public boolean enrollDropChurn(Churn s) {
        int student = s.a[s.pick()];
        int course = s.b[s.pick()];
        s.world.enroll(student, course);
        return s.world.drop(student, course).ok();
    }

    /**
     * A world of {@code others} entities (each a student of one of 100 courses, so relations are
     * everywhere), plus 1,000 hubs of degree 16 (16 children and 16 courses each) rebuilt before
     * every invocation; the invocation destroys the hubs.
     */
    @State(Scope.Thread)
    public static class Hubs {
        @Param({"1000", "1000000"})
        public int others;

        EnttManager world;
        int[] hubs = new int[HUBS];
        int[] leaves = new int[HUBS * DEGREE];

        @Setup(Level.Trial)
        public void world() {
            world = new EnttManager();
            int[] courses = new int[100];
            for (int i = 0; i < courses.length; i++) {
                courses[i] = world.createEntity();
            }
            for (int i = 0; i < others; i++) {
                world.enroll(world.createEntity(), courses[i % courses.length]);
            }
        }

        @Setup(Level.Invocation)
        public void hubs() {
            for (int h = 0; h < HUBS; h++) {
                hubs[h] = world.createEntity();
                for (int d = 0; d < DEGREE; d++) {
                    int leaf = world.createEntity();
                    leaves[h * DEGREE + d] = leaf;
                    world.setParent(leaf, hubs[h]);
                    world.enroll(hubs[h], leaf);
                }
            }
        }

        @TearDown(Level.Invocation)
        public void clear() {
            for (int leaf : leaves) {
                world.destroyEntity(leaf);
            }
        }
    }

    /** Destroys 1,000 entities of degree 32 (16 children, 16 courses): ns per destroyed hub. */
    @Benchmark
    @OperationsPerInvocation(HUBS)
    public EnttManager destroyDegree32(Hubs s) {
        for (int hub : s.hubs) {
            s.world.destroyEntity(hub);
        }
        return s.world;
    }

    /** A tree of 10,000 descendants in {@code depth} levels, rebuilt before every invocation. */
    @State(Scope.Thread)
    public static class Tree {
        @Param({"1", "2", "5", "10"})
        public int depth;

        EnttManager world;
        int root;

        @Setup(Level.Invocation)
        public void grow() {
            world = new EnttManager().setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
            root = world.createEntity();
            int[] level = {root};
            int perLevel = TREE / depth;
            for (int d = 0; d < depth; d++) {
                int[] next = new int[perLevel];
                for (int i = 0; i < perLevel; i++) {
                    next[i] = world.createEntity();
                    world.setParent(next[i], level[i % level.length]);
                }
                level = next;
            }
        }
    }

    /** Destroys the root with CASCADE: every descendant goes, children first. ns per child. */
    @Benchmark
    @OperationsPerInvocation(TREE)
    public EnttManager cascadeDeletePerChild(Tree s) {
        s.world.destroyEntity(s.root);
        return s.world;
    }
}
