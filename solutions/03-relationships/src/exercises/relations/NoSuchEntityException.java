package exercises.relations;

// Given code: the grader always uses this file as the exercise ships it, so changing it changes nothing.

/**
 * Given. Thrown when an id does not name a live entity of the {@link World}: it was destroyed, or it
 * was never created. The message names the id and its role, e.g. {@code "course 7 was destroyed"}.
 */
public final class NoSuchEntityException extends RuntimeException {
    private final int id;

    public NoSuchEntityException(int id, String message) {
        super(message);
        this.id = id;
    }

    /** The id that was refused. */
    public int id() {
        return id;
    }
}
