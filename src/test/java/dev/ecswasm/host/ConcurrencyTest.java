package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.world.Invariants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Chicory instance is not thread-safe: two threads inside one corrupt it for good. The host
 * serialises every call onto its one guest thread, so many callers at once are safe.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CALLS = 150;

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void eightThreadsHammeringOneHostLoseNothing(ExecutionMode mode) throws Exception {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            int root = host.callInt("step_create_named", host.putString("root"), 4);
            ExecutorService callers = Executors.newFixedThreadPool(THREADS);
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
}
