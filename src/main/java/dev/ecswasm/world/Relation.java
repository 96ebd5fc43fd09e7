package dev.ecswasm.world;

/**
 * The three relationship kinds, each named after its two ends in the order
 * {@link EnttManager#forEachEdge(Relation, EdgeVisitor)} visits them: player then profile, parent then
 * child, student then course.
 *
 * <p>For cleanup, one end of each edge is the <em>target</em> and the other the <em>source</em>: a
 * {@link CleanupPolicy} says what destroying a target (a player, a parent, a course) does to its
 * sources (its profile, its children, its students). Destroying a source always just removes its own
 * edges.
 */
public enum Relation {
    /** 1:1: a player has at most one profile and a profile at most one player. Target: the player. */
    PLAYER_PROFILE("player", "profile", "profile"),
    /** 1:N: a parent has any number of children, a child at most one parent. Target: the parent. */
    PARENT_CHILD("parent", "child", "child"),
    /** N:N: a student attends any number of courses, a course has any number of students. Target: the course. */
    ENROLLMENT("student", "course", "student");

    private final String first;
    private final String second;
    private final String source;

    Relation(String first, String second, String source) {
        this.first = first;
        this.second = second;
        this.source = source;
    }

    /** What the end named first is called, e.g. "parent": the first id an {@link EdgeVisitor} receives. */
    public String first() {
        return first;
    }

    /** What the end named second is called, e.g. "child": the second id an {@link EdgeVisitor} receives. */
    public String second() {
        return second;
    }

    /** What the end that points at the target is called, e.g. "child". */
    public String source() {
        return source;
    }

    /** What the end whose destruction the policy governs is called, e.g. "parent". */
    public String target() {
        return source.equals(first) ? second : first;
    }
}
