package dev.ecswasm.host;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One of the guest's WASI output streams: kept in memory, and echoed as it arrives when asked, so
 * guest lines interleave with the host's own log in the order they happened.
 */
final class GuestOutput extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Supplier<PrintStream> echo; // looked up per write: tests may swap System.out

    GuestOutput(Supplier<PrintStream> echo) {
        this.echo = echo;
    }

    @Override
    public synchronized void write(int b) {
        kept.write(b);
        if (echo != null) {
            echo.get().write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        kept.write(bytes, offset, length);
        if (echo != null) {
            echo.get().write(bytes, offset, length);
            echo.get().flush();
        }
    }

    synchronized int size() {
        return kept.size();
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** What was written since {@link #size()} returned {@code mark}. */
    synchronized String since(int mark) {
        byte[] all = kept.toByteArray();
        return new String(all, mark, all.length - mark, StandardCharsets.UTF_8);
    }

    synchronized void clear() {
        kept.reset();
    }
}
