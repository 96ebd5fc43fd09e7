package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.Layouts;
import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Position;
import dev.ecswasm.world.Relation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class WorkbenchTest {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void freshWorldAndCapturedOutput() {
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Workbench.newWorld();
    }

    @AfterEach
    void restore() {
        Workbench.unload();
        System.setOut(original);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWorldIsReadyOnTheFirstLineAndLogsAsTheSeedDoes() {
        EnttManager world = Workbench.world();
        assertSame(world, Workbench.world(), "the same world until newWorld()");
        int alice = world.createEntity();
        world.addName(alice, "Alice");
        Workbench.show(world);
        assertTrue(printed().contains("[EnttManager] Created entity: 0"), printed());
        assertTrue(printed().contains("Alice"), printed());
        assertNotSame(world, Workbench.newWorld());
        assertEquals(0, Workbench.world().entityCount(), "newWorld starts empty");
    }

    @Test
    void tableChoosesTheRightViewForEachKindOfThing() {
        EnttManager world = Workbench.world();
        int child = world.createEntity();
        int parent = world.createEntity();
        world.setParent(child, parent);
        world.setComponent(child, new Position(1, 2));

        assertEquals("Entities", Workbench.table(world).name());
        Table edges = Workbench.table(Relation.PARENT_CHILD);
        assertEquals(1, edges.rowCount());
        assertEquals("1", edges.getString(0, "parent"));
        assertEquals("0", edges.getString(0, "child"));
        assertEquals(0, Workbench.table(Relation.ENROLLMENT).rowCount(), "no enrollments yet");
        assertEquals(0, Workbench.table(Relation.PLAYER_PROFILE).rowCount(), "no 1:1 links yet");
        assertTrue(Workbench.table(Position.class).name().startsWith("Storage<Position>: size 1"));
        assertEquals("EnttPosition (type id 1, 8 bytes, little-endian)", Workbench.table(Layouts.POSITION).name());
        assertEquals(ErrorCode.values().length, Workbench.table(ErrorCode.class).rowCount());
    }

    @Test
    void anythingElseIsRefusedWithTheListOfWhatIsTaken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workbench.table("a string"));
        assertEquals("show and table take a world, a Relation, a Storage or a component class, an AbiTrace,"
                + " a PodLayout, ErrorCode.class, a Showable or a Table; got String a string", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workbench.show(null));
    }

    @Test
    void htmlIsTheSameTableWithEveryCellEscaped() {
        EnttManager world = Workbench.world();
        world.addName(world.createEntity(), "<b>Bob & \"Al\"</b>");
        String html = Workbench.html(world);
        assertTrue(html.startsWith("<table class=\"ecs-wasm\">\n<caption>Entities</caption>"), html);
        assertTrue(html.contains("<td>&lt;b&gt;Bob &amp; &quot;Al&quot;&lt;/b&gt;</td>"), html);
        assertEquals(2, html.split("<tr>", -1).length - 1, "a header row and one entity row");
    }

    @Test
    void aStepRunsOneExportAndPrintsTheCrossingsItMade() {
        WasmHost plugin = Workbench.plugin();
        int bob = Workbench.step("step_create_named", plugin.putString("Bob"), 3);
        int buffer = Workbench.step("step_fetch_name", bob);
        assertEquals("Bob", plugin.readCString(buffer));
        assertEquals(List.of("host_create_entity", "host_add_name", "host_last_error", "host_get_name", "host_get_name"),
                Workbench.trace().crossings().stream().map(c -> c.function()).toList());
        String out = printed();
        assertTrue(out.contains("step_fetch_name returned " + buffer + " after 2 ABI crossings:"), out);
        assertTrue(out.contains("entity=" + bob + ", buf=0x00000000, cap=0"), "call 1 is the size query:\n" + out);
        assertTrue(Workbench.hexdump(buffer, 4).contains("42 6F 62 00"), "the guest's buffer holds Bob and a NUL");
    }

    @Test
    void thePluginReloadsInTheOtherModeOnTheSameWorld() {
        WasmHost compiled = Workbench.plugin();
        assertSame(compiled, Workbench.plugin(ExecutionMode.COMPILED));
        WasmHost interpreted = Workbench.plugin(ExecutionMode.INTERPRETER);
        assertNotSame(compiled, interpreted);
        assertEquals(ExecutionMode.INTERPRETER, interpreted.mode());
        assertSame(Workbench.world(), interpreted.manager());
        assertEquals(0, Workbench.step("test_relationships"), "the seed's checks all pass in the interpreter");
        assertSame(interpreted, Workbench.plugin(), "plugin() keeps the loaded bundled plugin in its mode");
    }

    @Test
    void theTourNamesEveryLayerAndStartsFromTheFacade() {
        Workbench.tour();
        String out = printed();
        for (String layer : List.of("dev.ecswasm.ecs", "dev.ecswasm.world", "dev.ecswasm.abi", "dev.ecswasm.host")) {
            assertTrue(out.contains(layer), "the tour visits " + layer);
        }
        assertTrue(out.contains("show(world());"), out);
    }

    @Test
    void aSnapshotBeforeAndAfterADestroySaysWhatItDid() {
        EnttManager world = Workbench.world();
        int guild = world.createEntity();
        world.addName(guild, "Guild");
        int alice = world.createEntity();
        world.setParent(alice, guild);
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        Snapshot before = Workbench.snapshot();
        world.destroyEntity(guild);
        Diff diff = Workbench.diff(before, Workbench.snapshot());
        assertEquals(List.of("- destroyed 0 \"Guild\"", "- destroyed 1", "- edge PARENT_CHILD 0 -> 1 removed"),
                diff.lines());
        assertEquals(3, Workbench.table(diff).rowCount(), "a diff shows itself as a table");
    }

    @Test
    void aRecordedPluginRunReplaysWithoutTheGuest(@TempDir Path dir) {
        Workbench.plugin();
        assertEquals(0, Workbench.step("test_relationships"));
        Path file = Workbench.record(dir.resolve("run.trace").toString());
        Replay outcome = Workbench.replay(file.toString());
        assertTrue(outcome.matched(), outcome.toString());
        assertTrue(printed().contains("recorded " + Workbench.trace().crossings().size() + " ABI crossings to "),
                printed());
    }

    @Test
    void bothExchangesWalkThroughThePluginAndTheTraceGoesOn() {
        WasmHost plugin = Workbench.plugin();
        int guild = Workbench.step("step_create_named", plugin.putString("Guild"), 5);
        int madeBefore = Workbench.trace().crossings().size();
        Exchange name = Workbench.exchangeName(guild);
        assertEquals("\"Guild\"", name.result());
        assertTrue(name.toString().contains("1. size query"), name.toString());
        Exchange children = Workbench.exchangeChildren(guild, 0);
        assertEquals("no children", children.result(), "a guild with no children");
        assertEquals(madeBefore, Workbench.trace().crossings().size(), "the exchanges kept to their own traces");
        Workbench.step("step_set_parent", Workbench.world().createEntity(), guild);
        assertTrue(Workbench.trace().crossings().size() > madeBefore, "and the workbench's trace records again");
        int last = Workbench.trace().crossings().size();
        assertEquals("the trace has crossings #1 to #" + last + ", not #" + (last + 1),
                assertThrows(IllegalArgumentException.class, () -> Workbench.touched(last + 1)).getMessage());
        assertTrue(Workbench.table(name).rowCount() >= 3, "an exchange shows itself as a table");
    }

    @Test
    void theMemoryMapAndThePicturesComeFromTheCurrentPluginAndWorld(@TempDir Path dir) throws Exception {
        WasmHost plugin = Workbench.plugin();
        int bob = Workbench.step("step_create_named", plugin.putString("Bob"), 3);
        int buffer = Workbench.step("step_fetch_name", bob);
        MemoryMap map = Workbench.memoryMap();
        assertEquals(MemoryMap.Kind.HEAP, map.regionAt(Integer.toUnsignedLong(buffer)));
        assertTrue(map.buffers().stream().anyMatch(b -> b.address() == Integer.toUnsignedLong(buffer)),
                "the name's buffer is marked: " + map);
        assertEquals(map.regions().size(), Workbench.table(map).rowCount());

        Workbench.world().setParent(Workbench.world().createEntity(), bob);
        Svg forest = Workbench.forest();
        assertTrue(Workbench.html(forest).startsWith("<svg"), "html of a picture is the picture");
        Path saved = Workbench.saveSvg(forest, dir.resolve("pictures/forest.svg").toString());
        assertEquals(forest.markup(), Files.readString(saved));
        assertTrue(printed().contains("saved Svg[forest"), printed());
        for (Svg svg : List.of(Workbench.pairs(), Workbench.bipartite(), Workbench.memoryBar())) {
            assertTrue(svg.markup().contains("xmlns=\"http://www.w3.org/2000/svg\""), svg.toString());
        }
    }

    @Test
    void outsideAKernelSetupSaysSoAndShowPrintsTextAndPictureSummaries() {
        Workbench.setup();
        assertTrue(printed().contains("ECS-Wasm Workbench ready in a plain JVM: show(x) prints text"), printed());
        Workbench.world().setParent(Workbench.world().createEntity(), Workbench.world().createEntity());
        Workbench.show(Workbench.forest());
        assertTrue(printed().contains("Svg[forest, ") && printed().contains("saveSvg(svg, \"file.svg\")"), printed());
        Workbench.show(Relation.PARENT_CHILD);
        assertTrue(printed().contains("Parent -> Child (1:N)"), "a table as text: " + printed());
    }

    @Test
    void aPluginLoadedFromAFileStaysLoadedForEveryView() {
        WasmHost cGuest = Workbench.plugin(Path.of("src/test/resources/c-guest/c_guest.wasm"), ExecutionMode.COMPILED);
        int grace = Workbench.step("c_create_named", cGuest.putString("Grace"), 5);
        int buffer = Workbench.step("c_fetch_name", grace);
        assertTrue(Workbench.hexdump(buffer, 6).contains("47 72 61 63 65 00"), "the C guest's own memory");
        assertTrue(Workbench.memoryMap().module().contains("c_guest.wasm"), "the map is of the C guest: "
                + Workbench.memoryMap());
        assertTrue(Workbench.trace().crossings().size() >= 3, "the C guest's crossings");
        assertTrue(cGuest.module().origin().contains("c_guest.wasm"), cGuest.module().origin());
        assertNotSame(cGuest, Workbench.plugin(), "plugin() itself goes back to the bundled one");
    }
}
