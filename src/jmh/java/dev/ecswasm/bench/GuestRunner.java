package dev.ecswasm.bench;

/** One runtime running one guest module, as the boundary benchmarks drive it. */
interface GuestRunner extends AutoCloseable {
    /** Calls an export that takes and returns {@code i32}s (0 for a void export). */
    int call(String export, int... args);

    /** Copies bytes into guest memory. */
    void write(int address, byte[] bytes);

    /** Calls the plugin's empty export {@code times} times, the fastest way this runtime allows. */
    void callEmpty(int times);

    @Override
    void close();
}
