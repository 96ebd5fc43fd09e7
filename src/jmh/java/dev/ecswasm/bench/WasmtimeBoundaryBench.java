package dev.ecswasm.bench;

import dev.ecswasm.world.EnttManager;

/** The boundary workload on Wasmtime, the seed's runtime, via wasmtime-java 0.19.0 (JNI). */
public class WasmtimeBoundaryBench extends BoundaryBench {
    @Override
    GuestRunner load(byte[] wasm, EnttManager world, boolean withNoop) {
        return new WasmtimeRunner(wasm, world, withNoop);
    }
}
