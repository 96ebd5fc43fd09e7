package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The heap is the whole JVM's: while one guest fills it, an innocent neighbour's call can meet the
 * wall anywhere, in its guest code, in a host function, or while its trap is being written. Each
 * way must come out as a {@link PluginTrap} that names the heap, with a fresh instance, never as a
 * raw {@link OutOfMemoryError}; and a neighbour in compiled code must not be told its call frames
 * filled the heap. ({@link DeepFrameHeapTest} fills a real heap; here the wall is an injected error,
 * so each path is taken every time.)
 */
class HeapWallTest {
    private static final FunctionType NOTHING = FunctionType.of(List.of(), List.of()); // () -> ()

    /** A guest whose {@code run} calls {@code env.wall} and whose {@code honest} returns 1. */
    private static PluginModule guest() {
        WasmBytes wasm = new WasmBytes();
        int voidToVoid = wasm.type(0, 0);
        int voidToI32 = wasm.type(0, 1);
        wasm.importFunction("env", "wall", voidToVoid)
                .exportFunction("run", voidToVoid, 0x10, 0x00) // call 0 (the import)
                .exportFunction("honest", voidToI32, 0x41, 0x01); // i32.const 1
        return PluginModule.parse(wasm.bytes(), "heap-wall");
    }

    /** A host over {@link #guest()} whose {@code env.wall} throws {@code thrown}. */
    private static WasmHost host(ExecutionMode mode, PluginTrap.Recovery recovery, Throwable thrown) {
        HostFunction wall = new HostFunction("env", "wall", NOTHING, (instance, args) -> {
            if (thrown instanceof Error) {
                throw (Error) thrown;
            }
            throw (RuntimeException) thrown;
        });
        return WasmHost.builder(guest()).mode(mode).afterTrap(recovery).extraFunctions(List.of(wall)).build();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHostCallThatMeetsTheWallIsAHeapTrapAndTheNextCallWorks(ExecutionMode mode) {
        OutOfMemoryError full = new OutOfMemoryError("Java heap space (injected)");
        try (WasmHost host = host(mode, PluginTrap.Recovery.STACK_RESTORED, full)) {
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
            assertSame(full, trap.getCause());
            assertEquals(PluginTrap.Recovery.REINSTANTIATED, trap.recovery(), "only a fresh instance gives the heap back");
            String message = trap.getMessage();
            assertTrue(message.contains("the JVM ran out of heap while the guest ran"), message);
            assertTrue(message.contains("another part of this JVM"), message);
            if (mode == ExecutionMode.COMPILED) {
                assertTrue(message.contains("compiled code keeps its call frames on the thread's stack, so something"
                        + " else filled the heap"), message);
                assertFalse(message.contains("lower maxLocals"), message);
            } else {
                assertTrue(message.contains("its call frames filled the heap"), message);
            }
            assertEquals(1, host.callInt("honest"));
        }
    }

    /**
     * The wall met while the trap for another failure is being written (here: the failure's own
     * message cannot be made) is a heap trap too, not a raw error escaping the host.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theWallMetWhileATrapIsWrittenIsAHeapTrap(ExecutionMode mode) {
        OutOfMemoryError full = new OutOfMemoryError("Java heap space (injected)");
        RuntimeException failure = new RuntimeException() {
            @Override
            public String getMessage() {
                throw full;
            }
        };
        for (PluginTrap.Recovery recovery : List.of(PluginTrap.Recovery.STACK_RESTORED,
                PluginTrap.Recovery.REINSTANTIATED)) {
            try (WasmHost host = host(mode, recovery, failure)) {
                Throwable thrown = assertThrows(Throwable.class, () -> host.call("run"));
                PluginTrap trap = assertInstanceOf(PluginTrap.class, thrown, "a raw " + thrown + " escaped the host");
                assertSame(full, trap.getCause());
                assertEquals(PluginTrap.Recovery.REINSTANTIATED, trap.recovery());
                assertTrue(trap.getMessage().contains("the JVM ran out of heap"), trap.getMessage());
                assertEquals(1, host.callInt("honest"));
                assertEquals(1, host.callInt("honest"), "and again: the fresh instance is the one in use");
            }
        }
    }

    /**
     * If the fresh instance that a heap trap calls for cannot be made either, the trap says
     * {@code HOST_UNUSABLE} and every later call is refused with a clear error, not a crash on a
     * missing instance. Here the reactor's {@code _initialize} (which runs in every instantiation)
     * fails from the second instantiation on.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHeapTrapWhoseFreshInstanceFailsLeavesAHostThatRefusesCalls(ExecutionMode mode) {
        WasmBytes wasm = new WasmBytes();
        int voidToVoid = wasm.type(0, 0);
        int voidToI32 = wasm.type(0, 1);
        wasm.importFunction("env", "wall", voidToVoid)
                .importFunction("env", "init", voidToVoid)
                .exportFunction("_initialize", voidToVoid, 0x10, 0x01) // call 1 (env.init)
                .exportFunction("run", voidToVoid, 0x10, 0x00)         // call 0 (env.wall)
                .exportFunction("honest", voidToI32, 0x41, 0x01);
        PluginModule reactor = PluginModule.parse(wasm.bytes(), "heap-wall-reactor");
        assertEquals(PluginModule.ModuleStyle.REACTOR, reactor.style());
        int[] instantiations = {0};
        HostFunction init = new HostFunction("env", "init", NOTHING, (instance, args) -> {
            if (++instantiations[0] > 1) {
                throw new IllegalStateException("no second instance (injected)");
            }
            return null;
        });
        OutOfMemoryError full = new OutOfMemoryError("Java heap space (injected)");
        HostFunction wall = new HostFunction("env", "wall", NOTHING, (instance, args) -> {
            throw full;
        });
        try (WasmHost host = WasmHost.builder(reactor).mode(mode).extraFunctions(List.of(wall, init)).build()) {
            assertEquals(1, host.callInt("honest"));
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
            assertSame(full, trap.getCause());
            assertEquals(PluginTrap.Recovery.HOST_UNUSABLE, trap.recovery(), trap.getMessage());
            assertTrue(trap.getMessage().contains("a fresh instance failed too"), trap.getMessage());
            assertEquals(2, instantiations[0], "one fresh instance was tried");
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> host.callInt("honest"));
            assertTrue(refused.getMessage().startsWith("this host has no plugin instance left"), refused.getMessage());
            assertEquals(2, instantiations[0], "a refused call tries nothing");
        }
    }
}
