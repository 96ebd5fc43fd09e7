package dev.ecswasm.world;

/**
 * The three relationship kinds. Each edge points from a source to a target; a {@link CleanupPolicy}
 * says what happens to the sources when a target is destroyed. Destroying a source always just
 * removes its own edges.
 */
public enum Relation {
    /** 1:1, profile to player: a player has at most one profile and a profile at most one player. */
    PLAYER_PROFILE("profile", "player"),
    /** 1:N, child to parent: a child has at most one parent, a parent any number of children. */
    PARENT_CHILD("child", "parent"),
    /** N:N, student to course. */
    ENROLLMENT("student", "course");

    private final String source;
    private final String target;

    Relation(String source, String target) {
        this.source = source;
        this.target = target;
    }

    /** What the source end is called, e.g. "child". */
    public String source() {
        return source;
    }

    /** What the target end is called, e.g. "parent". */
    public String target() {
        return target;
    }
}
