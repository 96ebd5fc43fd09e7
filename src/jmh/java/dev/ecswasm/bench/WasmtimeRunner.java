package dev.ecswasm.bench;

import dev.ecswasm.abi.ApiFunction;
import dev.ecswasm.abi.ApiFunctions;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.world.EnttManager;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The same plugin and the same ABI code on Wasmtime (the seed's runtime), through wasmtime-java's
 * JNI binding: every import is one {@link Func} calling {@link BoundApi}, as Chicory's host
 * functions do, so the two runtimes differ only in the runtime.
 */
final class WasmtimeRunner implements GuestRunner {
    private final Store<Void> store;
    private final Linker linker;
    private final io.github.kawamuray.wasmtime.Module module;
    private final BoundApi imports;
    private Memory memory;

    WasmtimeRunner(byte[] wasm, EnttManager world, boolean withNoop) {
        WasiCtx wasi = new WasiCtxBuilder().build(); // guest output goes nowhere
        store = Store.withoutData(wasi);
        Engine engine = store.engine();
        linker = new Linker(engine);
        WasiCtx.addToLinker(linker);
        imports = BoundApi.of(world);
        GuestMemory guestMemory = new WasmtimeMemory();
        for (ApiFunction function : ApiFunctions.ALL) {
            Val.Type[] params = new Val.Type[function.params().size()];
            Arrays.fill(params, Val.Type.I32);
            Val.Type[] results = function.returnsValue() ? new Val.Type[] {Val.Type.I32} : new Val.Type[0];
            Func func = new Func(store, new FuncType(params, results), (caller, args, out) -> {
                int[] ints = new int[args.length];
                for (int i = 0; i < args.length; i++) {
                    ints[i] = args[i].i32();
                }
                int value = imports.invoke(function, guestMemory, ints);
                if (out.length > 0) {
                    out[0] = Val.fromI32(value);
                }
            });
            linker.define(store, ApiFunctions.MODULE, function.name(), Extern.fromFunc(func));
        }
        if (withNoop) {
            Func noop = new Func(store, new FuncType(new Val.Type[] {Val.Type.I32}, new Val.Type[] {Val.Type.I32}),
                    (caller, args, out) -> out[0] = Val.fromI32(0));
            linker.define(store, "env", "bench_noop", Extern.fromFunc(noop));
        }
        module = io.github.kawamuray.wasmtime.Module.fromBinary(engine, wasm);
        linker.module(store, "", module);
        memory = linker.get(store, "", "memory").map(Extern::memory).orElse(null);
    }

    @Override
    public int call(String export, int... args) {
        Func func = linker.get(store, "", export).orElseThrow().func();
        Val[] in = new Val[args.length];
        for (int i = 0; i < args.length; i++) {
            in[i] = Val.fromI32(args[i]);
        }
        Val[] out = func.call(store, in);
        return out.length == 0 ? 0 : out[0].i32();
    }

    @Override
    public void callEmpty(int times) {
        Func empty = linker.get(store, "", "bench_empty").orElseThrow().func();
        for (int i = 0; i < times; i++) {
            empty.call(store);
        }
    }

    @Override
    public void write(int address, byte[] bytes) {
        ByteBuffer buffer = memory.buffer(store);
        buffer.put(address, bytes);
    }

    /** The guest memory as the ABI sees it, read through Wasmtime's buffer. */
    private final class WasmtimeMemory implements GuestMemory {
        @Override
        public long size() {
            return memory.dataSize(store);
        }

        @Override
        public byte[] read(int address, int length) {
            byte[] out = new byte[length];
            memory.buffer(store).get(address, out);
            return out;
        }

        @Override
        public void write(int address, byte[] bytes) {
            memory.buffer(store).put(address, bytes);
        }
    }

    @Override
    public void close() {
        module.close();
        linker.close();
        store.close();
    }
}
