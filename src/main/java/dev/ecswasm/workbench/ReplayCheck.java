package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace.Access;
import dev.ecswasm.abi.AbiTrace.Crossing;
import dev.ecswasm.abi.AbiTrace.MemoryEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Compares a recorded crossing with its replay: trap, result, last error, then each memory event in turn. */
final class ReplayCheck {
    private ReplayCheck() {}

    static Optional<Replay.Diverged> compare(Crossing expected, Crossing actual) {
        if (!expected.trap().equals(actual.trap())) {
            return diverged(expected, "trap", orNone(expected.trap(), "no trap"), orNone(actual.trap(), "no trap"));
        }
        if (expected.resultValue() != actual.resultValue()) {
            return diverged(expected, "result", expected.result(), actual.result());
        }
        if (expected.error() != actual.error()) {
            return diverged(expected, "last error", String.valueOf(expected.error()), String.valueOf(actual.error()));
        }
        List<MemoryEvent> a = expected.memory();
        List<MemoryEvent> b = actual.memory();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String what = "memory event " + (i + 1);
            if (i >= a.size() || i >= b.size()) {
                return diverged(expected, what, i < a.size() ? a.get(i).toString() : "none",
                        i < b.size() ? b.get(i).toString() : "none");
            }
            MemoryEvent x = a.get(i);
            MemoryEvent y = b.get(i);
            if (x.access() != y.access() || x.address() != y.address() || x.length() != y.length()) {
                return diverged(expected, what, x.toString(), y.toString());
            }
            if (x.access() == Access.WRITE && !Arrays.equals(x.after(), y.after())) {
                int at = Arrays.mismatch(x.after(), y.after());
                return diverged(expected, "byte written at " + HexDump.hex(x.address() + at) + " (" + x + ")",
                        byteAt(x.after(), at), byteAt(y.after(), at));
            }
        }
        return Optional.empty();
    }

    private static Optional<Replay.Diverged> diverged(Crossing c, String what, String expected, String actual) {
        return Optional.of(new Replay.Diverged(c.seq(), c.function(), what, expected, actual));
    }

    private static String orNone(String text, String none) {
        return text.isEmpty() ? none : "\"" + text + "\"";
    }

    private static String byteAt(byte[] bytes, int at) {
        return String.format("%02X", bytes[at]);
    }
}
