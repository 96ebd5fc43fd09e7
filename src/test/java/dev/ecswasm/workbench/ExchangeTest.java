package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.Table;

/** The two-call exchange step by step, driven by the bundled plugin in both execution modes. */
class ExchangeTest {
    private static final int GUILD = 0; // the ids guild() hands out, in creation order
    private static final int BOB = 1;
    private static final int ZOE = 2;
    private static final int CAROL = 3;

    private static PluginModule plugin;

    @BeforeAll
    static void parseOnce() {
        plugin = PluginModule.bundled();
    }

    /** A host with a guild and three named children: Bob, Zoë, Carol. */
    private static WasmHost guild(ExecutionMode mode) {
        WasmHost host = WasmHost.builder(plugin).mode(mode).build();
        int guild = named(host, "Guild");
        for (String child : List.of("Bob", "Zoë", "Carol")) {
            assertEquals(1, host.callInt("step_set_parent", named(host, child), guild));
        }
        return host;
    }

    private static int named(WasmHost host, String name) {
        return host.callInt("step_create_named", host.putString(name), name.getBytes(StandardCharsets.UTF_8).length);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static void assertInsideGuestMemory(WasmHost host, ExchangeStep step) {
        long start = Integer.toUnsignedLong(step.address());
        assertTrue(start > 0 && start + step.after().length <= host.memory().size(),
                "step " + step.number() + "'s buffer " + HexDump.hex(start) + " lies inside guest memory");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aNameTakesASizeQueryAnAllocationAndACopy(ExecutionMode mode) {
        try (WasmHost host = guild(mode)) {
            Exchange bob = Exchange.name(host, BOB);

            assertEquals(3, bob.steps().size());
            ExchangeStep query = bob.step(1);
            assertEquals("host_get_name(1, NULL, 0)", query.guest());
            assertEquals(0, query.address(), "the size query passes no buffer");
            assertEquals("4", query.crossing().orElseThrow().result(), "3 bytes of Bob and the NUL");
            assertEquals(ErrorCode.OK, query.crossing().orElseThrow().error());

            ExchangeStep allocation = bob.step(2);
            assertEquals("allocation", allocation.title());
            assertEquals(Optional.empty(), allocation.crossing(), "the guest allocates without crossing the ABI");
            assertEquals(4, allocation.before().length);
            assertInsideGuestMemory(host, allocation);

            ExchangeStep copy = bob.step(3);
            assertEquals(allocation.address(), copy.address(), "the copy goes into the buffer just allocated");
            assertEquals("host_get_name(1, " + HexDump.hex(copy.address()) + ", 4)", copy.guest());
            assertArrayEquals(bytes(0x42, 0x6F, 0x62, 0x00), copy.after());
            assertArrayEquals(bytes(0xAA, 0xAA, 0xAA, 0xAA), copy.before(), "the workbench's fill, not the heap's leftovers");
            for (int i = 0; i < 4; i++) {
                assertNotEquals(copy.before()[i], copy.after()[i], "byte " + i + " written, the NUL too, shows as changed");
            }
            Crossing crossing = copy.crossing().orElseThrow();
            assertEquals("#2 host_get_name(entity=1, buf=" + HexDump.hex(copy.address()) + ", cap=4) = 4, OK (0), write "
                    + HexDump.hex(copy.address()) + " +4", crossing.toString());
            assertEquals("\"Bob\"", bob.result());
            assertTrue(bob.toString().endsWith("result: \"Bob\"; 1 buffer freed with guest_free"), bob.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aNameIntoATooSmallBufferIsCutOnACharacterBoundaryThenFetchedWhole(ExecutionMode mode) {
        try (WasmHost host = guild(mode)) {
            Exchange zoe = Exchange.name(host, ZOE, 3);

            assertEquals(5, zoe.steps().size());
            assertEquals("5", zoe.step(1).crossing().orElseThrow().result(), "Z, o, the two bytes of ë, the NUL");
            ExchangeStep cut = zoe.step(3);
            assertArrayEquals(bytes(0x5A, 0x6F, 0x00), cut.after(), "ë does not fit whole, so only Zo and the NUL");
            assertEquals("5", cut.crossing().orElseThrow().result(), "the answer is still the size needed");
            assertEquals(ErrorCode.BUFFER_TOO_SMALL, cut.crossing().orElseThrow().error());
            assertEquals("host_get_name(2, " + HexDump.hex(zoe.step(5).address()) + ", 5)", zoe.step(5).guest());
            assertArrayEquals(bytes(0x5A, 0x6F, 0xC3, 0xAB, 0x00), zoe.step(5).after());
            assertEquals("\"Zoë\"", zoe.result());
            assertTrue(zoe.toString().contains("cut on a character boundary to \"Zo\", still NUL-terminated"), zoe.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTooSmallListWritesNothingAndTheRetryGetsEveryId(ExecutionMode mode) {
        try (WasmHost host = guild(mode)) {
            Exchange children = Exchange.children(host, GUILD, 2);

            assertEquals(5, children.steps().size());
            assertEquals("3", children.step(1).crossing().orElseThrow().result());
            assertEquals(8, children.step(2).before().length, "room for two ids of four bytes");
            ExchangeStep tooSmall = children.step(3);
            assertArrayEquals(tooSmall.before(), tooSmall.after(), "nothing written");
            assertFalse(tooSmall.changedBytes());
            Crossing crossing = tooSmall.crossing().orElseThrow();
            assertEquals("3", crossing.result(), "the answer is the count");
            assertEquals(ErrorCode.BUFFER_TOO_SMALL, crossing.error());
            assertEquals(List.of(), crossing.memory(), "the host did not touch guest memory");
            assertEquals("buffer too small: nothing written; 3 is the count, so the guest retries", tooSmall.note());

            ExchangeStep retry = children.step(5);
            assertInsideGuestMemory(host, retry);
            assertArrayEquals(bytes(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0), retry.after(), "three little-endian ids");
            assertEquals("[1, 2, 3]", children.result());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aListIntoTheSizeAskedForFitsAtOnce(ExecutionMode mode) {
        try (WasmHost host = guild(mode)) {
            Exchange children = Exchange.children(host, GUILD);
            assertEquals(3, children.steps().size());
            assertEquals("3, OK (0)", children.step(3).answer());
            assertEquals("[1, 2, 3]", children.result());
        }
    }

    @Test
    void nothingToFetchEndsTheExchangeAfterTheSizeQuery() {
        try (WasmHost host = guild(ExecutionMode.COMPILED)) {
            Exchange none = Exchange.children(host, CAROL);
            assertEquals(1, none.steps().size());
            assertEquals("no children", none.result());
            Exchange stale = Exchange.name(host, EntityId.of(7, 3));
            assertEquals("no name (INVALID_ENTITY (2))", stale.result());
            assertFalse(stale.toString().contains("freed"), "nothing was allocated, so nothing is freed");
        }
    }

    @Test
    void theGuestBuffersAreFreedAfterEachExchange() {
        try (WasmHost host = guild(ExecutionMode.COMPILED)) {
            int first = Exchange.name(host, BOB).step(2).address();
            int second = Exchange.name(host, BOB).step(2).address();
            assertEquals(first, second, "the allocator hands out the freed buffer again");
        }
    }

    @Test
    void theExchangePutsBackWhateverTracingWasGoingOn() {
        try (WasmHost host = guild(ExecutionMode.COMPILED)) {
            Exchange.name(host, BOB);
            assertTrue(host.api().toString().endsWith(", not tracing]"), "none before, none after: " + host.api());
            AbiTrace running = host.api().startTrace();
            Exchange exchange = Exchange.name(host, BOB);
            assertSame(running, host.api().trace(), "the trace that was running records again");
            assertEquals(0, running.crossings().size(), "the exchange's crossings went to its own trace");
            assertEquals(1, exchange.step(1).crossing().orElseThrow().seq(), "numbered from 1 in the exchange");
        }
    }

    @Test
    void aCapOutsideTheRangeIsAClearError() {
        try (WasmHost host = guild(ExecutionMode.COMPILED)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Exchange.children(host, GUILD, -1));
            assertEquals("cap must be within 0..4096 (bytes for a name, ids for a list), got -1", e.getMessage());
            assertEquals("this exchange has steps 1..3, not 4",
                    assertThrows(IllegalArgumentException.class, () -> Exchange.name(host, BOB).step(4)).getMessage());
        }
    }

    @Test
    void theTableHasARowPerStepAndFitsATerminal() {
        try (WasmHost host = guild(ExecutionMode.COMPILED)) {
            Table table = Exchange.children(host, GUILD, 2).table();
            assertEquals(5, table.rowCount());
            assertEquals("3, BUFFER_TOO_SMALL", table.getString(2, "host answers"));
            assertEquals("01 00 00 00 \u2026 +8", table.getString(4, "after"));
            for (String line : table.printAll().split("\n")) {
                assertTrue(line.length() <= 120, "a line of " + line.length() + " columns:\n" + line);
            }
        }
    }
}
