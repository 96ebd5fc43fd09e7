package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.workbench.MemoryMap.Buffer;
import dev.ecswasm.workbench.MemoryMap.Kind;
import dev.ecswasm.workbench.MemoryMap.Region;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The map of guest memory, worked out from the bundled plugin's own globals, with its buffers marked. */
class MemoryMapTest {
    // wasm-objdump -x ecs_plugin.wasm: stack pointer init 1048576, __data_end 1063012, __heap_base 1063024
    private static final long STACK_TOP = 1_048_576;
    private static final long DATA_END = 1_063_012;
    private static final long HEAP_BASE = 1_063_024;

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theBundledPluginHasStackThenDataThenPaddingThenHeap(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            MemoryMap map = MemoryMap.of(host);
            long size = host.memory().size();
            assertEquals(List.of(
                    new Region(Kind.STACK, 0, STACK_TOP, "shadow stack, grows down;"
                            + " SP 0x00100000, 0 bytes in use"),
                    new Region(Kind.STATIC_DATA, STACK_TOP, DATA_END,
                            "data segments: constants, strings, statics; to __data_end"),
                    new Region(Kind.GAP, DATA_END, HEAP_BASE, "alignment padding up to __heap_base"),
                    new Region(Kind.HEAP, HEAP_BASE, size, "from __heap_base: the allocator's; memory.grow adds")),
                    map.regions());
            assertEquals(OptionalLong.of(STACK_TOP), map.stackPointer());
            assertEquals(List.of(), map.buffers());
            assertTrue(map.toString().startsWith("MemoryMap[bundled plugin ecs_plugin.wasm: "), map.toString());
            assertTrue(map.toString().contains("\n  stack [0x00000000, 0x00100000) 1 MiB: shadow stack"),
                    map.toString());
            assertTrue(map.toString().contains("\n  gap [0x00103864, 0x00103870) 12 bytes: alignment padding"),
                    map.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFetchedNameLandsInTheHeapAndIsMarked(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            int bob = host.callInt("step_create_named", host.putString("Bob"), 3);
            AbiTrace trace = host.api().startTrace();
            int address = host.callInt("step_fetch_name", bob);

            MemoryMap map = MemoryMap.of(host, trace);
            assertEquals(Kind.HEAP, map.regionAt(Integer.toUnsignedLong(address)));
            Buffer name = map.buffers().get(map.buffers().size() - 1);
            assertEquals("host_get_name", name.function());
            assertEquals(Integer.toUnsignedLong(address), name.address());
            assertEquals(4, name.length(), "Bob and its NUL");
            assertEquals(Kind.HEAP, name.region());
            assertEquals(String.format("#%d host_get_name wrote 4 bytes at 0x%08X (heap)", name.seq(), address),
                    name.toString());
            assertTrue(map.toString().endsWith("\n  buffer " + name), map.toString());

            Table buffers = map.buffersTable();
            int last = buffers.rowCount() - 1;
            assertEquals(String.format("0x%08X", address), buffers.stringColumn("address").get(last));
            assertEquals("heap", buffers.stringColumn("region").get(last));
            assertEquals(4, buffers.intColumn("length").get(last));
        }
    }

    @Test
    void theRegionTableHasOneRowPerRegion() {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).build()) {
            Table table = MemoryMap.of(host).table();
            assertEquals(List.of("region", "start", "end", "size", "note"), table.columnNames());
            assertEquals(List.of("stack", "static data", "gap", "heap"), table.stringColumn("region").asList());
            assertEquals("0x00103870", table.stringColumn("start").get(3));
            assertEquals("14.1 KiB", table.stringColumn("size").get(1));
        }
    }

    @Test
    void onlyTheMostRecentWritesAreMarked() {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).build()) {
            int bob = host.callInt("step_create_named", host.putString("Bob"), 3);
            AbiTrace trace = host.api().startTrace();
            for (int i = 0; i < MemoryMap.MAX_BUFFERS + 3; i++) {
                host.callInt("step_fetch_name", bob);
            }
            List<Buffer> buffers = MemoryMap.of(host, trace).buffers();
            assertEquals(MemoryMap.MAX_BUFFERS, buffers.size());
            int lastSeq = trace.crossings().get(trace.crossings().size() - 1).seq();
            assertEquals(lastSeq, buffers.get(buffers.size() - 1).seq());
        }
    }

    @Test
    void aModuleWithoutTheLayoutGlobalsGetsOneUnknownRegionThatSaysWhy() {
        // (module (memory (export "memory") 1))
        byte[] wasm = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01,
                       0x07, 0x0A, 0x01, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00};
        try (WasmHost host = WasmHost.builder(PluginModule.parse(wasm, "memory-only.wasm")).build()) {
            MemoryMap map = MemoryMap.of(host);
            assertEquals(List.of(new Region(Kind.UNKNOWN, 0, 65_536, "the module exports no __data_end and no"
                    + " __heap_base, so its layout cannot be worked out; it has no stack-pointer global")),
                    map.regions());
            assertEquals("MemoryMap[memory-only.wasm: 64 KiB (1 page), 1 region, 0 buffers]\n  unknown [0x00000000,"
                    + " 0x00010000) 64 KiB: the module exports no __data_end and no __heap_base, so its layout cannot"
                    + " be worked out; it has no stack-pointer global", map.toString());
        }
    }

    @Test
    void aNullTraceIsRefusedWithAHint() {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).build()) {
            assertEquals("trace (start one with host.api().startTrace())",
                    assertThrows(NullPointerException.class, () -> MemoryMap.of(host, null)).getMessage());
        }
    }
}
