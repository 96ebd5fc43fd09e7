package dev.ecswasm.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bundled plugin's machine, compiled to JVM bytecode at build time by
 * {@code chicory-compiler-maven-plugin} (class {@code BundledPluginMachineMachine}), and the exact
 * bytes it was compiled from: their size and SHA-256, written beside the classes by the same build.
 * Only a module with those bytes gets it; any other module is compiled at run time.
 *
 * <p>The class is found by name, not compiled against: javac never sees the plugin's generated
 * source, so a build that regenerates it (every {@code mvn compile}) does not recompile the project.
 */
final class BuildTimeMachine {
    /** Written by the build: {@code "<size> <sha256 in hex>"} of the {@code .wasm} the classes came from. */
    private static final String FINGERPRINT = "BundledPluginMachine.sha256";
    private static final String MACHINE = "dev.ecswasm.host.BundledPluginMachineMachine";

    private BuildTimeMachine() {}

    /**
     * The build-time machine factory if {@code wasm} is byte for byte the module it was compiled
     * from; empty otherwise, or if this build has no such classes.
     */
    static Optional<Function<Instance, Machine>> forBytes(byte[] wasm) {
        Fingerprint built = Fingerprint.BUILT;
        if (built == null || built.size() != wasm.length || !built.sha256().equals(sha256(wasm))) {
            return Optional.empty();
        }
        Constructor<? extends Machine> machine = machineConstructor();
        return Optional.of(instance -> newMachine(machine, instance));
    }

    private static Constructor<? extends Machine> machineConstructor() {
        try {
            return Class.forName(MACHINE).asSubclass(Machine.class).getConstructor(Instance.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the build recorded the bundled plugin's fingerprint but not its class "
                    + MACHINE + "; rebuild with mvn clean compile", e);
        }
    }

    private static Machine newMachine(Constructor<? extends Machine> machine, Instance instance) {
        try {
            return machine.newInstance(instance);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot build " + MACHINE, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + MACHINE, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The size and hash the build recorded; read once, on first use. */
    private record Fingerprint(long size, String sha256) {
        static final Fingerprint BUILT = read();

        private static Fingerprint read() {
            try (InputStream in = BuildTimeMachine.class.getResourceAsStream(FINGERPRINT)) {
                if (in == null) {
                    return null; // classes built without the compiler plugin: compile at run time
                }
                String[] fields = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
                return new Fingerprint(Long.parseLong(fields[0]), fields[1].toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                return null;
            }
        }
    }
}
