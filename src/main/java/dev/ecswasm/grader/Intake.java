package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes in a student's files for one exercise: only the student's own code is the student's. A
 * file is accepted when it is a regular {@code .java} file (not a link) in one of the exercise's own
 * packages, is not named like a graded test class, and is not too large; it is copied into a
 * private folder the grader owns, so what is compiled is what was checked. Every other file is
 * refused and listed, and the exercise is graded without it: a file outside the exercise's packages
 * can only be there to change the grader, its tests or JUnit, never to earn points.
 */
final class Intake {
    static final long MAX_FILE_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = 1024 * 1024;
    static final int MAX_FILES = 200;

    private Intake() {}

    /** What was accepted (copied into {@code copy}) and what was refused, with why. */
    record Result(List<String> accepted, List<String> refused) {}

    /**
     * Copies the acceptable files under {@code src} into {@code copy}.
     *
     * @param packages the exercise's package folders, e.g. {@code exercises/ids}
     * @param testClasses the graded tests' class names, which a student file may not take
     */
    static Result take(Path src, Path copy, Set<String> packages, Set<String> testClasses) {
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String relative = src.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                String why = refusal(file, relative, packages, testClasses, accepted.size(), total);
                if (why != null) {
                    refused.add(relative + ": " + why);
                    continue;
                }
                Path target = copy.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                total += Files.size(target);
                accepted.add(relative);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(accepted, refused);
    }

    private static String refusal(Path file, String relative, Set<String> packages, Set<String> testClasses,
            int count, long total) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "not a regular file (a link?)";
        }
        if (!relative.endsWith(".java")) {
            return "not a .java file; only source code in the exercise's packages is graded";
        }
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        if (!packages.contains(folder)) {
            return "not in the exercise's package" + (packages.size() == 1 ? " " : "s ") + String.join(", ", packages);
        }
        String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        if (testClasses.contains(className)) {
            return "has the name of a graded test class";
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            return "larger than " + MAX_FILE_BYTES / 1024 + " KiB";
        }
        if (count >= MAX_FILES || total + size > MAX_TOTAL_BYTES) {
            return "over the limit of " + MAX_FILES + " files or " + MAX_TOTAL_BYTES / 1024 + " KiB in all";
        }
        return null;
    }
}
