package dev.ecswasm.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.GuestStacks;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.EnttManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The boundary through our Chicory loader, interpreted and compiled, with the default limits on
 * (the interpreter pays for its fuel listener).
 */
public class ChicoryBoundaryBench extends BoundaryBench {
    @Param({"INTERPRETER", "COMPILED"})
    public ExecutionMode mode;

    /** The call loops again, with {@code bench_noop} doing host_is_entity_valid's work and nothing else. */
    GuestRunner checks;

    @Override
    GuestRunner load(byte[] wasm, EnttManager world, boolean withNoop) {
        return withNoop ? load(wasm, world, (instance, args) -> new long[] {0}) : load(wasm, world, null);
    }

    private Runner load(byte[] wasm, EnttManager world, WasmFunctionHandle noop) {
        WasmHost.Builder builder = WasmHost.builder(PluginModule.parse(wasm, "bench")).mode(mode).manager(world);
        if (noop != null) {
            builder.extraFunctions(List.of(new HostFunction("env", "bench_noop",
                    FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), noop)));
        }
        return new Runner(builder.build());
    }

    @Setup(Level.Trial)
    public void loadChecks() {
        EnttManager world = fixture.world;
        checks = load(BoundaryFixture.callLoops(), world,
                (instance, args) -> new long[] {world.isEntityValid((int) args[0]) ? 1 : 0});
    }

    @TearDown(Level.Trial)
    public void closeChecks() {
        checks.close();
    }

    /**
     * Guest to host: a bare host function doing the validity check host_is_entity_valid does, straight
     * on the manager (no handle, no last error). Between bareCall and abiCall: what is left of abiCall
     * above this is the ABI's own bookkeeping.
     */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.CALLS)
    public int bareCheckCall() {
        return checks.call("loop_noop", BoundaryFixture.CALLS);
    }

    /**
     * getName's two crossings alone: the same two host_get_name calls into one reused guest buffer,
     * with no String made. getName minus this is the guest's own part (its allocation and checks).
     */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.NAME_FETCHES)
    public int getNameCrossings() {
        return plugin.call("bench_get_name_crossings", fixture.alice, BoundaryFixture.NAME_FETCHES);
    }

    /**
     * getName the optimistic way (the plugin's ffi::with_name): one host_get_name straight into a
     * 64-byte buffer on the guest's stack, and the name read from there; Alice fits, so one crossing
     * and no allocation, where getName makes two crossings and a String.
     */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.NAME_FETCHES)
    public int getNameOptimistic() {
        return plugin.call("bench_get_name_optimistic", fixture.alice, BoundaryFixture.NAME_FETCHES);
    }

    /** Call 1 of getName alone: the size query, one crossing. */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.NAME_FETCHES)
    public int getNameSize() {
        return plugin.call("bench_name_size", fixture.alice, BoundaryFixture.NAME_FETCHES);
    }

    /**
     * One export call from the benchmark's thread, a plain one, with no crossing in it (bench_is_valid
     * with n = 0): the hop to the guest thread and back, the watchdog and the world lock. Every other boundary row
     * pays this once per export call, spread over the crossings that call makes.
     */
    @Benchmark
    public int exportCall() {
        return plugin.call("bench_is_valid", fixture.alice, 0);
    }

    /**
     * exportCall from a thread {@link GuestStacks} made: this fork's JMH workers are such threads
     * ({@link GuestStackWorkers}), so the same call runs on the benchmark's own thread, with the same
     * watchdog, world lock and re-entry guard, and no hop. Each invocation is one whole export call.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Djmh.executor=CUSTOM", "-Djmh.executor.class=dev.ecswasm.bench.GuestStackWorkers"})
    public int exportCallInline(OnGuestStack caller) {
        return plugin.call("bench_is_valid", fixture.alice, 0);
    }

    /** Refuses to measure exportCallInline anywhere but on a {@link GuestStacks} thread: it would time the hop. */
    @State(Scope.Thread)
    public static class OnGuestStack {
        @Setup(Level.Trial)
        public void check() {
            if (!GuestStacks.fits(GuestStacks.DEFAULT_STACK_BYTES)) {
                throw new IllegalStateException("exportCallInline runs on " + Thread.currentThread().getName()
                        + ", not a GuestStacks thread: its fork needs -Djmh.executor=CUSTOM"
                        + " -Djmh.executor.class=dev.ecswasm.bench.GuestStackWorkers");
            }
        }
    }

    /**
     * The plugin again, with {@code host_get_name} and {@code host_get_parent_child_pairs} replaced by
     * bare host functions (extra functions win a clash of names) that check nothing and copy bytes made
     * in advance: no handle, no last error, no lookup. The plugin's own code is the same, so set
     * against getName, getNameCrossings and edgesBatched these rows show what the ABI's host side adds.
     */
    GuestRunner bareHost;

    @Setup(Level.Trial)
    public void loadBareHost() {
        byte[] name = "Alice\0".getBytes(StandardCharsets.UTF_8);
        ByteBuffer pairs = ByteBuffer.allocate(BoundaryFixture.CHILDREN * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int child : fixture.children) {
            pairs.putInt(fixture.parent).putInt(child);
        }
        byte[] pairBytes = pairs.array();
        List<ValType> i32 = List.of(ValType.I32);
        WasmHost.Builder builder = WasmHost.builder(PluginModule.parse(BoundaryFixture.plugin(), "bench")).mode(mode)
                .manager(fixture.world);
        builder.extraFunctions(List.of(
                new HostFunction("env", "host_get_name", FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32), i32),
                        (instance, args) -> copyOut(instance, args[1], name, name.length)),
                new HostFunction("env", "host_get_parent_child_pairs", FunctionType.of(List.of(ValType.I32, ValType.I32), i32),
                        (instance, args) -> copyOut(instance, args[0], pairBytes, BoundaryFixture.CHILDREN))));
        bareHost = new Runner(builder.build());
    }

    private static long[] copyOut(Instance instance, long buf, byte[] bytes, int answer) {
        if (buf != 0) {
            instance.memory().write((int) buf, bytes);
        }
        return new long[] {answer};
    }

    @TearDown(Level.Trial)
    public void closeBareHost() {
        bareHost.close();
    }

    /** getName with the bare host_get_name: the plugin's part of getName (its crossings, allocation, checks). */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.NAME_FETCHES)
    public int getNameBareHost() {
        return bareHost.call("bench_get_name", fixture.alice, BoundaryFixture.NAME_FETCHES);
    }

    /** getNameCrossings with the bare host_get_name. */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.NAME_FETCHES)
    public int getNameCrossingsBareHost() {
        return bareHost.call("bench_get_name_crossings", fixture.alice, BoundaryFixture.NAME_FETCHES);
    }

    /** edgesBatched with the bare host_get_parent_child_pairs: per edge, without enumerating or encoding. */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.EDGE_READS * BoundaryFixture.CHILDREN)
    public int edgesBatchedBareHost() {
        return bareHost.call("bench_edges_batched", BoundaryFixture.EDGE_READS);
    }

    /** Module load, warm: instantiate an already parsed (and compiled) module. Milliseconds. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int loadWarm() {
        PluginModule parsed = ((Runner) plugin).host.module();
        try (WasmHost host = WasmHost.builder(parsed).mode(mode).build()) {
            return host.mutableGlobals().length;
        }
    }

    /** A {@link WasmHost} as a {@link GuestRunner}. */
    static final class Runner implements GuestRunner {
        final WasmHost host;

        Runner(WasmHost host) {
            this.host = host;
        }

        @Override
        public int call(String export, int... args) {
            return host.callInt(export, args);
        }

        @Override
        public void write(int address, byte[] bytes) {
            host.memory().write(address, bytes);
        }

        @Override
        public void callEmpty(int times) {
            host.onGuestThread(() -> { // one hop to the guest thread, then direct calls
                for (int i = 0; i < times; i++) {
                    host.call("bench_empty");
                }
                return times;
            });
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
