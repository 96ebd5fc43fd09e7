package dev.ecswasm.grader;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Run by {@link SandboxTest} inside the grader's sandbox: tries what hostile code would try and
 * prints one {@code what=result} line per attempt.
 *
 * <pre>SandboxProbe loopback-port project-folder read-only-folder</pre>
 */
public final class SandboxProbe {
    private SandboxProbe() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        attempt("connect", () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
        attempt("read-project", () -> Files.list(Path.of(args[1])).close());
        attempt("read-etc-shadow", () -> Files.readAllBytes(Path.of("/etc/shadow")));
        attempt("write-mount", () -> Files.writeString(Path.of(args[2], "planted.txt"), "x"));
        attempt("fill-scratch", () -> {
            try (OutputStream out = Files.newOutputStream(Path.of("/work/big"))) {
                byte[] mib = new byte[1 << 20];
                for (int i = 0; i < 200; i++) {
                    out.write(mib);
                }
            }
        });
        attempt("leave-process", () -> new ProcessBuilder("sleep", "987").start());
        System.out.println("charset=" + Charset.defaultCharset());
        System.out.println("locale=" + Locale.getDefault());
        System.out.println("zone=" + TimeZone.getDefault().getID());
        System.out.println("lang=" + System.getenv("LANG"));
        System.out.flush();
    }

    interface Attempt {
        void run() throws Exception;
    }

    private static void attempt(String what, Attempt a) {
        try {
            a.run();
            System.out.println(what + "=done");
        } catch (Exception e) {
            System.out.println(what + "=failed: " + e.getClass().getSimpleName());
        }
    }
}
