package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each failure says what happened: which limit, which export and what it takes, which exception. */
class TrapMessagesTest {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");

    private static PluginModule load(String guest) {
        return PluginModule.load(HOSTILE.resolve(guest + ".wasm"));
    }

    /**
     * A call with the wrong number of arguments is the caller's mistake: an IllegalArgumentException
     * that gives the export's signature, before anything runs. (It used to run silently in the
     * interpreter and fail with "Index 0 out of bounds" in compiled code.)
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCallWithTheWrongNumberOfArgumentsSaysWhatTheExportTakes(ExecutionMode mode) {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).mode(mode).build()) {
            IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                    () -> host.call("step_create_named"));
            assertEquals("the export step_create_named(i32, i32) -> i32 takes 2 arguments, but was called with 0",
                    tooFew.getMessage());
            IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                    () -> host.callInt("guest_alloc", 1, 2));
            assertEquals("the export guest_alloc(i32) -> i32 takes 1 argument, but was called with 2",
                    tooMany.getMessage());
            assertEquals("WasmHost", host.toString().substring(0, 8));
            assertTrue(host.toString().endsWith(", 0 calls, 0 traps]"), "refused calls are not calls: " + host);
            host.callInt("step_create_named", host.putString("Ann"), 3);
            assertTrue(host.toString().endsWith(", 2 calls, 0 traps]"), host.toString());
        }
    }

    /**
     * A deadline that stops a guest waiting in a WASI call (poll_oneoff sleeping 60 s) is the deadline,
     * named as such; it used to be "Thread interrupted" with no limit.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aDeadlineThatStopsAWasiWaitNamesTheDeadline(ExecutionMode mode) {
        Limits limits = Limits.defaults().withCallDeadline(Duration.ofMillis(200));
        try (WasmHost host = WasmHost.builder(load("wasi_sleep")).mode(mode).limits(limits).build()) {
            long start = System.nanoTime();
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Optional.of("callDeadline"), trap.limit(), trap.getMessage());
            assertTrue(trap.getMessage().startsWith("run trapped: the call ran past its deadline of 200 ms while it"
                    + " waited in a WASI call"), trap.getMessage());
            assertTrue(millis < 5_000, "stopped after " + millis + " ms");
            assertEquals(1, host.callInt("honest"));
        }
    }
}
