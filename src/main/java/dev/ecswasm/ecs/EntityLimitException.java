package dev.ecswasm.ecs;

import dev.ecswasm.WorkbenchException;

/** Every one of the 2^20 - 1 entity slots is live; no id can be issued. */
public final class EntityLimitException extends WorkbenchException {
    EntityLimitException(String message) {
        super(message);
    }
}
