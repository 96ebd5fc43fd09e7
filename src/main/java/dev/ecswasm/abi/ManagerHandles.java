package dev.ecswasm.abi;

import dev.ecswasm.world.EnttManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The opaque handles of the C API ({@code EnttManagerHandle*}): an {@code int} that names an open
 * manager without exposing it. Like entity ids they carry a generation, so a closed handle stays
 * recognisably closed after its slot is reused, and a made-up one is recognised as never opened.
 * Handle 0 is never issued: it plays the null pointer.
 */
final class ManagerHandles {
    private static final int INDEX_BITS = 16;
    private static final int INDEX_MASK = (1 << INDEX_BITS) - 1;

    private final List<Session> slots = new ArrayList<>();
    private final List<Integer> generations = new ArrayList<>();
    private final List<Integer> free = new ArrayList<>();

    /** One open manager and the ABI state that belongs to it. */
    static final class Session {
        final EnttManager manager;
        ErrorCode lastError = ErrorCode.OK;
        String lastMessage = "";

        Session(EnttManager manager) {
            this.manager = manager;
        }
    }

    int open(EnttManager manager) {
        Objects.requireNonNull(manager, "manager");
        int index;
        if (!free.isEmpty()) {
            index = free.remove(free.size() - 1);
            slots.set(index, new Session(manager));
        } else {
            index = slots.size() + 1; // slot 0 would make handle 0 possible
            if (index > INDEX_MASK) {
                throw new IllegalStateException("too many open managers");
            }
            while (slots.size() <= index) {
                slots.add(null);
                generations.add(0);
            }
            slots.set(index, new Session(manager));
        }
        return (generations.get(index) << INDEX_BITS) | index;
    }

    Session resolve(int handle) {
        int index = handle & INDEX_MASK;
        int generation = handle >>> INDEX_BITS;
        if (handle == 0) {
            throw new AbiTrap("manager handle is null");
        }
        if (index >= slots.size() || index == 0 || generation > generations.get(index)) {
            throw new AbiTrap("manager handle " + GuestAccess.hex(Integer.toUnsignedLong(handle)) + " was never opened");
        }
        Session session = slots.get(index);
        if (session == null || generation != generations.get(index)) {
            throw new AbiTrap("manager handle " + GuestAccess.hex(Integer.toUnsignedLong(handle)) + " is closed");
        }
        return session;
    }

    void close(int handle) {
        resolve(handle);
        int index = handle & INDEX_MASK;
        slots.set(index, null);
        generations.set(index, (generations.get(index) + 1) & 0xFFFF);
        free.add(index);
    }
}
