package dev.ecswasm.ecs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Storage}s of one {@link Registry}, one per component type, each made on first use:
 * what EnTT calls the registry's pools.
 *
 * <p>A type is looked up in a map, but the storage found last is kept in {@link #last} and tried
 * first, since a loop asks for one type over and over. {@link Registry#get}, {@link Registry#tryGet}
 * and {@link Registry#has} repeat {@link #of}'s test of it in their own code instead of calling it.
 * The JIT decides per bytecode whether a branch is ever taken, and this one is taken whenever writes
 * alternate between types (adding a Pos, then a Vel, as every benchmark fill does). Calling it, a get
 * loop kept the call to {@link #lookUp} in its body, and a call there stops the JIT from lifting the
 * field reads out of the loop: about 20 ns per random get over a million entities. With their own
 * copy, reads that always ask for one type leave the branch untaken and the loop holds no call.
 *
 * <p>The three kinds of {@link ComponentSignals} live here too, since they and the storages each
 * need the other: a storage made now takes the signals its type already has, and a signal made now
 * goes to the storage its type already has (EnTT's signal mixin sits in the pool).
 */
final class Storages {
    private final Registry registry; // handed to each storage made, which a test reaches it through
    private final Map<Class<?>, Storage<?>> byType = new LinkedHashMap<>();
    private Storage<?>[] all = new Storage<?>[0]; // the map's values, safe to walk while it grows
    Storage<?> last;                               // the last one looked up, tried first; null before any

    final ComponentSignals constructed = new ComponentSignals(ComponentSignals.CONSTRUCTED, byType);
    final ComponentSignals updated = new ComponentSignals(ComponentSignals.UPDATED, byType);
    final ComponentSignals destroyed = new ComponentSignals(ComponentSignals.DESTROYED, byType);

    Storages(Registry registry) {
        this.registry = registry;
    }

    /** The storage for a type, created empty on first use; {@link #last} tried first. */
    @SuppressWarnings("unchecked")
    <T> Storage<T> of(Class<T> type) {
        Storage<?> last = this.last;
        if (last != null && last.type() == type) {
            return (Storage<T>) last; // the common case, kept small so callers can inline it
        }
        return lookUp(type);
    }

    /** {@link #of} without the test of {@link #last}: the map, and a new storage if there is none. */
    @SuppressWarnings("unchecked")
    <T> Storage<T> lookUp(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Storage<?> storage = byType.get(type);
        if (storage == null) {
            storage = new Storage<>(type, registry);
            constructed.attach(storage);
            updated.attach(storage);
            destroyed.attach(storage);
            byType.put(type, storage);
            all = byType.values().toArray(new Storage<?>[0]);
        }
        last = storage;
        return (Storage<T>) storage;
    }

    /** The storage of the component's runtime class, its type. */
    @SuppressWarnings("unchecked")
    <T> Storage<T> ofComponent(T component) {
        return of((Class<T>) component.getClass());
    }

    /** The storage for a type if one was made, else null; never makes one. */
    Storage<?> existing(Class<?> type) {
        return byType.get(type);
    }

    /**
     * Every storage, in the order they were made. The array is replaced, never changed, when a
     * storage is added, so a loop over it is safe while a listener it calls adds a type.
     */
    Storage<?>[] all() {
        return all;
    }

    /** Every storage, read-only and live. */
    Collection<Storage<?>> view() {
        return Collections.unmodifiableCollection(byType.values());
    }

    /** The component types the entity has, in the order their storages were made. */
    List<Class<?>> typesOf(int id) {
        List<Class<?>> types = new ArrayList<>();
        for (Storage<?> storage : byType.values()) {
            if (storage.contains(id)) {
                types.add(storage.type());
            }
        }
        return types;
    }
}
