package dev.ecswasm.abi;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;

/**
 * The caps {@link EnttApi} puts on a world's totals: the longest name in UTF-8 bytes, the most live
 * entities, the most edges its three relations hold together, the most UTF-8 bytes all its names add
 * up to. Each check throws a {@link LimitTrap} before the call changes anything.
 */
final class WorldLimits {
    private final int maxNameBytes;
    private final int maxEntities;
    private final int maxEdges;
    private final int maxNameBytesTotal;

    WorldLimits(int maxNameBytes, int maxEntities, int maxEdges, int maxNameBytesTotal) {
        if (maxNameBytes < 0) {
            throw new IllegalArgumentException("maxNameBytes must not be negative: " + maxNameBytes);
        }
        if (maxEntities < 0) {
            throw new IllegalArgumentException("maxEntities must not be negative: " + maxEntities);
        }
        if (maxEdges < 0) {
            throw new IllegalArgumentException("maxEdges must not be negative: " + maxEdges);
        }
        if (maxNameBytesTotal < 0) {
            throw new IllegalArgumentException("maxNameBytesTotal must not be negative: " + maxNameBytesTotal);
        }
        this.maxNameBytes = maxNameBytes;
        this.maxEntities = maxEntities;
        this.maxEdges = maxEdges;
        this.maxNameBytesTotal = maxNameBytesTotal;
    }

    /** Traps when the world already holds {@code maxEntities} live entities. */
    void checkEntities(EnttManager manager) {
        if (manager.entityCount() >= maxEntities) {
            throw entitiesTrap(manager); // built apart, so this test stays small enough for C1 to inline
        }
    }

    private static LimitTrap entitiesTrap(EnttManager manager) {
        return new LimitTrap("maxEntities", "the world already holds " + manager.entityCount()
                + " entities; no more may be created");
    }

    /** Traps before a name of {@code len} bytes (unsigned) longer than {@code maxNameBytes} is read. */
    void checkNameBytes(int len) {
        if (Integer.toUnsignedLong(len) > maxNameBytes) {
            throw nameBytesTrap(len); // built apart, as in checkEntities
        }
    }

    private LimitTrap nameBytesTrap(int len) {
        return new LimitTrap("maxNameBytes", "a name of " + Integer.toUnsignedLong(len)
                + " bytes is longer than " + maxNameBytes);
    }

    /**
     * Traps before a name of {@code len} bytes (valid UTF-8, so the world counts it as {@code len}) would
     * take the world's names past {@code maxNameBytesTotal}; a replaced name counts only the difference.
     */
    void checkNameBytesTotal(EnttManager manager, int entity, int len) {
        long total = manager.nameBytes();
        long after = total - manager.nameBytes(entity) + len;
        if (after > maxNameBytesTotal && after > total) {
            throw new LimitTrap("maxNameBytesTotal", "the world's names already hold " + total + " bytes; a name of "
                    + len + " bytes for entity " + EntityId.describe(entity) + " would make " + after
                    + ", more than " + maxNameBytesTotal);
        }
    }

    /**
     * Traps before a call that would add an edge (ends in the relation's order) when the world's three
     * relations already hold {@code maxEdges} together. A call that adds none net (it replaces a parent or
     * a link, repeats an edge, or is refused for its ids or a cycle) goes on at the cap.
     */
    void checkEdges(EnttManager manager, Relation relation, int first, int second) {
        long edges = manager.edgeCount();
        if (edges >= maxEdges && manager.addsEdge(relation, first, second)) {
            throw new LimitTrap("maxEdges", "the world already holds " + edges + " edges; no more may be added");
        }
    }

    /** E.g. {@code maxNameBytes 65536, maxEntities 100000, maxEdges 1000000, maxNameBytesTotal 16777216}. */
    @Override
    public String toString() {
        return "maxNameBytes " + maxNameBytes + ", maxEntities " + maxEntities + ", maxEdges " + maxEdges
                + ", maxNameBytesTotal " + maxNameBytesTotal;
    }
}
