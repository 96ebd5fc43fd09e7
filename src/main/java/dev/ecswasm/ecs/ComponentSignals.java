package dev.ecswasm.ecs;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of component event (added, replaced or about to be removed) with a {@link Signal} per
 * component type: what EnTT's signal mixin adds to each storage. A type nobody listens to costs
 * one map lookup per event.
 */
final class ComponentSignals {
    private final Map<Class<?>, Signal<ComponentListener<?>>> byType = new HashMap<>();

    /** The signal for one component type, created on first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <T> Signal<ComponentListener<? super T>> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return (Signal) byType.computeIfAbsent(type, t -> new Signal<>());
    }

    /** Calls every listener of this type, in the order they connected. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fire(Class<?> type, int id, Object component) {
        Signal<ComponentListener<?>> signal = byType.get(type);
        if (signal == null) {
            return;
        }
        for (Object listener : signal.snapshot()) {
            ((ComponentListener) listener).on(id, component);
        }
    }
}
