package dev.ecswasm.workbench;

import dev.ecswasm.WorkbenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A picture as SVG markup, ready to save and open in a browser or to inline in a notebook.
 *
 * @param kind what it shows: {@code forest}, {@code pairs}, {@code bipartite}, {@code memory}
 * @param width its width in pixels
 * @param height its height in pixels
 * @param counts what it holds, in words, e.g. {@code 7 nodes}
 * @param markup the whole {@code <svg>} element
 */
public record Svg(String kind, int width, int height, String counts, String markup) {
    public Svg {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(markup, "markup");
    }

    /**
     * Writes the markup to {@code file} as UTF-8, creating missing parent folders, and returns the
     * file's absolute path.
     */
    public Path save(Path file) {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, markup, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the " + kind + " picture to " + target + ": " + e.getMessage(),
                    e);
        }
        return target;
    }

    /** One line, e.g. {@code Svg[forest, 320x180, 7 nodes]}; {@link #markup()} has the picture. */
    @Override
    public String toString() {
        return "Svg[" + kind + ", " + width + "x" + height + ", " + counts + "]";
    }
}
