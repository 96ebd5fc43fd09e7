package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrace.MemoryEvent;
import dev.ecswasm.abi.AbiTrap;
import dev.ecswasm.abi.ApiFunction;
import dev.ecswasm.abi.ApiFunctions;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.abi.EnttApi;
import dev.ecswasm.world.EnttManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded ABI trace run again without the guest: each crossing, in order, goes through a fresh
 * world and C API over a byte-array memory, with the bytes the guest had at each address it was read
 * from put back first. Every result, last-error code, trap and byte written must come out as recorded;
 * the outcome is {@link Matched} or the first {@link Diverged}. Since the plugin only ever reaches the
 * world through these calls, a match means the trace alone explains the whole run.
 */
public sealed interface Replay permits Replay.Matched, Replay.Diverged {

    /** Every crossing came out as recorded. */
    record Matched(int crossings) implements Replay {
        /** E.g. {@code Matched: 212 crossings replayed, every result, error code, trap and written byte as recorded}. */
        @Override
        public String toString() {
            return "Matched: " + crossings + (crossings == 1 ? " crossing" : " crossings")
                    + " replayed, every result, error code, trap and written byte as recorded";
        }
    }

    /** The first crossing that came out otherwise: which, what differed, and both values. */
    record Diverged(int seq, String function, String what, String expected, String actual) implements Replay {
        /** E.g. {@code Diverged at #7 host_get_name: result: expected 6, actual 0}. */
        @Override
        public String toString() {
            return "Diverged at #" + seq + " " + function + ": " + what + ": expected " + expected + ", actual " + actual;
        }
    }

    /** True for {@link Matched}. */
    default boolean matched() {
        return this instanceof Matched;
    }

    /** Replays a trace file. */
    static Replay against(Path file) {
        return against(TraceFile.read(file));
    }

    /** Replays crossings against a C API with the default limits. */
    static Replay against(List<Crossing> crossings) {
        return against(crossings, new EnttApi());
    }

    /**
     * Replays crossings against a fresh world opened on {@code api}: pass one with the recording host's
     * limits ({@code new EnttApi(maxNameBytes, maxEntities, maxEdges, maxNameBytesTotal)}) when they were
     * not the defaults.
     */
    static Replay against(List<Crossing> crossings, EnttApi api) {
        Objects.requireNonNull(crossings, "crossings");
        BoundApi bound = new BoundApi(api, api.open(new EnttManager()));
        AbiTrace replayed = bound.startTrace();
        ByteArrayGuestMemory memory = null;
        for (Crossing recorded : crossings) {
            Optional<ApiFunction> function = ApiFunctions.find(recorded.function());
            if (function.isEmpty()) {
                return new Diverged(recorded.seq(), recorded.function(), "function", "an ABI function", "none by that name");
            }
            if (recorded.argValues().length != function.get().params().size()) {
                return new Diverged(recorded.seq(), recorded.function(), "argument count",
                        String.valueOf(function.get().params().size()), String.valueOf(recorded.argValues().length));
            }
            memory = memoryFor(recorded, memory);
            for (int i = recorded.memory().size() - 1; i >= 0; i--) { // backwards: the earliest bytes win
                MemoryEvent event = recorded.memory().get(i);
                memory.write((int) event.address(), event.before());
            }
            try {
                bound.invoke(function.get(), memory, recorded.argValues());
            } catch (AbiTrap trapped) {
                // the replay's own trace holds it: compared below
            }
            Crossing actual = replayed.crossings().get(replayed.crossings().size() - 1);
            Optional<Diverged> diverged = ReplayCheck.compare(recorded, actual);
            if (diverged.isPresent()) {
                return diverged.get();
            }
        }
        return new Matched(crossings.size());
    }

    /** The memory to run a crossing in: the one before if its size is right, else a fresh one. */
    private static ByteArrayGuestMemory memoryFor(Crossing recorded, ByteArrayGuestMemory current) {
        long size = recorded.memorySize();
        for (MemoryEvent event : recorded.memory()) {
            size = Math.max(size, event.address() + event.length()); // a hand-made trace may leave the size 0
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("#" + recorded.seq() + " " + recorded.function() + ": a guest memory of "
                    + size + " bytes is too large to replay in a byte array");
        }
        return current != null && current.size() == size ? current : new ByteArrayGuestMemory((int) size);
    }
}
