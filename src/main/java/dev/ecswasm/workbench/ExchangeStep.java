package dev.ecswasm.workbench;

import dev.ecswasm.abi.AbiTrace.Crossing;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a two-call exchange the plugin made: what the guest did, the guest buffer it concerns
 * with its bytes before and after, the ABI crossing the trace recorded (none for the guest's own
 * allocation), and what it means.
 *
 * @param number   1, 2, 3, ... in the order the guest did them
 * @param title    {@code size query}, {@code allocation}, {@code copy}, {@code new allocation}, {@code copy again}
 * @param guest    the call the guest made, e.g. {@code host_get_name(1, NULL, 0)} or {@code guest_alloc(4)}
 * @param buffer   the guest buffer the step concerns, its bytes before and after the step; at address 0
 *                 (NULL) and empty for the size query, which passes none
 * @param crossing the ABI call the trace recorded, if the step crossed the ABI
 * @param note     what happened, in a sentence
 */
public record ExchangeStep(int number, String title, String guest, BytesBeforeAfter.Run buffer,
                           Optional<Crossing> crossing, String note) {
    /** The most bytes a walk-through line shows; {@link #bytes()} and the trace keep them all. */
    static final int MAX_BYTES_SHOWN = 16;

    public ExchangeStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(crossing, "crossing");
        Objects.requireNonNull(note, "note");
    }

    /** A step on the buffer at {@code address} with these bytes before and after it. */
    ExchangeStep(int number, String title, String guest, int address, byte[] before, byte[] after,
                 Optional<Crossing> crossing, String note) {
        this(number, title, guest, new BytesBeforeAfter.Run(Integer.toUnsignedLong(address), before, after),
                crossing, note);
    }

    /** The guest buffer's address; 0 (NULL) for the size query. */
    public int address() {
        return (int) buffer.address();
    }

    /** The buffer's bytes before the step (empty without a buffer). */
    public byte[] before() {
        return buffer.before();
    }

    /** The buffer's bytes after the step. */
    public byte[] after() {
        return buffer.after();
    }

    /** Whether the step changed any byte of its buffer. */
    public boolean changedBytes() {
        return buffer.changed() > 0;
    }

    /** The buffer before and after, side by side. */
    public BytesBeforeAfter bytes() {
        return BytesBeforeAfter.of("step " + number + ", " + title, buffer.address(), buffer.before(), buffer.after());
    }

    /** What the host answered: the result and the last error, e.g. {@code 4, OK (0)}; empty without a crossing. */
    public String answer() {
        return crossing.map(c -> c.trap().isEmpty() ? c.result() + ", " + c.error() : "trapped: " + c.trap()).orElse("");
    }

    /**
     * A few aligned lines, e.g.
     * <pre>
     * 3. copy            the guest calls host_get_name(1, 0x00011010, 4)
     *                    the host answers 4, OK (0): copied "Bob" and its NUL
     *                    before: 00 00 00 00  |....|
     *                    after:  42 6F 62 00  |Bob.|
     *                    trace:  #2 host_get_name(entity=1, buf=0x00011010, cap=4) = 4, OK (0), write 0x00011010 +4
     * </pre>
     */
    @Override
    public String toString() {
        String indent = " ".repeat(19);
        StringBuilder out = new StringBuilder(String.format("%-19s", number + ". " + title))
                .append("the guest calls ").append(guest).append('\n');
        out.append(indent).append(crossing.isPresent() ? "the host answers " + answer() + ": " : "").append(note).append('\n');
        if (buffer.address() != 0 && crossing.isEmpty()) {
            out.append(indent).append("bytes there: ").append(shown(buffer.before())).append('\n');
        } else if (buffer.address() != 0) {
            out.append(indent).append("before: ").append(shown(buffer.before())).append('\n');
            out.append(indent).append("after:  ").append(shown(buffer.after())).append('\n');
        }
        crossing.ifPresent(c -> out.append(indent).append("trace:  ").append(c).append('\n'));
        return out.toString().stripTrailing();
    }

    /** Hex and text of the first {@value #MAX_BYTES_SHOWN} bytes, then how many more there are. */
    private static String shown(byte[] bytes) {
        if (bytes.length == 0) {
            return "(none)";
        }
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, MAX_BYTES_SHOWN));
        return Cells.bytes(bytes, MAX_BYTES_SHOWN) + "  |" + BytesBeforeAfter.ascii(head) + "|";
    }
}
