package dev.ecswasm.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./grade --release OUT [--git]}: the students' copy of the course, written into the new
 * folder {@code OUT}. It holds the files git tracks in the project (so nothing built or local, no
 * {@code target/}), as they are on disk, minus what only the instructor may have; the README is a
 * short one for students. With {@code --git}, {@code OUT} is a fresh git repository with one
 * commit, which a GitHub Classroom template repository can start from.
 */
final class Release {
    /**
     * The top-level files and folders a student gets. Anything else at the top stays out, so a
     * folder an instructor adds there (their hidden tests, say) is never released by accident.
     * Left out on purpose: {@code solutions/} (with {@code solutions/mutate}), {@code .ci/} (the
     * course's CI grades and mutates the solutions), {@code src/jmh/} and {@code BENCHMARKS.md}
     * (the maintainers' measurements, whose "before" column builds a commit a one-commit release
     * does not have).
     */
    private static final List<String> TOP = List.of(".gitignore", ".mvn/", "README.md", "pom.xml", "grade",
            "workbench", "demo-cds", "docs/", "exercises/", "notebooks/", "rust-plugin/", "src/main/", "src/test/");

    /** In an exercise, only its README, its pom.xml (to open it in an IDE), its stubs and its graded tests. */
    private static final Pattern EXERCISE_FILE =
            Pattern.compile("exercises/(README\\.md|[^/]+/(README\\.md|pom\\.xml|src/.+|test/.+))");

    /** Instructor-only inside {@link #TOP}: the wrong solutions, hidden tests, and every test that needs them. */
    private static final List<String> INSTRUCTOR_ONLY = List.of(
            // The instructor's and the maintainers' pages: grading (it points at solutions/), CI, benchmarks.
            "docs/grading.md", "docs/ci.md", "docs/benchmarks.md",
            // Each wrong solution is a diff of a reference solution: it shows the solution's lines.
            "src/test/resources/wrong-solutions/",
            // The hostile-submission gallery: its _hidden/ is a hidden test of exercise 1, and its
            // runner snapshots solutions/. Its attacks are no secret the grader relies on.
            "src/test/resources/hostile-submissions/",
            "src/test/java/dev/ecswasm/grader/HostileSubmissionsTest.java",
            // Grades solutions/ and the wrong solutions.
            "src/test/java/dev/ecswasm/grader/ExercisesGradeTest.java",
            // Applies the wrong solutions' diffs; nothing else uses it.
            "src/test/java/dev/ecswasm/grader/UnifiedDiff.java",
            "src/test/java/dev/ecswasm/grader/UnifiedDiffTest.java",
            // Checks the committed stubs against solutions/.
            "src/test/java/dev/ecswasm/grader/StubsTest.java",
            // Grade solutions/, wrong solutions and hostile submissions (SyntheticClass makes a class of them).
            "src/test/java/dev/ecswasm/grader/GradescopeBundleTest.java",
            "src/test/java/dev/ecswasm/grader/CompileServerTest.java",
            "src/test/java/dev/ecswasm/grader/SyntheticClass.java",
            "src/test/java/dev/ecswasm/grader/ClassGradingTest.java",
            // Proves a release holds none of solutions/: it reads them.
            "src/test/java/dev/ecswasm/grader/ReleaseTest.java");

    /** The students' README, in place of the project's (which documents the instructor's side too). */
    private static final String README = "release-README.md";

    /** The section of exercises/README.md that is for instructors (it points at solutions/). */
    private static final String INSTRUCTORS_SECTION = "## For instructors";

    private Release() {}

    /** True if the project file at {@code path} (relative, with '/') goes into the students' copy. */
    static boolean released(String path) {
        boolean top = TOP.stream().anyMatch(t -> t.endsWith("/") ? path.startsWith(t) : path.equals(t));
        boolean exercise = !path.startsWith("exercises/") || EXERCISE_FILE.matcher(path).matches();
        boolean instructorOnly = INSTRUCTOR_ONLY.stream()
                .anyMatch(i -> i.endsWith("/") ? path.startsWith(i) : path.equals(i));
        return top && exercise && !instructorOnly;
    }

