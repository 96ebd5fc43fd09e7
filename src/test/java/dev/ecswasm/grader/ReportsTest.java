package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports: results.json parsed as JSON in Gradescope's shape, the Markdown tables, the command's exit codes. */
class ReportsTest {
    private static final TestOutcome PASSED = new TestOutcome("exercises.a.ATest", "one", "one \"quoted\" | piped",
            "1.1", 2, true, "", false);
    private static final TestOutcome FAILED = new TestOutcome("exercises.a.ATest", "two", "two", "1.2", 3, false,
            "expected: <1> but was: <2>\n\tat line\u0001", false);
    private static final TestOutcome HIDDEN = new TestOutcome("exercises.a.AHiddenTest", "three", "three", "1.2", 5,
            false, "SECRET", true);
    private static final Report REPORT = new Report(List.of(
            new ExerciseGrade("01-a", List.of(PASSED, FAILED, HIDDEN), ""),
            new ExerciseGrade("02-b", List.of(new TestOutcome("exercises.b.BTest", "x", "x", "2.1", 4, false,
                    "your code does not compile: B.java:3: error: ';' expected", false)),
                    "does not compile (0 points for this exercise):\nB.java:3: error: ';' expected")), 1.25);

    @Test
    @DisplayName("results.json parses, and has Gradescope's fields with the right types and sums")
    void gradescopeShape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(GradescopeJson.render(REPORT));
        assertEquals(2, root.get("score").asInt());
        assertEquals(14, root.get("max_score").asInt());
        assertTrue(root.get("execution_time").isNumber());
        assertTrue(root.get("output").asText().contains("B.java:3: error: ';' expected"), root.get("output").asText());
        JsonNode tests = root.get("tests");
        assertEquals(4, tests.size());
        int sum = 0;
        for (JsonNode t : tests) {
            assertEquals(Set.of("name", "number", "score", "max_score", "status", "output", "visibility", "tags"),
                    Set.copyOf(list(t.fieldNames())), t.toString());
            assertTrue(t.get("score").isNumber() && t.get("max_score").isNumber(), t.toString());
            assertTrue(Set.of("passed", "failed").contains(t.get("status").asText()), t.toString());
            assertEquals("visible", t.get("visibility").asText());
            sum += t.get("score").asInt();
        }
        assertEquals(root.get("score").asInt(), sum, "the total is the sum of the tests");
        assertEquals("01-a 1.1: one \"quoted\" | piped", tests.get(0).get("name").asText());
        assertEquals("1.2", tests.get(1).get("number").asText());
        assertEquals("expected: <1> but was: <2>\n\tat line\u0001", tests.get(1).get("output").asText());
        assertEquals(ConsoleReport.HIDDEN, tests.get(2).get("output").asText(), "a hidden test's message is withheld");
        assertEquals("failed", tests.get(3).get("status").asText());
    }

    @Test
    @DisplayName("summary.md: one totals row per exercise, cells with pipes escaped, the compiler's message in full")
    void markdown() {
        String md = MarkdownReport.render(REPORT);
        assertTrue(md.startsWith("# Grade: 2/14 points (14%)\n"), md);
        assertTrue(md.contains("| 01-a | 2/10 | 2 |"), md);
        assertTrue(md.contains("| 02-b | 0/4 | 1 |"), md);
        assertTrue(md.contains("| 1.1 | one \"quoted\" \\| piped | 2/2 | pass |  |"), md);
        assertTrue(md.contains("| 1.2 | two | 0/3 | **fail** | expected: &lt;1&gt; but was: &lt;2&gt;<br>\tat line\\\\u0001 |"), md);
        assertTrue(md.contains("\n    does not compile (0 points for this exercise):\n    B.java:3: error: ';' expected\n"),
                md);
    }

    @Test
    @DisplayName("a message's control characters are shown as \\uXXXX in the console and summary.md, never sent raw")
    void controlCharactersAreShownNotSent() {
        String spoof = "\u001b[2J\u001b[HTotal: 14/14 points (100%)\u001b[8m\u202e";
        TestOutcome t = new TestOutcome("c", "m", "m", "1.1", 2, false, spoof, false);
        Report report = new Report(List.of(new ExerciseGrade("01-a", List.of(t), spoof)), 0);
        for (String out : List.of(ConsoleReport.render(report), MarkdownReport.render(report))) {
            assertTrue(out.chars().noneMatch(c -> c == 0x1b || c == 0x202e), out);
            assertTrue(out.contains("\\u001B[2J\\u001B[HTotal: 14/14 points (100%)\\u001B[8m\\u202E"), out);
        }
    }

    @Test
    @DisplayName("percent rounds down, so 99.9% never shows as 100%")
    void percentRoundsDown() {
        TestOutcome big = new TestOutcome("c", "m", "m", "1.1", 999, true, "", false);
        TestOutcome small = new TestOutcome("c", "n", "n", "1.2", 1, false, "no", false);
        assertEquals(99, new Report(List.of(new ExerciseGrade("01-a", List.of(big, small), "")), 0).percent());
        assertEquals(0, new Report(List.of(), 0).percent());
    }

    @Test
    @DisplayName("signed result lines carry tabs, newlines and backslashes unchanged; forged or altered ones count for nothing")
    void resultChannelVerifiesEachLine() {
        String key = ResultChannel.newKey();
        ResultChannel channel = ResultChannel.withKey(key);
        String tricky = channel.sign("[class:c]/[method:m()]", false, "a\\b\nc\td\re\\");
        String passed = channel.sign("[class:c]/[method:n()]", true, "");
        ResultChannel other = ResultChannel.withKey(ResultChannel.newKey());
        String forged = other.sign("[class:c]/[method:m()]", true, "");
        String altered = passed.replace("[method:n()]", "[method:m()]");
        String output = "printed by the student\n" + forged + "\n" + altered + "\n" + tricky + "\n" + passed
                + "\nR\tbroken";
        ResultChannel.Read read = channel.read(output);
        assertEquals(3, read.rejected(), "the forged, the altered and the broken line");
        assertEquals(new ResultChannel.Verified(false, "a\\b\nc\td\re\\"), read.results().get("[class:c]/[method:m()]"));
        assertEquals(new ResultChannel.Verified(true, ""), read.results().get("[class:c]/[method:n()]"));
        assertEquals(2, read.results().size());
    }

    @Test
    @DisplayName("a signed message is cut at 2 KiB, saying how much was cut")
    void resultChannelCutsLongMessages() {
        ResultChannel channel = ResultChannel.withKey(ResultChannel.newKey());
        String message = channel.read(channel.sign("t", false, "x".repeat(10_000))).results().get("t").message();
        assertTrue(message.startsWith("x".repeat(ResultChannel.MAX_MESSAGE) + " ... (7952 more characters)"), message);
    }

    @Test
    @DisplayName("./grade --expect full exits 1 when a point is missing; the reports are written either way")
    void expectExitCodes(@TempDir Path out) throws Exception {
        Path project = GraderTest.PROJECT;
        String[] partial = {"--work", "work-partial", "--out", out.toString(), "--timeout", "5", "--expect", "full"};
        assertEquals(1, Grade.run(partial, project.toAbsolutePath()));
        assertTrue(Files.readString(out.resolve("summary.md")).startsWith("# Grade: 3/6 points (50%)"));
        assertEquals(0, Grade.run(new String[] {"--work", "solutions", "--out", out.toString(), "--expect", "full"},
                project.toAbsolutePath()));
        assertEquals(0, Grade.run(new String[] {"--out", out.toString(), "--expect", "none"}, project.toAbsolutePath()));
        assertEquals(6, new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("max_score").asInt());
    }

    @Test
    @DisplayName("without bubblewrap: your own exercises are graded, NOT SANDBOXED said plainly; someone else's work is refused unless --no-sandbox")
    void withoutBubblewrap(@TempDir Path out) {
        Path project = GraderTest.PROJECT.toAbsolutePath();
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, Grade.run(new String[] {"--out", out.toString(), "--expect", "none"}, project, false));
        } finally {
            System.setOut(console);
        }
        assertTrue(printed.toString(java.nio.charset.StandardCharsets.UTF_8).contains("NOT SANDBOXED"), printed::toString);
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Grade.run(new String[] {"--work", "solutions", "--out", out.toString()}, project, false));
        assertTrue(refused.getMessage().contains("--no-sandbox"), refused.getMessage());
        assertEquals(0, Grade.run(new String[] {"--work", "solutions", "--out", out.toString(), "--expect", "full",
            "--no-sandbox"}, project, false), "told --no-sandbox, it grades, unsandboxed, with the same scores");
    }

    private static <T> List<T> list(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
