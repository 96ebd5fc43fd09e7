package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrace.MemoryEvent;
import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.PodLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The ABI as Tablesaw tables: a trace's crossings and memory traffic, the error codes, a data layout. */
public final class AbiTables {
    private AbiTables() {}

    /** One row per crossing: seq, function, args, result, error, memory traffic; long cells are clipped. */
    public static Table crossings(AbiTrace trace) {
        return crossings(trace, 0);
    }

    /** The crossings from the {@code from}-th on (0 is the first): what one guest call just did. */
    public static Table crossings(AbiTrace trace, int from) {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn args = StringColumn.create("args");
        StringColumn result = StringColumn.create("result");
        StringColumn error = StringColumn.create("last error");
        StringColumn memory = StringColumn.create("memory");
        List<Crossing> all = trace.crossings();
        for (Crossing c : all.subList(Math.min(Math.max(from, 0), all.size()), all.size())) {
            seq.append(c.seq());
            function.append(c.function());
            args.append(Cells.clip(String.join(", ", c.args()), Cells.MAX_TEXT));
            result.append(c.trap().isEmpty() ? c.result() : Cells.clip("TRAP: " + c.trap(), Cells.MAX_TEXT));
            error.append(c.error() == null ? "" : c.error().name());
            List<String> traffic = new ArrayList<>();
            for (MemoryEvent e : c.memory()) {
                traffic.add(e.toString());
            }
            memory.append(Cells.clip(String.join("; ", traffic), Cells.MAX_TEXT));
        }
        return Table.create("ABI crossings", seq, function, args, result, error, memory);
    }

    /**
     * One row per memory access: seq, function, access ({@code write 0x00002000 +6}), bytes before
     * and after, the bytes as text. Long runs of bytes are clipped; the trace keeps them whole.
     */
    public static Table memoryTraffic(AbiTrace trace) {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn access = StringColumn.create("access");
        StringColumn before = StringColumn.create("before");
        StringColumn after = StringColumn.create("after");
        StringColumn text = StringColumn.create("as text");
        for (Crossing c : trace.crossings()) {
            for (MemoryEvent e : c.memory()) {
                seq.append(c.seq());
                function.append(c.function());
                access.append(e.toString());
                before.append(e.access() == AbiTrace.Access.WRITE ? Cells.bytes(e.before()) : "");
                after.append(Cells.bytes(e.after()));
                text.append(Cells.clip(printable(e.after()), Cells.MAX_BYTES + 2));
            }
        }
        return Table.create("Guest memory traffic", seq, function, access, before, after, text);
    }

    /** The codes {@code host_last_error()} returns: code, name, meaning. */
    public static Table errorCodes() {
        IntColumn code = IntColumn.create("code");
        StringColumn name = StringColumn.create("name");
        StringColumn meaning = StringColumn.create("meaning");
        for (ErrorCode error : ErrorCode.values()) {
            code.append(error.code());
            name.append("ENTT_" + error.name());
            meaning.append(error.meaning());
        }
        return Table.create("host_last_error() codes", code, name, meaning);
    }

    /** A data contract's layout: field, offset, size, type. */
    public static Table layout(PodLayout<?> layout) {
        StringColumn field = StringColumn.create("field");
        IntColumn offset = IntColumn.create("offset");
        IntColumn size = IntColumn.create("size");
        StringColumn cType = StringColumn.create("type");
        for (PodLayout.Field f : layout.fields()) {
            field.append(f.name());
            offset.append(f.offset());
            size.append(f.size());
            cType.append(f.cType());
        }
        return Table.create(layout.name() + " (type id " + layout.typeId() + ", " + layout.size()
                + " bytes, little-endian)", field, offset, size, cType);
    }

    /** The bytes as UTF-8 text, NUL shown as ␀ and other control characters as dots. */
    private static String printable(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.appendCodePoint(cp == 0 ? '\u2400' : Character.isISOControl(cp) ? '.' : cp));
        return out.toString();
    }
}
