package dev.ecswasm.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything that decides a student's grade, as one SHA-256: what the grader takes from the
 * student (the files under each exercise's {@code src} of their work folder, names and bytes, in
 * a stable order) and what decides the grade apart from the student (the grader's own classes and
 * libraries, its options, the project's graded tests and stubs, the hidden tests). Two gradings
 * with the same hash give the same report, so a re-run of {@code --class} can reuse a stored one.
 *
 * <p>Each item is fed with its length first, so no two different inputs feed the same bytes.
 * File names are read as Java reads them: two names that differ only in bytes that are not UTF-8
 * may read alike, but the grader refuses such names anyway (not a plain Java name).
 */
final class GradeInputs {
    /** Raised by hand when the grading changes in a way the grader's classes do not show. */
    static final String VERSION = "ecswasm-grader 1";

    private GradeInputs() {}

    /** What every student of this grading shares: the grader, its options, the project's tests and stubs. */
    static String common(Grader.Options options, List<String> exercises) {
        Feed feed = new Feed();
        feed.text(VERSION);
        feed.tree("grader", graderClasses());
        for (String entry : options.classPath().split(File.pathSeparator)) {
            // The libraries by name (a jar's name carries its version), not by where they are.
            feed.text("library " + Path.of(entry).getFileName());
        }
        feed.text("exercises " + String.join(" ", exercises));
        feed.text("timeouts " + options.testTimeoutSeconds() + " " + options.exerciseTimeoutSeconds() + " "
                + options.deadlineSeconds());
        feed.text("sandboxed " + options.sandboxed());
        for (String name : exercises) {
            Path exercise = options.project().resolve("exercises").resolve(name);
            feed.tree("tests " + name, exercise.resolve("test"));
            feed.tree("stubs " + name, exercise.resolve("src"));
            feed.tree("hidden " + name, options.hidden().map(h -> h.resolve(name)).orElse(null));
        }
        return feed.hex();
    }

    /**
     * The hash of one student's grading: {@code common} and the student's files under
     * {@code work/NN-name/src} for each exercise; empty when a file cannot be read (then the
     * student is graded, and nothing is stored to reuse).
     *
     * @param work the student's folder that holds the {@code NN-name} folders
     * @param layout how {@code work} lies in the student's folder ({@code ""} or {@code "exercises"})
     */
    static Optional<String> of(String common, Path work, String layout, List<String> exercises) {
        try {
            Feed feed = new Feed();
            feed.text(common);
            feed.text("layout " + layout);
            for (String name : exercises) {
                // The grader refuses an exercise folder or src that is a link: the hash sees the link, not where it goes.
                feed.entry("exercise " + name, work.resolve(name));
                feed.tree("src " + name, work.resolve(name).resolve("src"));
            }
            return Optional.of(feed.hex());
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Where the grader's own classes are: its package folder, or the jar that holds it. */
    private static Path graderClasses() {
        try {
            Path location = Path.of(GradeInputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = location.resolve(GradeInputs.class.getPackageName().replace('.', '/'));
            return Files.isDirectory(location) ? folder : location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SHA-256 fed with length-prefixed items. */
    private static final class Feed {
        private final MessageDigest digest;

        Feed() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK has no SHA-256", e);
            }
        }

        void text(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        private void bytes(byte[] b) {
            length(b.length);
            digest.update(b);
        }

        private void length(long n) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                digest.update((byte) (n >>> shift));
            }
        }

        /**
         * Every file under {@code root} (or {@code root} itself, a file), by its name relative to
         * {@code root} in sorted order: its kind, and its bytes (a link: where it points).
         * A missing {@code root} (or null) is fed as missing.
         */
        void tree(String label, Path root) {
            text(label);
            if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                text("missing");
                return;
            }
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                entry("", root);
                return;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .sorted((a, b) -> relative(root, a).compareTo(relative(root, b))).toList();
                length(files.size());
                for (Path f : files) {
                    entry(relative(root, f), f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One entry: its name, its kind and its bytes (a regular file) or target (a link). */
        void entry(String name, Path p) {
            text(name);
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    text("link");
                    text(Files.readSymbolicLink(p).toString());
                } else if (a.isDirectory()) {
                    text("folder");
                } else if (a.isRegularFile()) {
                    text("file");
                    length(a.size());
                    try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                        }
                    }
                } else {
                    text("other");
                }
            } catch (java.nio.file.NoSuchFileException e) {
                text("missing");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String relative(Path root, Path p) {
            return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
