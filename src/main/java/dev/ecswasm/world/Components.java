package dev.ecswasm.world;

import java.util.Objects;

/**
 * The component types the manager keeps. Relationships are components too, as in the seed: each
 * relation is stored on both of its ends, so either end can find the other without a search.
 */
public final class Components {
    private Components() {}

    /** A point in the plane: plain data, laid out as two little-endian f32s when it crosses the ABI. */
    public record Position(float x, float y) {}

    /** Hit points: plain data, one little-endian i32 across the ABI. */
    public record Health(int hp) {}

    /** A display name. */
    public record Name(String value) {
        public Name {
            Objects.requireNonNull(value, "value");
        }
    }

    /** On a player: the profile it is linked to (the seed's {@code PlayerRelation}). */
    public record PlayerRelation(int profile) {}

    /** On a profile: the player that owns it, the reverse of {@link PlayerRelation}. */
    public record ProfileOwner(int player) {}

    /** On a child: its one parent (the seed's {@code ParentComponent}). */
    public record ParentComponent(int parent) {}

    /** On a parent: its children, the reverse of {@link ParentComponent}. */
    public record ChildrenComponent(EdgeList children) {}

    /** On a student: the courses attended (the seed's {@code CoursesAttended}). */
    public record CoursesAttended(EdgeList courses) {}

    /** On a course: the students enrolled, the reverse of {@link CoursesAttended}. */
    public record EnrolledStudents(EdgeList students) {}
}
