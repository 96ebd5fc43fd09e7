package dev.ecswasm.bench;

import static dev.ecswasm.bench.BoundaryFixture.CALLS;
import static dev.ecswasm.bench.BoundaryFixture.CHILDREN;
import static dev.ecswasm.bench.BoundaryFixture.EDGE_READS;
import static dev.ecswasm.bench.BoundaryFixture.NAME_FETCHES;

import org.graalvm.polyglot.Value;
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
 * {@link ChicoryBoundaryBench}'s workload on GraalWasm 25.0.2, interpreter only (Truffle without its
 * JIT). GraalWasm needs JDK 21+: {@link BenchmarkReport} runs this class in a JDK 25 fork.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GraalBoundaryBench {

    @State(Scope.Benchmark)
    public static class Loaded {
        BoundaryFixture fixture;
        GraalRunner plugin;
        GraalRunner loops;
        int childIds;
        Value empty;

        @Setup(Level.Trial)
        public void load() {
            fixture = new BoundaryFixture();
            plugin = new GraalRunner(BoundaryFixture.plugin(), fixture.world, false);
            childIds = plugin.call("guest_alloc", CHILDREN * 4);
            plugin.write(childIds, fixture.childBytes());
            loops = new GraalRunner(BoundaryFixture.callLoops(), fixture.world, true);
            empty = plugin.export("bench_empty");
        }

        @TearDown(Level.Trial)
        public void close() {
            plugin.close();
            loops.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int abiCall(Loaded s) {
        return s.loops.call("loop_abi", CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int bareCall(Loaded s) {
        return s.loops.call("loop_noop", CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(NAME_FETCHES)
    public int getName(Loaded s) {
        return s.plugin.call("bench_get_name", s.fixture.alice, NAME_FETCHES);
    }

    @Benchmark
    @OperationsPerInvocation(EDGE_READS * CHILDREN)
    public int edgesBatched(Loaded s) {
        return s.plugin.call("bench_edges_batched", EDGE_READS);
    }

    @Benchmark
    @OperationsPerInvocation(EDGE_READS * CHILDREN)
    public int edgesPerEntity(Loaded s) {
        return s.plugin.call("bench_edges_per_entity", s.childIds, CHILDREN, EDGE_READS);
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public int emptyExport(Loaded s) {
        for (int i = 0; i < 1000; i++) {
            s.empty.execute();
        }
        return 1000;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int loadCold(Loaded s) {
        try (GraalRunner runner = new GraalRunner(BoundaryFixture.plugin(), new BoundaryFixture().world, false)) {
            return 1;
        }
    }
}
