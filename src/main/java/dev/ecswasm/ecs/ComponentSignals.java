package dev.ecswasm.ecs;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of component event (added, replaced or about to be removed) with a {@link Signal} per
 * component type: what EnTT's signal mixin adds to each storage.
 *
 * <p>The signals are kept by type, since one may be asked for before its type has a storage, and
 * each storage also holds its own (in {@link Storage#signals}, at this kind's index), so firing reads
 * a field instead of looking the type up in a map: once per component added, replaced or removed.
 */
final class ComponentSignals {
    static final int CONSTRUCTED = 0;
    static final int UPDATED = 1;
    static final int DESTROYED = 2;

    private final int kind;
    private final Map<Class<?>, Storage<?>> storages; // the Storages' map, to hand a new signal to its storage
    private final Map<Class<?>, Signal<ComponentListener<?>>> byType = new HashMap<>();

    ComponentSignals(int kind, Map<Class<?>, Storage<?>> storages) {
        this.kind = kind;
        this.storages = storages;
    }

    /** The signal for one component type, created on first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <T> Signal<ComponentListener<? super T>> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Signal<ComponentListener<?>> signal = byType.get(type);
        if (signal == null) {
            signal = new Signal<>();
            byType.put(type, signal);
            Storage<?> storage = storages.get(type);
            if (storage != null) {
                storage.signals[kind] = signal;
            }
        }
        return (Signal) signal;
    }

    /** False while nobody has asked for this storage's signal: firing it would call no one. */
    boolean heard(Storage<?> storage) {
        return storage.signals[kind] != null;
    }

    /** Gives a new storage the signal its type already has, if any. */
    void attach(Storage<?> storage) {
        storage.signals[kind] = byType.get(storage.type());
    }

    /** Calls every listener of the storage's type, in the order they connected. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fire(Storage<?> storage, int id, Object component) {
        Signal<?> signal = storage.signals[kind];
        if (signal == null) {
            return;
        }
        for (Object listener : signal.snapshot()) {
            ((ComponentListener) listener).on(id, component);
        }
    }
}
