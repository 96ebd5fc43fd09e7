package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.WorkbenchException;
import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.workbench.HexDump;
import dev.ecswasm.workbench.Tables;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import dev.ecswasm.world.Relation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committed Rust plugin through the loader, every scenario in both execution modes. */
class WasmHostTest {
    private static PluginModule plugin;

    @BeforeAll
    static void parseOnce() {
        plugin = PluginModule.bundled();
    }

    private static WasmHost host(ExecutionMode mode) {
        return WasmHost.builder(plugin).mode(mode).build();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void thePluginsRelationshipTestsPassThroughTheAbi(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            assertEquals(0, host.callInt("test_relationships"), host.stdout());
            assertTrue(host.stdout().contains("[WASM Core] === EnTT Relationship Tests Completed: "));
            assertTrue(host.stdout().contains(", 0 failed ==="));
            assertTrue(host.stdout().contains("[WASM Core] --- Testing the Optimistic Name Fetch ---"),
                    "with_name's checks ran among them");
            assertEquals(List.of(), Invariants.violations(host.manager()));
            assertEquals(5, host.manager().entityCount(), "the batched-read test leaves Root and 4 children");
            assertEquals(4, host.manager().edgeCount(Relation.PARENT_CHILD));
            assertEquals("", host.stderr());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theTwoCallExchangeStepByStep(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            int address = host.putString("Alice");
            int alice = host.callInt("step_create_named", address, 5);
            assertEquals(Optional.of("Alice"), host.manager().getName(alice));

            AbiTrace trace = host.api().startTrace();
            assertEquals(6, host.callInt("step_name_size", alice));
            int buffer = host.callInt("step_fetch_name", alice);
            host.api().stopTrace();

            assertEquals("Alice", host.readCString(buffer));
            assertTrue(HexDump.of(host.memory(), buffer, 6).contains("41 6C 69 63 65 00"));
            List<AbiTrace.Crossing> calls = trace.crossings();
            assertEquals(List.of("host_get_name", "host_get_name", "host_get_name"),
                    calls.stream().map(AbiTrace.Crossing::function).toList(), "step 1 is call 1; the fetch is calls 1 and 2");
            assertEquals("buf=0x00000000", calls.get(1).args().get(1));
            assertEquals(String.format("buf=0x%08X", buffer), calls.get(2).args().get(1));
            AbiTrace.MemoryEvent copy = calls.get(2).memory().get(0);
            assertEquals(buffer, copy.address());
            assertArrayEquals(new byte[] {'A', 'l', 'i', 'c', 'e', 0}, copy.after());
            host.call("guest_free", buffer, 6);
        }
    }

    /** An extra function with an ABI function's name and type replaces it: the benchmarks' bare host relies on it. */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anExtraFunctionReplacesTheAbiFunctionOfItsName(ExecutionMode mode) {
        try (WasmHost honest = host(mode)) {
            assertEquals(0, honest.callInt("bench_is_valid", 12345, 3), "the ABI: 12345 was never issued");
        }
        HostFunction yes = new HostFunction("env", "host_is_entity_valid",
                FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), (instance, args) -> new long[] {1});
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).extraFunctions(List.of(yes)).build()) {
            assertEquals(3, host.callInt("bench_is_valid", 12345, 3), "the extra function answered, not the ABI");
        }
    }

    /** A bad pointer is refused by name, as a hex dump of it is, not by the runtime's own error. */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void readCStringRefusesAPointerOutsideMemoryOrAStringWithoutItsNul(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            long size = host.memory().size();

            var outside = assertThrows(IllegalArgumentException.class, () -> host.readCString(0x7FFFFFF0));
            assertEquals("address 0x7FFFFFF0 is outside guest memory (" + size + " bytes)", outside.getMessage());
            var justPast = assertThrows(IllegalArgumentException.class, () -> host.readCString((int) size));
            assertEquals(String.format("address 0x%08X is outside guest memory (%d bytes)", size, size),
                    justPast.getMessage());
            assertThrows(IllegalArgumentException.class, () -> host.readCString(-1), "0xFFFFFFFF, not -1");

            int last = (int) size - 3; // "abc" fills the last three bytes: no room for a NUL
            host.memory().write(last, new byte[] {'a', 'b', 'c'});
            var unterminated = assertThrows(WorkbenchException.class, () -> host.readCString(last));
            assertEquals(String.format("no NUL from 0x%08X to the end of guest memory (%d bytes): not a C string",
                    last, size), unterminated.getMessage());
            host.memory().write((int) size - 1, new byte[] {0});
            assertEquals("ab", host.readCString(last), "terminated on the last byte: read to it");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void singleStepsBuildAWorldTheHostCanPrint(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            int guild = host.callInt("step_create_named", host.putString("Guild"), 5);
            int bob = host.callInt("step_create_named", host.putString("Bob"), 3);
            assertEquals(1, host.callInt("step_set_parent", bob, guild));
            assertEquals(0, host.callInt("step_set_parent", guild, bob), "a cycle is refused");
            assertEquals(1, host.callInt("step_count_children", guild));
            assertEquals(1, host.callInt("step_read_hierarchy"));
            assertEquals(1, host.callInt("step_enroll", bob, guild));
            assertEquals(1, host.callInt("step_link", bob, guild));
            assertEquals(1, host.callInt("step_destroy", guild));
            assertEquals(0, host.callInt("step_destroy", guild), "destroying twice is refused");
            assertEquals(0, host.manager().edgeCount(Relation.PARENT_CHILD));
            assertTrue(Tables.entities(host.manager()).printAll().contains("Bob"));
            assertEquals(List.of(), Invariants.violations(host.manager()));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aPanicMidwayTrapsWithTheGuestsMessageAndThePluginStaysUsable(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            long[] before = host.mutableGlobals();
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("step_panic_midway"));
            assertEquals("step_panic_midway", trap.export());
            assertEquals(Optional.empty(), trap.hostCall());
            assertTrue(trap.guestStderr().contains("deliberate panic after creating entity 0"), trap.guestStderr());
            assertEquals(PluginTrap.Recovery.STACK_RESTORED, trap.recovery());
            assertArrayEquals(before, host.mutableGlobals(), "the guest stack pointer is back where it was");
            assertEquals(Optional.of("half-done"), host.manager().getName(0), "the host call that finished stays done");
            assertEquals(List.of(), Invariants.violations(host.manager()));
            assertEquals(0, host.callInt("test_relationships"), "the plugin still works");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBoundsViolationTrapsNamingTheHostCall(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            int e = host.callInt("step_create_named", host.putString("Eve"), 3);
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("step_bad_pointer", e));
            assertEquals(Optional.of("host_get_name"), trap.hostCall());
            assertTrue(trap.getMessage().startsWith("step_bad_pointer trapped in host call host_get_name: name buffer [0x"),
                    trap.getMessage());
            assertTrue(trap.getMessage().contains("runs past the end of guest memory"));
            assertTrue(trap.getMessage().endsWith("(the guest's stack pointer was restored; the plugin is usable)"));
            assertEquals(Optional.of("Eve"), host.manager().getName(e));
            assertEquals(4, host.callInt("step_name_size", e));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void hundredsOfTrapsInARowDoNotExhaustTheGuestStack(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            for (int i = 0; i < 300; i++) {
                assertThrows(PluginTrap.class, () -> host.call("step_panic_midway"));
            }
            assertEquals(0, host.callInt("test_relationships"));
            assertEquals(List.of(), Invariants.violations(host.manager()));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void reinstantiatingAfterATrapKeepsTheWorld(ExecutionMode mode) {
        EnttManager world = new EnttManager();
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).manager(world)
                .afterTrap(PluginTrap.Recovery.REINSTANTIATED).build()) {
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("step_panic_midway"));
            assertEquals(PluginTrap.Recovery.REINSTANTIATED, trap.recovery());
            assertTrue(trap.getMessage().endsWith("(the instance was replaced; the plugin is usable, its own memory is fresh)"));
            assertEquals(1, world.entityCount(), "the world lives in the host, not in the instance");
            assertEquals(0, host.callInt("test_relationships"));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anUnknownExportIsAClearErrorNotATrap(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> host.call("no_such_export"));
            assertTrue(e.getMessage().startsWith("the plugin exports no function no_such_export; it has [guest_alloc,"));
        }
    }

    /** rec(n) = n == 0 ? 0 : rec(n - 1) + 1, one Wasm call per level. */
    private static PluginModule recursive() {
        WasmBytes wasm = new WasmBytes();
        int i32ToI32 = wasm.type(1, 1);
        wasm.exportFunction("rec", i32ToI32, 0x20, 0x00, 0x45, 0x04, 0x7F, 0x41, 0x00, 0x05, 0x20, 0x00, 0x41, 0x01,
                0x6B, 0x10, 0x00, 0x41, 0x01, 0x6A, 0x0B);
        return PluginModule.parse(wasm.bytes(), "recursive");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void deepGuestRecursionRunsOnTheGuestThreadsDeepStack(ExecutionMode mode) {
        // ~1,000 nested calls overflow the interpreter on a default 1 MB thread stack.
        try (WasmHost host = WasmHost.builder(recursive()).mode(mode).build()) {
            assertEquals(20_000, host.callInt("rec", 20_000));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = "INTERPRETER")
    void onADefaultSizedStackTheSameRecursionWouldFail(ExecutionMode mode) {
        // The control for the test above: with a 1 MiB thread stack the interpreter runs out.
        try (WasmHost host = WasmHost.builder(recursive()).mode(mode).stackBytes(1024 * 1024).build()) {
            assertThrows(PluginTrap.class, () -> host.callInt("rec", 20_000));
            assertEquals(10, host.callInt("rec", 10), "and the host carries on");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void runawayRecursionIsATrapAndTheHostCarriesOn(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(recursive()).mode(mode).stackBytes(8L * 1024 * 1024).build()) {
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.callInt("rec", 100_000_000));
            assertEquals("rec", trap.export());
            assertEquals(10, host.callInt("rec", 10));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void missingAndMistypedImportsAreAllNamedBeforeInstantiating(ExecutionMode mode) {
        WasmBytes wasm = new WasmBytes();
        int voidToVoid = wasm.type(0, 0);
        int oneToOne = wasm.type(1, 1);
        wasm.importFunction("env", "host_teleport", voidToVoid)
                .importFunction("env", "host_get_name", oneToOne)
                .importFunction("env", "host_create_entity", wasm.type(0, 1))
                .importFunction("spectre", "peek", voidToVoid);
        PluginModule broken = PluginModule.parse(wasm.bytes(), "test");
        LinkException e = assertThrows(LinkException.class, () -> WasmHost.builder(broken).mode(mode).build());
        assertEquals(List.of(
                "missing import env.host_teleport () -> (): the host has no such function",
                "mistyped import env.host_get_name: the module expects (i32) -> i32, the host offers (i32, i32, i32) -> i32",
                "missing import spectre.peek () -> (): the host has no such function"), e.problems());
        assertTrue(e.getMessage().startsWith("the plugin cannot link against this host:\n  missing import env.host_teleport"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aReactorsInitializeRunsOnceBeforeAnythingElse(ExecutionMode mode) {
        WasmBytes wasm = new WasmBytes().mutableGlobal();
        int voidToVoid = wasm.type(0, 0);
        int voidToI32 = wasm.type(0, 1);
        // _initialize: global0 += 1;  read: return global0
        wasm.exportFunction("_initialize", voidToVoid, 0x23, 0x00, 0x41, 0x01, 0x6A, 0x24, 0x00)
                .exportFunction("read", voidToI32, 0x23, 0x00);
        PluginModule reactor = PluginModule.parse(wasm.bytes(), "test");
        assertEquals(PluginModule.ModuleStyle.REACTOR, reactor.style());
        assertEquals(PluginModule.ModuleStyle.LIBRARY, plugin.style(), "rustc 1.63 makes neither a reactor nor a command");
        try (WasmHost host = WasmHost.builder(reactor).mode(mode).build()) {
            assertEquals(1, host.callInt("read"));
            assertEquals(1, host.callInt("read"));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void guestOutputIsCapturedAndCanBeEchoed(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            host.callInt("step_create_named", host.putString("Quiet"), 5);
            assertEquals("[WASM Step] created entity 0 named Quiet\n", host.stdout());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void manyCallsCanRunInOneHopToTheGuestThread(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            int parent = host.callInt("step_create_named", host.putString("P"), 1);
            int created = host.onGuestThread(() -> {
                assertEquals("wasm-guest", Thread.currentThread().getName());
                for (int i = 0; i < 1000; i++) {
                    int child = host.callInt("step_create_named", host.putString("c"), 1);
                    host.callInt("step_set_parent", child, parent);
                }
                return host.callInt("step_count_children", parent);
            });
            assertEquals(1000, created);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aStaleIdFromTheGuestIsRefusedNotFatal(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            assertEquals(0, host.callInt("step_destroy", EntityId.of(3, 9)));
            assertEquals(0, host.callInt("step_link", EntityId.NULL, 0));
            assertEquals(0, host.manager().entityCount());
        }
    }
}
