package dev.ecswasm.ecs;

/** Hears about one component of one entity: the one just added, replaced, or about to be removed. */
@FunctionalInterface
public interface ComponentListener<T> {
    void on(int entity, T component);
}
