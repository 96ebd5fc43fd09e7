package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One grade everywhere: {@code ./grade} run under two machine locales grades a solution that uses
 * the default charset the same, and prints the tests' UTF-8 names as UTF-8 under both.
 */
class LocaleTest {
    static final Path PROJECT = Path.of("src/test/resources/grader/charset").toAbsolutePath();

    @TempDir
    Path out;

    @Test
    @DisplayName("new String(bytes) gets the same score under LANG=C and LANG=C.UTF-8, and the table prints é as é")
    void oneGradeWhateverTheLocale() throws Exception {
        String plain = grade("C");
        String utf8 = grade("C.UTF-8");
        assertTrue(plain.contains("Total: 1/1 points (100%)"), plain);
        assertTrue(utf8.contains("Total: 1/1 points (100%)"), utf8);
        for (String output : List.of(plain, utf8)) {
            assertTrue(output.contains("decode keeps é and €"), output);
        }
    }

    /** The grader's whole console output, run in a JVM of its own whose machine locale is {@code lang}. */
    private String grade(String lang) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", Grader.defaultClassPath(), Grade.class.getName(),
                "--work", "work-default-charset", "--out", out.resolve(lang).toString())
                .directory(PROJECT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("JAVA_TOOL"));
        builder.environment().put("LANG", lang);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
