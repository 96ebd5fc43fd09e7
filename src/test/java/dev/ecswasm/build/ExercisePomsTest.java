package dev.ecswasm.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecswasm.grader.Exercises;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Each exercise has a pom.xml of its own, so an IDE can open one exercise as a Maven project: its
 * src/ and test/ compiled against the project's classes, installed once with
 * {@code mvn -q -B install -DskipTests}. One pom per exercise, as two exercises may share a package.
 */
class ExercisePomsTest {

    private static final Path ROOT_POM = MavenRun.PROJECT.resolve("pom.xml");
    private static final Path EXERCISES = MavenRun.PROJECT.resolve("exercises");

    /** What must agree with the project's pom, checked in every exercise's pom. */
    @Test
    void everyExerciseHasAPomThatFollowsTheProjectsPom() {
        Pom root = Pom.read(ROOT_POM);
        List<Path> exercises = Exercises.folders(EXERCISES);
        assertEquals(6, exercises.size(), exercises::toString);
        Set<String> artifacts = new HashSet<>();
        for (Path exercise : exercises) {
            String name = exercise.getFileName().toString();
            Pom pom = Pom.read(exercise.resolve("pom.xml"));
            assertTrue(artifacts.add(pom.text("artifactId")), name + ": an artifactId of its own");
            assertEquals("src", pom.text("build/sourceDirectory"), name);
            assertEquals("test", pom.text("build/testSourceDirectory"), name);
            assertEquals(root.text("properties/maven.compiler.release"), pom.text("properties/maven.compiler.release"), name);
            assertEquals(root.text("version"), pom.text("properties/workbench.version"),
                    name + ": depends on the project's version as installed");
            assertEquals(root.text("properties/junit.version"), pom.text("properties/junit.version"),
                    name + ": tests with the grader's JUnit");
            Element workbench = pom.dependency("ecs-wasm-workbench");
            assertEquals(root.text("groupId"), Pom.child(workbench, "groupId"), name);
            assertEquals(root.text("artifactId"), Pom.child(workbench, "artifactId"), name);
            assertEquals("test", Pom.child(pom.dependency("junit-jupiter"), "scope"), name);
            for (String plugin : List.of("maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin")) {
                assertEquals(root.pluginVersion(plugin), pom.pluginVersion(plugin),
                        name + ": " + plugin + " at the project's version, which its install has fetched");
            }
        }
    }

    /**
     * The real thing, offline: Maven compiles exercise 2's stubs and graded tests from a copy of
     * its folder (nothing is built inside the project). It needs the project installed in the local
     * Maven repository, as a student does once; without that it is skipped, saying so.
     */
    @Test
    void anExercisePomCompilesOfflineAfterTheProjectIsInstalled(@TempDir Path dir) {
        Pom root = Pom.read(ROOT_POM);
        String version = root.text("version");
        Path installed = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "ecswasm",
                root.text("artifactId"), version, root.text("artifactId") + "-" + version + ".jar");
        assumeTrue(Files.isRegularFile(installed), "the project is not installed (" + installed
                + "): mvn -q -B install -DskipTests in the project folder, then run this test again");
        Path exercise = copy(EXERCISES.resolve("02-sparse-sets"), dir.resolve("02-sparse-sets"));

        MavenRun run = MavenRun.in(exercise, Duration.ofMinutes(5), "-o", "-q", "-B", "test-compile");

        assertEquals(0, run.exit(), run::report);
        assertTrue(Files.isRegularFile(exercise.resolve("target/test-classes/exercises/sparse/SparseSetTest.class")),
                () -> "no compiled test class; target has: " + list(exercise.resolve("target")));
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!from.relativize(file).startsWith("target")) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> folder.relativize(f).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pom.xml read as plain XML: the few elements these checks need. */
    private record Pom(Path file, Element project) {
        static Pom read(Path file) {
            try {
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
                return new Pom(file, doc.getDocumentElement());
            } catch (Exception e) {
                throw new AssertionError(file + " is not a readable pom: " + e.getMessage(), e);
            }
        }

        /** The text at a path of child elements from {@code <project>}, e.g. {@code build/sourceDirectory}. */
        String text(String path) {
            Element at = project;
            for (String name : path.split("/")) {
                at = childElement(at, name);
                if (at == null) {
                    throw new AssertionError(file + " has no " + path);
                }
            }
            return at.getTextContent().strip();
        }

        /** The {@code <dependency>} (not a managed one) with this artifactId. */
        Element dependency(String artifactId) {
            return find(childElement(project, "dependencies"), "dependency", artifactId);
        }

        /** The version of a plugin in {@code <build><plugins>} (not a profile's). */
        String pluginVersion(String artifactId) {
            return child(find(childElement(childElement(project, "build"), "plugins"), "plugin", artifactId), "version");
        }

        private Element find(Element list, String tag, String artifactId) {
            List<String> seen = new ArrayList<>();
            for (Element e : children(list, tag)) {
                String id = child(e, "artifactId");
                if (id.equals(artifactId)) {
                    return e;
                }
                seen.add(id);
            }
            throw new AssertionError(file + " has no " + tag + " " + artifactId + " (only " + seen + ")");
        }

        static String child(Element e, String name) {
            Element c = childElement(e, name);
            return c == null ? "" : c.getTextContent().strip();
        }

        private static Element childElement(Element parent, String name) {
            List<Element> found = parent == null ? List.of() : children(parent, name);
            return found.isEmpty() ? null : found.get(0);
        }

        private static List<Element> children(Element parent, String name) {
            List<Element> found = new ArrayList<>();
            NodeList nodes = parent.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                    found.add((Element) nodes.item(i));
                }
            }
            return found;
        }
    }
}
