package dev.ecswasm.bench;

import static dev.ecswasm.bench.BoundaryFixture.CALLS;
import static dev.ecswasm.bench.BoundaryFixture.CHILDREN;
import static dev.ecswasm.bench.BoundaryFixture.EDGE_READS;
import static dev.ecswasm.bench.BoundaryFixture.NAME_FETCHES;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import java.util.List;
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
 * The boundary through our Chicory loader, interpreted and compiled, with the default limits on
 * (the interpreter pays for its fuel listener). Guest loops make many crossings per export call, so
 * scores are per crossing (per edge for the relation reads), in nanoseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChicoryBoundaryBench {

    /** A bare host function that does nothing, to compare an ABI call with. */
    static HostFunction noop() {
        return new HostFunction("env", "bench_noop", FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                (instance, args) -> new long[] {0});
    }

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"INTERPRETER", "COMPILED"})
        public ExecutionMode mode;

        BoundaryFixture fixture;
        WasmHost plugin;
        WasmHost loops;
        int childIds;

        @Setup(Level.Trial)
        public void load() {
            fixture = new BoundaryFixture();
            plugin = WasmHost.builder(PluginModule.bundled()).mode(mode).manager(fixture.world).build();
            childIds = plugin.callInt("guest_alloc", CHILDREN * 4);
            plugin.memory().write(childIds, fixture.childBytes());
            loops = WasmHost.builder(PluginModule.parse(BoundaryFixture.callLoops(), "bench_calls"))
                    .mode(mode).manager(fixture.world).extraFunctions(List.of(noop())).build();
        }

        @TearDown(Level.Trial)
        public void close() {
            plugin.close();
            loops.close();
        }
    }

    /** Guest to host: the ABI's cheapest import, host_is_entity_valid. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int abiCall(Loaded s) {
        return s.loops.callInt("loop_abi", CALLS);
    }

    /** Guest to host: a bare Chicory host function that does nothing. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int bareCall(Loaded s) {
        return s.loops.callInt("loop_noop", CALLS);
    }

    /** The two-call name fetch, into a fresh guest String each time. */
    @Benchmark
    @OperationsPerInvocation(NAME_FETCHES)
    public int getName(Loaded s) {
        return s.plugin.callInt("bench_get_name", s.fixture.alice, NAME_FETCHES);
    }

    /** The whole 1:N relation in one batched exchange; per edge. */
    @Benchmark
    @OperationsPerInvocation(EDGE_READS * CHILDREN)
    public int edgesBatched(Loaded s) {
        return s.plugin.callInt("bench_edges_batched", EDGE_READS);
    }

    /** The same edges with one host_get_parent per child; per edge. */
    @Benchmark
    @OperationsPerInvocation(EDGE_READS * CHILDREN)
    public int edgesPerEntity(Loaded s) {
        return s.plugin.callInt("bench_edges_per_entity", s.childIds, CHILDREN, EDGE_READS);
    }

    /** Host to guest: an export that does nothing, called 1,000 times on the guest thread. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int emptyExport(Loaded s) {
        return s.plugin.onGuestThread(() -> {
            for (int i = 0; i < 1000; i++) {
                s.plugin.call("bench_empty");
            }
            return 1000;
        });
    }

    /** Module load, cold: parse, (compile,) instantiate, from bytes. Milliseconds. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int loadCold(Loaded s) {
        PluginModule module = PluginModule.parse(BoundaryFixture.plugin(), "cold");
        try (WasmHost host = WasmHost.builder(module).mode(s.mode).build()) {
            return host.mutableGlobals().length;
        }
    }

    /** Module load, warm: instantiate an already parsed (and compiled) module. Milliseconds. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int loadWarm(Loaded s) {
        try (WasmHost host = WasmHost.builder(s.plugin.module()).mode(s.mode).build()) {
            return host.mutableGlobals().length;
        }
    }
}
