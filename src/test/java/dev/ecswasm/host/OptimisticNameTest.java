package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plugin's optimistic name fetch ({@code ffi::with_name}, through {@code step_name_optimistic} and
 * {@code bench_get_name_optimistic}): one crossing into a 64-byte stack buffer when the name fits, a
 * second into the heap when it does not; and no trap from a host that lies.
 */
class OptimisticNameTest {
    private static final int STACK_BYTES = 64;
    private static PluginModule plugin;

    @BeforeAll
    static void parseOnce() {
        plugin = PluginModule.bundled();
    }

    private static int named(WasmHost host, String name) {
        return host.callInt("step_create_named", host.putString(name), utf8Length(name));
    }

    private static int utf8Length(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Runs step_name_optimistic with a trace on; returns its crossings, the result first in {@code result}. */
    private static List<AbiTrace.Crossing> fetch(WasmHost host, int entity, int[] result) {
        AbiTrace trace = host.api().startTrace();
        result[0] = host.callInt("step_name_optimistic", entity);
        host.api().stopTrace();
        return trace.crossings();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aShortNameTakesOneCrossingIntoTheStackBuffer(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).build()) {
            int alice = named(host, "Alice");
            int[] result = new int[1];
            List<AbiTrace.Crossing> calls = fetch(host, alice, result);
            assertEquals(5, result[0]);
            assertEquals(1, calls.size(), calls.toString());
            assertEquals("host_get_name", calls.get(0).function());
            assertEquals(STACK_BYTES, calls.get(0).argValues()[2], "cap is the stack buffer's 64 bytes");
            assertEquals(6, calls.get(0).resultValue());
            assertEquals(ErrorCode.OK, calls.get(0).error());
            assertArrayEquals("Alice\0".getBytes(StandardCharsets.UTF_8), calls.get(0).memory().get(0).after());
            assertTrue(host.stdout().contains("[WASM Step] the name of entity " + alice + " is Alice (5 bytes)"),
                    host.stdout());
            assertEquals(5 * 100, host.callInt("bench_get_name_optimistic", alice, 100));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aNameOf63BytesIsTheLongestThatFitsInOneCrossing(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).build()) {
            String name = "n".repeat(STACK_BYTES - 1);
            int entity = named(host, name);
            int[] result = new int[1];
            List<AbiTrace.Crossing> calls = fetch(host, entity, result);
            assertEquals(63, result[0]);
            assertEquals(1, calls.size(), calls.toString());
            assertEquals(ErrorCode.OK, calls.get(0).error());

            int longer = named(host, name + "n");
            assertEquals(2, fetch(host, longer, result).size(), "64 bytes and the NUL do not fit");
            assertEquals(64, result[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aLongNameFallsBackToASecondCallOfTheReportedSizeAndComesWhole(ExecutionMode mode) {
        // the crab takes bytes 62 to 65: the stack copy is cut before it, at 62 bytes and the NUL
        String name = "x".repeat(62) + "\uD83E\uDD80 and Zoë after the crab";
        int bytes = utf8Length(name);
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).build()) {
            int entity = named(host, name);
            int[] result = new int[1];
            List<AbiTrace.Crossing> calls = fetch(host, entity, result);
            assertEquals(bytes, result[0], "the whole name, not the cut prefix");
            assertEquals(2, calls.size(), calls.toString());

            AbiTrace.Crossing first = calls.get(0);
            assertEquals(STACK_BYTES, first.argValues()[2]);
            assertEquals(bytes + 1, first.resultValue(), "call 1 already tells the size");
            assertEquals(ErrorCode.BUFFER_TOO_SMALL, first.error());
            byte[] prefix = ("x".repeat(62) + "\0").getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(prefix, Arrays.copyOf(first.memory().get(0).after(), prefix.length),
                    "the wasted copy: cut before the crab, NUL-terminated");

            AbiTrace.Crossing second = calls.get(1);
            assertEquals(bytes + 1, second.argValues()[2], "the heap buffer is exactly the size call 1 reported");
            assertEquals(bytes + 1, second.resultValue());
            assertEquals(ErrorCode.OK, second.error());
            assertTrue(host.stdout().contains(" is " + name + " (" + bytes + " bytes)"), host.stdout());
            assertEquals(bytes * 10, host.callInt("bench_get_name_optimistic", entity, 10));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTwoByteLetterAtBytes62And63IsCutFromTheStackCopyButNotFromTheName(ExecutionMode mode) {
        String name = "y".repeat(62) + "ë"; // 64 bytes: with the NUL, one too many for the stack buffer
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).build()) {
            int entity = named(host, name);
            int[] result = new int[1];
            List<AbiTrace.Crossing> calls = fetch(host, entity, result);
            assertEquals(64, result[0]);
            assertEquals(2, calls.size(), calls.toString());
            byte[] prefix = ("y".repeat(62) + "\0").getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(prefix, Arrays.copyOf(calls.get(0).memory().get(0).after(), prefix.length),
                    "no half of the ë before the NUL");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void noNameAndAStaleIdGiveNothingInOneCrossing(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(plugin).mode(mode).build()) {
            int entity = named(host, "temporary");
            host.manager().removeName(entity);
            int[] result = new int[1];
            List<AbiTrace.Crossing> calls = fetch(host, entity, result);
            assertEquals(-1, result[0]);
            assertEquals(1, calls.size(), calls.toString());
            assertEquals(ErrorCode.NOT_FOUND, calls.get(0).error());
            assertEquals(0, host.callInt("bench_get_name_optimistic", entity, 10));

            assertEquals(1, host.callInt("step_destroy", entity));
            calls = fetch(host, entity, result);
            assertEquals(-1, result[0]);
            assertEquals(1, calls.size(), calls.toString());
            assertEquals(ErrorCode.INVALID_ENTITY, calls.get(0).error());
            assertEquals("", host.stderr());
        }
    }

    /** A host_get_name that answers {@code answers} in turn and writes {@code bytes} (cut to the capacity). */
    private static WasmHost lyingHost(ExecutionMode mode, byte[] bytes, int... answers) {
        AtomicInteger call = new AtomicInteger();
        HostFunction lie = new HostFunction("env", "host_get_name",
                FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32)),
                (instance, args) -> {
                    int cap = (int) args[2];
                    if (args[1] != 0 && cap > 0) {
                        instance.memory().write((int) args[1], Arrays.copyOf(bytes, Math.min(cap, bytes.length)));
                    }
                    return new long[] {answers[Math.min(call.getAndIncrement(), answers.length - 1)]};
                });
        return WasmHost.builder(plugin).mode(mode).extraFunctions(List.of(lie)).build();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHostThatLiesGetsNoNameAndNoTrap(ExecutionMode mode) {
        byte[] bob = "Bob\0".getBytes(StandardCharsets.UTF_8);
        byte[] longName = ("z".repeat(80) + "\0").getBytes(StandardCharsets.UTF_8);
        try (WasmHost host = lyingHost(mode, bob, 4)) {
            assertEquals(3, host.callInt("step_name_optimistic", 0), "the honest control: the same host telling the truth");
        }
        try (WasmHost host = lyingHost(mode, "Bob!".getBytes(StandardCharsets.UTF_8), 4)) {
            assertEquals(-1, host.callInt("step_name_optimistic", 0), "no NUL at the end");
        }
        try (WasmHost host = lyingHost(mode, "B\0b\0".getBytes(StandardCharsets.UTF_8), 4)) {
            assertEquals(-1, host.callInt("step_name_optimistic", 0), "a NUL inside");
        }
        try (WasmHost host = lyingHost(mode, new byte[] {'B', (byte) 0xC3, 0}, 3)) {
            assertEquals(-1, host.callInt("step_name_optimistic", 0), "half a two-byte letter: not UTF-8");
        }
        try (WasmHost host = lyingHost(mode, longName, 81, 81)) {
            assertEquals(80, host.callInt("step_name_optimistic", 0), "the honest control for the fallback");
        }
        try (WasmHost host = lyingHost(mode, longName, 81, 90)) {
            assertEquals(-1, host.callInt("step_name_optimistic", 0), "the size changed between the calls");
        }
        try (WasmHost host = lyingHost(mode, longName, 81, 40)) {
            assertEquals(-1, host.callInt("step_name_optimistic", 0), "the name shrank between the calls");
        }
    }
}
