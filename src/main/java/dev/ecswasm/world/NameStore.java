package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.Name;
import java.util.Optional;

/**
 * Entity names: at most one {@link Name} per entity, replaced by a new one. Keeps the UTF-8 bytes of
 * all its names as a running total, so a cap on them costs nothing to check: add and replace count
 * the difference, a removal (by {@link #remove} or by destroying the entity) subtracts through the
 * registry's destroy signal, and every change to the total is undone with the atomic call it ran in.
 */
final class NameStore {
    private final Registry registry;
    private final ManagerLog log;
    private final Storage<Name> names;
    private long bytes; // the UTF-8 bytes of every name held

    NameStore(Registry registry, ManagerLog log) {
        this.registry = registry;
        this.log = log;
        this.names = registry.storage(Name.class);
        // fires before a name goes, whether removeName or destroyEntity takes it
        registry.onDestroy(Name.class).connect((entity, name) -> count(-utf8Length(name.value())));
    }

    /** Names a valid entity. */
    Outcome add(int entity, String name) {
        if (name == null) {
            return new Outcome.Refused(Failure.BAD_ARGUMENT, "name is null");
        }
        Name old = names.getOrNull(entity);
        count(utf8Length(name) - (old == null ? 0 : utf8Length(old.value())));
        registry.addOrReplace(entity, new Name(name));
        log.named(entity, name);
        return Outcome.DONE;
    }

    Optional<String> get(int entity) {
        Name name = registry.valid(entity) ? names.getOrNull(entity) : null;
        return name == null ? Optional.empty() : Optional.of(name.value());
    }

    /** Takes a valid entity's name away. */
    Outcome remove(int entity) {
        if (!names.contains(entity)) {
            return new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no name");
        }
        registry.remove(entity, Name.class);
        return Outcome.DONE;
    }

    /** The UTF-8 bytes of every name held. O(1). */
    long bytes() {
        return bytes;
    }

    /** The UTF-8 bytes of the entity's name; 0 if it has none or the id is not valid. */
    int bytesOf(int entity) {
        Name name = registry.valid(entity) ? names.getOrNull(entity) : null;
        return name == null ? 0 : utf8Length(name.value());
    }

    @Override
    public String toString() {
        return "NameStore[" + names.size() + " name(s)]";
    }

    /**
     * Moves the total, its undo registered first: the undo puts back the total as it was before this
     * change, so it is harmless if the change never happened, and undoing newest first ends at the
     * total from before the atomic call.
     */
    private void count(long delta) {
        long before = bytes;
        registry.onRollback(() -> bytes = before);
        bytes = before + delta;
    }

    /**
     * How many bytes UTF-8 takes for the string, without encoding it: what the guest sent for a name that
     * came through the ABI. A lone surrogate counts 3, as a CESU-style encoder would; any fixed count does,
     * since a name is measured the same way when it comes and when it goes.
     */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0, length = s.length(); i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
