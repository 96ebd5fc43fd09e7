package dev.ecswasm.abi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A record of every crossing of the ABI: which function, with which arguments, what it returned,
 * the last error it left, and every guest byte it read or wrote (writes with the bytes before and
 * after). Opt-in, from {@link HostImports#startTrace()}.
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

    /** One row per crossing: seq, function, args, result, error, memory traffic. */
    public Table table() {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn args = StringColumn.create("args");
        StringColumn result = StringColumn.create("result");
        StringColumn error = StringColumn.create("last error");
        StringColumn memory = StringColumn.create("memory");
        for (Crossing c : crossings) {
            seq.append(c.seq());
            function.append(c.function());
            args.append(String.join(", ", c.args()));
            result.append(c.trap().isEmpty() ? c.result() : "TRAP: " + c.trap());
            error.append(c.error() == null ? "" : c.error().name());
            List<String> traffic = new ArrayList<>();
            for (MemoryEvent e : c.memory()) {
                traffic.add(e.access().name().toLowerCase() + " " + GuestAccess.hex(e.address()) + " +" + e.length());
            }
            memory.append(String.join("; ", traffic));
        }
        return Table.create("ABI crossings", seq, function, args, result, error, memory);
    }

    /** One row per memory access: seq, function, access, address, length, bytes before/after, text. */
    public Table memoryTable() {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn access = StringColumn.create("access");
        StringColumn address = StringColumn.create("address");
        IntColumn length = IntColumn.create("length");
        StringColumn before = StringColumn.create("before");
        StringColumn after = StringColumn.create("after");
        StringColumn text = StringColumn.create("as text");
        for (Crossing c : crossings) {
            for (MemoryEvent e : c.memory()) {
                seq.append(c.seq());
                function.append(c.function());
                access.append(e.access().name().toLowerCase());
                address.append(GuestAccess.hex(e.address()));
                length.append(e.length());
                before.append(e.access() == Access.WRITE ? HexDump.hexBytes(e.before()) : "");
                after.append(HexDump.hexBytes(e.after()));
                text.append(printable(e.after()));
            }
        }
        return Table.create("Guest memory traffic", seq, function, access, address, length, before, after, text);
    }

    Crossing begin(AbiFunction fn, long[] args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            AbiFunction.Param p = fn.params().get(i);
            shown.add(p.name() + "=" + p.kind().format((int) args[i]));
        }
        return new Crossing(crossings.size() + 1, fn.name(), List.copyOf(shown), "", null, "", new ArrayList<>());
    }

    void end(Crossing c, String result, ErrorCode error, String trap) {
        crossings.add(new Crossing(c.seq(), c.function(), c.args(), result, error, trap, List.copyOf(c.memory())));
    }

    private static String printable(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.appendCodePoint(cp == 0 ? '\u2400' : Character.isISOControl(cp) ? '.' : cp));
        return out.toString();
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
