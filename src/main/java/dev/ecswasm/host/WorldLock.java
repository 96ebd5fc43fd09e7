package dev.ecswasm.host;

import dev.ecswasm.world.EnttManager;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per world, shared by every host over it. A guest call (and an instantiation, which may
 * run guest code) holds its world's lock from start to end, so two hosts over one
 * {@link EnttManager}, called from two threads, take turns instead of interleaving their imports:
 * each host already runs its own calls one at a time, but the world is what they share.
 */
final class WorldLock {
    // Weak keys: a world nobody holds any more drops its lock. EnttManager keeps Object's identity
    // equals, so two worlds never share a lock.
    private static final Map<EnttManager, ReentrantLock> LOCKS = new WeakHashMap<>();

    private WorldLock() {}

    /** The lock of {@code world}, the same object for every host over it. */
    static ReentrantLock of(EnttManager world) {
        synchronized (LOCKS) {
            return LOCKS.computeIfAbsent(world, w -> new ReentrantLock());
        }
    }
}
