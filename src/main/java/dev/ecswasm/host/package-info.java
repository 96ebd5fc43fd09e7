/**
 * The Chicory loader (the seed's {@code WasmHost}): loads the plugin, checks its imports against
 * the ABI, registers each ABI function as a host function in module {@code env}, adds WASI with
 * captured output, and calls exports on a thread with a deep stack, turning every trap into one
 * exception type and leaving the plugin usable afterwards.
 */
package dev.ecswasm.host;
