package dev.ecswasm.host;

/** How Chicory runs the guest's code. */
public enum ExecutionMode {
    /** Chicory's interpreter: one Java loop over the Wasm instructions; simple to explain, slower. */
    INTERPRETER,
    /**
     * Wasm functions as JVM bytecode, much faster: made at build time for the bundled plugin's exact
     * bytes, by Chicory's runtime compiler once per module for any other.
     */
    COMPILED
}
