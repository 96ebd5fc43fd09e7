package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.workbench.Tables;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import dev.ecswasm.world.Relation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The C guest ({@code rust-plugin/c-guest/guest.c}, built against the generated {@code entt_api.h})
 * through the same loader and host as the Rust plugin, in both execution modes: the ABI is
 * language-neutral.
 */
class CGuestTest {
    static final Path C_GUEST = Path.of("src/test/resources/c-guest/c_guest.wasm");
    private static final int FFI_NULL_ENTITY = -1;
    private static PluginModule guest;

    @BeforeAll
    static void parseOnce() {
        guest = PluginModule.load(C_GUEST);
    }

    private static WasmHost host(ExecutionMode mode) {
        return WasmHost.builder(guest).mode(mode).build();
    }

    @Test
    void itIsAReactorImportingOnlyTheAbiAndWasi() {
        assertEquals(PluginModule.ModuleStyle.REACTOR, guest.style(), "clang -mexec-model=reactor exports _initialize");
        for (String export : List.of("c_create_named", "c_fetch_name", "c_link", "c_children_count", "c_test",
                "guest_alloc", "guest_free")) {
            assertTrue(guest.exportsFunction(export), export);
        }
        // The host's import check ran in load(): anything but ABI functions and WASI is refused there.
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void itsRelationshipChecksAllPass(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            assertEquals(0, host.callInt("c_test"), host.stdout());
            assertTrue(host.stdout().contains("[C guest] 0 checks failed"), host.stdout());
            assertTrue(host.stdout().contains("host_last_error() = 2"), "the stale id's error code: " + host.stdout());
            assertEquals("", host.stderr());

            EnttManager world = host.manager();
            assertEquals(List.of(), Invariants.violations(world));
            assertEquals(4, world.entityCount(), "Hero, the parent, its surviving child and the course");
            assertEquals(1, world.edgeCount(Relation.PARENT_CHILD));
            assertEquals(0, world.edgeCount(Relation.PLAYER_PROFILE), "the profile was destroyed");
            assertEquals(0, world.edgeCount(Relation.ENROLLMENT), "the student was destroyed");
            assertTrue(Tables.entities(world).printAll().contains("Hero"));
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aNameRoundTripsThroughTheTwoCallExchangeInC(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            int address = host.putString("Ada Lovelace");
            int ada = host.callInt("c_create_named", address, 12);
            assertEquals(Optional.of("Ada Lovelace"), host.manager().getName(ada));

            AbiTrace trace = host.api().startTrace();
            int buffer = host.callInt("c_fetch_name", ada);
            host.api().stopTrace();
            assertEquals("Ada Lovelace", host.readCString(buffer));
            List<AbiTrace.Crossing> calls = trace.crossings();
            assertEquals(List.of("host_get_name", "host_get_name"),
                    calls.stream().map(AbiTrace.Crossing::function).toList(), "call 1 asks the size, call 2 copies");
            assertEquals("buf=0x00000000", calls.get(0).args().get(1));
            assertEquals(String.format("buf=0x%08X", buffer), calls.get(1).args().get(1));

            assertEquals(0, host.callInt("c_fetch_name", host.manager().createEntity()), "no name: NULL");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theWorldsTablesShowWhatTheCGuestDid(ExecutionMode mode) {
        try (WasmHost host = host(mode)) {
            EnttManager world = host.manager();
            int player = host.callInt("c_create_named", host.putString("Player"), 6);
            int profile = host.callInt("c_create_named", host.putString("Profile"), 7);
            assertEquals(1, host.callInt("c_link", player, profile), "int for bool: 1 = linked");
            assertEquals(OptionalInt.of(profile), world.getProfileForPlayer(player));
            assertEquals(0, host.callInt("c_link", player, player), "a self-link: 0");

            int parent = world.createEntity();
            world.setParent(player, parent);
            world.setParent(profile, parent);
            assertEquals(2, host.callInt("c_children_count", parent));
            assertEquals(0, host.callInt("c_children_count", FFI_NULL_ENTITY));

            String links = Tables.playerProfiles(world).printAll();
            assertTrue(links.contains("Player") && links.contains("Profile"), links);
            assertEquals(2, Tables.parentChild(world).rowCount());
            assertEquals(List.of(), Invariants.violations(world));
        }
    }
}
