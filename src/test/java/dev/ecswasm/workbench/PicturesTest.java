package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.WorkbenchException;
import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.world.EnttManager;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The pictures, parsed back as XML: a proper {@code <svg>} root, the boxes, lines and labels a known
 * world should give, and names drawn as themselves however odd. The pictures of the small world
 * are saved to {@code target/pictures/} to open in a browser.
 */
class PicturesTest {
    private static final Path SAVED = Path.of("target", "pictures");

    /** Two trees (Guild: Alice, Bob; Alice: Ann. Club: Carl, Cid), two pairs, three students in two courses. */
    private static EnttManager smallWorld() {
        EnttManager world = new EnttManager();
        int guild = named(world, "Guild");
        int alice = named(world, "Alice");
        int bob = named(world, "Bob");
        int ann = named(world, "Ann");
        int club = named(world, "Club");
        world.setParent(alice, guild);
        world.setParent(bob, guild);
        world.setParent(ann, alice);
        world.setParent(named(world, "Carl"), club);
        world.setParent(named(world, "Cid"), club);
        world.linkPlayerProfile(alice, named(world, "alice.profile"));
        world.linkPlayerProfile(bob, named(world, "bob.profile"));
        int math = named(world, "Math");
        int art = named(world, "Art");
        world.enroll(alice, math);
        world.enroll(alice, art);
        world.enroll(bob, math);
        world.enroll(ann, art);
        return world;
    }

    private static int named(EnttManager world, String name) {
        int id = world.createEntity();
        world.addName(id, name);
        return id;
    }

    @Test
    void theForestDrawsEveryNodeOnceAndALinePerEdge() throws Exception {
        Svg forest = Pictures.forest(smallWorld());
        Element svg = parse(forest);
        assertEquals(7, count(svg, "rect", "node"));
        assertEquals(5, count(svg, "line", "edge"));
        List<String> labels = texts(svg, "label");
        assertEquals(List.of("0 Guild", "1 Alice", "3 Ann", "2 Bob", "4 Club", "5 Carl", "6 Cid"), labels);
        assertEquals("Parent -> Child (1:N): 2 trees, 7 nodes, 5 edges", texts(svg, "caption").get(0));
        assertEquals("Svg[forest, " + forest.width() + "x" + forest.height() + ", 7 nodes]", forest.toString());
        forest.save(SAVED.resolve("forest.svg"));
    }

    @Test
    void rootsAreAboveTheirChildren() throws Exception {
        Element svg = parse(Pictures.forest(smallWorld()));
        List<Element> boxes = elements(svg, "rect", "node");
        double guild = Double.parseDouble(boxes.get(0).getAttribute("y"));
        double ann = Double.parseDouble(boxes.get(2).getAttribute("y"));
        assertTrue(guild < ann, "the root Guild is drawn above its grandchild Ann");
    }

    @Test
    void thePairsDrawTwoBoxesAndALinePerPair() throws Exception {
        Svg pairs = Pictures.pairs(smallWorld());
        Element svg = parse(pairs);
        assertEquals(4, count(svg, "rect", "node"));
        assertEquals(2, count(svg, "line", "edge"));
        assertEquals(List.of("1 Alice", "2 Bob", "7 alice.profile", "8 bob.profile"), texts(svg, "label"));
        assertEquals(List.of("player", "profile"), texts(svg, "heading"));
        assertEquals("2 pairs", pairs.counts());
        pairs.save(SAVED.resolve("pairs.svg"));
    }

    @Test
    void theBipartiteGraphDrawsEachStudentAndCourseOnceAndALinePerEnrollment() throws Exception {
        Svg bipartite = Pictures.bipartite(smallWorld());
        Element svg = parse(bipartite);
        assertEquals(5, count(svg, "rect", "node"));
        assertEquals(4, count(svg, "line", "edge"));
        assertEquals(List.of("1 Alice", "2 Bob", "3 Ann", "9 Math", "10 Art"), texts(svg, "label"));
        assertEquals("3 students, 2 courses, 4 enrollments", bipartite.counts());
        bipartite.save(SAVED.resolve("bipartite.svg"));
    }

    @Test
    void anEmptyWorldGivesValidPicturesThatSayNoEdges() throws Exception {
        EnttManager empty = new EnttManager();
        for (Svg picture : List.of(Pictures.forest(empty), Pictures.pairs(empty), Pictures.bipartite(empty))) {
            Element svg = parse(picture);
            assertEquals(0, count(svg, "rect", "node"));
            assertTrue(texts(svg, "caption").get(0).endsWith(": no edges"), picture.markup());
            assertEquals("no edges", picture.counts());
        }
    }

