package dev.ecswasm.world;

import java.util.Objects;
import java.util.Set;

/**
 * The component types the manager keeps itself: names and relationships. Relationships are
 * components, as in the seed, stored on both ends so either end finds the other without a search.
 * The seed names the forward ends; each reverse end is called "the X of this Y".
 */
public final class Components {
    private Components() {}

    /** A display name. */
    public record Name(String value) {
        public Name {
            Objects.requireNonNull(value, "value");
        }
    }

    /** On a player: the profile it is linked to (the seed's {@code PlayerRelation}). */
    public record PlayerRelation(int profile) {}

    /** On a profile: the player of this profile, the reverse of {@link PlayerRelation}. */
    public record PlayerOfProfile(int player) {}

    /** On a child: its one parent (the seed's {@code ParentComponent}). */
    public record ParentComponent(int parent) {}

    /** On a parent: the children of this parent, the reverse of {@link ParentComponent}. */
    public record ChildrenOfParent(EdgeList children) {}

    /** On a student: the courses attended (the seed's {@code CoursesAttended}). */
    public record CoursesAttended(EdgeList courses) {}

    /** On a course: the students of this course, the reverse of {@link CoursesAttended}. */
    public record StudentsOfCourse(EdgeList students) {}

    private static final Set<Class<?>> KEPT_BY_THE_MANAGER = Set.of(Name.class, PlayerRelation.class,
            PlayerOfProfile.class, ParentComponent.class, ChildrenOfParent.class, CoursesAttended.class,
            StudentsOfCourse.class);

    /** True for the types above: only the manager's own calls may change them, or two ends could disagree. */
    static boolean keptByTheManager(Class<?> type) {
        return KEPT_BY_THE_MANAGER.contains(type);
    }
}
