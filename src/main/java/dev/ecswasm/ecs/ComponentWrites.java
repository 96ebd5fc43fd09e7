package dev.ecswasm.ecs;

import java.util.Objects;

/**
 * The three ways a {@link Registry} changes one component: add, replace, remove. Each checks first,
 * so a refused write changes nothing; then writes its undo into the journal through
 * {@link AtomicCalls} before it touches the {@link Storage}; and fires its signal: after an add or a
 * replace, so the listener sees the new value, but before a remove, so it can still read the old one.
 */
final class ComponentWrites {
    private final EntityPool pool;
    private final AtomicCalls calls;
    private final Storages storages;

    ComponentWrites(EntityPool pool, AtomicCalls calls, Storages storages) {
        this.pool = pool;
        this.calls = calls;
        this.storages = storages;
    }

    /** {@link Registry#add}. */
    <T> T add(int id, T component) {
        Objects.requireNonNull(component, "component");
        pool.requireValid(id);
        Storage<T> storage = storages.ofComponent(component);
        if (storage.contains(id)) {
            throw new IllegalStateException("entity " + EntityId.describe(id) + " already has a "
                    + storage.type().getSimpleName() + "; use replace or addOrReplace");
        }
        if (pool.destroying(id)) { // its components are on their way out: one added now would outlive it
            throw new IllegalStateException("entity " + EntityId.describe(id) + " is being destroyed; it cannot take a "
                    + storage.type().getSimpleName());
        }
        calls.record(Journal.ADDED, storage, id, null, 0);
        storage.insert(id, component);
        storages.constructed.fire(storage, id, component);
        return component;
    }

    /** {@link Registry#replace}. */
    <T> T replace(int id, T component) {
        Objects.requireNonNull(component, "component");
        pool.requireValid(id);
        Storage<T> storage = storages.ofComponent(component);
        int position = storage.positionOf(id);
        if (position < 0) {
            throw new IllegalStateException("entity " + EntityId.describe(id) + " has no "
                    + storage.type().getSimpleName() + " to replace");
        }
        calls.record(Journal.REPLACED, storage, id, storage.valueAt(position), 0);
        storage.set(position, component);
        storages.updated.fire(storage, id, component);
        return component;
    }

    /** {@link Registry#addOrReplace}. */
    <T> T addOrReplace(int id, T component) {
        Objects.requireNonNull(component, "component");
        pool.requireValid(id);
        return storages.ofComponent(component).contains(id) ? replace(id, component) : add(id, component);
    }

    /** {@link Registry#remove}: false if there was nothing to remove. */
    boolean remove(int id, Class<?> type) {
        pool.requireValid(id);
        Storage<?> storage = storages.existing(type); // no storage made just to find it empty
        int position = storage == null ? -1 : storage.positionOf(id);
        if (position < 0) {
            return false;
        }
        removeAt(storage, id, position);
        return true;
    }

    /**
     * Removes the entity's component, found at {@code position}, firing its {@code onDestroy} first.
     * With nobody listening nothing runs in between to move it, so the position holds and no lookup is
     * made again: a destroy looks a component up once instead of four times (three sparse lookups and a
     * read by slot). A listener may move or remove it, so after the signal the position is looked up again.
     */
    <T> void removeAt(Storage<T> storage, int id, int position) {
        if (storages.destroyed.heard(storage)) {
            storages.destroyed.fire(storage, id, storage.valueAt(position));
            position = storage.positionOf(id); // by id again: a listener may have reshuffled the packed array
            if (position < 0) {
                return; // a listener removed it already
            }
        }
        calls.record(Journal.REMOVED, storage, id, storage.valueAt(position), position);
        storage.removeAt(id, position);
    }
}
