package dev.ecswasm.ecs;

/**
 * A check, made as an atomic call starts, that the stack has room for its undo.
 *
 * <p>If an atomic call runs out of stack part-way, its undo runs from where the call began, and
 * needs a few frames of its own. Recursing {@value #FRAMES} frames first means that a stack too full
 * for that throws StackOverflowError here, before anything has changed. The undo is shallower than
 * the probe (about six small frames), so it fits; this is a margin, not a proof, since frame sizes
 * differ between interpreted and compiled code. It costs a few nanoseconds a call.
 */
final class StackReserve {
    static final int FRAMES = 48;

    private StackReserve() {}

    static void check() {
        if (probe(FRAMES) != FRAMES) {
            throw new AssertionError("the stack probe miscounted");
        }
    }

    private static int probe(int frames) {
        return frames == 0 ? 0 : 1 + probe(frames - 1);
    }
}