    /** Writes the release of {@code project} into the new (or empty) folder {@code release}; says so on {@code say}. */
    static void write(Path project, Path release, boolean git, PrintStream say) {
        Path out = release.toAbsolutePath().normalize();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(out)) {
            throw new IllegalArgumentException(out + " already exists and is not an empty folder: a release is "
                    + "written into a new folder");
        }
        List<String> tracked = lines(git(project, "ls-files", "-z"));
        List<String> untracked = lines(git(project, "ls-files", "-z", "--others", "--exclude-standard")).stream()
                .filter(Release::released).toList();
        Path parent = out.getParent();
        Path part;
        try {
            Files.createDirectories(parent);
            // Written beside OUT and renamed into place: OUT is the whole release or nothing.
            part = Files.createTempDirectory(parent, "." + out.getFileName() + ".part-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int released = 0;
            int leftOut = 0;
            for (String path : tracked) {
                Path from = project.resolve(path);
                if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // deleted in the working copy, not yet in a commit
                }
                if (!released(path)) {
                    leftOut++;
                    continue;
                }
                Path to = part.resolve(path);
                Files.createDirectories(to.getParent());
                if (path.equals("README.md")) {
                    Files.writeString(to, studentReadme(), StandardCharsets.UTF_8);
                } else if (path.equals("exercises/README.md")) {
                    Files.writeString(to, withoutSection(Files.readString(from, StandardCharsets.UTF_8),
                            INSTRUCTORS_SECTION), StandardCharsets.UTF_8);
                } else {
                    // COPY_ATTRIBUTES keeps ./grade and ./workbench executable.
                    Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
                released++;
            }
            String commit = git ? commit(project, part) : "";
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            say.println("Released " + released + " files into " + out + "; left out " + leftOut + " instructor-only "
                    + "files: solutions/, the wrong solutions, the hostile-submission gallery, .ci/, the benchmarks, "
                    + "and the tests that need them; its README.md is the students' one, "
                    + "src/main/resources/dev/ecswasm/grader/" + README);
            if (git) {
                say.println(out + " is a git repository with one commit (" + commit + "): push it to a new repository "
                        + "and mark that a template for GitHub Classroom");
            }
            if (!untracked.isEmpty()) {
                say.println("warning: " + untracked.size() + " file(s) git does not track were left out (the first is "
                        + untracked.get(0) + "): git add them and release again if they belong in the release");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Folders.deleteRecursively(part);
        }
    }

    /** The students' README, from this package's resources. */
    static String studentReadme() {
        try (InputStream in = Release.class.getResourceAsStream(README)) {
            if (in == null) {
                throw new IllegalStateException("the grader's resource " + README + " is missing: rebuild the project");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code markdown} without the section under {@code heading} (up to the next heading of its level or above). */
    static String withoutSection(String markdown, String heading) {
        int level = headingLevel(heading);
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            boolean fence = line.startsWith("```");
            if (fence) {
                fenced = !fenced;
            }
            int h = fenced || fence ? 0 : headingLevel(line); // a "# comment" in a shell block is no heading
            if (!fenced && line.equals(heading)) {
                skipping = true;
            } else if (skipping && h > 0 && h <= level) {
                skipping = false;
            }
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().stripTrailing() + "\n";
    }

    /** 2 for "## Title", 0 for a line that is not a Markdown heading. */
    private static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
    }

    /** Makes {@code folder} a git repository with one commit of everything in it; the commit's hash. */
    private static String commit(Path project, Path folder) {
        String from = gitOrEmpty(project, "rev-parse", "--short", "HEAD").strip();
        git(folder, "init", "-q", "-b", "main");
        // --force: every file here is meant to be in the release, whatever ignore rules this machine has.
        git(folder, "add", "--all", "--force", ".");
        git(folder, "-c", "user.name=Course release", "-c", "user.email=release@example.invalid",
                "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", "The course for students"
                        + (from.isEmpty() ? "" : "\n\nReleased by ./grade --release from commit " + from + "."));
        return git(folder, "rev-parse", "HEAD").strip();
    }

    private static String gitOrEmpty(Path dir, String... args) {
        try {
            return git(dir, args);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Runs git in {@code dir} and returns what it printed; a failure is a sentence with git's own message. */
    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // The caller's GIT_DIR (a git hook's, say) would point every command at another repository.
        builder.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                String why = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new IllegalArgumentException("a release is made from the files git tracks, and git "
                        + String.join(" ", args) + " failed in " + dir + (why.isEmpty() ? "" : ": " + why));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("a release is made from the files git tracks, and git could not be "
                    + "run (" + e.getMessage() + "): install git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String nulSeparated) {
        return Arrays.stream(nulSeparated.split("\0")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
