package dev.ecswasm.grader;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a class folder for {@code ./grade --class} from the project's own material, and says what
 * each student must score. The students cycle through ten kinds, so any ten in a row hold each
 * once, and the first six already hold every kind of submission in both layouts:
 * <ol>
 * <li>a reference solution ({@code solutions/}), laid out like {@code solutions/} ({@code NN-name/src});
 * <li>a wrong solution (a {@code mistake.diff} of {@code src/test/resources/wrong-solutions/} laid
 * over the reference solution, as {@code ExercisesGradeTest} does; the other exercises right), as
 * a clone of the course ({@code exercises/NN-name/src}, with the tests and a README beside);
 * <li>a hostile submission (an attack of {@code src/test/resources/hostile-submissions/} laid over
 * the stubs, as {@code HostileSubmissionsTest} does);
 * <li>the stubs, as a clone;
 * <li>a reference solution with one exercise missing;
 * <li>a folder with the wrong layout (its code in {@code homework/}), which cannot be graded;
 * <li>a reference solution, as a clone;
 * <li>a wrong solution;
 * <li>a hostile submission, as a clone;
 * <li>the stubs.
 * </ol>
 * Each next student of a kind takes the next wrong solution (the exercises in turn) or attack, or
 * misses the next exercise. Attacks that need a script or a locale of their own ({@code setup},
 * {@code locale}) are left out; those that need a link get it.
 */
final class SyntheticClass {
    private static final Pattern TASK = Pattern.compile("@Task\\(\\s*id\\s*=\\s*\"([^\"]+)\"\\s*,\\s*points\\s*=\\s*(\\d+)\\s*\\)");
    private static final List<String> KINDS = List.of("solution", "wrong-clone", "hostile", "stubs-clone",
            "missing-exercise", "wrong-layout", "solution-clone", "wrong", "hostile-clone", "stubs");

    private SyntheticClass() {}

    /**
     * What one exercise of a student must score.
     *
     * @param least the fewest points it may get
     * @param most the most points it may get
     * @param tasksShort tasks whose points it may not all get (a wrong solution's named tasks)
     */
    record Expected(int least, int most, Set<String> tasksShort) {
        static Expected exactly(int points) {
            return new Expected(points, points, Set.of());
        }
    }

    /**
     * One student folder and what it must score.
     *
     * @param name the folder's name
     * @param kind which of the ten kinds, and for a wrong or hostile one which variant
     * @param exercises per exercise what it must score; empty for a folder that cannot be graded
     */
    record Student(String name, String kind, Map<String, Expected> exercises) {
        boolean gradable() {
            return !exercises.isEmpty();
        }

        int leastTotal() {
            return exercises.values().stream().mapToInt(Expected::least).sum();
        }

        int mostTotal() {
            return exercises.values().stream().mapToInt(Expected::most).sum();
        }
    }

    /** Writes {@code n} student folders into {@code classFolder} from {@code project}'s material; what each must score. */
    static List<Student> write(Path project, Path classFolder, int n) {
        Map<String, Map<String, Integer>> tasks = taskPoints(project);
        List<String> exercises = List.copyOf(tasks.keySet());
        List<Path> wrong = wrongSolutions(project);
        List<Path> hostile = hostileSubmissions(project);
        List<Student> students = new ArrayList<>();
        int wrongUsed = 0;
        int hostileUsed = 0;
        for (int i = 0; i < n; i++) {
            String kind = KINDS.get(i % KINDS.size());
            String plain = kind.replace("-clone", "");
            // The variant this student takes, chosen first: the folder's name says it.
            Path variant = plain.equals("wrong") ? wrong.get(wrongUsed++ % wrong.size())
                    : plain.equals("hostile") ? hostile.get(hostileUsed++ % hostile.size()) : null;
            String missing = exercises.get(i / KINDS.size() % exercises.size());
            String name = String.format(Locale.ROOT, "s%03d-%s", i + 1, kind) + switch (plain) {
                case "wrong" -> "-" + variant.getParent().getFileName().toString().substring(0, 2) + "-" + variant.getFileName();
                case "hostile" -> "-" + variant.getFileName();
                case "missing-exercise" -> "-" + missing;
                default -> "";
            };
            Path student = classFolder.resolve(name);
            Path work = kind.endsWith("-clone") ? student.resolve("exercises") : student;
            Map<String, Expected> expected = new LinkedHashMap<>();
            switch (plain) {
                case "solution" -> {
                    copyAll(project.resolve("solutions"), work, exercises);
                    exercises.forEach(e -> expected.put(e, Expected.exactly(possible(tasks, e))));
                }
                case "stubs" -> {
                    copyAll(project.resolve("exercises"), work, exercises);
                    exercises.forEach(e -> expected.put(e, Expected.exactly(0)));
                }
                case "missing-exercise" -> {
                    copyAll(project.resolve("solutions"), work, exercises.stream().filter(e -> !e.equals(missing)).toList());
                    exercises.forEach(e -> expected.put(e, Expected.exactly(e.equals(missing) ? 0 : possible(tasks, e))));
                }
                case "wrong" -> {
                    String exercise = variant.getParent().getFileName().toString();
                    copyAll(project.resolve("solutions"), work, exercises);
                    applyMistake(variant, work.resolve(exercise));
                    Set<String> fails = Set.of(load(variant.resolve("expect.properties")).getProperty("fails").trim()
                            .split("\\s*,\\s*"));
                    // Only the named tasks are sure to lose points; the rest of that exercise may or may not.
                    exercises.forEach(e -> expected.put(e, e.equals(exercise)
                            ? new Expected(0, possible(tasks, e) - 1, fails) : Expected.exactly(possible(tasks, e))));
                }
                case "hostile" -> {
                    Properties expect = load(variant.resolve("expect.properties"));
                    String exercise = expect.getProperty("exercise");
                    copyAll(project.resolve("exercises"), work, exercises);
                    layAttack(project, variant, expect, work);
                    int max = Integer.parseInt(expect.getProperty("max_points"));
                    exercises.forEach(e -> expected.put(e, new Expected(0, e.equals(exercise) ? max : 0, Set.of())));
                }
                case "wrong-layout" ->
                    // Code, but not in NN-name/src: nothing the grader can find.
                    TestFolders.copyTree(project.resolve("solutions").resolve(exercises.get(0)).resolve("src"),
                            student.resolve("homework"));
                default -> throw new IllegalStateException("no kind " + kind);
            }
            if (kind.endsWith("-clone")) {
                // A clone holds more than the code: the course's tests and README, which the grader never takes.
                for (String e : exercises) {
                    TestFolders.copyTree(project.resolve("exercises").resolve(e).resolve("test"), work.resolve(e).resolve("test"));
                }
                write(student.resolve("README.md"), "# My copy of the course\n");
            }
            students.add(new Student(name, kind, expected));
        }
        return students;
    }

