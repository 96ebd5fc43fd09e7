package dev.ecswasm.world;

/** Why the manager refused a call. Each refusal changes nothing in the world. */
public enum Failure {
    /** An argument was the null entity. */
    NULL_ENTITY,
    /** An argument was stale or never issued. */
    INVALID_ENTITY,
    /** Both ends of a link were the same entity. */
    SELF_LINK,
    /** The link would make an entity its own ancestor. */
    CYCLE,
    /** A {@link CleanupPolicy#FORBID} relation still points at the entity. */
    FORBIDDEN,
    /** There was nothing to remove: no name, no link, no parent, no such enrollment. */
    NOT_FOUND,
    /** An argument other than an entity was unusable (e.g. a null name). */
    BAD_ARGUMENT
}
