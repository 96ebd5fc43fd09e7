package dev.ecswasm.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's output stream on a thread of its own, keeping at most {@code limit} bytes and
 * counting the rest, so a child that prints without end neither fills the grader's heap nor the
 * disk, nor blocks on a full pipe.
 */
final class BoundedOutput {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private final Thread reader;
    private long dropped;

    BoundedOutput(InputStream in, int limit, String name) {
        this.limit = limit;
        this.reader = new Thread(() -> drain(in), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                synchronized (this) {
                    int room = (int) Math.min(n, limit - kept.size());
                    kept.write(buffer, 0, room);
                    dropped += n - room;
                }
            }
        } catch (IOException e) {
            // the child is gone; what was read is what there is
        }
    }

    /** Waits at most {@code millis} for the child to close the stream. */
    void await(long millis) throws InterruptedException {
        reader.join(millis);
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized long dropped() {
        return dropped;
    }
}
