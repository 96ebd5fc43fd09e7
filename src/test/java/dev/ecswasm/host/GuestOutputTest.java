package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The guest's stdout and stderr are bounded: each keeps its last {@link Limits#maxOutputBytes()}, says
 * how much it dropped, and a flood of output in one {@code fd_write} neither fills the heap nor
 * copies gigabytes; a trap's cost does not grow with the stderr captured before it.
 */
class GuestOutputTest {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");

    private static PluginModule load(String guest) {
        return PluginModule.load(HOSTILE.resolve(guest + ".wasm"));
    }

    private static void write(GuestOutput out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    @Test
    void aStreamKeepsItsTailAndSaysHowMuchItDropped() {
        GuestOutput out = new GuestOutput("stdout", 8, null);
        write(out, "abc");
        assertEquals("abc", out.text());
        long mark = out.written();
        write(out, "defgh");
        assertEquals("abcdefgh", out.text());
        assertEquals("defgh", out.since(mark));
        write(out, "ijk"); // wraps around the ring
        assertEquals(GuestOutput.droppedNote(3, 8) + "defghijk", out.text());
        assertEquals(3, out.dropped());
        assertEquals("defghijk", out.since(mark));
        write(out, "0123456789abcdef"); // longer than the tail by itself
        assertEquals(GuestOutput.droppedNote(19, 8) + "89abcdef", out.text());
        assertEquals(GuestOutput.droppedNote(16 + 3 + 5 - 8, 8) + "89abcdef", out.since(mark));
        assertEquals(27, out.written());
        out.write('!');
        assertEquals("9abcdef!", out.text().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aStreamThatKeepsNothingStillCounts() {
        GuestOutput out = new GuestOutput("stderr", 0, null);
        write(out, "gone");
        assertEquals(GuestOutput.droppedNote(4, 0), out.text());
        assertEquals(4, out.dropped());
    }

    /**
     * fd_write_flood asks for 3,000 x 1 MiB to stdout and again to stderr in one host call each:
     * before the tail it pushed them into a ByteArrayOutputStream (an OutOfMemoryError, or gigabytes
     * of copying with no deadline check). Now it returns well within the deadline, fd_write reports
     * every byte as written, and the host keeps 64 KiB of each stream.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFloodOfIovecsInOneFdWriteKeepsOnlyTheTail(ExecutionMode mode) {
        Limits limits = Limits.defaults().withCallDeadline(Duration.ofSeconds(5));
        try (WasmHost host = WasmHost.builder(load("fd_write_flood")).mode(mode).limits(limits).build()) {
            int megabytes = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> host.callInt("run"));
            assertEquals(3000, megabytes, "fd_write reports every byte written, to both streams");
            long asked = 3000L * 1024 * 1024;
            for (String text : List.of(host.stdout(), host.stderr())) {
                String[] parts = text.split("\n", 2);
                assertEquals(GuestOutput.droppedNote(asked - Limits.DEFAULT_MAX_OUTPUT_BYTES,
                        Limits.DEFAULT_MAX_OUTPUT_BYTES).strip(), parts[0]);
                assertEquals("x".repeat(Limits.DEFAULT_MAX_OUTPUT_BYTES), parts[1]);
            }
            assertEquals(1, host.callInt("honest"));
        }
    }

    @Test
    void aSmallerTailIsASetting() {
        Limits limits = Limits.defaults().withMaxOutputBytes(10);
        try (WasmHost host = WasmHost.builder(load("fd_write_flood")).limits(limits).build()) {
            assertEquals(3000, host.callInt("run"));
            assertTrue(host.stdout().endsWith("]\n" + "x".repeat(10)), host.stdout());
        }
    }

    @Test
    void anIovecOutsideGuestMemoryStillTraps() {
        // stderr_trap's single iovec sits at 0; make its length reach past the one page of memory
        try (WasmHost host = WasmHost.builder(load("stderr_trap")).build()) {
            host.memory().write(4, new byte[] {0, 0, 1, 0}); // 65,536 bytes from 16
            PluginTrap trap = assertThrows(PluginTrap.class, () -> host.call("run"));
            assertTrue(trap.getMessage().contains("out of bounds memory access: fd_write's iovec 0"), trap.getMessage());
            assertEquals("", host.stderr());
        }
    }

    /** How many traps the soak test makes, and how many at each end it compares. */
    static final int TRAPS = 2000;
    static final int WINDOW = 200;

    /**
     * Each stderr_trap call writes 16 KiB to stderr and traps. Before the tail, every trap copied all
     * the stderr captured so far (32 MB by the end), so traps got slower as they went; now a trap
     * copies only what its own call wrote. The median of the last 200 traps must stay within 3x of
     * the first 200's (a generous ratio on a shared machine, not a speed test).
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theCostOfATrapStaysFlatOverThousandsOfTraps(ExecutionMode mode) {
        PluginModule module = load("stderr_trap");
        try (WasmHost warmUp = WasmHost.builder(module).mode(mode).build()) {
            warmUp.onGuestThread(() -> { // the JIT compiles the paths a trap takes; the soak starts at no stderr
                for (int i = 0; i < 300; i++) {
                    trap(warmUp);
                }
                return null;
            });
        }
        try (WasmHost host = WasmHost.builder(module).mode(mode).build()) {
            List<Long> nanos = new ArrayList<>();
            host.onGuestThread(() -> {
                for (int i = 0; i < TRAPS; i++) {
                    long start = System.nanoTime();
                    PluginTrap trap = trap(host);
                    nanos.add(System.nanoTime() - start);
                    if (i == TRAPS - 1) {
                        assertEquals(16384, trap.guestStderr().length(), "a trap carries its own call's stderr");
                        assertTrue(trap.getMessage().length() < 2 * PluginTrap.STDERR_IN_MESSAGE, "bounded message");
                    }
                }
                return null;
            });
            long first = median(nanos.subList(0, WINDOW));
            long last = median(nanos.subList(TRAPS - WINDOW, TRAPS));
            String times = String.format("median trap: first %d: %d µs, last %d: %d µs", WINDOW, first / 1000, WINDOW,
                    last / 1000);
            System.out.println(mode + ": " + times + " (stderr written: " + TRAPS * 16 + " KiB)");
            assertTrue(last < 3 * first, times);
            assertEquals(Limits.DEFAULT_MAX_OUTPUT_BYTES, host.stderr().length()
                    - host.stderr().lines().findFirst().orElseThrow().length() - 1, "stderr keeps its tail");
            assertEquals(1, host.callInt("honest"));
        }
    }

    private static PluginTrap trap(WasmHost host) {
        try {
            host.call("run");
        } catch (PluginTrap trap) {
            return trap;
        }
        throw new AssertionError("stderr_trap returned");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aTrapMessageQuotesABoundedTailOfStderr() {
        String big = "y".repeat(PluginTrap.STDERR_IN_MESSAGE * 3);
        PluginTrap trap = new PluginTrap("run", null, big, PluginTrap.Recovery.STACK_RESTORED, null, "unreachable",
                null);
        assertTrue(trap.getMessage().length() < PluginTrap.STDERR_IN_MESSAGE + 300, trap.getMessage().length() + "");
        assertTrue(trap.getMessage().contains("its last 4,096 of 12,288 characters kept"), trap.getMessage());
        assertEquals(big, trap.guestStderr());
        assertEquals(Optional.empty(), trap.limit());
    }
}
