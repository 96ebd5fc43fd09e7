package dev.ecswasm.ecs;

/** Hears about an entity being created or destroyed. */
@FunctionalInterface
public interface EntityListener {
    void on(int entity);
}
