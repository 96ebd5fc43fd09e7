package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.File;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where exercises live: folders named {@code NN-name} (e.g. {@code 01-entity-ids}), in order. */
public final class Exercises {
    private static final Pattern NAME = Pattern.compile("\\d\\d-[a-z0-9-]+");

    private Exercises() {}

    /** The exercise folders directly under {@code root}, sorted by name. */
    public static List<Path> folders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no such folder: " + root);
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if {@code name} looks like an exercise folder's name. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The top-level class names of the .java files under {@code root} (package folders to dots). */
    public static Set<String> classNames(Path root) {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> names = new LinkedHashSet<>();
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
                String relative = root.relativize(f).toString();
                names.add(relative.substring(0, relative.length() - ".java".length())
                        .replace(File.separatorChar, '.'));
            });
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package folders of the exercise's own code (its stubs), e.g. {@code exercises/ids}. */
    static Set<String> packageFolders(Path stubs) {
        Set<String> folders = new LinkedHashSet<>();
        for (String className : classNames(stubs)) {
            int dot = className.lastIndexOf('.');
            folders.add(dot < 0 ? "" : className.substring(0, dot).replace('.', '/'));
        }
        return folders;
    }
}
