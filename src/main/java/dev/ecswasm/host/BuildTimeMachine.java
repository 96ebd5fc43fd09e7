package dev.ecswasm.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bundled plugin's machine, compiled to JVM bytecode at build time by
 * {@code chicory-compiler-maven-plugin} ({@link BundledPluginMachine}), and the exact bytes it was
 * compiled from: their size and SHA-256, written beside the classes by the same build. Only a module
 * with those bytes gets it; any other module is compiled at run time.
 */
final class BuildTimeMachine {
    /** Written by the build: {@code "<size> <sha256 in hex>"} of the {@code .wasm} the classes came from. */
    private static final String FINGERPRINT = "BundledPluginMachine.sha256";

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
        return Optional.of(BundledPluginMachine::create);
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
                return new Fingerprint(Long.parseLong(fields[0]), fields[1].toLowerCase(java.util.Locale.ROOT));
            } catch (IOException e) {
                return null;
            }
        }
    }
}
