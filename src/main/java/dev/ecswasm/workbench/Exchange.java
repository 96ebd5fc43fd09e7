package dev.ecswasm.workbench;

import dev.ecswasm.WorkbenchException;
import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.ArgKind;
import dev.ecswasm.host.WasmHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A two-call exchange the plugin made, step by step: the size query, the guest's allocation, the
 * copy (and, when the buffer was too small, the retry), each with the guest address, the bytes
 * there before and after, and the ABI crossing the trace recorded.
 *
 * <p>The host drives the plugin's single-step exports ({@code step_name_size},
 * {@code step_get_name_into}, {@code step_find_children_size}, {@code step_find_children_into},
 * {@code guest_alloc}); the guest still makes every ABI call itself. The exchange records into a
 * fresh trace of its own, then puts back whatever tracing the host's API was doing before (so a
 * running trace misses these read-only crossings), and frees its guest buffers with {@code guest_free}.
 */
public final class Exchange implements Showable {
    /** What the workbench writes into each buffer the guest allocates, before call 2: {@code AA}. */
    static final byte FILL = (byte) 0xAA;

    /** The largest buffer an exchange lets the guest allocate: names and lists of a classroom's size. */
    public static final int MAX_CAP = 4096;

    private final String subject;
    private final List<ExchangeStep> steps;
    private final String result;
    private final int buffersFreed;

    private Exchange(String subject, List<ExchangeStep> steps, String result, int buffersFreed) {
        this.subject = subject;
        this.steps = List.copyOf(steps);
        this.result = result;
        this.buffersFreed = buffersFreed;
    }

    /** The name of {@code entity}, into a buffer of the size the host asked for. */
    public static Exchange name(WasmHost host, int entity) {
        return new Driver(host, ExchangeKind.NAME, entity).run(-1);
    }

    /**
     * The name of {@code entity}, into a buffer of {@code cap} bytes. If that is too small, the host
     * cuts the name on a character boundary and NUL-terminates it, and the guest retries.
     *
     * @throws IllegalArgumentException if {@code cap} is not within 0..{@value #MAX_CAP}
     */
    public static Exchange name(WasmHost host, int entity, int cap) {
        return new Driver(host, ExchangeKind.NAME, entity).run(checkCap(cap));
    }

    /** The children of {@code parent}, into room for as many ids as the host asked for. */
    public static Exchange children(WasmHost host, int parent) {
        return new Driver(host, ExchangeKind.CHILDREN, parent).run(-1);
    }

    /**
     * The children of {@code parent}, into room for {@code cap} ids. If that is too few, the host
     * writes nothing and answers the count, and the guest retries.
     *
     * @throws IllegalArgumentException if {@code cap} is not within 0..{@value #MAX_CAP}
     */
    public static Exchange children(WasmHost host, int parent, int cap) {
        return new Driver(host, ExchangeKind.CHILDREN, parent).run(checkCap(cap));
    }

    private static int checkCap(int cap) {
        if (cap < 0 || cap > MAX_CAP) {
            throw new IllegalArgumentException("cap must be within 0.." + MAX_CAP + " (bytes for a name, ids for a list), got " + cap);
        }
        return cap;
    }

    /** What was fetched, e.g. {@code the name of entity 1}. */
    public String subject() {
        return subject;
    }

    /** The steps in order; step {@code n} is at index {@code n - 1}. */
    public List<ExchangeStep> steps() {
        return steps;
    }

