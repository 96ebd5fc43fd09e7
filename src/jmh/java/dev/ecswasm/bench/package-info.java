/**
 * JMH benchmarks, run side by side with their peers by {@link dev.ecswasm.bench.BenchmarkReport}:
 * the ECS against Dominion and Artemis-odb, the relationship upkeep on its own, and the ABI through
 * Chicory (interpreted and compiled), Wasmtime and GraalWasm.
 */
package dev.ecswasm.bench;
