package dev.ecswasm.host;

import dev.ecswasm.WorkbenchException;
import java.util.List;

/**
 * The module cannot run on this host, found before anything of it runs: it imports something the
 * host does not offer (or with another signature), it declares more than a plugin may hold (see
 * {@link Limits} and docs/threat-model.md), or its bytes are not a module Chicory accepts.
 */
public final class LinkException extends WorkbenchException {
    private final List<String> problems;

    LinkException(List<String> problems) {
        super("the plugin cannot link against this host:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    LinkException(List<String> problems, Throwable cause) {
        this(problems);
        initCause(cause);
    }

    /** One line per problem: a missing or mistyped import, a rule the module breaks. */
    public List<String> problems() {
        return problems;
    }
}
