package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A class graded at once ({@code ./grade --class}): on the one-exercise fixture project (a solution
 * handed in as a folder, a clone of the course, a partly wrong one, the stubs, folders with the
 * wrong layout), the gradebook's rows are each student's own grade, the class report counts what
 * the gradebook holds, and a re-run grades only the students whose submission changed; on the
 * real project, a synthetic class of every kind of submission ({@link SyntheticClass}) scores
 * what each student must.
 */
class ClassGradingTest {
    private static final Path PROJECT = GraderTest.PROJECT.toAbsolutePath();
    private static final Path COURSE = Path.of("").toAbsolutePath();
    /** A folder name a browser or a Markdown viewer would take for markup, were it not escaped. */
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>&amp;|*[x](y)_`z`";

    @TempDir
    Path tmp;

    private static Grader.Options fixture() {
        // What ./grade --timeout 5 grades with, so a run of the command can reuse these gradings.
        return Grader.Options.of(PROJECT, PROJECT).withTimeouts(5, 300);
    }

    private static List<ClassGrading.Row> grade(Grader.Options options, Path klass, Path out, boolean regrade,
            ByteArrayOutputStream progress) {
        return ClassGrading.grade(options, klass, out, 2, regrade, new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every student graded, two at a time, into a gradebook whose rows match their own grades, and a class report that counts them; a wrong layout says why")
    void aClassIntoAGradebook() throws Exception {
        Path klass = tmp.resolve("class");
        TestFolders.copyTree(PROJECT.resolve("solutions"), klass.resolve("alice"));
        TestFolders.copyTree(PROJECT.resolve("solutions"), klass.resolve("carol/exercises"));
        TestFolders.copyTree(PROJECT.resolve("work-partial"), klass.resolve("bob"));
        TestFolders.copyTree(PROJECT.resolve("exercises"), klass.resolve("dave"));
        Files.createDirectories(klass.resolve("erin/homework"));
        Files.writeString(klass.resolve("erin/homework/Adder.java"), "class Adder {}");
        Files.createDirectories(klass.resolve(MARKUP_NAME));
        Path out = tmp.resolve("out");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<ClassGrading.Row> rows = grade(fixture(), klass, out, false, progress);

        Map<String, String> book = Files.readAllLines(out.resolve("gradebook.csv")).stream().skip(1)
                .collect(Collectors.toMap(l -> csv(l).get(0), l -> l));
        assertEquals("student,status,01-tiny,01-tiny 1.1,01-tiny 1.2,01-tiny 1.3,total,possible,percent",
                Files.readAllLines(out.resolve("gradebook.csv")).get(0));
        assertEquals("alice,graded,6,2,3,1,6,6,100", book.get("alice"));
        assertEquals("bob,graded,3,2,0,1,3,6,50", book.get("bob"));
        assertEquals("carol,graded,6,2,3,1,6,6,100", book.get("carol"), "a clone of the course is graded the same");
        assertEquals("dave,graded,0,0,0,0,0,6,0", book.get("dave"));
        assertTrue(book.get("erin").startsWith("erin,not laid out like solutions/"), book.get("erin"));
        assertTrue(book.get("erin").endsWith(",,,,,,,"), "no scores for a folder that could not be graded");
        assertEquals(6, rows.size());

        // Each row is the student's own grade, as ./grade --work would give it.
        Report bob = new Grader(Grader.Options.of(PROJECT, klass.resolve("bob")).withOut(tmp.resolve("bob"))
                .withTimeouts(5, 120)).grade();
        assertEquals(bob.earned(), rows.stream().filter(r -> r.student().equals("bob")).findFirst().orElseThrow()
                .report().orElseThrow().earned());
        assertTrue(Files.readString(out.resolve("students/bob/summary.md")).startsWith("# Grade: 3/6 points (50%)"));
        assertTrue(Files.exists(out.resolve("students/carol/results.json")));
        String said = progress.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("6/6 students done: 4 graded, 0 unchanged so skipped, 2 not gradable"), said);

        checkClassReport(out, Map.of("01-tiny", Map.of("1.1", 2, "1.2", 3, "1.3", 1)));
        String md = Files.readString(out.resolve("class.md"));
        assertTrue(md.contains("| 1.2 | 3 | 2 of 4 (50%) |"), md);
        assertTrue(md.contains("| 1.1 | 2 | 3 of 4 (75%) |"), md);
        assertTrue(md.contains("## Could not be graded (2)"), md);
    }

    @Test
    @DisplayName("names from student folders are escaped in the class report: the page's text is the name, and no markup of it is live")
    void studentNamesAreEscaped() throws Exception {
        Path klass = tmp.resolve("class");
        Files.createDirectories(klass.resolve(MARKUP_NAME).resolve("homework"));
        Path out = tmp.resolve("out");
        grade(fixture(), klass, out, false, new ByteArrayOutputStream());

        Document page = xml(Files.readString(out.resolve("class.html")));
        assertEquals(0, page.getElementsByTagName("img").getLength(), "a name made an element of the page");
        NodeList cells = page.getElementsByTagName("td");
        boolean shown = false;
        for (int i = 0; i < cells.getLength(); i++) {
            shown |= cells.item(i).getTextContent().equals(MARKUP_NAME);
        }
        assertTrue(shown, "the page shows the folder's name as it is");
        String md = Files.readString(out.resolve("class.md"));
        assertTrue(md.contains("| \\<img src=x onerror=alert(1)\\>\\&amp;\\|\\*\\[x\\](y)\\_\\`z\\` | "), md);
        assertFalse(md.matches("(?s).*[^\\\\]<img.*"), "an unescaped < in class.md:\n" + md);
    }

    @Test
    @DisplayName("a re-run skips every unchanged student with an identical gradebook; a changed, tampered or incomplete one is graded again; --regrade grades all")
    void reRunsSkipUnchangedStudents() throws Exception {
        Path klass = tmp.resolve("class");
        TestFolders.copyTree(PROJECT.resolve("solutions"), klass.resolve("alice"));
        TestFolders.copyTree(PROJECT.resolve("work-partial"), klass.resolve("bob/exercises"));
        TestFolders.copyTree(PROJECT.resolve("exercises"), klass.resolve("dave"));
        Files.createDirectories(klass.resolve("erin/homework"));
        Path out = tmp.resolve("out");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        grade(fixture(), klass, out, false, progress);
        String first = Files.readString(out.resolve("gradebook.csv"));
        String firstReport = Files.readString(out.resolve("class.md"));
        assertTrue(Files.exists(out.resolve("students/alice").resolve(StoredGrade.FILE)), "the grade is stored");

        progress.reset();
        assertEquals(Map.of("alice", true, "bob", true, "dave", true, "erin", false),
                reused(grade(fixture(), klass, out, false, progress)));
        assertEquals(first, Files.readString(out.resolve("gradebook.csv")), "the same gradebook, byte for byte");
        assertEquals(firstReport, Files.readString(out.resolve("class.md")));
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains(
                "4/4 students done: 0 graded, 3 unchanged so skipped, 1 not gradable"), progress.toString());

        // A late submission: bob hands in the solution. Only bob is graded again.
        Path bobsAdder = klass.resolve("bob/exercises/01-tiny/src/exercises/tiny/Adder.java");
        Files.copy(PROJECT.resolve("solutions/01-tiny/src/exercises/tiny/Adder.java"), bobsAdder,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(klass.resolve("bob/README.md"), "a file outside src changes nothing graded");
        List<ClassGrading.Row> late = grade(fixture(), klass, out, false, progress);
        assertEquals(Map.of("alice", true, "bob", false, "dave", true, "erin", false), reused(late));
        String lateBook = Files.readString(out.resolve("gradebook.csv"));
        assertTrue(lateBook.contains("\r\nbob,graded,6,2,3,1,6,6,100\r\n"), lateBook);
        assertEquals(first.replace("bob,graded,3,2,0,1,3,6,50", "bob,graded,6,2,3,1,6,6,100"), lateBook);

        // A record edited by hand, one cut short, and reports that no longer match theirs: not trusted.
        Path aliceRecord = out.resolve("students/alice").resolve(StoredGrade.FILE);
        Files.writeString(aliceRecord, Files.readString(aliceRecord).replace("\ttrue\t", "\tfalse\t"));
        Path bobRecord = out.resolve("students/bob").resolve(StoredGrade.FILE);
        String bob = Files.readString(bobRecord);
        Files.writeString(bobRecord, bob.substring(0, bob.lastIndexOf("end\t")));
        Files.writeString(out.resolve("students/dave/summary.md"), "\nedited", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Map.of("alice", false, "bob", false, "dave", false, "erin", false),
                reused(grade(fixture(), klass, out, false, progress)));
        assertEquals(lateBook, Files.readString(out.resolve("gradebook.csv")));
        assertEquals(Map.of("alice", true, "bob", true, "dave", true, "erin", false),
                reused(grade(fixture(), klass, out, false, progress)), "graded again, the records are whole again");

        // --regrade: everyone, changed or not.
        assertEquals(Map.of("alice", false, "bob", false, "dave", false, "erin", false),
                reused(grade(fixture(), klass, out, true, progress)));
        assertEquals(lateBook, Files.readString(out.resolve("gradebook.csv")));

        // The command says what it skipped; --regrade means nothing without --class.
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Grade.run(new String[] {"--class", klass.toString(), "--out", out.toString(), "--timeout", "5"},
                    PROJECT));
        } finally {
            System.setOut(console);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith(
                "4 students: 0 graded, 3 unchanged since the last run so skipped, 1 could not be graded; "), printed::toString);
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Grade.run(new String[] {"--regrade"}, PROJECT));
        assertTrue(refused.getMessage().contains("--class"), refused.getMessage());
    }

    @Test
    @DisplayName("the content hash covers the student's src files and what decides the grade besides, and nothing else")
    void theHashCoversWhatDecidesTheGrade() throws Exception {
        Path work = tmp.resolve("alice");
        TestFolders.copyTree(PROJECT.resolve("solutions"), work);
        List<String> exercises = List.of("01-tiny");
        String common = GradeInputs.common(fixture(), exercises);
        String hash = GradeInputs.of(common, work, "", exercises).orElseThrow();
        assertEquals(hash, GradeInputs.of(GradeInputs.common(fixture(), exercises), work, "", exercises).orElseThrow(),
                "the same inputs, the same hash");

        Files.writeString(work.resolve("notes.txt"), "outside src");
        assertEquals(hash, GradeInputs.of(common, work, "", exercises).orElseThrow(), "a file outside src is not graded");
        assertNotEquals(hash, GradeInputs.of(common, work, "exercises", exercises).orElseThrow(), "the layout counts");
        Path adder = work.resolve("01-tiny/src/exercises/tiny/Adder.java");
        Files.writeString(adder, Files.readString(adder) + " ");
        assertNotEquals(hash, GradeInputs.of(common, work, "", exercises).orElseThrow(), "one byte more");
        Files.writeString(adder, Files.readString(adder).strip() + "\n");
        String restored = GradeInputs.of(common, work, "", exercises).orElseThrow();
        Files.move(adder, adder.resolveSibling("Adder2.java"));
        assertNotEquals(restored, GradeInputs.of(common, work, "", exercises).orElseThrow(), "a renamed file");

        assertNotEquals(common, GradeInputs.common(fixture().withTimeouts(6, 120), exercises), "the test timeout");
        assertNotEquals(common, GradeInputs.common(fixture().withDeadline(100), exercises), "the deadline");
        assertNotEquals(common, GradeInputs.common(fixture().withHidden(PROJECT.resolve("hidden")), exercises),
                "the hidden tests");
        assertNotEquals(common, GradeInputs.common(Grader.Options.of(COURSE, COURSE), List.of("01-entity-ids")),
                "another project's tests");
    }

    @Test
    @DisplayName("a stored grade reads back as the same report, and not at all when cut short or changed anywhere")
    void aStoredGradeReadsBackExactly() {
        String awkward = "tab\there, lines\nand\r\nback\\slash \\n \\u0041 \u0007 \ud83d\ude00 half \ud800 é";
        Report report = new Report(List.of(
                new ExerciseGrade("01-a", List.of(
                        new TestOutcome("a.BTest", "one", awkward, "1.1", 2, true, "", false),
                        new TestOutcome("a.BTest", "two", "two", "1.2", 3, false, awkward, true),
                        new TestOutcome("a.BTest", "three", "", "", 0, false, "", false)), ""),
                new ExerciseGrade("02-b", List.of(), awkward)), 12.345678901234567);
        String text = StoredGrade.render("abc123", report);
        assertEquals(new StoredGrade.Stored("abc123", report), StoredGrade.read(text).orElseThrow());
        assertTrue(text.lines().allMatch(l -> l.chars().noneMatch(c -> c < 0x20 && c != '\t')), text);

        List<Executable> checks = new ArrayList<>();
        for (int cut = 0; cut < text.length(); cut++) {
            String shorter = text.substring(0, cut);
            checks.add(() -> assertTrue(StoredGrade.read(shorter).isEmpty(), () -> "taken when cut to " + shorter));
        }
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            String changed = text.substring(0, at) + (char) (c == 'x' ? 'y' : 'x') + text.substring(at + 1);
            int where = at;
            checks.add(() -> assertTrue(StoredGrade.read(changed).isEmpty(), () -> "taken when changed at " + where));
        }
        assertAll(checks);
    }

    @Test
    @DisplayName("a grade the grader's own deadline or failure cut short is not stored: grading again may give more")
    void aGradeCutShortIsNotStored() {
        TestOutcome test = new TestOutcome("a.BTest", "one", "one", "1.1", 2, true, "", false);
        Report whole = new Report(List.of(new ExerciseGrade("01-a", List.of(test), "")), 12.3);
        Report late = new Report(List.of(new ExerciseGrade("01-a", List.of(test.failedWith("not graded")),
                "not graded: the grading's deadline of 10 s had passed before this exercise")), 10.2);
        assertTrue(StoredGrade.storable(whole, 0));
        assertTrue(StoredGrade.storable(whole, 60));
        assertFalse(StoredGrade.storable(whole, 13), "ended within a second of the deadline: a run may have been cut");
        assertFalse(StoredGrade.storable(late, 0));
    }

    @Test
    @DisplayName("a synthetic class of every kind (solutions, stubs, wrong, hostile, a missing exercise, a wrong layout, both layouts): every gradebook row as expected, and a re-run skips them all")
    void aSyntheticClass() throws Exception {
        gradeSyntheticClass(8, 2);
    }

    /**
     * The lead engineer's timing run: {@code mvn -o test -Dtest=ClassGradingTest#aLargeSyntheticClass
     * -Dgrader.synthetic.students=100 -Dsurefire.failIfNoSpecifiedTests=false} (and
     * {@code -Dgrader.synthetic.jobs=N}, default the cores here); it prints the time per student.
     */
    @Test
    @EnabledIfSystemProperty(named = "grader.synthetic.students", matches = "[0-9]+")
    @DisplayName("a large synthetic class, its size given by -Dgrader.synthetic.students, timed")
    void aLargeSyntheticClass() throws Exception {
        gradeSyntheticClass(Integer.parseInt(System.getProperty("grader.synthetic.students")),
                Integer.getInteger("grader.synthetic.jobs", Runtime.getRuntime().availableProcessors()));
    }

    private void gradeSyntheticClass(int n, int jobs) throws Exception {
        assumeTrue(Sandbox.bwrapWorks(), "bubblewrap is not installed here: hostile submissions need the sandbox");
        Path klass = tmp.resolve("class");
        List<SyntheticClass.Student> students = SyntheticClass.write(COURSE, klass, n);
        Map<String, Map<String, Integer>> tasks = SyntheticClass.taskPoints(COURSE);
        Path out = tmp.resolve("out");
        Grader.Options options = Grader.Options.of(COURSE, COURSE).withTimeouts(10, 120);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        long start = System.nanoTime();
        List<ClassGrading.Row> rows = ClassGrading.grade(options, klass, out, jobs, false,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - start) / 1e9;
        long gradable = students.stream().filter(SyntheticClass.Student::gradable).count();
        System.out.printf(Locale.ROOT, "synthetic class: %d students (%d gradable) in %.1f s with %d jobs: "
                + "%.2f s per gradable student%n", n, gradable, seconds, jobs, seconds / gradable);
        assertEquals(n, rows.size());
        checkRows(out.resolve("gradebook.csv"), students, tasks);
        checkClassReport(out, tasks);

        String book = Files.readString(out.resolve("gradebook.csv"));
        List<ClassGrading.Row> again = ClassGrading.grade(options, klass, out, jobs, false,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertEquals(gradable, again.stream().filter(ClassGrading.Row::reused).count(), "a re-run skips every gradable student");
        assertEquals(book, Files.readString(out.resolve("gradebook.csv")));
    }

    /** Every row of the gradebook is what {@link SyntheticClass} says that student must score. */
    private static void checkRows(Path gradebook, List<SyntheticClass.Student> students,
            Map<String, Map<String, Integer>> tasks) throws Exception {
        List<Map<String, String>> rows = table(gradebook);
        Map<String, Map<String, String>> byName = rows.stream().collect(Collectors.toMap(r -> r.get("student"), r -> r));
        assertEquals(students.size(), rows.size(), "one row per student folder");
        int possible = tasks.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        List<Executable> checks = new ArrayList<>();
        for (SyntheticClass.Student s : students) {
            Map<String, String> row = byName.get(s.name());
            checks.add(() -> {
                String said = s.name() + ": " + row;
                if (!s.gradable()) {
                    assertTrue(row.get("status").startsWith("not laid out like solutions/"), said);
                    assertEquals("", row.get("total"), said);
                    return;
                }
                assertEquals("graded", row.get("status"), said);
                int total = 0;
                for (Map.Entry<String, SyntheticClass.Expected> e : s.exercises().entrySet()) {
                    int points = Integer.parseInt(row.get(e.getKey()));
                    total += points;
                    assertTrue(points >= e.getValue().least() && points <= e.getValue().most(), () -> said + ": "
                            + e.getKey() + " scored " + points + ", expected " + e.getValue());
                    int byTask = 0;
                    for (Map.Entry<String, Integer> t : tasks.get(e.getKey()).entrySet()) {
                        int earned = Integer.parseInt(row.get(e.getKey() + " " + t.getKey()));
                        byTask += earned;
                        if (e.getValue().tasksShort().contains(t.getKey())) {
                            assertTrue(earned < t.getValue(), () -> said + ": task " + t.getKey() + " should lose points");
                        }
                    }
                    assertEquals(points, byTask, said + ": " + e.getKey() + " is the sum of its tasks");
                }
                assertEquals(total, Integer.parseInt(row.get("total")), said);
                assertTrue(total >= s.leastTotal() && total <= s.mostTotal(), said);
                assertEquals(possible, Integer.parseInt(row.get("possible")), said);
                assertEquals(100 * total / possible, Integer.parseInt(row.get("percent")), said);
            });
        }
        assertAll(checks);
    }

    /**
     * The class report counts what the gradebook holds: per task, the graded rows with every point
     * of it, each said in {@code class.md} and in the chart, which is well-formed XML with one bar
     * per task.
     */
    private static void checkClassReport(Path out, Map<String, Map<String, Integer>> tasks) throws Exception {
        List<Map<String, String>> graded = table(out.resolve("gradebook.csv")).stream()
                .filter(r -> r.get("status").equals("graded")).toList();
        Map<String, String> expected = new TreeMap<>();
        tasks.forEach((exercise, points) -> points.forEach((task, max) -> {
            long earned = graded.stream().filter(r -> Integer.parseInt(r.get(exercise + " " + task)) == max).count();
            expected.put(exercise + " " + task, ClassReport.share((int) earned, graded.size()));
        }));

        String html = Files.readString(out.resolve("class.html"));
        Document page = xml(html);
        NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertEquals(1, svgs.getLength(), "one chart");
        Element svg = (Element) svgs.item(0);
        // The chart also stands alone as an SVG document.
        Document chart = xml(html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length()));
        assertEquals("svg", chart.getDocumentElement().getLocalName());
        List<Element> bars = elements(svg, "rect").stream().filter(r -> r.getAttribute("class").equals("bar")).toList();
        assertEquals(expected.size(), bars.size(), "one bar per task");
        Map<String, String> charted = new TreeMap<>();
        for (Element g : elements(svg, "g")) {
            String title = elements(g, "title").get(0).getTextContent();
            charted.put(title.substring(0, title.indexOf(':')), title.substring(title.indexOf(':') + 2));
        }
        assertEquals(expected, charted, "the chart's counts are the gradebook's");

        String md = Files.readString(out.resolve("class.md"));
        for (Map.Entry<String, String> task : expected.entrySet()) {
            String id = task.getKey().substring(task.getKey().indexOf(' ') + 1);
            String exercise = task.getKey().substring(0, task.getKey().indexOf(' '));
            String line = "| " + id + " | " + tasks.get(exercise).get(id) + " | " + task.getValue() + " |";
            int section = md.indexOf("### " + exercise + "\n");
            assertTrue(section >= 0 && md.indexOf(line, section) >= 0, () -> "class.md lacks " + line + " under "
                    + exercise + ":\n" + md);
        }
    }

    private static Map<String, Boolean> reused(List<ClassGrading.Row> rows) {
        Map<String, Boolean> reused = new HashMap<>();
        rows.forEach(r -> reused.put(r.student(), r.reused()));
        return reused;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The gradebook's rows, each by its header's names. */
    private static List<Map<String, String>> table(Path csvFile) throws Exception {
        List<String> lines = Files.readAllLines(csvFile, StandardCharsets.UTF_8);
        List<String> header = csv(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csv(line);
            assertEquals(header.size(), cells.size(), line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes). */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
