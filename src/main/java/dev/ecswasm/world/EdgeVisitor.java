package dev.ecswasm.world;

/**
 * Receives the edges of one relation, one call per edge, with the ends in the relation's order:
 * (player, profile), (parent, child), (student, course).
 *
 * <p>A visitor must not change the world while it is being walked.
 */
@FunctionalInterface
public interface EdgeVisitor {
    /** One edge: {@code first} is the {@link Relation#first()} end, {@code second} the other. */
    void visit(int first, int second);
}
