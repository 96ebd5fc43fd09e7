package dev.ecswasm.workbench;

import dev.ecswasm.workbench.MemoryMap.Kind;
import dev.ecswasm.workbench.MemoryMap.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Works out the regions of a guest's linear memory from the globals a wasm-ld module leaves: the
 * stack pointer's initial value, {@code __data_end}, {@code __heap_base} and, when exported,
 * {@code __global_base}. Two layouts are known: stack first (rustc's wasm32 default: stack
 * {@code [0, SP)}, then data, then heap) and data first (clang's default: data, stack, heap).
 */
final class MemoryRegions {
    private static final String DATA = "data segments: constants, strings, statics; to __data_end";

    private MemoryRegions() {}

    /** The globals the regions are worked out from; each is empty when the module does not have it. */
    record Globals(OptionalLong initialStackPointer, OptionalLong stackPointer, OptionalLong globalBase,
                   OptionalLong dataEnd, OptionalLong heapBase) {}

    /** The regions, in address order, covering {@code [0, memorySize)}; empty if there is no memory. */
    static List<Region> of(long memorySize, Globals g) {
        if (memorySize == 0) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (g.dataEnd().isEmpty()) {
            missing.add("__data_end");
        }
        if (g.heapBase().isEmpty()) {
            missing.add("__heap_base");
        }
        if (!missing.isEmpty()) {
            return unknown(memorySize, "the module exports no " + String.join(" and no ", missing)
                    + ", so its layout cannot be worked out" + stackNote(g));
        }
        List<Region> regions = new ArrayList<>();
        return layout(regions, memorySize, g) && contiguous(regions, memorySize) ? List.copyOf(regions)
                : unknown(memorySize, "__data_end, __heap_base and the stack pointer are not in an order this map knows"
                        + stackNote(g));
    }

    /** Adds the regions the globals describe; false if two of them are out of order. */
    private static boolean layout(List<Region> regions, long memorySize, Globals g) {
        long dataEnd = g.dataEnd().getAsLong();
        long heapBase = g.heapBase().getAsLong();
        boolean ordered = true;
        if (g.initialStackPointer().isPresent() && g.initialStackPointer().getAsLong() <= dataEnd) {
            long top = g.initialStackPointer().getAsLong();
            ordered &= add(regions, Kind.STACK, 0, top, stackUse(g, top));
            long dataStart = g.globalBase().orElse(top);
            ordered &= add(regions, Kind.GAP, top, dataStart, "unused, between the stack and __global_base");
            ordered &= add(regions, Kind.STATIC_DATA, dataStart, dataEnd, DATA);
        } else {
            long dataStart = g.globalBase().orElse(0);
            ordered &= add(regions, Kind.GAP, 0, dataStart, "unused, below __global_base");
            ordered &= add(regions, Kind.STATIC_DATA, dataStart, dataEnd, DATA);
            if (g.initialStackPointer().isPresent()) {
                long top = g.initialStackPointer().getAsLong();
                ordered &= add(regions, Kind.STACK, dataEnd, top, stackUse(g, top));
            }
        }
        long end = regions.isEmpty() ? 0 : regions.get(regions.size() - 1).end();
        ordered &= add(regions, Kind.GAP, end, heapBase, "alignment padding up to __heap_base");
        ordered &= add(regions, Kind.HEAP, heapBase, memorySize, "from __heap_base: the allocator's; memory.grow adds");
        return ordered;
    }

    /** Adds a region unless it is empty; false, adding nothing, if it would run backwards. */
    private static boolean add(List<Region> regions, Kind kind, long start, long end, String note) {
        if (start < end) {
            regions.add(new Region(kind, start, end, note));
        }
        return start <= end;
    }

    private static boolean contiguous(List<Region> regions, long memorySize) {
        long at = 0;
        for (Region r : regions) {
            if (r.start() != at) {
                return false;
            }
            at = r.end();
        }
        return at == memorySize;
    }

    private static List<Region> unknown(long memorySize, String note) {
        return List.of(new Region(Kind.UNKNOWN, 0, memorySize, note));
    }

    /** Where the stack pointer is and how much of the stack is in use (it grows down from {@code top}). */
    private static String stackUse(Globals g, long top) {
        String note = "shadow stack, grows down";
        if (g.stackPointer().isEmpty()) {
            return note;
        }
        long sp = g.stackPointer().getAsLong();
        if (sp > top) {
            return note + "; SP " + HexDump.hex(sp) + " is above its start";
        }
        return note + "; SP " + HexDump.hex(sp) + ", " + MemoryMap.bytes(top - sp) + " in use";
    }

    private static String stackNote(Globals g) {
        return g.stackPointer().isEmpty() ? "; it has no stack-pointer global"
                : "; stack pointer " + HexDump.hex(g.stackPointer().getAsLong());
    }
}
