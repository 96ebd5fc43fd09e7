package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrace.MemoryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The guest bytes one ABI call wrote, before and after, side by side:
 * <pre>
 * #3 host_get_name(entity=1, buf=0x00011010, cap=4) = 4, OK (0): wrote 4 bytes, 4 changed
 *   address     offset  before                    after                     text
 *   0x00011010  +0      00 00 00 00             | 42 6F 62 00             | Bob.
 *                                                 ^^ ^^ ^^ ^^
 * </pre>
 * A {@code ^^} marks each byte the call changed (a write may rewrite a byte with the value it had).
 * Each written run shows at most {@value #MAX_BYTES_SHOWN} bytes; the trace keeps them all.
 */
public final class BytesBeforeAfter {
    static final int PER_LINE = 8;
    static final int MAX_BYTES_SHOWN = 64;

    /** One run of guest bytes: where it starts, and its bytes before and after. */
    public record Run(long address, byte[] before, byte[] after) {
        public Run {
            if (before.length != after.length) {
                throw new IllegalArgumentException("before has " + before.length + " bytes, after has " + after.length);
            }
            before = before.clone();
            after = after.clone();
        }

        @Override
        public byte[] before() {
            return before.clone();
        }

        @Override
        public byte[] after() {
            return after.clone();
        }

        /** Equal when the address and the bytes are. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Run r && address == r.address && Arrays.equals(before, r.before)
                    && Arrays.equals(after, r.after);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Long.hashCode(address) + Arrays.hashCode(before)) + Arrays.hashCode(after);
        }

        public int length() {
            return after.length;
        }

        /** How many bytes differ between before and after. */
        public int changed() {
            int n = 0;
            for (int i = 0; i < after.length; i++) {
                n += before[i] != after[i] ? 1 : 0;
            }
            return n;
        }

        /** E.g. {@code 0x00011010 +4, 4 changed}. */
        @Override
        public String toString() {
            return HexDump.hex(address) + " +" + length() + ", " + changed() + " changed";
        }
    }

    private final String title;
    private final List<Run> runs;

    private BytesBeforeAfter(String title, List<Run> runs) {
        this.title = title;
        this.runs = List.copyOf(runs);
    }

    /** The bytes each write of one traced ABI call touched; none if it wrote nothing. */
    public static BytesBeforeAfter of(Crossing crossing) {
        Objects.requireNonNull(crossing, "crossing");
        List<Run> runs = new ArrayList<>();
        for (MemoryEvent event : crossing.memory()) {
            if (event.access() == AbiTrace.Access.WRITE) {
                runs.add(new Run(event.address(), event.before(), event.after()));
            }
        }
        String call = crossing.toString();
        int memory = call.indexOf(", write ");
        String head = memory < 0 ? call : call.substring(0, memory); // the runs below say what was written
        return new BytesBeforeAfter(head, runs);
    }

    /** One run of bytes read before and after something happened, e.g. a buffer around a guest step. */
    public static BytesBeforeAfter of(String title, long address, byte[] before, byte[] after) {
        return new BytesBeforeAfter(Objects.requireNonNull(title, "title"), List.of(new Run(address, before, after)));
    }

    /** The runs, in the order they were written. */
    public List<Run> runs() {
        return runs;
    }

    /** Bytes written (or compared) in all runs. */
    public int bytesWritten() {
        return runs.stream().mapToInt(Run::length).sum();
    }

    /** Bytes whose value differs between before and after. */
    public int bytesChanged() {
        return runs.stream().mapToInt(Run::changed).sum();
    }

    /** One row per byte: address, offset in its run, before, after, changed ({@code *}), as a character. */
    public Table table() {
        StringColumn address = StringColumn.create("address");
        IntColumn offset = IntColumn.create("offset");
        StringColumn before = StringColumn.create("before");
        StringColumn after = StringColumn.create("after");
        StringColumn changed = StringColumn.create("changed");
        StringColumn text = StringColumn.create("text");
        for (Run run : runs) {
            int shown = Math.min(run.length(), MAX_BYTES_SHOWN);
            for (int i = 0; i < shown; i++) {
                address.append(HexDump.hex(run.address() + i));
                offset.append(i);
                before.append(String.format("%02X", run.before[i]));
                after.append(String.format("%02X", run.after[i]));
                changed.append(run.before[i] != run.after[i] ? "*" : "");
                text.append(String.valueOf(ascii(run.after[i])));
            }
            if (shown < run.length()) {
                address.append("\u2026 +" + (run.length() - shown) + " bytes");
                offset.appendMissing();
                before.append("");
                after.append("");
                changed.append("");
                text.append("");
            }
        }
        return Table.create(Cells.clip(title, 2 * Cells.MAX_TEXT), address, offset, before, after, changed, text);
    }

    /** The call, then each run as aligned lines of eight bytes: address, offset, before | after | text. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(title).append(": ");
        if (runs.isEmpty()) {
            return out.append("wrote nothing").toString();
        }
        out.append(runs.size() == 1 ? "" : runs.size() + " runs, ").append(bytesWritten())
                .append(bytesWritten() == 1 ? " byte, " : " bytes, ").append(bytesChanged()).append(" changed\n");
        out.append(String.format("  %-10s  %-6s  %-23s   %-23s   %s%n", "address", "offset", "before", "after", "text"));
        for (Run run : runs) {
            int shown = Math.min(run.length(), MAX_BYTES_SHOWN);
            for (int line = 0; line < shown; line += PER_LINE) {
                int end = Math.min(line + PER_LINE, shown);
                byte[] before = Arrays.copyOfRange(run.before, line, end);
                byte[] after = Arrays.copyOfRange(run.after, line, end);
                out.append(String.format("  %-10s  %-6s  %-23s | %-23s | %s%n", HexDump.hex(run.address() + line),
                        "+" + line, HexDump.hexBytes(before), HexDump.hexBytes(after), ascii(after)));
                String marks = marks(before, after);
                if (!marks.isBlank()) {
                    out.append(" ".repeat(48)).append(marks.stripTrailing()).append('\n');
                }
            }
            if (shown < run.length()) {
                out.append("  \u2026 ").append(run.length() - shown).append(" more bytes (the trace keeps them all)\n");
            }
        }
        return out.toString().stripTrailing();
    }

    /** {@code ^^} under each changed byte, blanks under the others. */
    private static String marks(byte[] before, byte[] after) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < after.length; i++) {
            out.append(i == 0 ? "" : " ").append(before[i] != after[i] ? "^^" : "  ");
        }
        return out.toString();
    }

    /** The bytes as a hex dump's text column: printable ASCII as itself, everything else a dot. */
    static String ascii(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(ascii(b));
        }
        return out.toString();
    }

    private static char ascii(byte b) {
        int c = b & 0xFF;
        return c >= 0x20 && c < 0x7F ? (char) c : '.';
    }
}
