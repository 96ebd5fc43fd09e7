package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * All or nothing under a real stack overflow, not an injected one: a recursion runs a thread's stack
 * out, and on the way back up, level by level, calls the manager. The calls made nearest the bottom
 * run out of stack part-way, at a different point inside each one, until the levels are shallow
 * enough for them to get through. The world must then equal a twin world to which only the calls
 * that returned were made: every call that threw StackOverflowError was undone whole, its undo
 * included, however little stack it was left.
 *
 * <p>Each round starts the dive from a slightly different depth (a few padding frames), so the
 * calls meet the stack's end at other offsets; the early rounds run interpreted, the later ones
 * compiled.
 */
class StackExhaustionTest {
    private static final long STACK_BYTES = 512 * 1024;
    private static final int ROUNDS = 60;
    private static final int TREES = 40; // each round: TREES cascades, pair relinks and reparents

    /** Two worlds built by the same calls: the deep one the dive changes, and its twin. */
    private static final class Scene {
        final int[] roots = new int[TREES];
        final int[] players = new int[TREES];
        final int[] profiles = new int[TREES];
        final int[] orphans = new int[TREES];

        Scene(EnttManager world) {
            world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
            int course = world.createEntity();
            for (int t = 0; t < TREES; t++) {
                roots[t] = world.createEntity();
                world.addName(roots[t], "root " + t);
                for (int c = 0; c < 3; c++) {
                    int child = world.createEntity();
                    world.setParent(child, roots[t]);
                    world.enroll(child, course); // one long student list: its index is in play
                    world.addName(child, "child " + t + "." + c);
                }
                players[t] = world.createEntity();
                profiles[t] = world.createEntity();
                world.linkPlayerProfile(players[t], profiles[t]);
                orphans[t] = world.createEntity();
                world.enroll(orphans[t], roots[t]);
            }
        }

        /** Call number {@code k}: a cascade of four, a relink that unlinks two pairs, or a reparent. */
        Outcome call(EnttManager world, int k) {
            int t = k / 3;
            return switch (k % 3) {
                case 0 -> world.linkPlayerProfile(players[t], profiles[(t + 1) % TREES]);
                case 1 -> world.setParent(orphans[t], roots[(t + 1) % TREES]);
                default -> world.destroyEntity(roots[t]);
            };
        }
    }

    /** One dive: the calls attempted in order, and which of them returned. */
    private static final class Dive {
        final EnttManager world;
        final Scene scene;
        final boolean[] returned = new boolean[TREES * 3];
        int attempted;

        Dive(EnttManager world, Scene scene) {
            this.world = world;
            this.scene = scene;
        }

        void pad(int frames) {
            if (frames > 0) {
                pad(frames - 1);
            } else {
                dive();
            }
        }

        void dive() {
            try {
                dive();
            } catch (StackOverflowError bottom) {
                // the bottom, or a level below this one: from here up, each level makes the next call
            }
            if (attempted < returned.length) {
                int k = attempted++;
                try {
                    scene.call(world, k);
                    returned[k] = true;
                } catch (StackOverflowError partWay) {
                    // must have been undone whole: the twin never makes this call
                }
            }
        }
    }

    @Test
    void aCallThatRunsOutOfStackPartWayLeavesTheWorldAsIfItWasNeverMade() throws Exception {
        List<Throwable> failed = new ArrayList<>();
        int[] outOfStack = new int[1];
        int[] through = new int[1];
        Thread thread = new Thread(null, () -> {
            try {
                EnttManager warm = new EnttManager(); // links every call site (lambdas) at a shallow depth first:
                Scene warmScene = new Scene(warm);   // a first link deep down fails in the JVM, not in the world
                for (int k = 0; k < TREES * 3; k++) {
                    warmScene.call(warm, k);
                }
                for (int round = 0; round < ROUNDS; round++) {
                    EnttManager deep = new EnttManager();
                    Dive dive = new Dive(deep, new Scene(deep));
                    dive.pad(round % 7);
                    EnttManager twin = new EnttManager();
                    Scene twinScene = new Scene(twin);
                    for (int k = 0; k < dive.attempted; k++) {
                        if (dive.returned[k]) {
                            twinScene.call(twin, k);
                            through[0]++;
                        } else {
                            outOfStack[0]++;
                        }
                    }
                    assertEquals(List.of(), Invariants.violations(deep), "round " + round);
                    assertEquals(WorldSnapshot.of(twin), WorldSnapshot.of(deep), "round " + round);
                }
            } catch (Throwable t) {
                failed.add(t);
            }
        }, "stack-exhaustion", STACK_BYTES);
        thread.start();
        thread.join();
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.get(0));
        }
        assertTrue(outOfStack[0] >= ROUNDS, outOfStack[0] + " calls ran out of stack: the dive must reach the end");
        assertTrue(through[0] >= ROUNDS, through[0] + " calls got through: the dive must climb back out");
    }
}
