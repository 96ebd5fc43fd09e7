package dev.ecswasm.bench;

import static dev.ecswasm.bench.BoundaryFixture.CALLS;
import static dev.ecswasm.bench.BoundaryFixture.CHILDREN;
import static dev.ecswasm.bench.BoundaryFixture.EDGE_READS;
import static dev.ecswasm.bench.BoundaryFixture.NAME_FETCHES;

import dev.ecswasm.world.EnttManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The boundary workload, the same for every runtime: the plugin and the call-loop module, loaded on
 * one {@link BoundaryFixture} world. Guest loops make many crossings per export call, so scores are
 * per crossing (per edge for the relation reads), in nanoseconds. Each runtime is a subclass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class BoundaryBench {
    BoundaryFixture fixture;
    GuestRunner plugin;
    GuestRunner loops;
    int childIds;

    /** Loads a module on this runtime; {@code withNoop} adds the bare {@code env.bench_noop} import. */
    abstract GuestRunner load(byte[] wasm, EnttManager world, boolean withNoop);

    @Setup(Level.Trial)
    public void loadBoth() {
        fixture = new BoundaryFixture();
        plugin = load(BoundaryFixture.plugin(), fixture.world, false);
        childIds = plugin.call("guest_alloc", CHILDREN * 4);
        plugin.write(childIds, fixture.childBytes());
        loops = load(BoundaryFixture.callLoops(), fixture.world, true);
    }

    @TearDown(Level.Trial)
    public void closeBoth() {
        plugin.close();
        loops.close();
    }

    /** Guest to host: the ABI's cheapest import, host_is_entity_valid. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int abiCall() {
        return loops.call("loop_abi", CALLS);
    }

    /** Guest to host: a bare host function that does nothing. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int bareCall() {
        return loops.call("loop_noop", CALLS);
    }

    /** The two-call name fetch, into a fresh guest String each time. */
    @Benchmark
    @OperationsPerInvocation(NAME_FETCHES)
    public int getName() {
        return plugin.call("bench_get_name", fixture.alice, NAME_FETCHES);
    }

    /** The whole 1:N relation in one batched exchange; per edge. */
    @Benchmark
    @OperationsPerInvocation(EDGE_READS * CHILDREN)
    public int edgesBatched() {
        return plugin.call("bench_edges_batched", EDGE_READS);
    }

    /** The same edges with one host_get_parent per child; per edge. */
    @Benchmark
    @OperationsPerInvocation(EDGE_READS * CHILDREN)
    public int edgesPerEntity() {
        return plugin.call("bench_edges_per_entity", childIds, CHILDREN, EDGE_READS);
    }

    /** Host to guest: an export that does nothing. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public void emptyExport() {
        plugin.callEmpty(1000);
    }

    /**
     * Module load, cold: parse, (compile,) instantiate, from bytes. Milliseconds. Chicory compiled finds
     * the bundled plugin's build-time classes, so it compiles nothing here.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int loadCold() {
        try (GuestRunner fresh = load(BoundaryFixture.plugin(), new EnttManager(), false)) {
            return 1;
        }
    }
}
