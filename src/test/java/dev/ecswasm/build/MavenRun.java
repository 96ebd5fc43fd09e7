package dev.ecswasm.build;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the machine's {@code mvn} in a folder, as a student would type it there, and what it printed. */
record MavenRun(List<String> command, int exit, String stdout, String stderr) {

    /** The project's folder: surefire runs tests there. */
    static final Path PROJECT = Path.of("").toAbsolutePath();

    /**
     * Runs {@code mvn args...} in {@code folder}, stdout and stderr kept apart (each a file, so
     * neither is a terminal), and fails the test if it takes longer than {@code limit}. The test
     * is skipped, not failed, on a machine without {@code mvn} on its PATH.
     */
    static MavenRun in(Path folder, Duration limit, String... args) {
        assumeTrue(onPath("mvn"), "no mvn on the PATH");
        List<String> command = new ArrayList<>(List.of("mvn"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("mvn-out", ".txt");
            Path err = Files.createTempFile("mvn-err", ".txt");
            try {
                Process p = new ProcessBuilder(command).directory(folder.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " in " + folder + " took longer than " + limit);
                }
                return new MavenRun(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a failed assertion shows: the command, its exit status and both streams. */
    String report() {
        return String.join(" ", command) + " exited " + exit + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
