package dev.ecswasm.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A warm compiler for a whole class: one {@link CompileJvm} in {@code --serve} mode, in the
 * sandbox, that compiles student after student (javac's start and warm-up are most of a small
 * compile's cost). It sees the libraries and, through {@code roots}, the folders all requests use
 * (the class's output folder writable, the project's exercises and the hidden tests read-only).
 * javac runs none of the code it compiles, so students share nothing but the compiler's time.
 *
 * <p>A request that does not come back whole within its limit (a source made to exhaust the
 * compiler, a crash) kills the process and gets no answer: the caller then compiles that student
 * in a process of its own, whose verdict says why; the next request starts a fresh server. The
 * process is also replaced after {@link #REQUESTS_PER_PROCESS} requests, so no state builds up.
 * One server serves one request at a time.
 */
final class CompileServer implements AutoCloseable {
    static final int REQUESTS_PER_PROCESS = 100;
    /** An answer longer than this is not a compiler's (errors are capped by {@link Javac}). */
    private static final int ANSWER_LIMIT = 1 << 20;
    private static final String END_OF_OUTPUT = "\u0000end";

    private final Sandbox sandbox;
    private final List<Sandbox.Mount> libraries;
    private final List<Sandbox.Mount> roots;
    private Sandbox.Child child;
    private BlockingQueue<String> lines;
    private int served;
    private int starts;

    /**
     * @param libraries the harness first, then the jars, read-only (see {@link Grader})
     * @param roots the folders whose files requests name, each seen at its mount's inside path
     */
    CompileServer(Sandbox sandbox, List<Sandbox.Mount> libraries, List<Sandbox.Mount> roots) {
        this.sandbox = sandbox;
        this.libraries = List.copyOf(libraries);
        this.roots = List.copyOf(roots);
    }

    /**
     * What the server answered: its {@code STEP} and {@code E} lines, and whether the answer is
     * whole; when it is not (the limit passed, the process died), the lines are those it wrote
     * before, each step in them complete, and {@code timedOut} says whether the limit passed.
     */
    record Answer(String lines, boolean whole, boolean timedOut) {}

    /**
     * Sends one request, its fields made by {@code fields} from the way the server sees a folder,
     * and returns the answer, or empty when the request could not be sent (a folder outside the
     * server's roots, a process that would not start).
     */
    synchronized Optional<Answer> compile(Function<Function<Path, String>, List<String>> fields, Duration limit) {
        List<String> request;
        try {
            request = fields.apply(this::seen);
        } catch (IllegalArgumentException outsideRoots) {
            return Optional.empty();
        }
        try {
            if (child == null || !child.process().isAlive() || served >= REQUESTS_PER_PROCESS) {
                restart();
            }
            served++;
            OutputStream in = child.process().getOutputStream();
            in.write((request.stream().map(ResultLines::escape).collect(Collectors.joining("\t")) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            long deadline = System.nanoTime() + limit.toNanos();
            StringBuilder answer = new StringBuilder();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(END_OF_OUTPUT) || answer.length() > ANSWER_LIMIT) {
                    stop();
                    return Optional.of(new Answer(completeSteps(answer.toString()), false, line == null));
                }
                if (line.equals(CompileJvm.DONE)) {
                    return Optional.of(new Answer(answer.toString(), true, false));
                }
                answer.append(line).append('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            stop();
            return Optional.empty();
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The lines of {@code answer} up to its last {@code STEP} line, whose errors may be cut short. */
    private static String completeSteps(String answer) {
        int last = answer.startsWith("STEP ") ? 0 : answer.lastIndexOf("\nSTEP ") + 1;
        return answer.substring(0, Math.max(0, last));
    }

    /** How the server sees {@code folder}: through the root that holds it. */
    private String seen(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Sandbox.Mount root : roots) {
            Path outside = root.outside().toAbsolutePath().normalize();
            if (absolute.startsWith(outside)) {
                String relative = outside.relativize(absolute).toString();
                String inside = sandbox.seen(root);
                return relative.isEmpty() ? inside : inside + "/" + relative;
            }
        }
        throw new IllegalArgumentException(folder + " is outside the compile server's folders");
    }

    private void restart() {
        stop();
        List<Sandbox.Mount> mounts = new ArrayList<>(libraries);
        mounts.addAll(roots);
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        args.addAll(Sandbox.FIXED_LOCALE);
        args.addAll(List.of("-cp", sandbox.seen(libraries.get(0)), CompileJvm.class.getName(), "--serve"));
        child = sandbox.startJava(args, mounts, ProcessBuilder.Redirect.DISCARD);
        served = 0;
        starts++;
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        lines = queue;
        BufferedReader out = new BufferedReader(new InputStreamReader(child.process().getInputStream(),
                StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // the process was stopped: the end below says so
            }
            queue.add(END_OF_OUTPUT);
        }, "compile-server-out");
        reader.setDaemon(true);
        reader.start();
    }

    /** How many compiler processes this server started: one, unless one was stopped or replaced. */
    synchronized int starts() {
        return starts;
    }

    private void stop() {
        if (child != null) {
            child.close();
            child = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
