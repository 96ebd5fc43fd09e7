package dev.ecswasm.abi;

import dev.ecswasm.world.EdgeVisitor;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;

/**
 * One relation's edges as a flat {@code [first, second, first, second, ...]} array of ids, ends in the
 * relation's order (player, profile; parent, child; student, course): what a batched read copies out.
 */
final class EdgePairs implements EdgeVisitor {
    private final int[] flat;
    private int next;

    private EdgePairs(int edges) {
        this.flat = new int[edges * 2];
    }

    /** The relation's edges, two ints per edge, in the order the world walks them. */
    static int[] flat(EnttManager world, Relation relation) {
        EdgePairs pairs = new EdgePairs(world.edgeCount(relation));
        world.forEachEdge(relation, pairs);
        return pairs.flat;
    }

    @Override
    public void visit(int first, int second) {
        flat[next++] = first;
        flat[next++] = second;
    }
}
