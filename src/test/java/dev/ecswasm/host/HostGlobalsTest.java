package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the host reads of a guest's globals: the layout rustc exports and the stack pointer it does not. */
class HostGlobalsTest {
    // wasm-objdump -x ecs_plugin.wasm: global[0] mutable init 1048576, __heap_base 1063024, __data_end 1063012
    private static final long STACK_TOP = 1_048_576;

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theBundledPluginExportsItsDataEndAndHeapBase(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            assertEquals(OptionalLong.of(1_063_012), host.exportedGlobal("__data_end"));
            assertEquals(OptionalLong.of(1_063_024), host.exportedGlobal("__heap_base"));
            assertEquals(OptionalLong.empty(), host.exportedGlobal("__global_base"), "rustc does not export it");
            assertEquals(OptionalLong.empty(), host.exportedGlobal("memory"), "an export, but not a global");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theStackPointerStartsAtTheTopOfTheStackAndIsBackThereBetweenCalls(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            assertEquals(OptionalLong.of(STACK_TOP), host.initialStackPointer());
            assertEquals(OptionalLong.of(STACK_TOP), host.stackPointer());
            host.callInt("step_create_named", host.putString("Bob"), 3);
            assertEquals(OptionalLong.of(STACK_TOP), host.stackPointer());
        }
    }

    @Test
    void aModuleWithoutGlobalsHasNoStackPointerAndNoExportedGlobals() {
        WasmBytes wasm = new WasmBytes();
        wasm.exportFunction("answer", wasm.type(0, 1), 0x41, 0x2A);
        try (WasmHost host = WasmHost.builder(PluginModule.parse(wasm.bytes(), "answer.wasm")).build()) {
            assertEquals(OptionalLong.empty(), host.stackPointer());
            assertEquals(OptionalLong.empty(), host.initialStackPointer());
            assertEquals(OptionalLong.empty(), host.exportedGlobal("__heap_base"));
        }
    }

    @Test
    void aMutableGlobalIsTakenForTheStackPointerAndReadAsItIsNow() {
        WasmBytes wasm = new WasmBytes().mutableGlobal(); // global 0 = 0
        // set_sp: global.set 0 (i32.const -16), i.e. 0xFFFFFFF0 read unsigned; returns 1
        wasm.exportFunction("set_sp", wasm.type(0, 1), 0x41, 0x70, 0x24, 0x00, 0x41, 0x01);
        try (WasmHost host = WasmHost.builder(PluginModule.parse(wasm.bytes(), "sp.wasm")).build()) {
            assertEquals(OptionalLong.of(0), host.initialStackPointer());
            host.callInt("set_sp");
            assertEquals(OptionalLong.of(0xFFFF_FFF0L), host.stackPointer());
            assertEquals(OptionalLong.of(0), host.initialStackPointer());
        }
    }

    @Test
    void aNullGlobalNameIsRefused() {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).build()) {
            NullPointerException refused = assertThrows(NullPointerException.class, () -> host.exportedGlobal(null));
            assertEquals("name", refused.getMessage());
        }
    }
}
