package dev.ecswasm.world;

import java.util.function.IntConsumer;

/**
 * What the manager needs from every relation's store, whatever its shape (1:1, 1:N, N:N): enough to
 * plan a destruction, clean up after one, count and walk the edges. The calls that make and break
 * edges differ per relation and live in each store.
 *
 * <p>Every store keeps each edge on both of its ends, so none of these calls searches the world.
 */
interface RelationStore {
    /** The relation this store keeps. */
    Relation relation();

    /** The entities whose edge points at {@code target} as their target, e.g. a parent's children. */
    int[] sourcesOf(int target);

    /** Hands each of {@link #sourcesOf}'s entities, in the same order, to {@code visitor}; stores override it to skip the copy. */
    default void visitSources(int target, IntConsumer visitor) {
        for (int source : sourcesOf(target)) {
            visitor.accept(source);
        }
    }

    /**
     * Removes every edge that names the entity from the other ends, in O(its degree), logging each.
     * Runs while the dying entity still has its components; the registry removes those afterwards.
     * An end that {@code plan} destroys later in the same cascade may keep the edge, as an invalid id
     * once this entity is gone: that end's own edges go with it, so the upkeep would be wasted.
     */
    void forget(int entity, DestructionPlan plan);

    /** How many edges the relation has. */
    int edgeCount();

    /** Calls the visitor once per edge, ends in the relation's order; allocates nothing per edge. */
    void forEachEdge(EdgeVisitor visitor);
}
