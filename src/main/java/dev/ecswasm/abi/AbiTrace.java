package dev.ecswasm.abi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A record of every crossing of the ABI: which function, with which arguments, what it returned,
 * the last error it left, and every guest byte it read or wrote (writes with the bytes before and
 * after). Opt-in, from {@link BoundApi#startTrace()}.
 */
public final class AbiTrace {
    private final List<Crossing> crossings = new ArrayList<>();

    /** A read or write of guest memory. For a read, {@code before} and {@code after} are the same bytes. */
    public record MemoryEvent(Access access, long address, byte[] before, byte[] after) {
        public int length() {
            return after.length;
        }
    }

    public enum Access { READ, WRITE }

    /** One ABI call. {@code trap} is empty unless the call trapped. */
    public record Crossing(int seq, String function, List<String> args, String result, ErrorCode error,
                           String trap, List<MemoryEvent> memory) {}

    /** The calls so far, oldest first. */
    public List<Crossing> crossings() {
        return Collections.unmodifiableList(crossings);
    }

    public void clear() {
        crossings.clear();
    }

    Crossing begin(ApiFunction fn, int[] args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            ApiFunction.Param p = fn.params().get(i);
            shown.add(p.name() + "=" + p.kind().format(args[i]));
        }
        return new Crossing(crossings.size() + 1, fn.name(), List.copyOf(shown), "", null, "", new ArrayList<>());
    }

    void end(Crossing c, String result, ErrorCode error, String trap) {
        crossings.add(new Crossing(c.seq(), c.function(), c.args(), result, error, trap, List.copyOf(c.memory())));
    }

    /** Guest memory that reports each access into the current crossing. */
    static final class Recording implements GuestMemory {
        private final GuestMemory memory;
        private final Crossing crossing;

        Recording(GuestMemory memory, Crossing crossing) {
            this.memory = memory;
            this.crossing = crossing;
        }

        @Override
        public long size() {
            return memory.size();
        }

        @Override
        public byte[] read(int address, int length) {
            byte[] bytes = memory.read(address, length);
            crossing.memory().add(new MemoryEvent(Access.READ, Integer.toUnsignedLong(address), bytes, bytes));
            return bytes;
        }

        @Override
        public void write(int address, byte[] bytes) {
            byte[] before = memory.read(address, bytes.length);
            memory.write(address, bytes);
            crossing.memory().add(new MemoryEvent(Access.WRITE, Integer.toUnsignedLong(address), before, bytes.clone()));
        }
    }
}
