package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the exercises' stubs from the reference solutions, so the two never drift apart.
 *
 * <p>In a solution file, the work a student does sits between two marker lines; the lines marked
 * {@code // STUB } inside the block are what the student gets instead (a comment in the solution,
 * code in the stub):
 *
 * <pre>
 *     public static int pack(int index, int version) {
 *         // BEGIN SOLUTION
 *         // STUB throw new UnsupportedOperationException("Task 1.1: ...");
 *         return (version &lt;&lt; INDEX_BITS) | index;
 *         // END SOLUTION
 *     }
 * </pre>
 *
 * A stub line keeps the indentation of its marker. Everything else is copied as it is, so the stub
 * compiles against the same tests. {@code solutions/<exercise>/src} becomes
 * {@code exercises/<exercise>/src}; files without markers are copied unchanged. The command is
 * {@code ./grade --write-stubs} (and {@code --check-stubs}).
 */
public final class Stubs {
    private static final Pattern BEGIN = Pattern.compile("^\\s*// BEGIN SOLUTION\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern STUB = Pattern.compile("^(\\s*)// STUB(?: (.*))?$");

    private Stubs() {}

    /** The stub made from one solution file's text; {@code where} names the file in errors. */
    public static String stubOf(String solution, String where) {
        List<String> out = new ArrayList<>();
        String[] lines = solution.split("\n", -1);
        int blockStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (BEGIN.matcher(line).matches()) {
                if (blockStart >= 0) {
                    throw new StubException(where + ":" + lineNo + ": BEGIN SOLUTION inside the block opened at line "
                            + blockStart);
                }
                blockStart = lineNo;
            } else if (END.matcher(line).matches()) {
                if (blockStart < 0) {
                    throw new StubException(where + ":" + lineNo + ": END SOLUTION without a BEGIN SOLUTION");
                }
                blockStart = -1;
            } else if (blockStart >= 0) {
                Matcher stub = STUB.matcher(line);
                if (stub.matches()) {
                    out.add(stub.group(1) + (stub.group(2) == null ? "" : stub.group(2)));
                }
            } else {
                out.add(line);
            }
        }
        if (blockStart >= 0) {
            throw new StubException(where + ":" + blockStart + ": BEGIN SOLUTION is never closed by END SOLUTION");
        }
        return String.join("\n", out);
    }

    /**
     * Every stub file the solutions make, keyed by its path relative to {@code exercisesRoot}
     * (for example {@code 01-entity-ids/src/exercises/ids/EntityIds.java}).
     */
    public static TreeMap<Path, String> stubsOf(Path solutionsRoot) {
        TreeMap<Path, String> stubs = new TreeMap<>();
        for (Path exercise : Exercises.folders(solutionsRoot)) {
            Path src = exercise.resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    Path relative = solutionsRoot.relativize(file);
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    stubs.put(relative, file.toString().endsWith(".java") ? stubOf(text, relative.toString()) : text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stubs;
    }

    /** The stub files under {@code exercisesRoot} that differ from what the solutions make, or are missing or extra. */
    public static List<String> differences(Path solutionsRoot, Path exercisesRoot) {
        TreeMap<Path, String> wanted = stubsOf(solutionsRoot);
        List<String> problems = new ArrayList<>();
        wanted.forEach((relative, text) -> {
            Path file = exercisesRoot.resolve(relative);
            try {
                if (!Files.exists(file)) {
                    problems.add(relative + ": missing");
                } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                    problems.add(relative + ": differs from the stub its solution makes");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (Path exercise : Exercises.folders(exercisesRoot)) {
            Path src = exercise.resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(Files::isRegularFile)
                        .map(exercisesRoot::relativize)
                        .filter(relative -> !wanted.containsKey(relative))
                        .sorted()
                        .forEach(relative -> problems.add(relative + ": has no solution file"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }

    /** Writes every stub under {@code exercisesRoot}, replacing what is there; returns how many. */
    public static int write(Path solutionsRoot, Path exercisesRoot) {
        TreeMap<Path, String> stubs = stubsOf(solutionsRoot);
        stubs.forEach((relative, text) -> {
            Path file = exercisesRoot.resolve(relative);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return stubs.size();
    }

    /** A solution file whose markers do not pair up. */
    public static final class StubException extends RuntimeException {
        public StubException(String message) {
            super(message);
        }
    }
}
