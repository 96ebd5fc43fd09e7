package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.host.WasmHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A map of a guest's linear memory: its regions (shadow stack, static data, heap) worked out from
 * the module's own globals, and the buffers recent ABI calls wrote, marked on it.
 *
 * <p>For the bundled Rust plugin (rustc's wasm32 layout, stack first) the map reads: the stack
 * {@code [0, initial SP)} growing down, static data up to {@code __data_end}, a few bytes of
 * padding, and the heap from {@code __heap_base} to the end of memory. A module that exports no
 * {@code __data_end} or {@code __heap_base} gets one {@code unknown} region saying so.
 *
 * @param module where the module came from
 * @param memorySize the memory's size in bytes, now
 * @param stackPointer the stack pointer now; empty if the module has none
 * @param regions the regions in address order, covering the whole memory
 * @param buffers the most recent guest bytes the ABI wrote (at most {@value #MAX_BUFFERS}), oldest first
 */
public record MemoryMap(String module, long memorySize, OptionalLong stackPointer, List<Region> regions,
                        List<Buffer> buffers) implements Showable {
    /** How many of a trace's writes are marked: the most recent ones. */
    public static final int MAX_BUFFERS = 16;
    private static final long PAGE = 65_536;
    private static final int NOTE_WIDTH = 58; // with the other columns, under 120 wide

    /** What a region of memory holds. */
    public enum Kind {
        STACK("stack"), STATIC_DATA("static data"), GAP("gap"), HEAP("heap"), UNKNOWN("unknown");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the region is named in tables and pictures, e.g. {@code static data}. */
        public String label() {
            return label;
        }
    }

    /** One region, {@code [start, end)}, with a note on what it holds. */
    public record Region(Kind kind, long start, long end, String note) {
        public long size() {
            return end - start;
        }

        /** Whether {@code address} lies inside. */
        public boolean contains(long address) {
            return address >= start && address < end;
        }

        /** E.g. {@code heap [0x00103870, 0x00110000) 49.9 KiB: from __heap_base ...}. */
        @Override
        public String toString() {
            return kind.label() + " [" + HexDump.hex(start) + ", " + HexDump.hex(end) + ") " + bytes(size()) + ": " + note;
        }
    }

    /** Guest bytes one ABI call wrote: the call's number in the trace, its function, where, how many. */
    public record Buffer(int seq, String function, long address, int length, Kind region) {
        /** E.g. {@code #3 host_get_name wrote 4 bytes at 0x00110010 (heap)}. */
        @Override
        public String toString() {
            return "#" + seq + " " + function + " wrote " + bytes(length) + " at " + HexDump.hex(address)
                    + " (" + region.label() + ")";
        }
    }

    public MemoryMap {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(stackPointer, "stackPointer");
        regions = List.copyOf(regions);
        buffers = List.copyOf(buffers);
    }

    /** The map of a host's guest memory as it is now, with no buffers marked. */
    public static MemoryMap of(WasmHost host) {
        return of(host, new AbiTrace());
    }

    /** The map of a host's guest memory as it is now, with the most recent writes of {@code trace} marked. */
    public static MemoryMap of(WasmHost host, AbiTrace trace) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(trace, "trace (start one with host.api().startTrace())");
        long size = host.memory().size();
        MemoryRegions.Globals globals = new MemoryRegions.Globals(host.initialStackPointer(), host.stackPointer(),
                host.exportedGlobal("__global_base"), host.exportedGlobal("__data_end"),
                host.exportedGlobal("__heap_base"));
        List<Region> regions = MemoryRegions.of(size, globals);
        return new MemoryMap(host.module().origin(), size, globals.stackPointer(), regions, writes(trace, regions));
    }

    /** The region holding {@code address}; {@link Kind#UNKNOWN} if it lies outside memory. */
    public Kind regionAt(long address) {
        return kindAt(regions, address);
    }

    /** One row per region: region, start, end, size, note. */
    @Override
    public Table table() {
        StringColumn region = StringColumn.create("region");
        StringColumn start = StringColumn.create("start");
        StringColumn end = StringColumn.create("end");
        StringColumn size = StringColumn.create("size");
        StringColumn note = StringColumn.create("note");
        for (Region r : regions) {
            region.append(r.kind().label());
            start.append(HexDump.hex(r.start()));
            end.append(HexDump.hex(r.end()));
            size.append(bytes(r.size()));
            note.append(Cells.clip(r.note(), NOTE_WIDTH));
        }
        return Table.create("Guest memory of " + module + ": " + describeSize(), region, start, end, size, note);
    }

    /** One row per marked buffer: seq, function, address, length, region. */
    public Table buffersTable() {
        IntColumn seq = IntColumn.create("seq");
        StringColumn function = StringColumn.create("function");
        StringColumn address = StringColumn.create("address");
        IntColumn length = IntColumn.create("length");
        StringColumn region = StringColumn.create("region");
        for (Buffer b : buffers) {
            seq.append(b.seq());
            function.append(b.function());
            address.append(HexDump.hex(b.address()));
            length.append(b.length());
            region.append(b.region().label());
        }
        return Table.create("Buffers the ABI wrote (the latest " + MAX_BUFFERS + " at most)", seq, function,
                address, length, region);
    }

    /** A header line, one line per region, one per buffer. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("MemoryMap[").append(module).append(": ").append(describeSize())
                .append(", ").append(count(regions.size(), "region"))
                .append(", ").append(count(buffers.size(), "buffer")).append(']');
        regions.forEach(r -> out.append("\n  ").append(r));
        buffers.forEach(b -> out.append("\n  buffer ").append(b));
        return out.toString();
    }

    private String describeSize() {
        if (memorySize == 0) {
            return "no linear memory";
        }
        return bytes(memorySize) + (memorySize % PAGE == 0 ? " (" + count(memorySize / PAGE, "page") + ")" : "");
    }

    /** The trace's writes, the most recent {@value #MAX_BUFFERS}, each with the region it landed in. */
    private static List<Buffer> writes(AbiTrace trace, List<Region> regions) {
        List<Buffer> all = new ArrayList<>();
        for (AbiTrace.Crossing c : trace.crossings()) {
            for (AbiTrace.MemoryEvent e : c.memory()) {
                if (e.access() == AbiTrace.Access.WRITE) {
                    all.add(new Buffer(c.seq(), c.function(), e.address(), e.length(), kindAt(regions, e.address())));
                }
            }
        }
        return all.subList(Math.max(0, all.size() - MAX_BUFFERS), all.size());
    }

    private static Kind kindAt(List<Region> regions, long address) {
        return regions.stream().filter(r -> r.contains(address)).map(Region::kind).findFirst().orElse(Kind.UNKNOWN);
    }

    /** Bytes in words: {@code 12 bytes}, {@code 13.5 KiB}, {@code 1 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return count(bytes, "byte");
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? number(kib) + " KiB" : number(kib / 1024) + " MiB";
    }

    private static String number(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
