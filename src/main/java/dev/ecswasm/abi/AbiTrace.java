package dev.ecswasm.abi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A record of every crossing of the ABI: which function, with which arguments, what it returned,
 * the last error it left, and every guest byte it read or wrote (writes with the bytes before and
 * after). Opt-in, from {@link BoundApi#startTrace()}.
 */
public final class AbiTrace {
    private static final int MAX_RUNS_SHOWN = 8; // a toString is one line at a prompt, not the whole trace

    private final List<Crossing> crossings = new ArrayList<>();

    /** A read or write of guest memory. For a read, {@code before} and {@code after} are the same bytes. */
    public record MemoryEvent(Access access, long address, byte[] before, byte[] after) {
        /** How many bytes were read or written. */
        public int length() {
            return after.length;
        }

        /** E.g. {@code write 0x00002000 +6}. */
        @Override
        public String toString() {
            return access.name().toLowerCase(Locale.ROOT) + " " + GuestAccess.hex(address) + " +" + length();
        }
    }

    /** Which way the bytes went. */
    public enum Access { READ, WRITE }

    /**
     * One ABI call. {@code trap} is empty unless the call trapped. {@code args} and {@code result} are
     * as a person reads them; {@code argValues} and {@code resultValue} are the raw {@code i32}s (the
     * result is 0 for a void or trapped call) and {@code memorySize} the guest memory's size during the
     * call: what a replay needs.
     */
    public record Crossing(int seq, String function, List<String> args, String result, ErrorCode error,
                           String trap, List<MemoryEvent> memory, int[] argValues, int resultValue,
                           long memorySize) {
        public Crossing {
            argValues = argValues.clone();
        }

        /** The raw arguments, a copy. */
        @Override
        public int[] argValues() {
            return argValues.clone();
        }

        /** E.g. {@code #2 host_get_name(entity=0, buf=0x00002000, cap=6) = 6, OK (0), write 0x00002000 +6}. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("#").append(seq).append(' ').append(function)
                    .append('(').append(String.join(", ", args)).append(')');
            if (!trap.isEmpty()) {
                return out.append(" trapped: ").append(trap).toString();
            }
            out.append(result.isEmpty() ? "" : " = " + result).append(error == null ? "" : ", " + error);
            memory.forEach(event -> out.append(", ").append(event));
            return out.toString();
        }
    }

    /** The calls so far, oldest first. */
    public List<Crossing> crossings() {
        return Collections.unmodifiableList(crossings);
    }

    /** Forgets the calls so far; numbering goes on from 1 again. */
    public void clear() {
        crossings.clear();
    }

    /**
     * The calls in order, repeats folded, e.g.
     * {@code AbiTrace[3 crossings: host_create_entity, host_get_name x2]}; at most eight runs are named.
     */
    @Override
    public String toString() {
        List<String> runs = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < crossings.size() && runs.size() < MAX_RUNS_SHOWN; ) {
            String function = crossings.get(i).function();
            int run = 1;
            while (i + run < crossings.size() && crossings.get(i + run).function().equals(function)) {
                run++;
            }
            runs.add(run == 1 ? function : function + " x" + run);
            shown += run;
            i += run;
        }
        int traps = (int) crossings.stream().filter(c -> !c.trap().isEmpty()).count();
        return "AbiTrace[" + crossings.size() + (crossings.size() == 1 ? " crossing" : " crossings")
                + (traps == 0 ? "" : ", " + traps + (traps == 1 ? " trap" : " traps"))
                + (runs.isEmpty() ? "" : ": " + String.join(", ", runs))
                + (shown < crossings.size() ? ", ... " + (crossings.size() - shown) + " more" : "") + "]";
    }

    Crossing begin(ApiFunction fn, int[] args, long memorySize) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            ApiFunction.Param p = fn.params().get(i);
            shown.add(p.name() + "=" + p.kind().format(args[i]));
        }
        return new Crossing(crossings.size() + 1, fn.name(), List.copyOf(shown), "", null, "", new ArrayList<>(),
                args, 0, memorySize);
    }

    void end(Crossing c, String result, int resultValue, ErrorCode error, String trap) {
        crossings.add(new Crossing(c.seq(), c.function(), c.args(), result, error, trap, List.copyOf(c.memory()),
                c.argValues, resultValue, c.memorySize()));
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
