package dev.ecswasm.ecs;

import dev.ecswasm.WorkbenchException;

/** An id that names no live entity: null, stale (its slot was released) or never issued. */
public final class InvalidEntityException extends WorkbenchException {
    private final int entity;

    InvalidEntityException(int entity, String message) {
        super(message);
        this.entity = entity;
    }

    /** The offending id. */
    public int entity() {
        return entity;
    }
}
