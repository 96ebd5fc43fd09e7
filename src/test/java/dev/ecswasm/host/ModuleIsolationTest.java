package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every instance of one {@link PluginModule} starts from the module as parsed: what one host's guest
 * changed (its table's size, its memory, a mutable global, dropped data and element segments, its
 * WASI stdout) is not what a later host, or a {@link PluginTrap.Recovery#REINSTANTIATED} recovery,
 * starts with. The guest is {@code rust-plugin/hostile/leak_probe.wat}.
 */
class ModuleIsolationTest {
    private static final PluginModule PROBE = PluginModule.load(Path.of("src/test/resources/hostile/leak_probe.wasm"));

    /** What a pristine instance of leak_probe reads. */
    private static void pristine(WasmHost host, String which) {
        assertEquals(2, host.callInt("table_size"), which + ": table as declared");
        assertEquals(1, host.callInt("memory_pages"), which + ": memory as declared");
        assertEquals(7, host.exportedGlobal("counter").getAsLong(), which + ": global at its initial value");
        assertEquals('p', host.callInt("data_ok"), which + ": passive data segment present");
        assertEquals(1, host.callInt("elem_ok"), which + ": passive element segment present");
        assertEquals(0, host.callInt("stdout_ok"), which + ": WASI stdout open");
    }

    /** What leak_probe's run changed, in the instance that ran it. */
    private static void changed(WasmHost host) {
        assertEquals(1002, host.callInt("table_size"));
        assertEquals(4, host.callInt("memory_pages"));
        assertEquals(99, host.exportedGlobal("counter").getAsLong());
        assertThrows(PluginTrap.class, () -> host.call("data_ok"));
        assertThrows(PluginTrap.class, () -> host.call("elem_ok"));
        assertEquals(8, host.callInt("stdout_ok"), "EBADF once fd 1 is closed");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aLaterHostOfTheSameModuleStartsFromTheModuleAsParsed(ExecutionMode mode) {
        try (WasmHost a = WasmHost.builder(PROBE).mode(mode).build()) {
            pristine(a, "host A before run");
            assertEquals(1, a.callInt("run"));
            changed(a);
        }
        try (WasmHost b = WasmHost.builder(PROBE).mode(mode).build()) {
            pristine(b, "host B, built after A grew its table");
        }
        assertEquals(2, PROBE.module().tableSection().getTable(0).limits().min(), "the parsed module is untouched");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aReinstantiatedRecoveryStartsFromTheModuleAsParsed(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PROBE).mode(mode).afterTrap(PluginTrap.Recovery.REINSTANTIATED).build()) {
            assertEquals(1, host.callInt("run"));
            assertEquals(1002, host.callInt("table_size"));
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("boom"));
            assertEquals(PluginTrap.Recovery.REINSTANTIATED, trap.recovery());
            pristine(host, "the replacement instance");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void twoLiveHostsOfOneModuleDoNotShareATable(ExecutionMode mode) {
        try (WasmHost a = WasmHost.builder(PROBE).mode(mode).build();
             WasmHost b = WasmHost.builder(PROBE).mode(mode).build()) {
            assertEquals(1, a.callInt("run"));
            pristine(b, "host B, alive beside A");
        }
    }
}