    @Test
    void aNameWithMarkupCharactersIsEscapedAndDrawsAsItself() throws Exception {
        EnttManager world = new EnttManager();
        int parent = named(world, "<b>Tom & \"Jerry\"</b>");
        world.setParent(named(world, "it's\u0001"), parent);
        Svg forest = Pictures.forest(world);
        assertTrue(forest.markup().contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;"), forest.markup());
        assertEquals(List.of("0 <b>Tom & \"Jerry\"</b>", "1 it's\uFFFD"), texts(parse(forest), "label"));
    }

    @Test
    void anEmojiSurvivesAndALoneSurrogateIsReplaced() {
        assertEquals("\uD83E\uDD80 \uFFFD", SvgWriter.escape("\uD83E\uDD80 \uD83E"));
    }

    @Test
    void aSaveThatCannotWriteSaysWhere(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "not a folder");
        Svg forest = Pictures.forest(smallWorld());
        WorkbenchException refused = assertThrows(WorkbenchException.class,
                () -> forest.save(blocker.resolve("forest.svg")));
        assertTrue(refused.getMessage().startsWith("cannot write the forest picture to " + blocker.resolve("forest.svg")),
                refused.getMessage());
    }

    @Test
    void aDeepChainIsCutAtTheLimitAndTheCaptionSaysSo() throws Exception {
        EnttManager world = new EnttManager();
        int parent = world.createEntity();
        for (int i = 0; i < 1000; i++) {
            int child = world.createEntity();
            world.setParent(child, parent);
            parent = child;
        }
        Element svg = parse(Pictures.forest(world));
        assertEquals(Pictures.MAX_NODES, count(svg, "rect", "node"));
        assertEquals(Pictures.MAX_NODES - 1, count(svg, "line", "edge"));
        assertTrue(texts(svg, "caption").get(0).endsWith(", 1000 edges (300 of 1001 boxes drawn)"),
                texts(svg, "caption").get(0));
    }

    @Test
    void theMemoryBarHasASegmentPerRegionAndATickPerBuffer() throws Exception {
        try (WasmHost host = WasmHost.builder(PluginModule.bundled()).build()) {
            int bob = host.callInt("step_create_named", host.putString("Bob"), 3);
            AbiTrace trace = host.api().startTrace();
            host.callInt("step_fetch_name", bob);
            MemoryMap map = MemoryMap.of(host, trace);
            Svg bar = Pictures.memoryBar(map);
            Element svg = parse(bar);
            List<Element> regions = elements(svg, "rect", "region");
            assertEquals(List.of("stack", "static data", "gap", "heap"), texts(svg, "label"));
            assertEquals(map.buffers().size(), count(svg, "line", "buffer"));
            assertEquals(1, count(svg, "line", "sp"));
            double heapX = Double.parseDouble(regions.get(3).getAttribute("x"));
            double heapWidth = Double.parseDouble(regions.get(3).getAttribute("width"));
            double tick = Double.parseDouble(elements(svg, "line", "buffer").get(0).getAttribute("x1"));
            assertTrue(tick >= heapX && tick <= heapX + heapWidth, "the name's buffer is drawn inside the heap");
            double gapWidth = Double.parseDouble(regions.get(2).getAttribute("width"));
            assertTrue(gapWidth >= 64, "log scale keeps the 12-byte gap visible: " + gapWidth);
            assertEquals("4 regions, 1 buffer", bar.counts());
            bar.save(SAVED.resolve("memory.svg"));
        }
    }

    @Test
    void savingCreatesTheFoldersAndWritesTheMarkup(@TempDir Path dir) throws Exception {
        Svg forest = Pictures.forest(smallWorld());
        Path file = forest.save(dir.resolve("a/b/forest.svg"));
        assertEquals(dir.resolve("a/b/forest.svg").toAbsolutePath(), file);
        assertEquals(forest.markup(), Files.readString(file));
    }

    /** Parses the markup and checks the root: an SVG element with width, height and a matching viewBox. */
    static Element parse(Svg picture) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(picture.markup())));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(String.valueOf(picture.width()), root.getAttribute("width"));
        assertEquals(String.valueOf(picture.height()), root.getAttribute("height"));
        assertEquals("0 0 " + picture.width() + " " + picture.height(), root.getAttribute("viewBox"));
        return root;
    }

    private static List<Element> elements(Element svg, String tag, String cssClass) {
        NodeList all = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                out.add(e);
            }
        }
        return out;
    }

    private static int count(Element svg, String tag, String cssClass) {
        return elements(svg, tag, cssClass).size();
    }

    private static List<String> texts(Element svg, String cssClass) {
        return elements(svg, "text", cssClass).stream().map(Element::getTextContent).toList();
    }
}
