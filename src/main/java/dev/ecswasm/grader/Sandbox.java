package dev.ecswasm.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a grading child process (the compiler, a test JVM) runs. Under bubblewrap ({@code bwrap})
 * it gets no network, a read-only system ({@code /usr}, and of {@code /etc} only what a JVM needs:
 * see {@link #etcFiles()}), nothing of the machine's files but what is mounted for it (read-only),
 * an empty private working folder of limited size, a user of its own, and a PID namespace, so
 * every process it starts dies with it. Without bwrap ({@link #none()}) the child
 * runs plainly: only for a student checking their own work, and the grader says so.
 *
 * <p>Either way the child's environment is fixed (locale {@code C.UTF-8}, time zone UTC), its
 * output is capped (see {@link BoundedOutput}) and it is killed at its deadline.
 */
final class Sandbox {
    /** The size of the child's writable folders ({@code /work} and {@code /tmp}). */
    private static final long SCRATCH_BYTES = 64L << 20;
    private static final Map<String, String> ENVIRONMENT = Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8",
            "TZ", "UTC", "PATH", "/usr/bin:/bin");

    /** One fixed locale, charset and time zone for every child JVM, so a grade never depends on the machine. */
    static final List<String> FIXED_LOCALE = List.of("-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Duser.language=en", "-Duser.country=US",
            "-Duser.timezone=UTC");

    private final boolean isolated;

    private Sandbox(boolean isolated) {
        this.isolated = isolated;
    }

    /** Children run under bubblewrap. */
    static Sandbox bwrap() {
        return new Sandbox(true);
    }

    /** Children run as plain processes of this user: not a sandbox. */
    static Sandbox none() {
        return new Sandbox(false);
    }

    boolean isolated() {
        return isolated;
    }

    /** True if {@code bwrap} is installed and can make a sandbox here (it needs user namespaces); asked once. */
    static boolean bwrapWorks() {
        return Probe.WORKS;
    }

    /** Holds the answer, found the first time it is asked. */
    private static final class Probe {
        static final boolean WORKS = probe();
    }

    private static boolean probe() {
        try {
            // With the options runJava uses, not only the namespaces: a bubblewrap older than 0.8 (Ubuntu
            // 22.04 has 0.6.1) lacks --disable-userns, and would fail every child while a bare probe said yes.
            Process p = new ProcessBuilder("bwrap", "--ro-bind", "/", "/", "--unshare-all", "--unshare-user",
                    "--die-with-parent", "--new-session", "--clearenv", "--size", "1048576", "--tmpfs", "/tmp",
                    "--disable-userns", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The parts of {@code /etc} a JVM needs: the JDK's own configuration (Debian keeps it in
     * {@code /etc/java-17-openjdk}, linked from the JDK), the linker's cache and the user names.
     * Nothing else of {@code /etc}: run as root, the sandbox's user maps to root outside, so a
     * root-only file there would be readable.
     */
    static List<String> etcFiles() {
        List<String> files = new ArrayList<>(List.of("/etc/ld.so.cache", "/etc/passwd", "/etc/group",
                "/etc/nsswitch.conf"));
        try (java.nio.file.DirectoryStream<Path> java = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
            java.forEach(p -> files.add(p.toString()));
        } catch (IOException e) {
            // no /etc to read: nothing of it is bound
        }
        return files;
    }

    /**
     * A file or folder of the grader's, shown to the child at {@code inside}: read-only, or
     * writable for a folder the compiler writes its classes to (no student code runs there).
     */
    record Mount(Path outside, String inside, boolean writable) {}

    /** How a child ended: its exit code (or that it was stopped at its deadline) and its capped output. */
    record Outcome(int exitCode, boolean timedOut, String out, long outDropped, String err, long errDropped) {}

    /** The path by which the child sees {@code mount}. */
    String seen(Mount mount) {
        return isolated ? mount.inside() : mount.outside().toAbsolutePath().toString();
    }

    /**
     * Runs {@code java} with {@code args} (paths in them as {@link #seen} gives them), writes
     * {@code stdin} to it and closes its input, and waits at most {@code deadline}.
     */
    Outcome runJava(List<String> args, List<Mount> mounts, String stdin, Duration deadline, int outLimit,
            int errLimit) {
        try (Child child = startJava(args, mounts, ProcessBuilder.Redirect.PIPE)) {
            Process process = child.process();
            BoundedOutput out = new BoundedOutput(process.getInputStream(), outLimit, "grade-child-out");
            BoundedOutput err = new BoundedOutput(process.getErrorStream(), errLimit, "grade-child-err");
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child ended before reading its input: its exit code says why
            }
            boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                child.kill();
            }
            out.await(2000);
            err.await(2000);
            return new Outcome(finished ? process.exitValue() : -1, !finished, out.text(), out.dropped(), err.text(),
                    err.dropped());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a grading child ran", e);
        }
    }

    /**
     * A child process started in the sandbox, and its private working folder when there is no
     * sandbox; closing it kills the child (and everything it started) and deletes the folder.
     */
    record Child(Process process, Path scratch) implements AutoCloseable {
        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
            if (scratch != null) {
                Folders.deleteRecursively(scratch);
            }
        }
    }

    /**
     * Starts {@code java} with {@code args} in the sandbox with {@code mounts}; its standard error
     * goes where {@code stderr} says, its standard input and output are pipes.
     */
    Child startJava(List<String> args, List<Mount> mounts, ProcessBuilder.Redirect stderr) {
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
        List<String> command = new ArrayList<>();
        if (isolated) {
            command.addAll(List.of("bwrap", "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534",
                    "--die-with-parent", "--new-session", "--clearenv"));
            ENVIRONMENT.forEach((k, v) -> command.addAll(List.of("--setenv", k, v)));
            command.addAll(List.of("--setenv", "HOME", "/work",
                    "--ro-bind", "/usr", "/usr", "--ro-bind", "/bin", "/bin",
                    "--ro-bind", "/lib", "/lib", "--ro-bind-try", "/lib64", "/lib64"));
            for (String etc : etcFiles()) {
                command.addAll(List.of("--ro-bind-try", etc, etc));
            }
            if (!javaHome.startsWith("/usr")) {
                command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
            }
            command.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                    "--size", Long.toString(SCRATCH_BYTES), "--tmpfs", "/tmp",
                    "--size", Long.toString(SCRATCH_BYTES), "--tmpfs", "/work"));
            for (Mount m : mounts) {
                command.addAll(List.of(m.writable() ? "--bind" : "--ro-bind", m.outside().toAbsolutePath().toString(),
                        m.inside()));
            }
            command.addAll(List.of("--chdir", "/work", "--disable-userns"));
        }
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr);
        builder.environment().clear();
        Path scratch = null;
        try {
            if (!isolated) {
                builder.environment().putAll(ENVIRONMENT);
                scratch = Files.createTempDirectory("grade-child");
                builder.directory(scratch.toFile());
            }
            return new Child(builder.start(), scratch);
        } catch (IOException e) {
            if (scratch != null) {
                Folders.deleteRecursively(scratch);
            }
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }
}
