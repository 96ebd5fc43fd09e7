package dev.ecswasm.bench;

import dev.ecswasm.host.GuestStacks;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's worker threads as {@link GuestStacks} threads, for a fork started with
 * {@code -Djmh.executor=CUSTOM -Djmh.executor.class=dev.ecswasm.bench.GuestStackWorkers} (JMH makes
 * its workers with the executor that names, given the thread count and a name prefix): a benchmark
 * method then calls a host from a thread with the guest's stack, the way the demo does.
 */
public final class GuestStackWorkers extends ThreadPoolExecutor {
    public GuestStackWorkers(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                GuestStacks.factory(prefix + "-guest-stack-worker", GuestStacks.DEFAULT_STACK_BYTES));
    }
}
