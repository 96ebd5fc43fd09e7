package dev.ecswasm.abi;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.EnttManager;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One open manager handle and the ABI state that belongs to it alone: its last error and its cache
 * of the last string it sent out. Keeping both here, not in {@link EnttApi}, is what stops one
 * handle's error or bytes from showing through another's. Its helpers answer the questions every
 * C API call asks first (is the entity valid? is there such a component type?), recording the reason
 * when the answer is no.
 */
final class Session {
    final EnttManager manager;
    final LastError errors = new LastError();
    final Utf8.Cache sent = new Utf8.Cache();
    final EdgePairs pairs = new EdgePairs();

    Session(EnttManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** True if the id names a live entity; otherwise records why not (null, stale or never issued). */
    boolean validEntity(int entity) {
        if (manager.isEntityValid(entity)) {
            return true;
        }
        errors.fail(entity == EnttApi.FFI_NULL_ENTITY ? ErrorCode.NULL_ENTITY : ErrorCode.INVALID_ENTITY,
                manager.whyInvalid(entity), 0);
        return false;
    }

    /** The answer of a query for one entity: the id, or {@link EnttApi#FFI_NULL_ENTITY} with the reason recorded. */
    int entityOrNull(int entity, OptionalInt answer, String what) {
        if (!validEntity(entity)) {
            return EnttApi.FFI_NULL_ENTITY;
        }
        return answer.isPresent() ? errors.ok(answer.getAsInt()) : notFound(entity, what, EnttApi.FFI_NULL_ENTITY);
    }

    /** Records that the entity has no {@code what} (NOT_FOUND) and returns {@code result}. */
    int notFound(int entity, String what, int result) {
        return errors.fail(ErrorCode.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no " + what, result);
    }

    /** The component layout with this ABI type id; empty, with the reason recorded, if there is none. */
    Optional<PodLayout<?>> layout(int typeId) {
        Optional<PodLayout<?>> layout = Layouts.byTypeId(typeId);
        if (layout.isEmpty()) {
            errors.fail(ErrorCode.BAD_ARGUMENT, "no component has type id " + typeId, 0);
        }
        return layout;
    }

    /** As {@link #layout(int)}, and the guest's {@code length} must be the layout's size. */
    Optional<PodLayout<?>> layout(int typeId, long length) {
        Optional<PodLayout<?>> layout = layout(typeId);
        if (layout.isPresent() && length != layout.get().size()) {
            errors.fail(ErrorCode.BAD_ARGUMENT, layout.get().name() + " is " + layout.get().size()
                    + " bytes, not " + length, 0);
            return Optional.empty();
        }
        return layout;
    }

    /** E.g. {@code Session[EnttManager[...], last error OK (0)]}. */
    @Override
    public String toString() {
        return "Session[" + manager + ", last error " + errors.code() + "]";
    }
}
