package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrace.Access;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrace.MemoryEvent;
import dev.ecswasm.abi.ApiFunction;
import dev.ecswasm.abi.ApiFunctions;
import dev.ecswasm.abi.ArgKind;
import dev.ecswasm.abi.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ABI trace as a text file a person can read and edit, and {@link Replay} can run. One crossing a
 * line, its guest memory traffic on the indented lines under it:
 * <pre>
 * #3 host_get_name(entity=0, buf=0x00100020, cap=6) = 6, OK, memory 1114112
 *   write 0x00100020 41 6C 69 63 65 00 was 00 00 00 00 00 00
 * #4 host_add_name(entity=0, ptr=0xFFFFFFF0, len=64) trapped, memory 1114112: ptr [0xFFFFFFF0, +64) runs past ...
 * </pre>
 * Values are as the trace prints them (pointers in hex, {@code NULL} for the null entity, the rest
 * unsigned decimal); {@code memory} is the guest memory's size in bytes. A read lists the bytes the
 * host read (a replay puts them back), a write the bytes written and, after {@code was}, the bytes
 * they replaced. Lines starting with {@code # } and blank lines are comments.
 */
public final class TraceFile {
    static final String HEADER = "# ABI trace, one crossing a line: #seq function(args) = result, last error, "
            + "memory size; then its reads and writes (bytes in hex)";

    private static final Pattern CROSSING = Pattern.compile(
            "#(\\d+) (\\w+)\\(([^)]*)\\) (?:= (\\S+), (\\w+)|trapped), memory (\\d+)(?:: (.*))?");
    private static final Pattern EVENT = Pattern.compile(
            " {2}(read|write) 0x([0-9A-Fa-f]{8})((?: [0-9A-Fa-f]{2})*)(?: was((?: [0-9A-Fa-f]{2})*))?");

    private TraceFile() {}

    /** Writes every crossing of the trace to the file, replacing it. */
    public static void write(AbiTrace trace, Path file) {
        write(trace.crossings(), file);
    }

    /** Writes the crossings to the file, replacing it. */
    public static void write(List<Crossing> crossings, Path file) {
        try {
            Files.writeString(file, format(crossings), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace file " + file, e);
        }
    }

    /** The crossings as the file holds them. */
    public static String format(List<Crossing> crossings) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Crossing c : crossings) {
            out.append('#').append(c.seq()).append(' ').append(c.function())
                    .append('(').append(String.join(", ", c.args())).append(')');
            if (c.trap().isEmpty()) {
                out.append(" = ").append(value(resultKind(c.function()), c.resultValue()))
                        .append(", ").append(c.error() == null ? "none" : c.error().name());
            } else {
                out.append(" trapped");
            }
            out.append(", memory ").append(c.memorySize());
            out.append(c.trap().isEmpty() ? "" : ": " + escape(c.trap())).append('\n');
            for (MemoryEvent event : c.memory()) {
                out.append("  ").append(event.access() == Access.READ ? "read" : "write").append(' ')
                        .append(HexDump.hex(event.address())).append(bytes(event.after()));
                if (event.access() == Access.WRITE) {
                    out.append(" was").append(bytes(event.before()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Reads a trace file back into crossings. */
    public static List<Crossing> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace file " + file, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads the text of a trace file; {@code origin} names it in errors.
     *
     * @throws TraceFileException naming the first line that is not a crossing, a memory event or a comment
     */
    public static List<Crossing> parse(String text, String origin) {
        List<Crossing> crossings = new ArrayList<>();
        Crossing open = null; // the crossing whose memory events follow
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("# ")) {
                continue;
            }
            Matcher crossing = CROSSING.matcher(line);
            Matcher event = EVENT.matcher(line);
            if (crossing.matches()) {
                open = crossing(crossing, origin, number);
                crossings.add(open);
            } else if (event.matches()) {
                if (open == null) {
                    throw new TraceFileException(origin, number, "a memory event before any crossing");
                }
                open.memory().add(event(event, origin, number));
            } else {
                throw new TraceFileException(origin, number, "expected a crossing such as "
                        + "\"#1 host_create_entity() = 0, OK, memory 65536\" or a memory event such as "
                        + "\"  read 0x00001000 41 42\", found \"" + Cells.clip(line, Cells.MAX_TEXT) + "\"");
            }
        }
        List<Crossing> frozen = new ArrayList<>(crossings.size());
        for (Crossing c : crossings) {
            frozen.add(new Crossing(c.seq(), c.function(), c.args(), c.result(), c.error(), c.trap(),
                    List.copyOf(c.memory()), c.argValues(), c.resultValue(), c.memorySize()));
        }
        return List.copyOf(frozen);
    }

    private static Crossing crossing(Matcher m, String origin, int line) {
        String name = m.group(2);
        ApiFunction function = ApiFunctions.find(name)
                .orElseThrow(() -> new TraceFileException(origin, line, "no ABI function named " + name));
        String[] parts = m.group(3).isEmpty() ? new String[0] : m.group(3).split(", ", -1);
        if (parts.length != function.params().size()) {
            throw new TraceFileException(origin, line, name + " takes " + function.params().size()
                    + " arguments, the line has " + parts.length);
        }
        int[] values = new int[parts.length];
        List<String> args = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            ApiFunction.Param param = function.params().get(i);
            String prefix = param.name() + "=";
            if (!parts[i].startsWith(prefix)) {
                throw new TraceFileException(origin, line, "argument " + (i + 1) + " of " + name + " is "
                        + param.name() + ", the line has \"" + parts[i] + "\"");
            }
            values[i] = number(parts[i].substring(prefix.length()), origin, line);
            args.add(prefix + param.kind().format(values[i]));
        }
        boolean trapped = m.group(4) == null;
        if (trapped == (m.group(7) == null)) {
            throw new TraceFileException(origin, line, trapped ? "a trapped crossing needs its message after \": \""
                    : "only a trapped crossing has a message after the memory size");
        }
        int result = trapped ? 0 : number(m.group(4), origin, line);
        ErrorCode error = trapped || m.group(5).equals("none") ? null : errorCode(m.group(5), origin, line);
        long memorySize = parseLong(m.group(6), origin, line, "memory size");
        return new Crossing(Integer.parseInt(m.group(1)), name, List.copyOf(args),
                trapped ? "" : function.result().format(result), error, trapped ? unescape(m.group(7)) : "",
                new ArrayList<>(), values, result, memorySize);
    }

    private static MemoryEvent event(Matcher m, String origin, int line) {
        Access access = m.group(1).equals("read") ? Access.READ : Access.WRITE;
        long address = Long.parseLong(m.group(2), 16);
        byte[] bytes = hexBytes(m.group(3));
        if (access == Access.READ) {
            if (m.group(4) != null) {
                throw new TraceFileException(origin, line, "a read has no \"was\" bytes");
            }
            return new MemoryEvent(access, address, bytes, bytes);
        }
        if (m.group(4) == null) {
            throw new TraceFileException(origin, line, "a write needs the bytes it replaced after \"was\"");
        }
        byte[] before = hexBytes(m.group(4));
        if (before.length != bytes.length) {
            throw new TraceFileException(origin, line, "a write of " + bytes.length + " bytes replaced "
                    + before.length);
        }
        return new MemoryEvent(access, address, before, bytes);
    }

    /** How a result is written: raw for void and error-code results, as the trace prints it otherwise. */
    private static String value(ArgKind kind, int value) {
        return kind == ArgKind.VOID || kind == ArgKind.ERROR_CODE ? Integer.toUnsignedString(value) : kind.format(value);
    }

    private static ArgKind resultKind(String function) {
        return ApiFunctions.find(function).map(ApiFunction::result).orElse(ArgKind.SIZE);
    }

    /** {@code NULL}, {@code 0x...} or an unsigned decimal, as an {@code i32}. */
    private static int number(String text, String origin, int line) {
        if (text.equals("NULL")) {
            return -1;
        }
        boolean hex = text.startsWith("0x");
        try {
            long value = hex ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            if (value < 0 || value > 0xFFFF_FFFFL || text.startsWith("+")) {
                throw new NumberFormatException();
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new TraceFileException(origin, line, "\"" + text + "\" is not an i32 (NULL, 0x hex or unsigned decimal)");
        }
    }

    private static long parseLong(String text, String origin, int line, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TraceFileException(origin, line, "\"" + text + "\" is not a " + what);
        }
    }

    private static ErrorCode errorCode(String name, String origin, int line) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new TraceFileException(origin, line, "no error code named " + name);
        }
    }

    private static String bytes(byte[] bytes) {
        return bytes.length == 0 ? "" : " " + HexDump.hexBytes(bytes);
    }

    private static byte[] hexBytes(String text) {
        String[] pairs = text.trim().isEmpty() ? new String[0] : text.trim().split(" ");
        byte[] bytes = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return bytes;
    }

    /** A trap message stays on its line. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
