package dev.ecswasm.world;

/**
 * The result of a call that changes the world: it was {@link Done}, or {@link Refused} with a reason,
 * in which case nothing changed.
 */
public sealed interface Outcome permits Outcome.Done, Outcome.Refused {
    Outcome DONE = new Done();

    /** True if the call took effect. */
    boolean ok();

    /** The call took effect (or there was nothing to do, as when linking an already linked pair). */
    record Done() implements Outcome {
        @Override
        public boolean ok() {
            return true;
        }

        @Override
        public String toString() {
            return "Done";
        }
    }

    /** The call was refused and the world is exactly as it was. */
    record Refused(Failure failure, String message) implements Outcome {
        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public String toString() {
            return "Refused[" + failure + ": " + message + "]";
        }
    }
}
