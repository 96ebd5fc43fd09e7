package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The jshell tool itself, not just its API, started as {@code ./workbench} starts it: the tool is
 * what prints results, and what cuts them short in a mode with truncation.
 */
final class WorkbenchTool {

    static final Path LAUNCHER = Path.of("workbench");
    static final Path FEEDBACK = JShellScriptsTest.FOLDER.resolve("feedback.jshell");

    /** The arguments after the startup scripts, exactly as the launcher's last line has them. */
    private static final String LAUNCHER_FEEDBACK = "--feedback workbench \"$scripts/feedback.jshell\"";

    private WorkbenchTool() {
    }

    /**
     * Feeds {@code lines} (snippets and commands, one a line, then {@code /exit}) to a fresh tool
     * with this test's class path, JShell's DEFAULT imports, {@code workbench.jsh} and the
     * workbench's feedback mode, and returns everything it printed, prompts included.
     */
    static String run(List<String> lines) {
        checkTheLauncherStartsItSo();
        var output = new ByteArrayOutputStream();
        var sink = new PrintStream(output, true, StandardCharsets.UTF_8);
        byte[] input = (String.join("\n", lines) + "\n/exit\n").getBytes(StandardCharsets.UTF_8);
        try {
            int status = JavaShellToolBuilder.builder()
                    .in(new ByteArrayInputStream(input), null)
                    .out(sink)
                    .err(sink)
                    .persistence(new HashMap<>()) // neither reads nor writes the user's jshell history or settings
                    .start("--class-path", System.getProperty("java.class.path"),
                            "--startup", "DEFAULT", "--startup", JShellScriptsTest.COMMON.toString(),
                            "--feedback", "workbench", FEEDBACK.toString());
            assertEquals(0, status, () -> "the jshell tool exited " + status + ":\n" + output);
        } catch (Exception e) {
            throw new AssertionError("the jshell tool failed to start:\n" + output, e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** What this class runs is what a student gets: the launcher passes the same feedback arguments. */
    private static void checkTheLauncherStartsItSo() {
        try {
            String launcher = Files.readString(LAUNCHER, StandardCharsets.UTF_8);
            assertTrue(launcher.contains("exec jshell \"$@\" " + LAUNCHER_FEEDBACK),
                    "./workbench no longer ends with exec jshell \"$@\" " + LAUNCHER_FEEDBACK + ": update WorkbenchTool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
