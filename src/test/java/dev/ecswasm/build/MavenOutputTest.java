package dev.ecswasm.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's demo runs as {@code mvn -q compile exec:java}, so what Maven itself prints lands at
 * the end of the demo's output. Debian's Maven 3.8 ships Jansi without its native library: Jansi
 * then cannot tell a pipe from a terminal and writes a colour reset, ESC[0m, on each stream as
 * Maven exits. {@code .mvn/jvm.config} sets {@code -Djansi.noreset=true} against that.
 */
class MavenOutputTest {

    @Test
    void mavenWritesNoEscapeCodeWhenItsOutputIsNotATerminal() {
        // validate: the same Maven start and exit as the demo's command, without the compile.
        MavenRun run = MavenRun.in(MavenRun.PROJECT, Duration.ofMinutes(3), "-q", "-B", "-o", "validate");

        assertEquals(0, run.exit(), run::report);
        assertFalse(run.stdout().contains("\u001B"), () -> "an escape code on stdout:\n" + run.report());
        assertFalse(run.stderr().contains("\u001B"), () -> "an escape code on stderr:\n" + run.report());
    }
}
