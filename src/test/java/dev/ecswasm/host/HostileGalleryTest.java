package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import dev.ecswasm.world.Relation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The hostile-guest gallery: each module in {@code rust-plugin/hostile/} runs in both modes and must
 * end as its {@code ;; expect:} comment says, with the JVM alive, the world's invariants holding,
 * and an honest call succeeding afterwards. The outcomes are printed as a table at the end.
 *
 * <p>A representative few ({@link #INLINE}) run a second time from a {@link GuestStacks} thread, where
 * building and calling run on the caller's thread instead of hopping to the guest thread: the same
 * outcome is expected either way.
 */
class HostileGalleryTest {
    private static final int OUTCOME_WIDTH = 54; // with the other columns, under 120 wide
    private static final Path SOURCES = Path.of("rust-plugin/hostile");
    private static final Path BINARIES = Path.of("src/test/resources/hostile");
    /**
     * The gallery's limits: the defaults, with a 1 s deadline, 16 MiB of memory, and caps on what the world
     * may hold that a guest reaches in a few milliseconds: 10,000 edges and 1 MiB of names in all.
     */
    private static final Limits GALLERY = Limits.defaults().withCallDeadline(Duration.ofSeconds(1)).withMaxMemoryPages(256)
            .withMaxEdges(10_000).withMaxNameBytesTotal(1024 * 1024);
    /**
     * deep_stack_imports runs its stack out with an import every fourth level: 0.6-1.3 s of work under
     * load, so with the gallery's 1 s deadline a busy machine could turn its stack trap into a deadline
     * trap. It gets 10 s, still a deadline: the outcome it must have is the stack's, on any machine.
     */
    private static final Limits STACK_FILLER = GALLERY.withCallDeadline(Duration.ofSeconds(10));
    private static final List<String[]> ROWS = Collections.synchronizedList(new ArrayList<>());
    /**
     * The guests that also run inline: a deadline in a loop and in a WASI wait, the stack run out
     * (compiled) or the frame budget (interpreter), re-entry, a panic and a stderr flood before a trap,
     * a bounds check, memory full, a deadline and a trap while building, and the stack run out with
     * imports in flight (deep_stack_imports).
     */
    static final Set<String> INLINE = Set.of("infinite_loop", "wasi_sleep", "recursion", "reentrant", "panic_midway",
            "stderr_trap", "past_end", "grow_bomb", "start_loop", "start_trap", "deep_stack_imports");

    /** What a guest's source says must happen. */
    record Expectation(String kind, OptionalInt value, Optional<String> hostCall, Optional<String> limit,
                       Optional<String> containing) {
        private static final Pattern LINE = Pattern.compile(
                "(returns(?: (-?\\d+))?|trap|build trap|link refused|survives)(?: in (\\w+))?(?: limit (\\w+))?(?: containing \"(.*)\")?");

        /** The guest's {@code ;; expect:} line, or for the interpreter its {@code ;; expect interpreter:} line if it has one. */
        static Expectation of(String guest, ExecutionMode mode) {
            String source;
            try {
                source = Files.readString(SOURCES.resolve(guest + ".wat"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Matcher line = Pattern.compile(";; expect interpreter: (.*)").matcher(source);
            if (mode != ExecutionMode.INTERPRETER || !line.find()) {
                line = Pattern.compile(";; expect: (.*)").matcher(source);
                if (!line.find()) {
                    throw new IllegalStateException(guest + ".wat has no ;; expect: line");
                }
            }
            Matcher m = LINE.matcher(line.group(1).trim());
            if (!m.matches()) {
                throw new IllegalStateException(guest + ".wat: cannot read expectation " + line.group(1));
            }
            return new Expectation(m.group(1).split(" ")[0],
                    m.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2))),
                    Optional.ofNullable(m.group(3)), Optional.ofNullable(m.group(4)), Optional.ofNullable(m.group(5)));
        }
    }

    static Stream<Arguments> guests() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.sorted().toList()) {
                String guest = file.getFileName().toString().replace(".wat", "");
                // A guest whose outcome depends on the JVM's heap says ";; gallery: forked": its own test
                // runs it in a JVM of its own (deep_fat_frames: DeepFrameHeapTest), not this one.
                boolean forked = Files.readString(file, StandardCharsets.UTF_8).contains("\n;; gallery: forked");
                if (!guest.equals("fuzzer") && !forked) {
                    for (ExecutionMode mode : ExecutionMode.values()) {
                        out.add(Arguments.of(guest, mode, OnGuestStack.Caller.HOP));
                        if (INLINE.contains(guest)) {
                            out.add(Arguments.of(guest, mode, OnGuestStack.Caller.INLINE));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    private static PluginModule load(String guest) {
        return PluginModule.load(BINARIES.resolve(guest + ".wasm"));
    }

    @ParameterizedTest(name = "{0} ({1}, {2})")
    @MethodSource("guests")
    void eachHostileGuestEndsAsItsSourceSaysAndTheWorldHolds(String guest, ExecutionMode mode, OnGuestStack.Caller path)
            throws Exception {
        path.run(() -> endsAsExpected(guest, mode, path == OnGuestStack.Caller.INLINE ? ", inline" : ""));
    }

    /** Runs {@code guest} from this thread; {@code label} marks an inline run in the table. */
    private static void endsAsExpected(String guest, ExecutionMode mode, String label) {
        Expectation expected = Expectation.of(guest, mode);
        if (expected.kind().equals("build")) {
            failsToBuild(guest, mode, expected, label);
            return;
        }
        if (expected.kind().equals("link")) {
            refusedAtLink(guest, mode, expected);
            return;
        }
        EnttManager world = new EnttManager();
        Limits limits = guest.equals("deep_stack_imports") ? STACK_FILLER : GALLERY;
        try (WasmHost host = WasmHost.builder(load(guest)).mode(mode).manager(world).limits(limits).build()) {
            if (guest.equals("reentrant")) {
                world.setLogSink(line -> {
                    if (line.startsWith("[EnttManager] Destroying entity:")) {
                        host.call("honest"); // a host function calling back into the guest
                    }
                });
            }
            long start = System.nanoTime();
            String outcome;
            try {
                long[] results = host.call("run");
                outcome = "returns" + (results.length > 0 ? " " + (int) results[0] : "");
                assertTrue(expected.kind().equals("returns"), guest + " should have trapped but " + outcome);
                expected.value().ifPresent(v -> assertEquals(v, (int) results[0], guest));
            } catch (PluginTrap trap) {
                outcome = "trap" + trap.hostCall().map(h -> " in " + h).orElse("")
                        + trap.limit().map(l -> ", limit " + l).orElse("") + ": " + reason(trap);
                if (!expected.kind().equals("trap")) {
                    fail(guest + " trapped unexpectedly: " + trap.getMessage());
                }
                assertEquals(expected.hostCall(), trap.hostCall(), trap.getMessage());
                assertEquals(expected.limit(), trap.limit(), trap.getMessage());
                String message = trap.getMessage();
                expected.containing().ifPresent(text -> assertTrue(message.contains(text), message));
                assertTrue(message.contains("the plugin is usable"), message);
            }
            long micros = (System.nanoTime() - start) / 1000;
            world.setLogSink(null);

            assertEquals(List.of(), Invariants.violations(world), guest);
            afterwards(guest, world);
            assertEquals(1, host.callInt("honest"), "an honest call after " + guest);
            assertFalse(Thread.currentThread().isInterrupted(), "no interrupt is left on the calling thread");
            ROWS.add(new String[] {guest, mode.name().toLowerCase(Locale.ROOT) + label, outcome, time(micros)});
        }
    }

    /**
     * A guest whose instantiation fails ({@code ;; expect: build trap ...}): build() throws a
     * {@link PluginTrap} that says no host was built, no guest thread is left, the world holds, and
     * an honest plugin loads on the same world and works.
     */
    private static void failsToBuild(String guest, ExecutionMode mode, Expectation expected, String label) {
        EnttManager world = new EnttManager();
        long threadsBefore = guestThreads();
        long start = System.nanoTime();
        PluginTrap trap = org.junit.jupiter.api.Assertions.assertThrows(PluginTrap.class,
                () -> WasmHost.builder(load(guest)).mode(mode).manager(world).limits(GALLERY).build().close(),
                guest + " should have failed to build");
        long micros = (System.nanoTime() - start) / 1000;
        String message = trap.getMessage();
        assertEquals(PluginTrap.Recovery.NOT_BUILT, trap.recovery(), message);
        assertEquals(expected.hostCall(), trap.hostCall(), message);
        assertEquals(expected.limit(), trap.limit(), message);
        expected.containing().ifPresent(text -> assertTrue(message.contains(text), message));
        assertTrue(message.contains("no host was built"), message);
        assertEquals(threadsBefore, guestThreads(), "live wasm-guest threads after " + guest + " failed to build");
        assertEquals(List.of(), Invariants.violations(world), guest);
        try (WasmHost honest = WasmHost.builder(load("past_end")).mode(mode).manager(world).limits(GALLERY).build()) {
            assertEquals(1, honest.callInt("honest"), "an honest plugin after " + guest);
        }
        ROWS.add(new String[] {guest, mode.name().toLowerCase(Locale.ROOT) + label, "build trap"
                + trap.limit().map(l -> ", limit " + l).orElse("") + ": " + reason(trap), time(micros)});
    }

    /**
     * A guest that declares more than a plugin may hold ({@code ;; expect: link refused ...}): build()
     * throws a {@link LinkException} naming the rule, before any of it is allocated or runs; no guest
     * thread is left, and an honest plugin loads on the same world and works.
     */
    private static void refusedAtLink(String guest, ExecutionMode mode, Expectation expected) {
        EnttManager world = new EnttManager();
        long threadsBefore = guestThreads();
        long start = System.nanoTime();
        LinkException refused = org.junit.jupiter.api.Assertions.assertThrows(LinkException.class,
                () -> WasmHost.builder(load(guest)).mode(mode).manager(world).limits(GALLERY).build().close(),
                guest + " should have been refused at link time");
        long micros = (System.nanoTime() - start) / 1000;
        String message = refused.getMessage();
        expected.containing().ifPresent(text -> assertTrue(message.contains(text), message));
        assertEquals(threadsBefore, guestThreads(), "live wasm-guest threads after " + guest + " was refused");
        assertEquals(List.of(), Invariants.violations(world), guest);
        assertEquals(0, world.entityCount(), guest + " ran nothing");
        try (WasmHost honest = WasmHost.builder(load("past_end")).mode(mode).manager(world).limits(GALLERY).build()) {
            assertEquals(1, honest.callInt("honest"), "an honest plugin after " + guest);
        }
        ROWS.add(new String[] {guest, mode.name().toLowerCase(Locale.ROOT), "link refused: " + refused.problems().get(0),
                time(micros)});
    }

    private static long guestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("wasm-guest")).count();
    }

    /** What each guest must have left behind, beyond the invariants. */
    private static void afterwards(String guest, EnttManager world) {
        switch (guest) {
            case "panic_midway":
                assertEquals(2, world.entityCount(), "both entities were created before the trap");
                assertEquals(1, world.edgeCount(Relation.PLAYER_PROFILE), "the link finished whole");
                assertEquals(1, world.edgeCount(Relation.PARENT_CHILD), "the parent finished whole");
                break;
            case "reentrant":
                assertEquals(1, world.entityCount(), "the refused destroy did not happen");
                break;
            case "invalid_utf8":
            case "ten_mb_name":
                assertEquals(Optional.empty(), world.getName(0), "no bad name was stored");
                break;
            case "deep_stack_imports":
                // The stack ran out in the middle of some import; each was all or nothing, so beyond the
                // invariants: nothing is stuck, and each of the three can still be destroyed.
                for (int id : world.entities()) {
                    assertEquals(dev.ecswasm.world.Outcome.DONE, world.destroyEntity(id), "destroying " + id);
                }
                assertEquals(0, world.entityCount());
                assertEquals(List.of(), Invariants.violations(world), "after destroying everything");
                break;
            case "edge_bomb":
                assertEquals(10_000, world.edgeCount(), "the edges made up to the cap are kept, none past it");
                assertEquals(10_000, world.edgeCount(Relation.ENROLLMENT));
                break;
            case "name_flood":
                assertEquals(17, world.entityCount(), "the 17th entity was created, its name refused");
                assertEquals(1024 * 1024, world.nameBytes(), "16 names of 64 KiB, none past the cap");
                assertEquals(Optional.empty(), world.getName(16));
                break;
            case "past_end":
                assertEquals(Optional.of("victim"), world.getName(0), "the name the guest asked for is intact");
                break;
            default:
                break;
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aClosedManagerHandleTrapsEveryImport(ExecutionMode mode) {
        EnttManager world = new EnttManager();
        try (WasmHost host = WasmHost.builder(load("past_end")).mode(mode).manager(world).limits(GALLERY).build()) {
            assertEquals(1, host.callInt("honest"));
            host.api().api().close(host.api().handle());
            long start = System.nanoTime();
            PluginTrap trap = org.junit.jupiter.api.Assertions.assertThrows(PluginTrap.class, () -> host.call("honest"));
            long micros = (System.nanoTime() - start) / 1000;
            assertEquals(Optional.of("host_create_entity"), trap.hostCall());
            assertTrue(trap.getMessage().contains("manager handle 0x00000001 is closed"), trap.getMessage());
            assertEquals(1, world.entityCount());
            assertEquals(List.of(), Invariants.violations(world));
            ROWS.add(new String[] {"closed handle", mode.name().toLowerCase(Locale.ROOT),
                    "trap in host_create_entity: " + reason(trap), time(micros)});
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = "INTERPRETER")
    void theInterpretersFuelRunsOutBeforeTheDeadline(ExecutionMode mode) {
        Limits tight = GALLERY.withMaxInstructions(5_000_000).withCallDeadline(Duration.ofSeconds(30));
        try (WasmHost host = WasmHost.builder(load("infinite_loop")).mode(mode).limits(tight).build()) {
            long start = System.nanoTime();
            PluginTrap trap = org.junit.jupiter.api.Assertions.assertThrows(PluginTrap.class, () -> host.call("run"));
            long micros = (System.nanoTime() - start) / 1000;
            assertEquals(Optional.of("maxInstructions"), trap.limit());
            assertTrue(trap.getMessage().contains("used up its fuel of 5000000 instructions"), trap.getMessage());
            assertEquals(1, host.callInt("honest"));
            ROWS.add(new String[] {"infinite_loop (fuel 5M)", "interpreter", "trap, limit maxInstructions", time(micros)});
        }
    }

    /** Fuzz runs per mode: a fixed, seeded amount of work, so the pass mark does not depend on machine speed. */
    static final int FUZZ_RUNS = 150;
    static final int CALLS_PER_RUN = 2000;

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFixedNumberOfSeededRandomCallsToEveryImportLeaveTheWorldConsistent(ExecutionMode mode) {
        EnttManager world = new EnttManager();
        try (WasmHost host = WasmHost.builder(load("fuzzer")).mode(mode).manager(world).limits(GALLERY).build()) {
            long start = System.nanoTime();
            long calls = 0;
            int traps = 0;
            for (int run = 1; run <= FUZZ_RUNS; run++) {
                try {
                    calls += host.callInt("fuzz", run * 7919, CALLS_PER_RUN);
                } catch (PluginTrap trap) {
                    traps++;
                    assertTrue(trap.getMessage().contains("the plugin is usable"), trap.getMessage());
                }
                if (run % 25 == 0) {
                    assertEquals(List.of(), Invariants.violations(world), "after fuzz run " + run);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(List.of(), Invariants.violations(world));
            assertEquals(1, host.callInt("honest"));
            // A wild argument (1 in 4096) ends a run early; most runs must still make all their calls.
            assertTrue(calls >= (long) FUZZ_RUNS * CALLS_PER_RUN / 2, FUZZ_RUNS + " runs, " + calls + " completed calls");
            ROWS.add(new String[] {"fuzzer", mode.name().toLowerCase(Locale.ROOT),
                    "survives: " + FUZZ_RUNS + " runs, " + calls + " completed calls, " + traps + " trapped runs, "
                            + world.entityCount() + " entities left", millis + " ms (all)"});
        }
    }

    /**
     * Prints the gallery as a table that fits a 120-column terminal (long outcomes clipped), then
     * each outcome in full; both go to {@code target/hostile-gallery.txt} too.
     */
    @AfterAll
    static void printTheGallery() throws IOException {
        StringColumn guest = StringColumn.create("guest");
        StringColumn mode = StringColumn.create("mode");
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn time = StringColumn.create("time to stop");
        StringBuilder full = new StringBuilder("Outcomes in full:\n");
        synchronized (ROWS) {
            ROWS.sort((a, b) -> (a[0] + a[1]).compareTo(b[0] + b[1]));
            for (String[] row : ROWS) {
                guest.append(row[0]);
                mode.append(row[1]);
                outcome.append(row[2].length() > OUTCOME_WIDTH ? row[2].substring(0, OUTCOME_WIDTH - 1) + "\u2026" : row[2]);
                time.append(row[3]);
                full.append("  ").append(row[0]).append(" (").append(row[1]).append("): ").append(row[2]).append('\n');
            }
        }
        String text = Table.create("Hostile guests", guest, mode, outcome, time).printAll() + "\n\n" + full;
        System.out.println(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/hostile-gallery.txt"), text, StandardCharsets.UTF_8);
    }

    /** The first line of a trap's message, without its "export trapped in host call ...: " opening. */
    private static String reason(PluginTrap trap) {
        String first = trap.getMessage().lines().findFirst().orElse("");
        return first.substring(first.indexOf(": ") + 2);
    }

    private static String time(long micros) {
        return micros >= 10_000 ? (micros / 1000) + " ms" : micros + " µs";
    }
}
