package dev.ecswasm.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.EnttManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * The boundary through our Chicory loader, interpreted and compiled, with the default limits on
 * (the interpreter pays for its fuel listener).
 */
public class ChicoryBoundaryBench extends BoundaryBench {
    @Param({"INTERPRETER", "COMPILED"})
    public ExecutionMode mode;

    @Override
    GuestRunner load(byte[] wasm, EnttManager world, boolean withNoop) {
        WasmHost.Builder builder = WasmHost.builder(PluginModule.parse(wasm, "bench")).mode(mode).manager(world);
        if (withNoop) {
            builder.extraFunctions(List.of(new HostFunction("env", "bench_noop",
                    FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), (instance, args) -> new long[] {0})));
        }
        return new Runner(builder.build());
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
