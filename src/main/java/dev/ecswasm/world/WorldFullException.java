package dev.ecswasm.world;

import dev.ecswasm.WorkbenchException;

/** Thrown by {@link EnttManager#createEntity()} when every entity id slot is in use. */
public final class WorldFullException extends WorkbenchException {
    WorldFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
