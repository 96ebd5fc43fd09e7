package dev.ecswasm.grader;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The compiler's process, started by the {@link Grader} in the sandbox with a memory limit of its
 * own, so source made to exhaust javac (or crash it) ends this process, not the grader. It runs
 * steps in order and stops at the first that fails:
 *
 * <pre>
 * CompileJvm (name source-folder out-folder class-path)...
 * </pre>
 *
 * and prints, per step, {@code STEP name ok} or {@code STEP name failed} followed by one {@code E}
 * line per error (escaped as in {@link ResultLines}; file names relative to the step's folder).
 * Each step is a {@link Javac} compile, resources copied beside the classes.
 */
public final class CompileJvm {
    private CompileJvm() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int i = 0; i + 3 < args.length; i += 4) {
            Path root = Path.of(args[i + 1]);
            Javac.Compilation step = Javac.compile(List.of(root), Path.of(args[i + 2]), args[i + 3], root);
            out.println("STEP " + args[i] + (step.ok() ? " ok" : " failed"));
            step.errors().forEach(e -> out.println("E " + ResultLines.escape(e)));
            if (!step.ok()) {
                break;
            }
        }
        out.flush();
    }
}
