package dev.ecswasm.abi;

/** A trap raised because the guest reached one of the host's limits; {@link #limit()} names it. */
public final class LimitTrap extends AbiTrap {
    private final String limit;

    public LimitTrap(String limit, String message) {
        super(message + " (limit " + limit + ")");
        this.limit = limit;
    }

    /** The limit's name, e.g. {@code maxNameBytes}. */
    public String limit() {
        return limit;
    }
}
