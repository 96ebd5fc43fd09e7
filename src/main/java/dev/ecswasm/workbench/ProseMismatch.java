package dev.ecswasm.workbench;

/** A lesson's prose no longer matches its output: the notebook needs its text or its code fixed. */
public final class ProseMismatch extends AssertionError {
    private static final long serialVersionUID = 1L;

    ProseMismatch(String message) {
        super(message);
    }
}
