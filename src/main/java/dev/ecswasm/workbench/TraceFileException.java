package dev.ecswasm.workbench;

import dev.ecswasm.WorkbenchException;

/** A trace file that cannot be read: the message names the file and the line, and says what was expected. */
public final class TraceFileException extends WorkbenchException {
    private final int line;

    TraceFileException(String origin, int line, String problem) {
        super(origin + " line " + line + ": " + problem);
        this.line = line;
    }

    /** The line the problem is on, counting from 1. */
    public int line() {
        return line;
    }
}