    /** Per exercise of {@code project} (in order), its tasks and their points, read from the graded tests' {@code @Task}. */
    static Map<String, Map<String, Integer>> taskPoints(Path project) {
        Map<String, Map<String, Integer>> tasks = new LinkedHashMap<>();
        for (Path exercise : Exercises.folders(project.resolve("exercises"))) {
            Map<String, Integer> points = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(exercise.resolve("test"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    Matcher m = TASK.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        points.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tasks.put(exercise.getFileName().toString(), points);
        }
        return tasks;
    }

    private static int possible(Map<String, Map<String, Integer>> tasks, String exercise) {
        return tasks.get(exercise).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void copyAll(Path from, Path work, List<String> exercises) {
        for (String e : exercises) {
            TestFolders.copyTree(from.resolve(e).resolve("src"), work.resolve(e).resolve("src"));
        }
    }

    /** Every wrong solution, {@code wrong-solutions/NN-name/variant}, taking the exercises in turn (one of each, then the next of each). */
    private static List<Path> wrongSolutions(Path project) {
        List<List<Path>> byExercise = new ArrayList<>();
        for (Path exercise : Exercises.folders(project.resolve("src/test/resources/wrong-solutions"))) {
            byExercise.add(children(exercise).stream().filter(Files::isDirectory).toList());
        }
        List<Path> turns = new ArrayList<>();
        for (int round = 0; turns.size() < byExercise.stream().mapToInt(List::size).sum(); round++) {
            for (List<Path> variants : byExercise) {
                if (round < variants.size()) {
                    turns.add(variants.get(round));
                }
            }
        }
        return turns;
    }

    /** The attacks a plain copy can carry: not those needing a script or a locale of their own. */
    private static List<Path> hostileSubmissions(Path project) {
        return children(project.resolve("src/test/resources/hostile-submissions")).stream()
                .filter(p -> !p.getFileName().toString().startsWith("_"))
                .filter(p -> Files.isRegularFile(p.resolve("expect.properties")))
                .filter(p -> {
                    Properties expect = load(p.resolve("expect.properties"));
                    return expect.getProperty("setup") == null && expect.getProperty("locale") == null;
                })
                .toList();
    }

    /** The variant's {@code mistake.diff} applied to the reference solution copied to {@code exercise}. */
    static void applyMistake(Path variant, Path exercise) {
        try {
            String diff = Files.readString(variant.resolve("mistake.diff"), StandardCharsets.UTF_8);
            for (Map.Entry<String, List<String>> file : UnifiedDiff.byFile(diff).entrySet()) {
                Path target = exercise.resolve(file.getKey());
                String solution = Files.readString(target, StandardCharsets.UTF_8);
                Files.writeString(target, UnifiedDiff.apply(solution, file.getValue(),
                        variant.getFileName() + "/mistake.diff on " + file.getKey()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attack's files laid over the stubs in {@code work}, and its link if it has one. */
    private static void layAttack(Path project, Path attack, Properties expect, Path work) {
        String exercise = expect.getProperty("exercise");
        if (Files.isDirectory(attack.resolve(exercise))) {
            TestFolders.copyTree(attack.resolve(exercise), work.resolve(exercise));
        }
        String link = expect.getProperty("link");
        if (link != null) {
            String[] parts = link.split(" -> ");
            Path at = work.resolve(exercise).resolve("src").resolve(parts[0]);
            try {
                Files.deleteIfExists(at);
                Files.createSymbolicLink(at, project.resolve(parts[1]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
