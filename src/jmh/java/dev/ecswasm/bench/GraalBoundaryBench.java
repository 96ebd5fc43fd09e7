package dev.ecswasm.bench;

import dev.ecswasm.world.EnttManager;

/**
 * The boundary workload on GraalWasm 25.0.2, interpreter only (Truffle without its JIT). GraalWasm
 * needs JDK 21+: {@link BenchmarkReport} runs this class in a JDK 25 fork.
 */
public class GraalBoundaryBench extends BoundaryBench {
    @Override
    GuestRunner load(byte[] wasm, EnttManager world, boolean withNoop) {
        return new GraalRunner(wasm, world, withNoop, false);
    }
}
