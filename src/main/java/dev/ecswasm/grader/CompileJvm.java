package dev.ecswasm.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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
 * Annotation processing is off: nothing in the sources runs.
 */
public final class CompileJvm {
    /** At most this many errors are reported per step; the first one is usually the one to fix. */
    static final int MAX_ERRORS = 10;
    /** An error message is cut to this length: a type name can be made millions of characters long. */
    static final int MAX_ERROR_LENGTH = 1000;

    private CompileJvm() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (int i = 0; i + 3 < args.length; i += 4) {
            List<String> errors = compile(javac, Path.of(args[i + 1]), Path.of(args[i + 2]), args[i + 3]);
            out.println("STEP " + args[i] + (errors.isEmpty() ? " ok" : " failed"));
            errors.forEach(e -> out.println("E " + ResultLines.escape(e)));
            if (!errors.isEmpty()) {
                break;
            }
        }
        out.flush();
    }

    private static List<String> compile(JavaCompiler javac, Path root, Path out, String classPath) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().forEach(sources::add);
        }
        if (sources.isEmpty()) {
            return List.of("no .java files to compile");
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classPath, "-encoding", "UTF-8",
                    "-proc:none", "-nowarn", "-Xlint:none", "-g", "-implicit:none");
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_ERRORS) {
                    String where = d.getSource() == null ? ""
                            : root.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": ";
                    String message = d.getMessage(Locale.ROOT);
                    errors.add(where + "error: " + (message.length() <= MAX_ERROR_LENGTH ? message
                            : message.substring(0, MAX_ERROR_LENGTH) + " ... (cut: " + message.length() + " characters)"));
                }
            }
            long total = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count();
            if (total > MAX_ERRORS) {
                errors.add("... and " + (total - MAX_ERRORS) + " more errors");
            }
            if (!ok && errors.isEmpty()) {
                errors.add("the compiler failed without an error message");
            }
            return errors;
        }
    }
}
