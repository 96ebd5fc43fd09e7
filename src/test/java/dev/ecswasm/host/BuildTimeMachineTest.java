package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecswasm.world.EnttManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled plugin in {@link ExecutionMode#COMPILED} runs the classes chicory-compiler-maven-plugin
 * made at build time; any other bytes, even a module that differs only in a custom section, are
 * compiled at run time; and both run the plugin's relationship tests to the same lines.
 *
 * <p>Which code ran is read from the stack of a host call: the manager's log sink runs inside the
 * guest's call to the ABI, below the guest's own frames.
 */
class BuildTimeMachineTest {
    private static final String BUILD_TIME_PREFIX = "dev.ecswasm.host.BundledPluginMachine";

    private static byte[] bundledBytes() {
        try (InputStream in = PluginModule.class.getResourceAsStream(PluginModule.BUNDLED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The bundled plugin plus a custom section, which Wasm says changes nothing the module does. */
    private static byte[] withCustomSection(byte[] wasm) {
        byte[] section = {0, 5, 4, 'n', 'o', 't', 'e'}; // id 0, size 5, name "note", no payload
        byte[] out = Arrays.copyOf(wasm, wasm.length + section.length);
        System.arraycopy(section, 0, out, wasm.length, section.length);
        return out;
    }

    /** What one run of test_relationships showed: its result, the manager's lines, the guest's output. */
    private record Run(int failed, List<String> managerLines, String stdout, Set<String> guestFrameClasses) {}

    private static Run run(PluginModule module, ExecutionMode mode) {
        List<String> lines = new ArrayList<>();
        Set<String> frames = new TreeSet<>();
        EnttManager world = new EnttManager().setLogSink(line -> {
            lines.add(line);
            for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                if (!frame.getClassName().startsWith("dev.ecswasm.") || frame.getClassName().startsWith(BUILD_TIME_PREFIX)) {
                    frames.add(frame.getClassName());
                }
            }
        });
        try (WasmHost host = WasmHost.builder(module).mode(mode).manager(world).build()) {
            int failed = host.callInt("test_relationships");
            return new Run(failed, lines, host.stdout(), frames);
        }
    }

    private static boolean ranBuildTimeClasses(Run run) {
        return run.guestFrameClasses().stream().anyMatch(name -> name.startsWith(BUILD_TIME_PREFIX));
    }

    /** Chicory's runtime compiler names its classes in this package. */
    private static boolean ranRunTimeClasses(Run run) {
        return run.guestFrameClasses().stream().anyMatch(name -> name.startsWith("com.dylibso.chicory.$gen."));
    }

    @Test
    void theBundledPluginCompiledRunsTheBuildTimeClasses() {
        Run run = run(PluginModule.bundled(), ExecutionMode.COMPILED);
        assertEquals(0, run.failed(), run.stdout());
        assertTrue(ranBuildTimeClasses(run), "no build-time class on the guest's stack: " + run.guestFrameClasses());
        assertFalse(ranRunTimeClasses(run), "a runtime-compiled class ran: " + run.guestFrameClasses());
    }

    @Test
    void aModuleThatDiffersOnlyInACustomSectionIsCompiledAtRunTime() {
        PluginModule other = PluginModule.parse(withCustomSection(bundledBytes()), "bundled plugin + a custom section");
        Run run = run(other, ExecutionMode.COMPILED);
        assertEquals(0, run.failed(), run.stdout());
        assertFalse(ranBuildTimeClasses(run), "the build-time classes ran for other bytes: " + run.guestFrameClasses());
        assertTrue(ranRunTimeClasses(run), "no runtime-compiled class on the guest's stack: " + run.guestFrameClasses());
    }

    @Test
    void theInterpreterNeverRunsTheBuildTimeClasses() {
        Run run = run(PluginModule.bundled(), ExecutionMode.INTERPRETER);
        assertEquals(0, run.failed(), run.stdout());
        assertFalse(ranBuildTimeClasses(run), run.guestFrameClasses().toString());
        assertFalse(ranRunTimeClasses(run), run.guestFrameClasses().toString());
    }

    @Test
    void buildTimeAndRunTimeCompiledCodeRunTheRelationshipTestsToTheSameLines() {
        Run buildTime = run(PluginModule.bundled(), ExecutionMode.COMPILED);
        Run runTime = run(PluginModule.parse(withCustomSection(bundledBytes()), "copy"), ExecutionMode.COMPILED);
        assertEquals(0, buildTime.failed(), buildTime.stdout());
        assertEquals(runTime.failed(), buildTime.failed());
        assertEquals(runTime.managerLines(), buildTime.managerLines());
        assertEquals(runTime.stdout(), buildTime.stdout());
    }

    @Test
    void onlyTheExactBytesMatchTheBuildTimeFingerprint() {
        byte[] bundled = bundledBytes();
        assertTrue(BuildTimeMachine.forBytes(bundled).isPresent(), "the bundled plugin's own bytes");
        byte[] sameSize = bundled.clone();
        sameSize[sameSize.length - 1] ^= 1; // same length, one bit off: only the hash tells them apart
        assertTrue(BuildTimeMachine.forBytes(sameSize).isEmpty(), "same size, one bit different");
        assertTrue(BuildTimeMachine.forBytes(withCustomSection(bundled)).isEmpty(), "a custom section more");
        assertTrue(BuildTimeMachine.forBytes(new byte[0]).isEmpty(), "no bytes");
    }
}
