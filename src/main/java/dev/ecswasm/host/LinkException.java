package dev.ecswasm.host;

import dev.ecswasm.WorkbenchException;
import java.util.List;

/** The module imports something the host does not offer, or with another signature. */
public final class LinkException extends WorkbenchException {
    private final List<String> problems;

    LinkException(List<String> problems) {
        super("the plugin cannot link against this host:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per missing or mistyped import. */
    public List<String> problems() {
        return problems;
    }
}
