package dev.ecswasm;

/** The root of every exception the workbench throws on purpose; each layer names its own subclasses. */
public class WorkbenchException extends RuntimeException {
    public WorkbenchException(String message) {
        super(message);
    }

    public WorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
