package dev.ecswasm.bench;

import dev.ecswasm.abi.ApiFunction;
import dev.ecswasm.abi.ApiFunctions;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.world.EnttManager;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The same plugin and ABI code on GraalWasm (Truffle), through the polyglot API: every import is a
 * {@link ProxyExecutable} calling {@link BoundApi}. Needs a JDK 21+ (the benchmark forks a JDK 25).
 * With {@code jit}, the fork must have the Graal compiler (see {@link GraalJitBoundaryBench}): the
 * runner refuses to start on the interpreter-only runtime, so the JIT column cannot silently fall back.
 */
final class GraalRunner implements GuestRunner {
    private final Context context;
    private final Value exports;
    private final Value memory;

    GraalRunner(byte[] wasm, EnttManager world, boolean withNoop, boolean jit) {
        Context.Builder builder = Context.newBuilder("wasm").option("wasm.Builtins", "wasi_snapshot_preview1");
        if (jit) {
            requireCompiler();
            // A failed Truffle compilation would leave that code interpreted: print it, don't hide it.
            builder.option("engine.CompilationFailureAction", "Print");
        } else {
            builder.option("engine.WarnInterpreterOnly", "false"); // interpreter-only is this column's point
        }
        context = builder.build();
        BoundApi imports = BoundApi.of(world);
        Value[] memoryRef = new Value[1];
        GuestMemory guestMemory = new GuestMemory() {
            @Override
            public long size() {
                return memoryRef[0].getBufferSize();
            }

            @Override
            public byte[] read(int address, int length) {
                byte[] out = new byte[length];
                memoryRef[0].readBuffer(address, out, 0, length);
                return out;
            }

            @Override
            public void write(int address, byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    memoryRef[0].writeBufferByte(address + i, bytes[i]);
                }
            }
        };
        Map<String, Object> env = new HashMap<>();
        for (ApiFunction function : ApiFunctions.ALL) {
            env.put(function.name(), (ProxyExecutable) args -> {
                int[] ints = new int[args.length];
                for (int i = 0; i < args.length; i++) {
                    ints[i] = args[i].asInt();
                }
                return imports.invoke(function, guestMemory, ints);
            });
        }
        if (withNoop) {
            env.put("bench_noop", (ProxyExecutable) args -> 0);
        }
        Value module = context.eval(Source.newBuilder("wasm", ByteSequence.create(wasm), "plugin").buildLiteral());
        Value instance = module.newInstance(ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(env))));
        exports = instance.getMember("exports");
        memory = exports.getMember("memory");
        memoryRef[0] = memory;
    }

    private static volatile boolean compilerFound; // probed once per JVM, so loads are not charged for it

    /** Fails unless Truffle runs with its optimizing runtime (the Graal compiler through JVMCI). */
    private static void requireCompiler() {
        if (compilerFound) {
            return;
        }
        try (Engine probe = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            if (probe.getImplementationName().equals("Interpreted")) {
                throw new IllegalStateException("GraalWasm JIT: the Truffle runtime is interpreter-only; the fork needs"
                        + " -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI and the Graal compiler jars on"
                        + " --upgrade-module-path");
            }
        }
        compilerFound = true;
    }

    @Override
    public int call(String export, int... args) {
        Object[] boxed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boxed[i] = args[i];
        }
        Value result = exports.getMember(export).execute(boxed);
        return result.isNumber() ? result.asInt() : 0;
    }

    @Override
    public void callEmpty(int times) {
        Value empty = exports.getMember("bench_empty");
        for (int i = 0; i < times; i++) {
            empty.execute();
        }
    }

    @Override
    public void write(int address, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            memory.writeBufferByte(address + i, bytes[i]);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
