package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.EnttApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a user at a prompt sees when a host, its module or its limits are printed. */
class HostToStringTest {
    private static final String DEFAULT_LIMITS = "512 pages (32 MiB), 10 s deadline, 5,000,000,000 instructions"
            + " (interpreter), names up to 65,536 bytes, 16 MiB of names in all, 100,000 entities, 1,000,000 edges,"
            + " a table of up to 100,000 elements,"
            + " 10,000 locals a function, output kept: last 64 KiB a stream, 64 MiB of interpreter frames a call";

    @Test
    void theBundledPluginSaysBundledPluginAndItsSizeNotAClasspathPath() {
        PluginModule plugin = PluginModule.bundled();
        assertEquals("bundled plugin ecs_plugin.wasm", plugin.origin());
        assertEquals("bundled plugin ecs_plugin.wasm (" + plugin.sizeBytes() / 1024 + " KB)", plugin.describe());
        assertTrue(plugin.toString().matches(
                "PluginModule\\[bundled plugin ecs_plugin\\.wasm \\(\\d+ KB\\), LIBRARY, \\d+ exports, \\d+ imports]"),
                plugin.toString());
    }

    @Test
    void aModuleFromBytesKeepsItsGivenNameAndCountsInBytes() {
        WasmBytes wasm = new WasmBytes();
        wasm.exportFunction("answer", wasm.type(0, 1), 0x41, 0x2A);
        byte[] bytes = wasm.bytes();
        PluginModule module = PluginModule.parse(bytes, "answer.wasm");
        assertEquals("PluginModule[answer.wasm (" + bytes.length + " bytes), LIBRARY, 1 export, 0 imports]",
                module.toString());
    }

    @Test
    void limitsPrintInWords() {
        assertEquals("Limits[" + DEFAULT_LIMITS + "]", Limits.defaults().toString());
        Limits small = Limits.defaults().withMaxMemoryPages(3).withCallDeadline(Duration.ofMillis(250))
                .withMaxInstructions(1_000).withMaxNameBytes(16).withMaxEntities(1).withMaxOutputBytes(100)
                .withMaxEdges(1).withMaxNameBytesTotal(1000);
        assertEquals("Limits[3 pages (192 KiB), 250 ms deadline, 1,000 instructions (interpreter), names up to 16 bytes"
                + ", 1,000 bytes of names in all, 1 entity, 1 edge, a table of up to 100,000 elements, 10,000 locals a function,"
                + " output kept: last 100 bytes a stream, 64 MiB of interpreter frames a call]", small.toString());
        assertEquals("Limits[1 page (64 KiB), 1 s deadline, 1 instruction (interpreter), names up to 1 byte"
                + ", 1 byte of names in all, 0 entities, 0 edges, a table of up to 1 element, 1 local a function, output kept:"
                + " last 1 byte a stream, 1 byte of interpreter frames a call]",
                new Limits(1, Duration.ofSeconds(1), 1, 1, 0, 1, 1, 1, 0, 1, 1).toString());
        assertEquals(new Limits(1, Duration.ofSeconds(1), 1, 1, 0, 1, 1, 1, EnttApi.DEFAULT_MAX_EDGES,
                EnttApi.DEFAULT_MAX_NAME_BYTES_TOTAL), new Limits(1, Duration.ofSeconds(1), 1, 1, 0, 1, 1, 1),
                "the eight-limit constructor takes the default edges and bytes of all names");
        assertEquals(new Limits(1, Duration.ofSeconds(1), 1, 1, 0, Limits.DEFAULT_MAX_TABLE_ELEMENTS,
                Limits.DEFAULT_MAX_LOCALS, Limits.DEFAULT_MAX_OUTPUT_BYTES, EnttApi.DEFAULT_MAX_EDGES,
                EnttApi.DEFAULT_MAX_NAME_BYTES_TOTAL), new Limits(1, Duration.ofSeconds(1), 1, 1, 0));
        assertTrue(Limits.defaults().withCallDeadline(Duration.ZERO).toString().contains(", no deadline, "));
    }

    @Test
    void aHostPrintsItsModuleModeLimitsCallsAndTrapsOnOneLine() {
        PluginModule plugin = PluginModule.bundled();
        try (WasmHost host = WasmHost.builder(plugin).mode(ExecutionMode.INTERPRETER).build()) {
            assertEquals("WasmHost[" + plugin.describe() + ", INTERPRETER, default limits, 0 calls, 0 traps]",
                    host.toString());
            host.callInt("step_create_named", host.putString("Ann"), 3); // guest_alloc, then the step
            assertThrows(PluginTrap.class, () -> host.call("step_panic_midway"));
            assertEquals("WasmHost[" + plugin.describe() + ", INTERPRETER, default limits, 3 calls, 1 trap]",
                    host.toString());
            assertEquals(1, host.toString().lines().count());
        }
        Limits tight = Limits.defaults().withMaxMemoryPages(64).withCallDeadline(Duration.ofSeconds(1));
        try (WasmHost host = WasmHost.builder(plugin).limits(tight).build()) {
            assertEquals("WasmHost[" + plugin.describe() + ", COMPILED, limits: 64 pages (4 MiB), 1 s deadline"
                    + " (others default), 0 calls, 0 traps]", host.toString(), "only the limits that differ");
        }
    }
}
