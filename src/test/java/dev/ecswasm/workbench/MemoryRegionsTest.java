package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecswasm.workbench.MemoryMap.Kind;
import dev.ecswasm.workbench.MemoryMap.Region;
import dev.ecswasm.workbench.MemoryRegions.Globals;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The two layouts wasm-ld makes, and globals that fit neither, worked out from numbers alone. */
class MemoryRegionsTest {
    private static final OptionalLong NONE = OptionalLong.empty();

    private static OptionalLong of(long value) {
        return OptionalLong.of(value);
    }

    private static List<Kind> kinds(List<Region> regions) {
        return regions.stream().map(Region::kind).toList();
    }

    @Test
    void dataFirstAsClangLaysItOutPutsTheStackBetweenDataAndHeap() {
        // clang's defaults: __global_base 1024, data to 3000, stack of 8 KiB growing down from 11200
        Globals g = new Globals(of(11_200), of(11_000), of(1024), of(3000), of(11_200));
        List<Region> regions = MemoryRegions.of(65_536, g);
        assertEquals(List.of(Kind.GAP, Kind.STATIC_DATA, Kind.STACK, Kind.HEAP), kinds(regions));
        assertEquals(new Region(Kind.STACK, 3000, 11_200,
                "shadow stack, grows down; SP 0x00002AF8, 200 bytes in use"), regions.get(2));
        assertEquals(new Region(Kind.GAP, 0, 1024, "unused, below __global_base"), regions.get(0));
    }

    @Test
    void stackFirstWithAnExportedGlobalBaseShowsTheGapAfterTheStack() {
        Globals g = new Globals(of(4096), of(4096), of(5000), of(6000), of(6000));
        assertEquals(List.of(Kind.STACK, Kind.GAP, Kind.STATIC_DATA, Kind.HEAP), kinds(MemoryRegions.of(65_536, g)));
    }

    @Test
    void globalsOutOfOrderGiveOneUnknownRegion() {
        Globals g = new Globals(of(4096), of(4096), NONE, of(6000), of(5000)); // heap base below data end
        assertEquals(List.of(new Region(Kind.UNKNOWN, 0, 65_536, "__data_end, __heap_base and the stack pointer are"
                + " not in an order this map knows; stack pointer 0x00001000")), MemoryRegions.of(65_536, g));
    }

    @Test
    void aHeapBasePastTheEndOfMemoryIsOutOfOrderToo() {
        Globals g = new Globals(of(4096), of(4096), NONE, of(6000), of(70_000));
        assertEquals(List.of(Kind.UNKNOWN), kinds(MemoryRegions.of(65_536, g)));
    }

    @Test
    void onlyOneMissingGlobalIsNamed() {
        Globals g = new Globals(NONE, NONE, NONE, of(6000), NONE);
        assertEquals("the module exports no __heap_base, so its layout cannot be worked out; it has no"
                + " stack-pointer global", MemoryRegions.of(65_536, g).get(0).note());
    }

    @Test
    void noMemoryHasNoRegions() {
        assertEquals(List.of(), MemoryRegions.of(0, new Globals(NONE, NONE, NONE, NONE, NONE)));
    }
}
