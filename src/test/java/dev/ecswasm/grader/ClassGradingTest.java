package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class graded at once ({@code ./grade --class}) on the one-exercise fixture project: a solution
 * handed in as a folder, a clone of the course, a partly wrong one, the stubs, and a folder with
 * the wrong layout. The gradebook's rows are each student's individual grade.
 */
class ClassGradingTest {
    private static final Path PROJECT = GraderTest.PROJECT.toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    @DisplayName("every student graded, two at a time, into a gradebook whose rows match their own grades; a wrong layout says why")
    void aClassIntoAGradebook() throws Exception {
        Path klass = tmp.resolve("class");
        TestFolders.copyTree(PROJECT.resolve("solutions"), klass.resolve("alice"));
        TestFolders.copyTree(PROJECT.resolve("solutions"), klass.resolve("carol/exercises"));
        TestFolders.copyTree(PROJECT.resolve("work-partial"), klass.resolve("bob"));
        TestFolders.copyTree(PROJECT.resolve("exercises"), klass.resolve("dave"));
        Files.createDirectories(klass.resolve("erin/homework"));
        Files.writeString(klass.resolve("erin/homework/Adder.java"), "class Adder {}");
        Path out = tmp.resolve("out");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<ClassGrading.Row> rows = ClassGrading.grade(Grader.Options.of(PROJECT, PROJECT).withTimeouts(5, 120),
                klass, out, 2, new PrintStream(progress, true, StandardCharsets.UTF_8));

        Map<String, String> book = Files.readAllLines(out.resolve("gradebook.csv")).stream().skip(1)
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')), l -> l));
        assertEquals("student,status,01-tiny,01-tiny 1.1,01-tiny 1.2,01-tiny 1.3,total,possible,percent",
                Files.readAllLines(out.resolve("gradebook.csv")).get(0));
        assertEquals("alice,graded,6,2,3,1,6,6,100", book.get("alice"));
        assertEquals("bob,graded,3,2,0,1,3,6,50", book.get("bob"));
        assertEquals("carol,graded,6,2,3,1,6,6,100", book.get("carol"), "a clone of the course is graded the same");
        assertEquals("dave,graded,0,0,0,0,0,6,0", book.get("dave"));
        assertTrue(book.get("erin").startsWith("erin,not laid out like solutions/"), book.get("erin"));
        assertTrue(book.get("erin").endsWith(",,,,,,,"), "no scores for a folder that could not be graded");
        assertEquals(5, rows.size());

        // Each row is the student's own grade, as ./grade --work would give it.
        Report bob = new Grader(Grader.Options.of(PROJECT, klass.resolve("bob")).withOut(tmp.resolve("bob"))
                .withTimeouts(5, 120)).grade();
        assertEquals(bob.earned(), rows.stream().filter(r -> r.student().equals("bob")).findFirst().orElseThrow()
                .report().orElseThrow().earned());
        assertTrue(Files.readString(out.resolve("students/bob/summary.md")).startsWith("# Grade: 3/6 points (50%)"));
        assertTrue(Files.exists(out.resolve("students/carol/results.json")));
        String said = progress.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("graded 5/5 students, 1 not gradable"), said);
    }
}
