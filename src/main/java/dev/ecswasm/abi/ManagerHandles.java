package dev.ecswasm.abi;

import dev.ecswasm.world.EnttManager;
import java.util.ArrayList;
import java.util.Arrays;
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

    private Session[] sessions = new Session[4]; // by slot; slot 0 stays empty so handle 0 is never issued
    private int[] generations = new int[4];
    private int used = 1;                         // slots handed out, counting the empty slot 0
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
        } else {
            index = used++;
            if (index > INDEX_MASK) {
                throw new IllegalStateException("too many open managers");
            }
            if (index == sessions.length) {
                sessions = Arrays.copyOf(sessions, index * 2);
                generations = Arrays.copyOf(generations, index * 2);
            }
        }
        sessions[index] = new Session(manager);
        return (generations[index] << INDEX_BITS) | index;
    }

    Session resolve(int handle) {
        int index = handle & INDEX_MASK;
        if (index < used && index != 0) {
            Session session = sessions[index];
            if (session != null && generations[index] == handle >>> INDEX_BITS) {
                return session; // the hot path: one array read and a compare
            }
        }
        throw invalid(handle);
    }

    private AbiTrap invalid(int handle) {
        int index = handle & INDEX_MASK;
        if (handle == 0) {
            return new AbiTrap("manager handle is null");
        }
        if (index >= used || index == 0 || handle >>> INDEX_BITS > generations[index]) {
            return new AbiTrap("manager handle " + GuestAccess.hex(Integer.toUnsignedLong(handle)) + " was never opened");
        }
        return new AbiTrap("manager handle " + GuestAccess.hex(Integer.toUnsignedLong(handle)) + " is closed");
    }

    void close(int handle) {
        resolve(handle);
        int index = handle & INDEX_MASK;
        sessions[index] = null;
        generations[index] = (generations[index] + 1) & 0xFFFF;
        free.add(index);
    }
}
