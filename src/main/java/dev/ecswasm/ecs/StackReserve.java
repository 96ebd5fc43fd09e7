package dev.ecswasm.ecs;

/**
 * A check, made as an outermost atomic call starts, that the stack has room to start its undo.
 *
 * <p>If an atomic call runs out of stack part-way, its undo runs from where the outermost call began
 * (a nested call that cannot finish its own undo leaves the rest to it). Recursing {@value #FRAMES}
 * frames first means that a stack too full to even begin that throws StackOverflowError here,
 * before anything has changed. An undo deeper than the probe that runs out of stack is finished on
 * {@link UndoRescue}'s worker; the probe keeps room for the hand-over. This is a margin, not a
 * proof, since frame sizes differ between interpreted and compiled code: 8 frames were too few in
 * StackExhaustionTest once, and a single method with a large frame (512 unused long locals) was
 * worse than none once compiled. It costs 60-110 ns a call.
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
