package dev.ecswasm.world;

import dev.ecswasm.WorkbenchException;

/**
 * Thrown from the destroy signal to veto a destruction that a {@link CleanupPolicy#FORBID} relation
 * does not allow. Only callers that go around the manager and destroy through the registry see it;
 * {@link EnttManager#destroyEntity(int)} turns it into a {@link Outcome.Refused}.
 */
public final class DestroyRefusedException extends WorkbenchException {
    DestroyRefusedException(String message) {
        super(message);
    }
}
