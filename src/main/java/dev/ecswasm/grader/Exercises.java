package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
