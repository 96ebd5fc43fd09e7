package dev.ecswasm.grader;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a test JVM reports each test's result to the grader so that the student's code, running in
 * the same JVM, cannot forge one: every line carries an HMAC under a key the grader makes fresh
 * for each run and hands over on the child's standard input before any student code runs. A line
 * without a valid code is ignored, so a test whose result is missing, forged or cut off fails.
 *
 * <p>A line is {@code R<tab>unique-id<tab>passed|failed<tab>message<tab>hmac}, fields escaped as in
 * {@link ResultLines}. The list of tests and their points never comes from this channel: the
 * grader has its own (see {@link TestPlan}).
 */
final class ResultChannel {
    /** A failure message is cut to this many characters before it is signed, so one test cannot flood the report. */
    static final int MAX_MESSAGE = 2048;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    private ResultChannel(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM + " in this JVM", e);
        }
    }

    /** A fresh random key, as the hex text the child reads from its standard input. */
    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    static ResultChannel withKey(String hexKey) {
        return new ResultChannel(HexFormat.of().parseHex(hexKey.strip()));
    }

    /** One signed line (no line break) saying how the test {@code uniqueId} ended. */
    String sign(String uniqueId, boolean passed, String message) {
        String cut = message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + " ... (" + (message.length() - MAX_MESSAGE) + " more characters)";
        String body = String.join("\t", "R", ResultLines.escape(uniqueId), passed ? "passed" : "failed",
                ResultLines.escape(cut));
        return body + "\t" + code(body);
    }

    /** A verified result: whether the test passed, and its message. */
    record Verified(boolean passed, String message) {}

    /** What the child's output said, line by line: only lines whose code verifies count. */
    record Read(Map<String, Verified> results, int rejected) {}

    /**
     * The verified results in {@code output}, by unique id; the first verified line of a test counts.
     * Every other line is either ignored (the student's own printing) or, if it looks like a result
     * line but its code does not verify, counted as rejected.
     */
    Read read(String output) {
        Map<String, Verified> results = new LinkedHashMap<>();
        int rejected = 0;
        for (String line : output.split("\n", -1)) {
            if (!line.startsWith("R\t")) {
                continue;
            }
            Optional<Map.Entry<String, Verified>> v = verify(line);
            if (v.isEmpty()) {
                rejected++;
                continue;
            }
            results.putIfAbsent(v.get().getKey(), v.get().getValue());
        }
        return new Read(results, rejected);
    }

    /** The id and result {@code line} carries, if it is a result line whose code verifies. */
    Optional<Map.Entry<String, Verified>> verify(String line) {
        int lastTab = line.lastIndexOf('\t');
        if (!line.startsWith("R\t") || lastTab < 0) {
            return Optional.empty();
        }
        String body = line.substring(0, lastTab);
        String[] f = body.split("\t", -1);
        boolean valid = f.length == 4 && (f[2].equals("passed") || f[2].equals("failed"))
                && MessageDigest.isEqual(code(body).getBytes(StandardCharsets.US_ASCII),
                        line.substring(lastTab + 1).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(Map.entry(ResultLines.unescape(f[1]),
                new Verified(f[2].equals("passed"), ResultLines.unescape(f[3])))) : Optional.empty();
    }

    private String code(String body) {
        synchronized (mac) {
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