    /** Step {@code number}, counting from 1. */
    public ExchangeStep step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new IllegalArgumentException("this exchange has steps 1.." + steps.size() + ", not " + number);
        }
        return steps.get(number - 1);
    }

    /** What the guest ended up with, e.g. {@code "Bob"}, {@code [2, 3, 4]} or {@code no name (NOT_FOUND (6))}. */
    public String result() {
        return result;
    }

    /**
     * One row per step: step, the guest's call, the buffer's first bytes before and after, the host's
     * answer. It fits a terminal of 120 columns; {@link #toString()} and {@link ExchangeStep#bytes()}
     * show more.
     */
    @Override
    public Table table() {
        IntColumn number = IntColumn.create("step");
        StringColumn guest = StringColumn.create("the guest calls");
        StringColumn before = StringColumn.create("before");
        StringColumn after = StringColumn.create("after");
        StringColumn answer = StringColumn.create("host answers");
        for (ExchangeStep step : steps) {
            number.append(step.number());
            guest.append(Cells.clip(step.guest(), Cells.MAX_TEXT));
            before.append(Cells.bytes(step.before(), 4)); // one id, or a short name: the table stays narrow
            after.append(step.crossing().isPresent() ? Cells.bytes(step.after(), 4) : "");
            answer.append(step.crossing().map(c -> c.result() + ", " + (c.error() == null ? "" : c.error().name()))
                    .orElse(""));
        }
        return Table.create("Two-call exchange: " + subject, number, guest, before, after, answer);
    }

    /** A walk-through: one block per step, then what the guest got and what was freed. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Two-call exchange: ").append(subject).append('\n');
        steps.forEach(step -> out.append(step).append('\n'));
        out.append("result: ").append(result);
        if (buffersFreed > 0) {
            out.append("; ").append(buffersFreed).append(buffersFreed == 1 ? " buffer" : " buffers")
                    .append(" freed with guest_free");
        }
        return out.toString();
    }

    /** Drives one exchange through the plugin's exports, collecting steps. */
    private static final class Driver {
        private final WasmHost host;
        private final ExchangeKind kind;
        private final int id;
        private final List<ExchangeStep> steps = new ArrayList<>();
        private final List<int[]> allocations = new ArrayList<>(); // {address, bytes}, for guest_free
        private AbiTrace trace;

        Driver(WasmHost host, ExchangeKind kind, int id) {
            this.host = Objects.requireNonNull(host, "host");
            this.kind = kind;
            this.id = id;
        }

        /** Runs the exchange; {@code cap} is the room the guest allocates, or -1 for what call 1 asked. */
        Exchange run(int cap) {
            AbiTrace earlier = host.api().trace();
            trace = host.api().startTrace();
            String result;
            try {
                result = steps(cap);
            } finally {
                host.api().continueTrace(earlier);
                for (int[] allocation : allocations) {
                    host.call("guest_free", allocation[0], allocation[1]);
                }
            }
            return new Exchange(kind.subject(ArgKind.ENTITY.format(id)), steps, result, allocations.size());
        }

        private String steps(int cap) {
            String entity = ArgKind.ENTITY.format(id);
            Crossing query = crossingOf(kind.sizeExport, id);
            int needed = Integer.parseUnsignedInt(query.result());
            steps.add(new ExchangeStep(1, "size query", kind.function + "(" + entity + ", NULL, 0)", 0,
                    new byte[0], new byte[0], Optional.of(query), kind.sizeNote(needed)));
            if (needed == 0) {
                return kind.nothing(query.error());
            }
            int room = cap < 0 ? needed : cap;
            Crossing copy = allocateAndCopy(room, needed, "allocation", "copy");
            int answered = Integer.parseUnsignedInt(copy.result());
            if (answered <= room) {
                return kind.decode(lastStep().after(), answered);
            }
            Crossing retry = allocateAndCopy(answered, answered, "new allocation", "copy again");
            int written = Integer.parseUnsignedInt(retry.result());
            return written <= answered ? kind.decode(lastStep().after(), written)
                    : "still too small after one retry (" + retry.error() + "): it grew between the calls";
        }

        private ExchangeStep lastStep() {
            return steps.get(steps.size() - 1);
        }

        /** The guest allocates room for {@code room} elements, then makes call 2 into it. */
        private Crossing allocateAndCopy(int room, int needed, String allocTitle, String copyTitle) {
            int bytes = room * kind.elementSize;
            int address = host.callInt("guest_alloc", bytes);
            allocations.add(new int[] {address, bytes});
            // A fresh heap buffer often holds zeros, and a NUL written over a zero would not show as a
            // change: the workbench fills the buffer with a pattern first, so every byte call 2 writes does.
            byte[] there = new byte[bytes];
            Arrays.fill(there, FILL);
            host.memory().write(address, there);
            steps.add(new ExchangeStep(steps.size() + 1, allocTitle, "guest_alloc(" + bytes + ") = " + HexDump.hex(
                    Integer.toUnsignedLong(address)), address, there, there, Optional.empty(),
                    kind.allocationNote(bytes, room, needed)));

            Crossing copy = crossingOf(kind.intoExport, id, address, room);
            byte[] after = host.memory().read(address, bytes);
            int answered = Integer.parseUnsignedInt(copy.result());
            steps.add(new ExchangeStep(steps.size() + 1, copyTitle, kind.function + "(" + ArgKind.ENTITY.format(id)
                    + ", " + HexDump.hex(Integer.toUnsignedLong(address)) + ", " + room + ")", address, there, after,
                    Optional.of(copy), kind.copyNote(after, answered, room)));
            return copy;
        }

        /** Calls a step export and returns the one ABI crossing it made. */
        private Crossing crossingOf(String export, int... args) {
            int seen = trace.crossings().size();
            host.callInt(export, args);
            List<Crossing> made = trace.crossings().subList(seen, trace.crossings().size());
            if (made.size() != 1 || !made.get(0).function().equals(kind.function)) {
                throw new WorkbenchException(export + " should make one " + kind.function + " call; it made " + made);
            }
            return made.get(0); // a trap never gets here: callInt has thrown it as a PluginTrap
        }
    }
}
