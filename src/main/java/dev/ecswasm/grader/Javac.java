package dev.ecswasm.grader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Compiles an exercise's folders into one classes folder, in this JVM, and copies their resources:
 * in the grader for its own plan, and in the sandbox's {@link CompileJvm} for the student's code.
 * Annotation processing is off, so nothing in the sources runs.
 */
final class Javac {
    /** At most this many errors are reported; the first one is usually the one to fix. */
    static final int MAX_ERRORS = 10;
    /** An error message is cut to this length: a type name can be made millions of characters long. */
    static final int MAX_ERROR_LENGTH = 1000;

    private Javac() {}

    /** What came of a compilation: no errors when it worked. */
    record Compilation(boolean ok, List<String> errors) {
        Compilation {
            errors = List.copyOf(errors);
        }

        /** The errors, one after the other. */
        String text() {
            return String.join("\n", errors);
        }
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoots} into {@code out} against
     * {@code classPath}, and copies every other file there at its relative path. Errors name files
     * relative to {@code shownFrom}.
     */
    static Compilation compile(List<Path> sourceRoots, Path out, String classPath, Path shownFrom) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": the grader needs a JDK, not a JRE");
        }
        List<Path> sources = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (Path root : sourceRoots) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        if (file.toString().endsWith(".java")) {
                            sources.add(file);
                        } else {
                            Path target = out.resolve(root.relativize(file).toString());
                            Files.createDirectories(target.getParent());
                            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            return new Compilation(false, List.of("no .java files in " + sourceRoots.stream()
                    .map(r -> shown(r, shownFrom)).toList()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter chatter = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classPath, "-encoding", "UTF-8",
                    "-proc:none", "-nowarn", "-Xlint:none", "-g", "-implicit:none");
            boolean ok = javac.getTask(chatter, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return new Compilation(true, List.of());
            }
            List<String> errors = describe(diagnostics.getDiagnostics(), shownFrom);
            return new Compilation(false, errors.isEmpty()
                    ? List.of("the compiler failed without an error message") : errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> describe(List<Diagnostic<? extends JavaFileObject>> diagnostics, Path shownFrom) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getSource() == null ? "" : shown(Path.of(d.getSource().toUri()), shownFrom)
                    + ":" + d.getLineNumber() + ": ";
            String message = d.getMessage(Locale.ROOT);
            errors.add(where + "error: " + (message.length() <= MAX_ERROR_LENGTH ? message
                    : message.substring(0, MAX_ERROR_LENGTH) + " ... (cut: " + message.length() + " characters)"));
        }
        int total = errors.size();
        List<String> kept = new ArrayList<>(errors.subList(0, Math.min(total, MAX_ERRORS)));
        if (total > MAX_ERRORS) {
            kept.add("... and " + (total - MAX_ERRORS) + " more errors");
        }
        return kept;
    }

    private static String shown(Path file, Path from) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = from.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
