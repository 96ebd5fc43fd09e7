package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import dev.ecswasm.world.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Chicory instance is not thread-safe: two threads inside one corrupt it for good. The host runs
 * one call at a time, whether it hops to its guest thread or runs on the caller's own thread (a
 * {@link GuestStacks} thread), so many callers at once are safe; each test runs both ways.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CALLS = 150;

    static Stream<Arguments> modesAndPaths() {
        return Stream.of(ExecutionMode.values()).flatMap(mode -> Stream.of(OnGuestStack.Caller.values())
                .map(path -> Arguments.of(mode, path)));
    }

    /** Caller threads: plain ones (their calls hop) or {@link GuestStacks} ones (their calls run on them). */
    private static ExecutorService callers(int threads, OnGuestStack.Caller path) {
        return path == OnGuestStack.Caller.INLINE
                ? Executors.newFixedThreadPool(threads, GuestStacks.factory("test-caller", GuestStacks.DEFAULT_STACK_BYTES))
                : Executors.newFixedThreadPool(threads);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndPaths")
    void eightThreadsHammeringOneHostLoseNothing(ExecutionMode mode, OnGuestStack.Caller path) throws Exception {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            int root = host.callInt("step_create_named", host.putString("root"), 4);
            ExecutorService callers = callers(THREADS, path);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(callers.submit(() -> {
                    int attached = 0;
                    for (int i = 0; i < CALLS; i++) {
                        int child = host.callInt("step_create_named", host.putString("child"), 5);
                        attached += host.callInt("step_set_parent", child, root);
                        host.callInt("step_name_size", child);
                    }
                    return attached;
                }));
            }
            int attached = 0;
            for (Future<Integer> f : done) {
                attached += f.get();
            }
            callers.shutdown();
            assertEquals(THREADS * CALLS, attached);
            assertEquals(THREADS * CALLS, host.callInt("step_count_children", root));
            assertEquals(THREADS * CALLS + 1, host.manager().entityCount());
            assertEquals(List.of(), Invariants.violations(host.manager()));
            assertEquals(0, host.callInt("test_relationships"), "the instance is intact");
        }
    }

    /**
     * Two hosts over one world, each called from its own thread: each host runs its calls one at a
     * time, and the world's lock makes the two hosts take turns, so no import of one lands in the
     * middle of an import of the other. Without it this broke the invariants within seconds.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndPaths")
    void twoHostsOverOneWorldTakeTurns(ExecutionMode mode, OnGuestStack.Caller path) throws Exception {
        EnttManager world = new EnttManager();
        try (WasmHost first = WasmHost.builder(PluginModule.bundled()).mode(mode).manager(world).build();
                WasmHost second = WasmHost.builder(PluginModule.bundled()).mode(mode).manager(world).build()) {
            int course = first.callInt("step_create_named", first.putString("course"), 6);
            ExecutorService callers = callers(2, path);
            List<Future<Integer>> done = new ArrayList<>();
            for (WasmHost host : List.of(first, second)) {
                done.add(callers.submit(() -> {
                    int kept = 0;
                    for (int i = 0; i < CALLS * 2; i++) {
                        int parent = host.callInt("step_create_named", host.putString("parent"), 6);
                        int child = host.callInt("step_create_named", host.putString("child"), 5);
                        host.callInt("step_set_parent", child, parent);
                        host.callInt("step_enroll", child, course);
                        if (i % 2 == 0) {
                            host.callInt("step_destroy", parent); // the child goes too, or loses its parent
                        } else {
                            kept++;
                        }
                    }
                    return kept;
                }));
            }
            int kept = 0;
            for (Future<Integer> f : done) {
                kept += f.get();
            }
            callers.shutdown();
            assertEquals(List.of(), Invariants.violations(world));
            assertEquals(kept, world.edgeCount(Relation.PARENT_CHILD), "one parent edge per kept pair");
            assertEquals(0, first.callInt("test_relationships"), "the first instance is intact");
            assertEquals(0, second.callInt("test_relationships"), "the second instance is intact");
        }
    }

    @ParameterizedTest
    @EnumSource(OnGuestStack.Caller.class)
    void aCallIntoAnotherHostOnTheSameWorldFromInsideACallIsRefused(OnGuestStack.Caller path) throws Exception {
        path.run(this::callIntoAnotherHostOnTheSameWorld);
    }

    private void callIntoAnotherHostOnTheSameWorld() {
        EnttManager world = new EnttManager();
        try (WasmHost inner = WasmHost.builder(PluginModule.bundled()).manager(world).build()) {
            List<String> refusals = new ArrayList<>();
            world.setLogSink(line -> { // the manager's log runs inside the outer host's import
                try {
                    inner.callInt("step_name_size", 0);
                } catch (IllegalStateException refused) {
                    refusals.add(refused.getMessage());
                }
            });
            try (WasmHost outer = WasmHost.builder(PluginModule.bundled()).manager(world).build()) {
                outer.callInt("step_create_named", outer.putString("x"), 1);
            }
            assertEquals("cannot call step_name_size from inside another host's call on the same world: "
                    + "the two would wait for each other; call it after that call returns", refusals.get(0));
        }
    }
}
