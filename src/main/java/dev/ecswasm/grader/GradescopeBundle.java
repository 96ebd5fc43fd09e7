package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./grade --gradescope-bundle OUT.zip}: a Gradescope autograder made from this project. At
 * the zip's root: {@code setup.sh} (run once when Gradescope builds its image: a JDK 17 and
 * bubblewrap from apt-get, nothing else), {@code run_autograder} (run per submission: it starts
 * {@link GradescopeAutograder}), the project's compiled classes ({@code classes/}) and the jars of
 * the grader's class path ({@code lib/}, from {@code target/classpath.txt}), each exercise's stubs
 * and tests ({@code exercises/NN-name/src} and {@code test}: all the grader reads of the project),
 * and the instructor's hidden tests ({@code hidden/}) when given. Nothing of {@code solutions/}.
 */
final class GradescopeBundle {
    /** The whole grading's limit when none is given: well inside Gradescope's default of 10 minutes. */
    static final long DEFAULT_DEADLINE_SECONDS = 480;

    /** What a bundle holds, for the line that reports it. */
    record Contents(int jars, int exercises, int hiddenFiles, long bytes) {}

    private static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, as root in /autograder/source, when it builds the autograder's image.
            # The grader needs a JDK 17 (it compiles the tests, and javac runs in a JVM of its own) and
            # bubblewrap for its sandbox; its classes and libraries are in this bundle, so nothing else.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update
            apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap
            """;

    private static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this (copied to /autograder/run_autograder) for every submission. It grades
            # ROOT/submission with the grader in ROOT/source and always leaves ROOT/results/results.json.
            # ROOT is /autograder unless AUTOGRADER_ROOT says otherwise. Arguments, if any, are the
            # exercises to grade (Gradescope passes none: all of them).
            set -u
            root=${AUTOGRADER_ROOT:-/autograder}
            source_dir=$root/source
            results=$root/results/results.json
            mkdir -p "$root/results"
            rm -f "$results"

            # The JDK 17 setup.sh installed; elsewhere (a test of this bundle) the java on the PATH.
            java=java
            for candidate in /usr/lib/jvm/java-17-openjdk-*/bin/java; do
                if [ -x "$candidate" ]; then java=$candidate; fi
            done
            # The grader's class path, in the order the build gave it.
            cp=$source_dir/classes
            for jar in @JARS@; do
                cp=$cp:$source_dir/lib/$jar
            done

            # The deadline bounds the whole grading, so a report exists before Gradescope's own limit.
            "$java" -cp "$cp" dev.ecswasm.grader.GradescopeAutograder --root "$root" --deadline @DEADLINE@ "$@"
            status=$?
            if [ ! -s "$results" ]; then
                # The grader could not start, or was killed before its first report (out of memory?).
                printf '{"score": 0, "output": "The grader stopped (exit status %s) before it graded anything. Tell your instructor; the autograder log has the details.", "visibility": "visible", "tests": []}\\n' "$status" >"$results"
            fi
            exit 0
            """;

    private GradescopeBundle() {}

    /**
     * Writes the bundle of {@code project} (built: its {@code target/classes} and
     * {@code target/classpath.txt}) to {@code zip}, whole or not at all, with the hidden tests of
     * {@code hidden} ({@code NN-name/**.java}) and {@code deadlineSeconds} for the whole grading.
     */
    static Contents write(Path project, Path zip, Optional<Path> hidden, long deadlineSeconds) {
        Path classes = project.resolve("target/classes");
        Path classPath = project.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes.resolve("dev/ecswasm/grader")) || !Files.isRegularFile(classPath)) {
            throw new IllegalArgumentException("the project is not built (no target/classes or target/classpath.txt):"
                    + " run ./grade once, or mvn -q -B compile, first");
        }
        if (hidden.isPresent() && !Files.isDirectory(hidden.get())) {
            throw new IllegalArgumentException("no folder " + hidden.get() + " of hidden tests");
        }
        List<Path> jars = jars(classPath);
        List<Path> exercises = Exercises.folders(project.resolve("exercises"));
        Path part = zip.resolveSibling(zip.getFileName() + ".part");
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            Files.deleteIfExists(part); // the zip file system would add to an old one
            int hiddenFiles = 0;
            try (FileSystem bundle = FileSystems.newFileSystem(part,
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                Path root = bundle.getPath("/");
                script(root.resolve("setup.sh"), SETUP);
                script(root.resolve("run_autograder"), RUN.replace("@DEADLINE@", Long.toString(deadlineSeconds))
                        .replace("@JARS@", jars.stream().map(j -> j.getFileName().toString())
                                .collect(Collectors.joining(" \\\n        "))));
                copyTree(classes, root.resolve("classes"));
                for (Path jar : jars) {
                    copy(jar, root.resolve("lib").resolve(jar.getFileName().toString()));
                }
                for (Path exercise : exercises) {
                    Path into = root.resolve("exercises").resolve(exercise.getFileName().toString());
                    copyTree(exercise.resolve("src"), into.resolve("src"));
                    copyTree(exercise.resolve("test"), into.resolve("test"));
                }
                if (hidden.isPresent()) {
                    hiddenFiles = copyTree(hidden.get(), root.resolve("hidden"));
                }
            }
            Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Contents(jars.size(), exercises.size(), hiddenFiles, Files.size(zip));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + zip + ": " + e.getMessage(), e);
        }
    }

    /** The jars of the grader's class path, as the build wrote it; each must be there, and no two may share a name. */
    private static List<Path> jars(Path classPath) {
        List<Path> jars = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            for (String entry : Files.readString(classPath, StandardCharsets.UTF_8).strip().split(":")) {
                Path jar = Path.of(entry);
                if (entry.isEmpty() || !entry.endsWith(".jar")) {
                    continue;
                }
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException(classPath + " names " + jar + ", which is missing: rebuild "
                            + "(mvn -q -B compile)");
                }
                if (!names.add(jar.getFileName().toString())) {
                    throw new IllegalArgumentException(classPath + " names two jars called " + jar.getFileName()
                            + ", and the bundle keeps its jars in one folder");
                }
                jars.add(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    /** Copies every regular file under {@code from} (links are left out) into the bundle at {@code to}; how many. */
    private static int copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path f : files) {
            copy(f, to.resolve(from.relativize(f).toString()));
        }
        return files.size();
    }

    private static void copy(Path file, Path into) throws IOException {
        Files.createDirectories(into.getParent());
        Files.copy(file, into);
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A script, executable: Gradescope runs both as they are unpacked. */
    private static void script(Path into, String text) throws IOException {
        Files.writeString(into, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
