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

    /** The session behind an open handle; traps on a null, closed or made-up one. */
    Session resolve(int handle) {
        if (isOpen(handle)) {
            return sessions[handle & INDEX_MASK]; // the hot path: one array read and a compare
        }
        throw invalid(handle);
    }

    boolean isOpen(int handle) {
        int index = handle & INDEX_MASK;
        return index != 0 && index < used && sessions[index] != null && generations[index] == handle >>> INDEX_BITS;
    }

    private AbiTrap invalid(int handle) {
        int index = handle & INDEX_MASK;
        if (handle == 0) {
            return new AbiTrap("manager handle is null");
        }
        // a closed slot already holds the generation it will issue next, so that one was never opened either
        if (index >= used || index == 0 || handle >>> INDEX_BITS >= generations[index]) {
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

    /** How many handles are open. */
    int openCount() {
        return used - 1 - free.size();
    }

    /** The handle in hex with what it names, e.g. {@code 0x00000001 on EnttManager[...]} or {@code 0x00000001 (not open)}. */
    String describe(int handle) {
        String hex = GuestAccess.hex(Integer.toUnsignedLong(handle));
        return isOpen(handle) ? hex + " on " + resolve(handle).manager : hex + " (not open)";
    }

    /** E.g. {@code ManagerHandles[2 open: 0x00000001, 0x00000002]}, listing at most eight. */
    @Override
    public String toString() {
        List<String> open = new ArrayList<>();
        for (int index = 1; index < used && open.size() < 8; index++) {
            if (sessions[index] != null) {
                open.add(GuestAccess.hex(Integer.toUnsignedLong((generations[index] << INDEX_BITS) | index)));
            }
        }
        String more = openCount() > open.size() ? ", ..." : "";
        return "ManagerHandles[" + openCount() + " open" + (open.isEmpty() ? "" : ": " + String.join(", ", open)) + more + "]";
    }
}
