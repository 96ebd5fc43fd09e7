package dev.ecswasm.host;

import dev.ecswasm.WorkbenchException;
import java.util.Locale;
import java.util.Optional;

/**
 * A guest call that did not return normally, or a plugin that failed while being instantiated
 * ({@link Recovery#NOT_BUILT}): a Rust panic, an ABI bounds violation, a host-side
 * exception, a stack overflow or a {@code proc_exit}. Carries what the guest wrote to stderr, which
 * host call failed (if one did), and what the loader did to keep the plugin usable.
 */
public final class PluginTrap extends WorkbenchException {
    /** The most of the guest's stderr a message quotes: its last this many characters. */
    static final int STDERR_IN_MESSAGE = 4096;
    private final String export;
    private final String hostCall;
    private final String guestStderr;
    private final Recovery recovery;
    private final String limit;

    /** What the loader did after the trap. */
    public enum Recovery {
        /** The guest's mutable globals (its stack pointer) were put back as they were before the call. */
        STACK_RESTORED,
        /** The instance was replaced by a fresh one; the guest's own memory started over, the world did not. */
        REINSTANTIATED,
        /**
         * The plugin failed while being instantiated (its start function, {@code _start} or
         * {@code _initialize}): no host was built, and its guest thread has ended.
         */
        NOT_BUILT,
        /**
         * The call ran the JVM out of heap, the instance was let go to give it back, and a fresh one
         * could not be made: this host refuses further calls; build a new one.
         */
        HOST_UNUSABLE
    }

    PluginTrap(String export, String hostCall, String guestStderr, Recovery recovery, String limit, String reason,
               Throwable cause) {
        super(message(export, hostCall, guestStderr, recovery, limit, reason), cause);
        this.export = export;
        this.hostCall = hostCall;
        this.guestStderr = guestStderr;
        this.recovery = recovery;
        this.limit = limit;
    }

    private static String message(String export, String hostCall, String stderr, Recovery recovery, String limit,
                                  String reason) {
        StringBuilder out = new StringBuilder(export).append(" trapped");
        if (hostCall != null) {
            out.append(" in host call ").append(hostCall);
        }
        out.append(": ").append(reason);
        if (limit != null && !reason.contains("limit " + limit)) {
            out.append(" (limit ").append(limit).append(')');
        }
        if (!stderr.isBlank()) {
            String quoted = stderr.strip();
            if (quoted.length() > STDERR_IN_MESSAGE) {
                out.append(String.format(Locale.ROOT, "\nguest stderr (its last %,d of %,d characters kept; all in"
                        + " guestStderr()): ", STDERR_IN_MESSAGE, quoted.length()));
                quoted = quoted.substring(quoted.length() - STDERR_IN_MESSAGE);
            } else {
                out.append("\nguest stderr: ");
            }
            out.append(quoted);
        }
        out.append("\n(").append(switch (recovery) {
            case STACK_RESTORED -> "the guest's stack pointer was restored; the plugin is usable";
            case REINSTANTIATED -> "the instance was replaced; the plugin is usable, its own memory is fresh";
            case NOT_BUILT -> "no host was built; nothing of it is left running";
            case HOST_UNUSABLE -> "the plugin could not be started again; this host refuses further calls";
        }).append(')');
        return out.toString();
    }

    /** The export that was called, or what ran while instantiating (e.g. {@code the start function}). */
    public String export() {
        return export;
    }

    /** The host function that failed, if the trap came from one. */
    public Optional<String> hostCall() {
        return Optional.ofNullable(hostCall);
    }

    /**
     * What the guest wrote to stderr during the failed call (a Rust panic message goes here): at most
     * the last {@link Limits#maxOutputBytes()}, opening with a line saying how much was dropped if more
     * was written.
     */
    public String guestStderr() {
        return guestStderr;
    }

    public Recovery recovery() {
        return recovery;
    }

    /** The limit the guest ran into, e.g. {@code callDeadline}, if that is why it stopped. */
    public Optional<String> limit() {
        return Optional.ofNullable(limit);
    }
}
