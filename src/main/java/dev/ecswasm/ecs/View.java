package dev.ecswasm.ecs;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The entities that have every one of a set of component types.
 *
 * <p>A view owns nothing: it walks the smallest of its storages and keeps the entities that the
 * others contain too, so its cost follows the rarest component, not the world's size. The smallest
 * storage is chosen when iteration starts.
 *
 * <p>Iteration runs from the end of the packed array to the front (as EnTT does), so the callback may
 * remove the current entity's components or destroy it: swap-and-pop only moves an entity that has
 * already been visited.
 */
public class View {
    private final Storage<?>[] pools;

    View(Storage<?>... pools) {
        if (pools.length == 0) {
            throw new IllegalArgumentException("a view needs at least one component type");
        }
        this.pools = pools;
    }

    /** Calls {@code action} with each entity that has all the view's components. */
    public void each(IntConsumer action) {
        Storage<?> lead = smallest();
        for (int i = lead.size() - 1; i >= 0; i--) {
            if (i >= lead.size()) {
                continue; // the callback removed more than the current entity
            }
            int entity = lead.entityAt(i);
            if (hasAll(entity, lead)) {
                action.accept(entity);
            }
        }
    }

    /** The matching entities, in iteration order. */
    public int[] toArray() {
        int[] out = new int[smallest().size()];
        int[] count = {0};
        each(entity -> out[count[0]++] = entity);
        return Arrays.copyOf(out, count[0]);
    }

    /** How many entities match (walks the smallest storage). */
    public int count() {
        int[] count = {0};
        each(entity -> count[0]++);
        return count[0];
    }

    /** True if the entity has all the view's components. */
    public boolean contains(int entity) {
        return hasAll(entity, null);
    }

    /** The storage iteration would walk now: the one with the fewest entities. */
    Storage<?> smallest() {
        Storage<?> lead = pools[0];
        for (Storage<?> pool : pools) {
            if (pool.size() < lead.size()) {
                lead = pool;
            }
        }
        return lead;
    }

    private boolean hasAll(int entity, Storage<?> skip) {
        for (Storage<?> pool : pools) {
            if (pool != skip && !pool.contains(entity)) {
                return false;
            }
        }
        return true;
    }
}
