package dev.ecswasm.workbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs {@code .jsh} scripts as {@code jshell --startup DEFAULT --startup ...} would, and lists
 * every snippet that was rejected or threw: the jshell tool prints those and carries on.
 */
final class JShellScripts {

    /** What {@code --startup DEFAULT} imports (JDK 17's DEFAULT.jsh). */
    static final String DEFAULT_IMPORTS = """
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.function.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import java.util.stream.*;
            """;

    /** One snippet that went wrong: where it starts, its source, and why. */
    record Problem(String script, int line, String source, String why) {
        @Override
        public String toString() {
            return script + " line " + line + ": " + why + "\n    | " + source.strip().replace("\n", "\n    | ");
        }
    }

    private JShellScripts() {
    }

    /**
     * Runs the scripts in order in one fresh JShell (a remote JVM with this test's class path,
     * as the launcher's jshell has the jar) and returns the problems, an empty list if none.
     */
    static List<Problem> run(List<Path> scripts) {
        var output = new ByteArrayOutputStream();
        var sink = new PrintStream(output, true, StandardCharsets.UTF_8);
        var problems = new ArrayList<Problem>();
        try (JShell shell = JShell.builder().out(sink).err(sink).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            problems.addAll(run(shell, "DEFAULT", DEFAULT_IMPORTS));
            for (Path script : scripts) {
                problems.addAll(run(shell, script.getFileName().toString(), read(script)));
            }
        }
        return problems;
    }

    /**
     * Feeds the text line by line, as the jshell tool reads a file: a snippet is evaluated as soon
     * as the lines so far complete it, so line numbers match what a student sees.
     */
    private static List<Problem> run(JShell shell, String script, String text) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        var problems = new ArrayList<Problem>();
        String pending = "";
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (pending.isBlank()) {
                start = i + 1;
            }
            pending += lines[i] + "\n";
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
            while (info.completeness().isComplete()) {
                problems.addAll(eval(shell, script, start, info.source()));
                pending = info.remaining();
                start = i + 1;
                info = analysis.analyzeCompletion(pending);
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                pending = "";  // only comments or blank lines so far
            }
        }
        if (!pending.isBlank()) {
            problems.add(new Problem(script, start, pending, "incomplete at the end of the script"));
        }
        return problems;
    }

    private static List<Problem> eval(JShell shell, String script, int line, String source) {
        var problems = new ArrayList<Problem>();
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } catch (IllegalStateException dead) {
            return List.of(new Problem(script, line, source, "the JShell stopped: " + dead.getMessage()));
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;  // an earlier snippet this one replaced or updated
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                problems.add(new Problem(script, line, source, "rejected: " + diagnostics(shell, snippet)));
            }
            if (event.exception() != null) {
                problems.add(new Problem(script, line, source, "throws " + describe(event.exception())));
            }
        }
        return problems;
    }

    private static String diagnostics(JShell shell, Snippet snippet) {
        var messages = new ArrayList<String>();
        shell.diagnostics(snippet).forEach((Diag diag) -> messages.add(diag.getMessage(null)));
        if (snippet instanceof DeclarationSnippet declaration) {
            shell.unresolvedDependencies(declaration).forEach(name -> messages.add("unresolved " + name));
        }
        return messages.isEmpty() ? "(no diagnostics)" : String.join("; ", messages);
    }

    private static String describe(JShellException exception) {
        if (exception instanceof EvalException thrown) {
            return thrown.getExceptionClassName() + ": " + thrown.getMessage();
        }
        return exception.getClass().getSimpleName() + ": " + exception.getMessage();
    }

    private static String read(Path script) {
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
