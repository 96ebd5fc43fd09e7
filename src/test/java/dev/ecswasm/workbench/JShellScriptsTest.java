package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every script in {@code notebooks/jshell} runs clean, as {@code ./workbench [layer]} runs it. */
class JShellScriptsTest {

    static final Path FOLDER = Path.of("notebooks", "jshell");
    static final Path COMMON = FOLDER.resolve("workbench.jsh");

    @Test
    void theLauncherFindsAScriptForEveryLayer() throws IOException {
        assertEquals(List.of("abi.jsh", "ecs.jsh", "host.jsh", "workbench.jsh", "world.jsh"), scriptNames());
    }

    /** The common script alone, then each layer's script after it, each in a fresh JShell. */
    @TestFactory
    Stream<DynamicTest> everyScriptRunsWithoutARejectedSnippetOrAnException() throws IOException {
        var runs = new ArrayList<DynamicTest>();
        runs.add(DynamicTest.dynamicTest("workbench.jsh", () -> assertClean(List.of(COMMON))));
        for (String name : scriptNames()) {
            if (!name.equals("workbench.jsh")) {
                runs.add(DynamicTest.dynamicTest(name, () -> assertClean(List.of(COMMON, FOLDER.resolve(name)))));
            }
        }
        return runs.stream();
    }

    /** What {@code tour()} tells a student to paste, pasted in order after the common script. */
    @Test
    void theTourRunsAsPrinted(@TempDir Path dir) throws IOException {
        List<String> lines = tourLines();
        assertTrue(lines.size() >= 30, "the tour has lines to paste: " + lines.size());
        Path tour = Files.writeString(dir.resolve("tour.jsh"), String.join("\n", lines) + "\n");
        assertClean(List.of(COMMON, tour));
    }

    /**
     * The tour pasted into the jshell tool as {@code ./workbench} starts it: every line shows
     * something, and no result is cut. JShell cuts a long value to {@code "start ... end"}; to show
     * this test would see such a cut, the last line asks for a long exchange again in JShell's own
     * normal mode, where it is cut.
     */
    @Test
    void theTourInTheToolShowsSomethingForEveryLineAndCutsNoResult() {
        List<String> tour = tourLines();
        List<String> input = new ArrayList<>(tour);
        input.addAll(List.of("/set feedback normal", "exchangeName(bob, 2)"));

        String out = WorkbenchTool.run(input);

        // The prompt comes before each line is read, so what follows one prompt is that line, echoed
        // (the input is no terminal), then its output.
        String[] shown = out.split("jshell> ", -1);
        assertTrue(shown.length >= input.size() + 1, () -> "fewer prompts than lines:\n" + out);
        for (int i = 0; i < tour.size(); i++) {
            String line = tour.get(i);
            String output = withoutEcho(shown[i + 1], line);
            assertTrue(!output.isBlank(), () -> "the tour line shows nothing: " + line);
            assertTrue(!output.contains(CUT), () -> "the tour line's result is cut (\"" + CUT + "\"): " + line
                    + "\n" + output);
            assertTrue(!output.contains("|  Error:") && !output.contains("|  Exception"),
                    () -> "the tour line fails: " + line + "\n" + output);
        }
        int children = tour.indexOf(tour.stream().filter(l -> l.startsWith("exchangeChildren(")).findFirst().orElseThrow());
        assertTrue(Pattern.compile("result: \\[\\d+(, \\d+)+\\]").matcher(shown[children + 1]).find(),
                () -> "the list exchange fetches real ids, more than one:\n" + shown[children + 1]);
        String again = shown[tour.size() + 2];
        assertTrue(again.contains(CUT), () -> "in JShell's normal mode the long exchange should be cut:\n" + again);
    }

    /** What the tool printed after a line, without its echo of the line. */
    private static String withoutEcho(String shown, String line) {
        int end = shown.indexOf('\n');
        String first = end < 0 ? shown : shown.substring(0, end);
        assertEquals(line, first.strip(), "the tool echoes each line after its prompt");
        return end < 0 ? "" : shown.substring(end + 1);
    }

    /** How the jshell tool marks a value it cut short: the start, this, the end. */
    private static final String CUT = " ... ";

    /** The lines tour() says to paste, in order. */
    static List<String> tourLines() {
        return Tour.TEXT.lines()
                .filter(line -> line.startsWith("     "))
                .map(String::strip)
                .collect(Collectors.toList());
    }

    /**
     * One current world, reached one way: no variable {@code world} can go on pointing at the
     * world {@code newWorld()} replaced. Typing the variable gets javac's plain answer.
     */
    @Test
    void theCurrentWorldIsOnlyWorldCallNotAVariable(@TempDir Path dir) throws IOException {
        Path lines = Files.writeString(dir.resolve("lines.jsh"), String.join("\n",
                "int old = world().createEntity();",
                "newWorld();",
                "if (world().entityCount() != 0) throw new AssertionError(\"newWorld() is empty\");",
                "world.createEntity();",
                ""));

        var problems = JShellScripts.run(List.of(COMMON, lines));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(4, problems.get(0).line());
        assertTrue(problems.get(0).why().startsWith("rejected: cannot find symbol"), problems.get(0).why());
        assertTrue(problems.get(0).why().contains("variable world"), problems.get(0).why());
    }

    @Test
    void aBrokenScriptIsCaughtWithItsNameAndLine() throws URISyntaxException {
        Path broken = Path.of(Objects.requireNonNull(getClass().getResource("/jshell/broken.jsh")).toURI());

        var problems = JShellScripts.run(List.of(broken));

        assertEquals(2, problems.size(), problems::toString);
        var rejected = problems.get(0);
        assertEquals("broken.jsh", rejected.script());
        assertEquals(5, rejected.line());
        assertEquals("int twice = nowhere * 2;", rejected.source().strip());
        assertTrue(rejected.why().startsWith("rejected: cannot find symbol"), rejected.why());
        var thrown = problems.get(1);
        assertEquals("broken.jsh", thrown.script());
        assertEquals(8, thrown.line());
        assertEquals("throws java.lang.NumberFormatException: For input string: \"not a number\"", thrown.why());
        assertTrue(thrown.toString().startsWith("broken.jsh line 8: throws java.lang.NumberFormatException"),
                thrown.toString());
    }

    private static void assertClean(List<Path> scripts) {
        var problems = JShellScripts.run(scripts);
        assertTrue(problems.isEmpty(), () -> problems.stream().map(Object::toString)
                .collect(Collectors.joining("\n", problems.size() + " snippet(s) failed:\n", "")));
    }

    private static List<String> scriptNames() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jsh"))
                    .sorted()
                    .toList();
        }
    }
}
