/**
 * The seed's {@code EnttManager} in Java: names and the three relationship kinds (1:1, 1:N, N:N) kept
 * as components in an {@link dev.ecswasm.ecs.Registry}, with cleanup that never leaves a dangling id.
 */
package dev.ecswasm.world;
