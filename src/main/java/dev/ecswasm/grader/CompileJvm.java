package dev.ecswasm.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compiler's process, started by the {@link Grader} in the sandbox with a memory limit of its
 * own, so source made to exhaust javac (or crash it) ends this process, not the grader. It runs
 * steps in order:
 *
 * <pre>
 * CompileJvm (name source-folder out-folder class-path)...
 * CompileJvm --serve       (one request per line of standard input: the same fields, tab-separated)
 * </pre>
 *
 * and prints, per step, {@code STEP name ok} or {@code STEP name failed} followed by one {@code E}
 * line per error (escaped as in {@link ResultLines}; file names relative to the step's folder).
 * Each step is a {@link Javac} compile, resources copied beside the classes. A step named
 * {@code exercise/step} belongs to that exercise: after one of its steps fails, the exercise's
 * later steps are skipped (they compile against it) and the other exercises' steps still run.
 *
 * <p>With {@code --serve} it answers requests until its input ends, each answer closed by a line
 * {@code DONE}: a class's students share one warm compiler (see {@link CompileServer}). javac runs
 * no code of the sources it compiles (annotation processing is off), so sharing it shares no
 * student's code with another.
 */
public final class CompileJvm {
    /** The line that ends each answer in {@code --serve} mode. */
    static final String DONE = "DONE";

    private CompileJvm() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].equals("--serve")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = Arrays.stream(line.split("\t", -1)).map(ResultLines::unescape).toArray(String[]::new);
                compile(fields, out);
                out.println(DONE);
                out.flush();
            }
            return;
        }
        compile(args, out);
        out.flush();
    }

    /** Runs the steps of {@code args}, four fields each, and prints their verdicts to {@code out}. */
    private static void compile(String[] args, PrintStream out) {
        Set<String> failed = new HashSet<>();
        for (int i = 0; i + 3 < args.length; i += 4) {
            String exercise = args[i].contains("/") ? args[i].substring(0, args[i].lastIndexOf('/')) : "";
            if (failed.contains(exercise)) {
                continue;
            }
            Path root = Path.of(args[i + 1]);
            Javac.Compilation step = Javac.compile(List.of(root), Path.of(args[i + 2]), args[i + 3], root);
            out.println("STEP " + args[i] + (step.ok() ? " ok" : " failed"));
            step.errors().forEach(e -> out.println("E " + ResultLines.escape(e)));
            if (!step.ok()) {
                failed.add(exercise);
            }
        }
    }
}
