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
 *
 * <p>A given file (its stub says {@value #GIVEN}) is always taken from the stubs: the tests may
 * rely on it (a record's {@code equals}, a world's work meter), so a student's copy cannot change
 * what they check. A file whose name is not a plain Java name is refused before it is read.
 */
final class Intake {
    static final long MAX_FILE_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = 1024 * 1024;
    static final int MAX_FILES = 200;
    /** The line a given file's stub carries. */
    static final String GIVEN = "// Given code:";
    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private Intake() {}

    /** What was accepted (copied into {@code copy}) and what was refused or replaced, with why. */
    record Result(List<String> accepted, List<String> refused) {}

    /**
     * Copies the acceptable files under {@code src} into {@code copy}, then the given files from
     * {@code stubs} over whatever the student had in their place.
     *
     * @param stubs the exercise's own stubs, where the given files come from
     * @param packages the exercise's package folders, e.g. {@code exercises/ids}
     * @param testClasses the visible graded tests' class names, which a student file may not take
     */
    static Result take(Path src, Path copy, Path stubs, Set<String> packages, Set<String> testClasses) {
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<String> given = givenFiles(stubs);
        long total = 0;
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path relativePath = src.relativize(file);
                String relative = relativePath.toString().replace(file.getFileSystem().getSeparator(), "/");
                String why = refusal(file, relativePath, relative, packages, testClasses, accepted.size(), total);
                if (why == null && given.contains(relative)) {
                    if (Files.mismatch(file, stubs.resolve(relative)) != -1) {
                        refused.add(relative + ": given code; graded as the exercise ships it, not your copy");
                    }
                    continue;
                }
                if (why != null) {
                    refused.add(ConsoleReport.printable(relative) + ": " + why);
                    continue;
                }
                Path target = copy.resolve(relativePath);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                total += Files.size(target);
                accepted.add(relative);
            }
            for (String g : given) {
                Path target = copy.resolve(g);
                Files.createDirectories(target.getParent());
                Files.copy(stubs.resolve(g), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(accepted, refused);
    }

    /** The stubs' given files, relative to {@code stubs} with {@code /}: those that carry the {@link #GIVEN} line. */
    static Set<String> givenFiles(Path stubs) {
        Set<String> given = new java.util.TreeSet<>();
        try (Stream<Path> walk = Files.walk(stubs)) {
            for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (Files.readAllLines(f).stream().anyMatch(l -> l.startsWith(GIVEN))) {
                    given.add(stubs.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return given;
    }


    private static String refusal(Path file, Path relativePath, String relative, Set<String> packages,
            Set<String> testClasses, int count, long total) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "not a regular file (a link?)";
        }
        if (!relative.endsWith(".java")) {
            return "not a .java file; only source code in the exercise's packages is graded";
        }
        for (Path part : relativePath) {
            String name = part.toString();
            boolean source = part.equals(relativePath.getFileName()) && name.endsWith(".java");
            if (!JAVA_NAME.matcher(source ? name.substring(0, name.length() - ".java".length()) : name).matches()) {
                return "not a plain Java name (ASCII letters, digits, _ and $)";
            }
        }
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        if (!packages.contains(folder)) {
            return "not in the exercise's package" + (packages.size() == 1 ? " " : "s ") + String.join(", ", packages);
        }
        String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        if (testClasses.contains(className) || className.endsWith("Test")) {
            // Every name ending in Test is refused alike, so the answer says nothing about which
            // hidden tests exist.
            return "named like a test class (a name ending in Test)";
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
