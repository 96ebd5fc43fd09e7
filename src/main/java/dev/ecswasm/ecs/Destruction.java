package dev.ecswasm.ecs;

/**
 * How a {@link Registry} destroys an entity.
 *
 * <p>The order is what the registry promises: {@code onDestroyEntity} first, while the entity is
 * valid and everything it has is readable, then each component with its {@code onDestroy}, then the
 * slot. Each change is written into the journal by {@link AtomicCalls} before it is made, so a
 * destruction that throws part-way is taken back whole.
 */
final class Destruction {
    private final EntityPool pool;
    private final AtomicCalls calls;
    private final Storages storages;
    private final ComponentWrites writes;
    private final Signal<EntityListener> entityDestroyed;

    Destruction(EntityPool pool, AtomicCalls calls, Storages storages, ComponentWrites writes,
            Signal<EntityListener> entityDestroyed) {
        this.pool = pool;
        this.calls = calls;
        this.storages = storages;
        this.writes = writes;
        this.entityDestroyed = entityDestroyed;
    }

    /** {@link Registry#destroy}: checks, then dismantles in an atomic call of its own. */
    void destroy(int id) {
        checkDestroyable(id);
        // One atomic call: a refusing listener, or any throwable at any point (a StackOverflowError in a
        // listener, in the cleanup it does, or in the removal loop), takes back the "being destroyed"
        // mark, every component removed and every change the listeners made.
        calls.run(DISMANTLE, this, id);
    }

    private static final AtomicCalls.Work<Destruction> DISMANTLE = (destruction, id) -> {
        destruction.dismantle(id);
        return null;
    };

    /** {@link Registry#destroyPartOfCall}: inside an open atomic call, no rollback point of its own. */
    void destroyPartOfCall(int id) {
        if (!calls.open()) {
            destroy(id);
            return;
        }
        checkDestroyable(id);
        dismantle(id);
    }

    private void checkDestroyable(int id) {
        pool.requireValid(id);
        if (pool.destroying(id)) {
            throw new IllegalStateException("entity " + EntityId.describe(id) + " is already being destroyed");
        }
    }

    /** The destruction itself: the signal first, then each component, then the slot; each change journalled first. */
    private void dismantle(int id) {
        calls.recordId(Journal.DYING, id);
        pool.startDestroying(id);
        Signal.fire(entityDestroyed, id);
        for (Storage<?> storage : storages.all()) { // read once: a storage made meanwhile cannot hold a dying entity
            int position = storage.positionOf(id);
            if (position >= 0) {
                writes.removeAt(storage, id, position); // fires the component's onDestroy first, if anyone listens
            }
        }
        calls.recordId(Journal.RELEASED, id);
        pool.release(id);
    }

    /** {@link Registry#expectDestroys}: room for {@code count} destroys in the journal and the free-slot stack. */
    void expectDestroys(int count) {
        if (count <= 0) {
            return;
        }
        calls.expectDestroys(count);
        pool.reserveFree(count);
    }
}
