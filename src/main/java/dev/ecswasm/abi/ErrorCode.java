package dev.ecswasm.abi;

import dev.ecswasm.world.Failure;

/**
 * What {@code host_last_error()} returns: the reason for the last call's result, which the seed's
 * return conventions alone cannot tell (a 0 from {@code host_get_name} may mean "no name" or "stale
 * id"). Every ABI call sets it, to {@link #OK} on success; the two last-error calls leave it alone.
 * The numbers are part of the ABI and never change.
 */
public enum ErrorCode {
    OK(0, "the last call succeeded"),
    NULL_ENTITY(1, "an entity argument was FFI_NULL_ENTITY"),
    INVALID_ENTITY(2, "an entity argument was stale or never issued"),
    SELF_LINK(3, "both ends of a link were the same entity"),
    CYCLE(4, "host_set_parent would have made an entity its own ancestor"),
    FORBIDDEN(5, "a FORBID cleanup policy refused host_destroy_entity"),
    NOT_FOUND(6, "nothing to return or remove: no name, no link, no parent, no such component or enrollment"),
    BAD_ARGUMENT(7, "a non-entity argument was unusable: unknown component type, wrong length, NUL inside a name"),
    INVALID_UTF8(8, "a string from the guest was not valid UTF-8"),
    BUFFER_TOO_SMALL(9, "the buffer was too small: a string was truncated, a list not written; the result is the size needed"),
    ENTITY_LIMIT(10, "no entity could be created: every id slot is in use");

    private final int code;
    private final String meaning;

    ErrorCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The number {@code host_last_error()} returns. */
    public int code() {
        return code;
    }

    /** One sentence on when a call leaves this code. */
    public String meaning() {
        return meaning;
    }

    /** The code for a manager refusal. */
    public static ErrorCode of(Failure failure) {
        switch (failure) {
            case NULL_ENTITY:
                return NULL_ENTITY;
            case INVALID_ENTITY:
                return INVALID_ENTITY;
            case SELF_LINK:
                return SELF_LINK;
            case CYCLE:
                return CYCLE;
            case FORBIDDEN:
                return FORBIDDEN;
            case NOT_FOUND:
                return NOT_FOUND;
            case BAD_ARGUMENT:
                return BAD_ARGUMENT;
            default:
                throw new AssertionError(failure);
        }
    }

    /**
     * The code with this number.
     *
     * @throws IllegalArgumentException if no code has it; {@link #describe(int)} never throws
     */
    public static ErrorCode ofCode(int code) {
        ErrorCode error = byNumber(code);
        if (error == null) {
            throw new IllegalArgumentException("no error code " + code);
        }
        return error;
    }

    /**
     * What {@code host_last_error()}'s number means, for people: {@code describe(6)} is
     * {@code "NOT_FOUND (6)"}, and a number no code has is {@code "unknown error code 42"}.
     */
    public static String describe(int code) {
        ErrorCode error = byNumber(code);
        return error == null ? "unknown error code " + code : error.toString();
    }

    private static ErrorCode byNumber(int code) {
        for (ErrorCode error : values()) {
            if (error.code == code) {
                return error;
            }
        }
        return null;
    }

    /**
     * The name and the number, e.g. {@code NOT_FOUND (6)}. {@link #name()} stays the bare enum name:
     * the C header's {@code ENTT_} macros are made from it.
     */
    @Override
    public String toString() {
        return name() + " (" + code + ")";
    }
}
