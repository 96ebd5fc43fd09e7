package dev.ecswasm.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.EnttManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
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

    /** Call 1 of getName alone: the size query, one crossing. */
    @Benchmark
    @OperationsPerInvocation(BoundaryFixture.NAME_FETCHES)
    public int getNameSize() {
        return plugin.call("bench_name_size", fixture.alice, BoundaryFixture.NAME_FETCHES);
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
