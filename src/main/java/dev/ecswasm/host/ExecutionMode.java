package dev.ecswasm.host;

/** How Chicory runs the guest's code. */
public enum ExecutionMode {
    /** Chicory's interpreter: one Java loop over the Wasm instructions; simple to explain, slower. */
    INTERPRETER,
    /** Chicory's runtime compiler: Wasm functions become JVM bytecode once per module; much faster. */
    COMPILED
}
