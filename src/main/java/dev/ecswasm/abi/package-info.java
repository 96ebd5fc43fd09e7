/**
 * The C-style host ABI (the seed's {@code entt_api.h}): one function per manager operation, only
 * 32-bit integers crossing, strings and id lists exchanged through guest memory with the two-call
 * pattern, every guest pointer bounds-checked, and a last-error channel.
 *
 * <p>Read it in this order: {@link dev.ecswasm.abi.GuestMemory} (what the host can touch),
 * {@link dev.ecswasm.abi.GuestAccess} (the checks), {@link dev.ecswasm.abi.EnttApi} (the C API over
 * an opaque handle), {@link dev.ecswasm.abi.ApiFunctions} (the import table a guest links against) and
 * {@link dev.ecswasm.abi.BoundApi} (the table bound to one manager, with the trace).
 */
package dev.ecswasm.abi;
