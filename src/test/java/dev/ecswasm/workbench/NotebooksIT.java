package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in {@code notebooks/} runs clean in a real Jupyter kernel and its committed text
 * outputs are the fresh ones ({@code notebooks/execute.py --check}).
 *
 * <p>An integration test (maven-failsafe-plugin, in {@code mvn verify}): the notebooks load
 * {@code target/ecs-wasm-workbench-all.jar}, which the {@code package} phase makes after the unit
 * tests have run. Without Debian's executor the tests are skipped and say how to enable them, unless
 * {@code ECS_WASM_REQUIRE_NOTEBOOKS=1} (set by {@code .ci/run}) makes that a failure.
 */
class NotebooksIT {

    /** Debian's python3, which has Debian's nbclient; {@code -Dnotebooks.python=...} picks another. */
    static final Path PYTHON = Path.of(System.getProperty("notebooks.python", "/usr/bin/python3"));
    static final Path EXECUTE = Path.of("notebooks", "execute.py");
    static final Path OWN = Path.of("src", "test", "resources", "notebooks");
    static final String HOW_TO_ENABLE = "notebook execution skipped: " + PYTHON + " with nbclient was not found;"
            + " enable it with `apt-get install -y python3-nbclient` (as root; otherwise with sudo)";

    @BeforeAll
    static void executorOrSkip() throws Exception {
        boolean present = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import nbclient, nbformat")).code == 0;
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("ECS_WASM_REQUIRE_NOTEBOOKS"))) {
            fail(HOW_TO_ENABLE.replace("skipped", "required (ECS_WASM_REQUIRE_NOTEBOOKS=1)"));
        }
        System.err.println(HOW_TO_ENABLE);
        Assumptions.abort(HOW_TO_ENABLE);
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanAndMatchesItsCommittedOutputs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            List<Path> notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
            return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> assertChecks(nb)));
        }
    }

    /** Proves the pass path on its own: the shaded jar loads, a world is made and a table printed. */
    @Test
    void aTinyNotebookRunsCleanAndMatchesItsCommittedOutputs() throws Exception {
        assertChecks(OWN.resolve("tiny.ipynb"));
    }

    @Test
    void aBrokenCellFailsTheRunAndIsNamed() throws Exception {
        assertFailsSaying("broken.ipynb", "  cell 0 failed: EvalException: this cell is broken on purpose");
    }

    /** A check cell holds a lesson's prose to its output: a claim that no longer holds fails the run. */
    @Test
    void aProseClaimTheOutputContradictsFailsTheRun() throws Exception {
        assertFailsSaying("wrong-claim.ipynb", "  cell 3 failed: EvalException: the text says entity 2 is stored as"
                + " 02 00 00 00: it expects 02 00 00 00, but the output shows 01 00 00 00");
    }

    /** Cell 1 was committed saying 41; cell 2 prints a duration, which may differ freely. */
    @Test
    void aStaleCommittedOutputFailsTheRunAndADurationDoesNot() throws Exception {
        assertFailsSaying("stale.ipynb", "  cell 1, output line 1: committed '41', fresh '42'\n"
                + "  refresh it with: notebooks/execute.py --write " + OWN.resolve("stale.ipynb"));
    }

    /** Checking our own {@code notebook} exits 1, and its FAIL report goes on with {@code problems}. */
    static void assertFailsSaying(String notebook, String problems) throws Exception {
        Result result = check(OWN.resolve(notebook));
        assertEquals(1, result.code, result.output);
        assertTrue(result.output.contains("FAIL " + OWN.resolve(notebook) + " (stale or failing):\n" + problems),
                result.output);
    }

    static void assertChecks(Path notebook) throws Exception {
        Result result = check(notebook);
        System.out.print(result.output);
        assertEquals(0, result.code, result.output);
    }

    static Result check(Path notebook) throws Exception {
        return run(List.of(PYTHON.toString(), EXECUTE.toString(), "--check", notebook.toString()));
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Debian's python3 with Debian's packages, whatever a pyenv or a virtualenv has set.
        builder.environment().remove("PYTHONPATH");
        builder.environment().remove("PYTHONHOME");
        Process process = builder.start();
        process.getOutputStream().close();
        // The executor bounds its own waits (kernel starts, each cell), so this read ends.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    record Result(int code, String output) {
    }
}
