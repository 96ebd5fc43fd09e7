package dev.ecswasm.abi;

import dev.ecswasm.WorkbenchException;
import java.util.Optional;

/**
 * A host call the guest must not survive: a pointer outside its memory, a length past a limit, a
 * forged or closed manager handle. Thrown from a host function it aborts the guest's call (a Wasm
 * trap), and nothing in the world or in guest memory has changed.
 */
public class AbiTrap extends WorkbenchException {
    private final String function;

    public AbiTrap(String message) {
        this(null, message);
    }

    private AbiTrap(String function, String message) {
        super(function == null ? message : function + ": " + message);
        this.function = function;
    }

    /** The same trap, saying which ABI function raised it. */
    AbiTrap in(String functionName) {
        if (function != null) {
            return this;
        }
        AbiTrap named = new AbiTrap(functionName, getMessage());
        named.initCause(this); // keeps a LimitTrap's limit reachable
        return named;
    }

    /** The import that trapped, e.g. {@code host_get_name}, when known. */
    public Optional<String> function() {
        return Optional.ofNullable(function);
    }
}
