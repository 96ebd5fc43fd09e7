package dev.ecswasm.bench;

import dev.ecswasm.world.EnttManager;

/**
 * The boundary workload on GraalWasm 25.0.2 with Truffle's JIT: the Graal compiler runs on a stock
 * JDK 25 through JVMCI. {@link BenchmarkReport} forks it with {@code -XX:+EnableJVMCI} and the
 * compiler jars (copied by the pom's bench profile) on {@code --upgrade-module-path}; without them
 * the runner fails rather than measure the interpreter again.
 */
public class GraalJitBoundaryBench extends BoundaryBench {
    @Override
    GuestRunner load(byte[] wasm, EnttManager world, boolean withNoop) {
        return new GraalRunner(wasm, world, withNoop, true);
    }
}
