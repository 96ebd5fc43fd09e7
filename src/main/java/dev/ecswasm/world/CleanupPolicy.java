package dev.ecswasm.world;

/** What destroying a relation's target does to the sources that point at it (Flecs' OnDeleteTarget). */
public enum CleanupPolicy {
    /** Remove the edges; the sources live on. The seed's behaviour and the default. */
    REMOVE,
    /** Destroy the sources too, and theirs in turn: sources always go before their targets. */
    CASCADE,
    /** Refuse to destroy the target while any source outside the destruction points at it. */
    FORBID
}
