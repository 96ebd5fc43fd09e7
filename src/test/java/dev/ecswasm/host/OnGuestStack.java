package dev.ecswasm.host;

import java.util.concurrent.Callable;

/**
 * Runs test code on a thread {@link GuestStacks} made, so a host's calls from it run there (inline)
 * instead of hopping to the host's guest thread; what the code returns or throws comes back here.
 */
final class OnGuestStack {
    private OnGuestStack() {}

    /** Runs {@code body} on a new 64 MiB {@link GuestStacks} thread and waits for it. */
    static <T> T call(Callable<T> body) {
        return GuestStacks.call("test-caller", body);
    }

    /** {@link #call} for code that returns nothing. */
    static void run(Body body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** Test code that may throw anything. */
    interface Body {
        void run() throws Exception;
    }

    /** Where a test's calls come from: a plain thread (they hop) or a {@link GuestStacks} one (inline). */
    enum Caller {
        HOP, INLINE;

        void run(Body body) throws Exception {
            if (this == INLINE) {
                OnGuestStack.run(body);
            } else {
                body.run();
            }
        }
    }
}
