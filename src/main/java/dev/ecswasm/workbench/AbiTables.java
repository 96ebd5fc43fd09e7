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

    /** One row per crossing: seq, function, args, result, error, memory traffic. */
    public static Table crossings(AbiTrace trace) {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn args = StringColumn.create("args");
        StringColumn result = StringColumn.create("result");
        StringColumn error = StringColumn.create("last error");
        StringColumn memory = StringColumn.create("memory");
        for (Crossing c : trace.crossings()) {
            seq.append(c.seq());
            function.append(c.function());
            args.append(String.join(", ", c.args()));
            result.append(c.trap().isEmpty() ? c.result() : "TRAP: " + c.trap());
            error.append(c.error() == null ? "" : c.error().name());
            List<String> traffic = new ArrayList<>();
            for (MemoryEvent e : c.memory()) {
                traffic.add(e.access().name().toLowerCase() + " " + HexDump.hex(e.address()) + " +" + e.length());
            }
            memory.append(String.join("; ", traffic));
        }
        return Table.create("ABI crossings", seq, function, args, result, error, memory);
    }

    /** One row per memory access: seq, function, access, address, length, bytes before/after, text. */
    public static Table memoryTraffic(AbiTrace trace) {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn access = StringColumn.create("access");
        StringColumn address = StringColumn.create("address");
        IntColumn length = IntColumn.create("length");
        StringColumn before = StringColumn.create("before");
        StringColumn after = StringColumn.create("after");
        StringColumn text = StringColumn.create("as text");
        for (Crossing c : trace.crossings()) {
            for (MemoryEvent e : c.memory()) {
                seq.append(c.seq());
                function.append(c.function());
                access.append(e.access().name().toLowerCase());
                address.append(HexDump.hex(e.address()));
                length.append(e.length());
                before.append(e.access() == AbiTrace.Access.WRITE ? HexDump.hexBytes(e.before()) : "");
                after.append(HexDump.hexBytes(e.after()));
                text.append(printable(e.after()));
            }
        }
        return Table.create("Guest memory traffic", seq, function, access, address, length, before, after, text);
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
