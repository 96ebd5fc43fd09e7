package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test class's {@code main} in a JVM of its own, for the tests whose point is JVM-wide (the
 * heap, threads): the surefire JVM's own heap and threads would blur them, and a filled heap there
 * would hurt every other test.
 */
final class ForkedJvm {
    private ForkedJvm() {}

    /**
     * Runs {@code main}'s {@code main} with {@code -Xmx<heap>} on this JVM's class path, waits up to
     * {@code seconds}, prints its output and returns it; fails unless it exited 0 in time.
     */
    static String run(Class<?> main, String heap, int seconds) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile(main.getSimpleName(), ".txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx" + heap, "-cp", classPath, main.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "the forked JVM did not finish in " + seconds + " s");
        } finally {
            process.destroyForcibly(); // the one process this call started
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
