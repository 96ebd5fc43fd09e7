package dev.ecswasm.grader;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox tried by hand, with the code-policy door left open: {@link SandboxProbe} runs in it
 * as the grader runs a test JVM and tries the network (a listener of ours on loopback), the
 * project's files, a mounted folder, the disk and a process left behind.
 */
class SandboxTest {
    @TempDir
    Path mounted;

    @Test
    @DisplayName("in the sandbox: no network, no project files, no /etc/shadow, read-only mounts, 64 MiB of scratch, no process outlives it, one locale")
    void theSandboxHolds() throws Exception {
        assumeTrue(Sandbox.bwrapWorks(), "bubblewrap is not installed here: the grader runs without a sandbox");
        Path classes = Path.of(SandboxProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path project = Path.of("").toAbsolutePath();
        AtomicInteger accepted = new AtomicInteger();
        Sandbox.Outcome outcome;
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    listener.accept().close();
                    accepted.incrementAndGet();
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            outcome = Sandbox.bwrap().runJava(List.of("-Xmx64m", "-cp", "/probe", SandboxProbe.class.getName(),
                    Integer.toString(listener.getLocalPort()), project.toString(), "/mounted"),
                    List.of(new Sandbox.Mount(classes, "/probe", false), new Sandbox.Mount(mounted, "/mounted", false)),
                    "", Duration.ofSeconds(60), 1 << 16, 1 << 16);
        }
        Map<String, String> seen = outcome.out().lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertAll(
                () -> assertTrue(seen.get("connect").startsWith("failed"), "connect: " + seen.get("connect")),
                () -> assertEquals(0, accepted.get(), "our loopback listener was reached from the sandbox"),
                () -> assertTrue(seen.get("read-project").startsWith("failed"), "read: " + seen.get("read-project")),
                () -> assertTrue(seen.get("write-mount").startsWith("failed"), "write: " + seen.get("write-mount")),
                () -> assertTrue(seen.get("read-etc-shadow").startsWith("failed"), "/etc/shadow: " + seen.get("read-etc-shadow")),
                () -> assertFalse(Files.exists(mounted.resolve("planted.txt"))),
                () -> assertTrue(seen.get("fill-scratch").startsWith("failed"), "200 MiB: " + seen.get("fill-scratch")),
                () -> assertEquals("done", seen.get("leave-process"), "the probe could start its process"),
                () -> assertEquals("UTF-8", seen.get("charset")),
                () -> assertEquals("C.UTF-8", seen.get("lang")),
                () -> assertEquals("UTC", seen.get("zone")));
        // The probe started `sleep 987`; the sandbox's PID namespace ended with the probe, and the sleep with it.
        Thread.sleep(200);
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 987")),
                "a process the sandboxed code started outlived it");
    }

    @Test
    @DisplayName("a child that prints without end is capped at its limit, the rest counted, and stopped at its deadline")
    void outputIsCappedAndTheDeadlineHolds() throws Exception {
        Sandbox sandbox = Sandbox.bwrapWorks() ? Sandbox.bwrap() : Sandbox.none();
        Path classes = Path.of(SandboxProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Sandbox.Mount probe = new Sandbox.Mount(classes, "/probe", false);
        long start = System.nanoTime();
        Sandbox.Outcome outcome = sandbox.runJava(List.of("-Xmx64m", "-cp", sandbox.seen(probe),
                Flood.class.getName()), List.of(probe), "", Duration.ofSeconds(3), 1000, 1000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(outcome.timedOut());
        assertEquals(1000, outcome.out().length());
        assertTrue(outcome.outDropped() > 0, "the rest is counted");
        assertTrue(seconds < 10, "stopped at its deadline, not " + seconds + " s later");
    }

    /** Prints forever. */
    public static final class Flood {
        public static void main(String[] args) {
            while (true) {
                System.out.print("flood ");
            }
        }
    }
}
