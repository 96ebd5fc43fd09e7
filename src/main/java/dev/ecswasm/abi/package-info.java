/**
 * The C-style host ABI (the seed's {@code entt_api.h} and {@code entt_api.cpp}): one function per
 * manager operation, only 32-bit integers crossing, strings and id lists exchanged through guest
 * memory with the two-call pattern, every guest pointer bounds-checked, and a last-error channel.
 *
 * <p>Read it in this order: {@link dev.ecswasm.abi.GuestMemory} (what the host can touch),
 * {@link dev.ecswasm.abi.GuestAccess} (the checks), {@link dev.ecswasm.abi.TwoCall} (the two-call
 * exchange), {@link dev.ecswasm.abi.EnttApi} (the C API over an opaque handle, the seed's
 * {@code entt_api.cpp}), {@link dev.ecswasm.abi.ApiFunctions} (its declarations, the seed's
 * {@code entt_api.h}) and {@link dev.ecswasm.abi.BoundApi} (the C API bound to one manager, the seed's
 * lambdas, with the trace).
 */
package dev.ecswasm.abi;
