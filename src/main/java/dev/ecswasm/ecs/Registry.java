package dev.ecswasm.ecs;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The world: hands out entity ids, keeps one {@link Storage} per component type, and fires signals.
 *
 * <h2>Ids</h2>
 * The {@link EntityPool} issues them: slots are numbered from 0, and a destroyed entity's slot is
 * reused last in, first out with its version bumped, so the old id stays invalid.
 *
 * <h2>Storages, and the writes to them</h2>
 * One per component type, made the first time the type is used, kept by {@link Storages} (EnTT's
 * pools) together with the component signals. {@link ComponentWrites} adds, replaces and removes
 * components; {@link Destruction} destroys entities.
 *
 * <h2>Signals, and when they fire</h2>
 * <ul>
 *   <li>{@link #onConstruct(Class)}: after a component was added; the listener can read it.</li>
 *   <li>{@link #onUpdate(Class)}: after a component was replaced; the listener sees the new value.</li>
 *   <li>{@link #onDestroy(Class)}: before a component is removed; the listener can still read it.</li>
 *   <li>{@link #onCreateEntity()}: after an entity was created.</li>
 *   <li>{@link #onDestroyEntity()}: first thing in {@link #destroy(int)}, <em>before any of the
 *       entity's components is removed</em>, so cleanup code can still read everything the dying
 *       entity has (the seed's relationship cleanup depends on this). During the signal
 *       {@link #valid(int)} is still true for the dying entity.</li>
 * </ul>
 * A destroy listener may refuse the destruction by throwing: the entity then stays alive and the
 * exception reaches the caller.
 *
 * <h2>All or nothing</h2>
 * {@link #atomically} runs a piece of work as one change: if it throws anything at all, an Error
 * such as StackOverflowError included, every change it made through the registry (and every undo
 * registered with {@link #onRollback}) is taken back before the throwable goes on. {@link #destroy}
 * always runs that way, so a listener that fails half-way through, or a stack that runs out in the
 * middle, never leaves an entity half-destroyed or a component on a dead entity.
 *
 * <p>Not thread-safe: like EnTT's registry, it expects one thread at a time.
 */
public final class Registry {
    private final EntityPool pool = new EntityPool();

    private final Storages storages = new Storages(this);
    private final Signal<EntityListener> entityCreated = new Signal<>();
    private final Signal<EntityListener> entityDestroyed = new Signal<>();
    private final AtomicCalls calls = new AtomicCalls(pool);
    private final ComponentWrites writes = new ComponentWrites(pool, calls, storages);
    private final Destruction destruction = new Destruction(pool, calls, storages, writes, entityDestroyed);

    // ---------------------------------------------------------------- entities

    /**
     * Creates an entity, reusing the most recently freed slot if there is one.
     *
     * @throws EntityLimitException if all 2^20 slots are live
     */
    public int create() {
        calls.creating();
        int id = pool.create();
        Signal.fire(entityCreated, id);
        return id;
    }

    /**
     * Destroys an entity: fires {@link #onDestroyEntity()} while everything is still readable, then
     * removes its components one by one (each firing {@link #onDestroy(Class)}), then frees the slot.
     *
     * @throws InvalidEntityException if the id is not valid
     * @throws IllegalStateException if the entity is already being destroyed (a listener recursed)
     */
    public void destroy(int id) {
        destruction.destroy(id);
    }

    /**
     * {@link #destroy(int)} as one part of an atomic call that destroys many entities (a cascade): the
     * same checks, signals, order and undo entries, but no rollback point of its own. If it throws, the
     * entity is left half-destroyed until the enclosing atomic call undoes it with everything else, so
     * the caller must let the throwable reach that call. Outside an atomic call it is {@link #destroy(int)}.
     *
     * @throws InvalidEntityException if the id is not valid
     * @throws IllegalStateException if the entity is already being destroyed
     */
    public void destroyPartOfCall(int id) {
        destruction.destroyPartOfCall(id);
    }

    /**
     * A hint before destroying {@code count} entities in one atomic call (a cascade): grows the undo
     * journal and the free-slot stack once now instead of doubling them along the way. Only allocates;
     * nothing observable changes, and destroying more or fewer than {@code count} is fine.
     */
    public void expectDestroys(int count) {
        destruction.expectDestroys(count);
    }

    /** True if the id is valid and its entity is in the middle of {@link #destroy(int)}. */
    public boolean isBeingDestroyed(int id) {
        return pool.destroying(id);
    }

    // ---------------------------------------------------------------- all or nothing

    /**
     * Runs {@code work} as one change and returns its result. If it throws anything (any
     * {@link Throwable}: an Error such as StackOverflowError or OutOfMemoryError too), every change it
     * made through this registry is undone, newest first, and the throwable goes on. Calls nest: an
     * inner one that fails undoes only its own part, since the outer call may catch and go on.
     *
     * <p>Undo covers entities created and destroyed, components added, replaced and removed. State
     * kept <em>inside</em> a component (a list it holds) is the caller's: register its undo with
     * {@link #onRollback}.
     *
     * <p>If the stack runs out: a nested call that cannot finish its undo leaves the rest to the
     * enclosing one, and an outermost call whose undo runs out of stack hands the rest to a worker
     * thread with a stack of its own and waits for it. So an undo registered with {@link #onRollback}
     * may run on that worker, and must be safe to run again after being cut short.
     */
    @SuppressWarnings("unchecked")
    public <R> R atomically(Supplier<R> work) {
        return (R) calls.run(SUPPLY, Objects.requireNonNull(work, "work"), 0);
    }

    private static final AtomicCalls.Work<Supplier<?>> SUPPLY = (work, unused) -> work.get();

    /**
     * Inside {@link #atomically}: runs {@code undo} if the atomic call fails. Register it <em>before</em>
     * making the change it undoes, and make it harmless if that change did not happen (a throw can
     * land between the two). Outside an atomic call it does nothing.
     */
    public void onRollback(Runnable undo) {
        Objects.requireNonNull(undo, "undo");
        calls.record(Journal.ACTION, null, EntityId.NULL, undo, 0);
    }

    /**
     * {@link #onRollback(Runnable)} without a closure: if the atomic call fails, runs
     * {@code undo.undo(target, a, b)}. The journal keeps the three values in its arrays, so a caller
     * with a constant {@code undo} allocates nothing per change. The same rules hold: register it
     * before the change, make it harmless if the change did not happen, and safe to run again.
     */
    public <T> void onRollback(Undo<T> undo, T target, int a, int b) {
        Objects.requireNonNull(undo, "undo");
        calls.record(Journal.TYPED, target, a, undo, b);
    }

    /** An undo for {@link #onRollback(Undo, Object, int, int)}: one object shared by every change of a kind. */
    @FunctionalInterface
    public interface Undo<T> {
        void undo(T target, int a, int b);
    }

    /** True while an atomic call is running: changes are being journalled. */
    public boolean inAtomicCall() {
        return calls.open();
    }

    /** True only for the id of a live entity: false for null, stale and never-issued ids. */
    public boolean valid(int id) {
        return pool.valid(id);
    }

    /** Throws a message that says why the id is not valid (null, stale, or never issued). */
    public void requireValid(int id) {
        pool.requireValid(id);
    }

    /** A sentence explaining why an id is not valid, or that it is. */
    public String whyInvalid(int id) {
        return pool.whyInvalid(id);
    }

    /** The number of live entities. */
    public int size() {
        return pool.size();
    }

    /** The number of slots ever handed out (live plus free). */
    public int slotCount() {
        return pool.slotCount();
    }

    /** The ids of all live entities, by slot index. */
    public int[] entities() {
        return pool.entities();
    }

    /** The free slots in the order {@link #create()} will reuse them (next first). */
    public int[] freeSlots() {
        return pool.freeSlots();
    }

    // ---------------------------------------------------------------- components

    /**
     * Adds a component and fires {@link #onConstruct(Class)}. The component's runtime class is its
     * type, so use final classes or records as components.
     *
     * @throws IllegalStateException if the entity already has one of this type
     */
    public <T> T add(int id, T component) {
        return writes.add(id, component);
    }

    /**
     * Replaces an existing component and fires {@link #onUpdate(Class)}.
     *
     * @throws IllegalStateException if the entity has no component of this type
     */
    public <T> T replace(int id, T component) {
        return writes.replace(id, component);
    }

    /** Adds the component, or replaces the one there; fires construct or update accordingly. */
    public <T> T addOrReplace(int id, T component) {
        return writes.addOrReplace(id, component);
    }

    /** Removes a component, firing {@link #onDestroy(Class)} first. Returns false if there was none. */
    public boolean remove(int id, Class<?> type) {
        return writes.remove(id, type);
    }

    /**
     * The entity's component of this type.
     *
     * @throws IllegalStateException if it has none
     */
    @SuppressWarnings("unchecked")
    public <T> T get(int id, Class<T> type) {
        Storage<?> last = storages.last; // storage(type), written out: Storages says why
        T value = (last != null && last.type() == type ? (Storage<T>) last : storages.lookUp(type)).getOrNull(id);
        if (value == null) {
            throw missing(id, type);
        }
        return value; // a storage holds only live entities, so finding the id proves it valid
    }

    /** Why {@link #get} found nothing; kept out of {@code get} so that stays small enough to inline. */
    private RuntimeException missing(int id, Class<?> type) {
        requireValid(id); // a stale id gets the stale-id message, a live one this:
        return new IllegalStateException("entity " + EntityId.describe(id) + " has no " + type.getSimpleName());
    }

    /** The entity's component of this type, or {@code null} if it has none. */
    @SuppressWarnings("unchecked")
    public <T> T tryGet(int id, Class<T> type) {
        Storage<?> last = storages.last; // storage(type), written out: Storages says why
        T value = (last != null && last.type() == type ? (Storage<T>) last : storages.lookUp(type)).getOrNull(id);
        if (value == null) {
            requireValid(id);
        }
        return value;
    }

    public boolean has(int id, Class<?> type) {
        Storage<?> last = storages.last; // storage(type), written out: Storages says why
        if ((last != null && last.type() == type ? last : storages.lookUp(type)).getOrNull(id) != null) { // a stored value is never null
            return true;
        }
        requireValid(id);
        return false;
    }

    /** The component types the entity has, in the order their storages were created. */
    public List<Class<?>> componentTypes(int id) {
        requireValid(id);
        return storages.typesOf(id);
    }

    /** The storage for a type, created empty on first use. */
    public <T> Storage<T> storage(Class<T> type) {
        return storages.of(type);
    }

    /** Every storage created so far. */
    public Collection<Storage<?>> storages() {
        return storages.view();
    }

    // ---------------------------------------------------------------- views

    public <A> SingleView<A> view(Class<A> a) {
        return new SingleView<>(storage(a));
    }

    public <A, B> PairView<A, B> view(Class<A> a, Class<B> b) {
        return new PairView<>(storage(a), storage(b));
    }

    /** A view over any number of component types, yielding entity ids. */
    public View view(Class<?> first, Class<?>... more) {
        Storage<?>[] pools = new Storage<?>[more.length + 1];
        pools[0] = storage(first);
        for (int i = 0; i < more.length; i++) {
            pools[i + 1] = storage(more[i]);
        }
        return new View(pools);
    }

    // ---------------------------------------------------------------- signals

    /** Fires after a component of this type was added. */
    public <T> Signal<ComponentListener<? super T>> onConstruct(Class<T> type) {
        return storages.constructed.of(type);
    }

    /** Fires after a component of this type was replaced. */
    public <T> Signal<ComponentListener<? super T>> onUpdate(Class<T> type) {
        return storages.updated.of(type);
    }

    /** Fires before a component of this type is removed (also when its entity is destroyed). */
    public <T> Signal<ComponentListener<? super T>> onDestroy(Class<T> type) {
        return storages.destroyed.of(type);
    }

    /** Fires after an entity was created. */
    public Signal<EntityListener> onCreateEntity() {
        return entityCreated;
    }

    /** Fires when {@link #destroy(int)} starts, before any component is removed. */
    public Signal<EntityListener> onDestroyEntity() {
        return entityDestroyed;
    }

    // ---------------------------------------------------------------- internals

    /** The entity pool and the undo journal, for tests in this package (some break a registry on purpose). */
    EntityPool pool() {
        return pool;
    }

    Journal journal() {
        return calls.journal;
    }

    /** The version of the slot's current id, or of its next one if the slot is free. */
    int version(int index) {
        return pool.version(index);
    }
}
