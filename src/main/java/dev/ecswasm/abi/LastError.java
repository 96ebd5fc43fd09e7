package dev.ecswasm.abi;

import dev.ecswasm.world.Outcome;
import java.util.function.IntSupplier;

/**
 * The last-error channel of one handle: why the previous call returned what it did, as a code for
 * {@code host_last_error()} and a sentence for {@code host_last_error_message()}.
 *
 * <p>Every C API call ends in {@link #ok}, {@link #fail} or {@link #record}, each of which sets the
 * error and passes the call's result through, so a call site reads {@code return errors.ok(id);}.
 */
final class LastError {
    // A success writes one boolean and no reference: under G1 every reference store pays a write
    // barrier (a memory fence when the object is old), which was most of a cheap call's ABI cost.
    private boolean succeeded = true;
    private ErrorCode code = ErrorCode.OK; // the last failure's, read only while !succeeded
    private String message = "";

    /** The code of the previous call. */
    ErrorCode code() {
        return succeeded ? ErrorCode.OK : code;
    }

    /** The explanation of the previous call; empty after success. */
    String message() {
        return succeeded ? "" : message;
    }

    /** Marks the call a success and returns its result. */
    int ok(int result) {
        succeeded = true;
        return result;
    }

    /** Marks the call failed with a reason and returns its result (0, NULL or the size needed). */
    int fail(ErrorCode failed, String why, int result) {
        succeeded = false;
        code = failed;
        message = why;
        return result;
    }

    /** Records a manager outcome and returns it as the C API's 1 / 0. */
    int record(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            return fail(ErrorCode.of(refused.failure()), refused.message(), 0);
        }
        return ok(1);
    }

    /**
     * Runs a call that must not disturb this channel: reading the message is itself a two-call
     * exchange that sets the error, and the guest still wants the error it asked about afterwards.
     */
    int leavingAlone(IntSupplier call) {
        boolean keptSucceeded = succeeded;
        ErrorCode keptCode = code;
        String keptMessage = message;
        try {
            return call.getAsInt();
        } finally {
            succeeded = keptSucceeded;
            code = keptCode;
            message = keptMessage;
        }
    }

    /** E.g. {@code NOT_FOUND (6): entity 5 has no name}, or {@code OK (0)}. */
    @Override
    public String toString() {
        return message().isEmpty() ? code().toString() : code() + ": " + message();
    }
}
