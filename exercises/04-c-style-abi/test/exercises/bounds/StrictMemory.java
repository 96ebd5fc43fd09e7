package exercises.bounds;

import dev.ecswasm.abi.GuestMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test memory: a byte array that, unlike {@code ByteArrayGuestMemory}, refuses every read outside
 * itself (a real guest memory has nothing there: no zeros to find a NUL in), and remembers every read
 * so a test can say which bytes the code looked at.
 */
final class StrictMemory implements GuestMemory {
    private final byte[] bytes;
    private final byte fill;
    private final List<long[]> reads = new ArrayList<>();
    private int dirtyFrom;
    private int dirtyTo;

    /** A memory of {@code size} bytes, each {@code fill}. */
    StrictMemory(int size, byte fill) {
        bytes = new byte[size];
        this.fill = fill;
        Arrays.fill(bytes, fill);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public byte[] read(int address, int length) {
        long start = Integer.toUnsignedLong(address);
        long count = Integer.toUnsignedLong(length);
        reads.add(new long[] {start, count});
        if (start + count > bytes.length) {
            throw new IllegalStateException("memory.read(" + start + ", " + count + ") runs past the end of guest memory ("
                    + bytes.length + " bytes): the bytes were read before the range was checked");
        }
        return Arrays.copyOfRange(bytes, (int) start, (int) (start + count));
    }

    @Override
    public void write(int address, byte[] data) {
        System.arraycopy(data, 0, bytes, address, data.length);
    }

    /** Puts the fill byte back where the last reset wrote, writes {@code data} at {@code address}, and forgets earlier reads. */
    StrictMemory reset(int address, byte[] data) {
        Arrays.fill(bytes, dirtyFrom, dirtyTo, fill);
        write(address, data);
        dirtyFrom = address;
        dirtyTo = address + data.length;
        reads.clear();
        return this;
    }

    /** The first read outside {@code [from, to)}, as "read(start, count)", or null if every read stayed inside. */
    String readOutside(long from, long to) {
        for (long[] r : reads) {
            if (r[1] > 0 && (r[0] < from || r[0] + r[1] > to)) {
                return "memory.read(" + r[0] + ", " + r[1] + ")";
            }
        }
        return null;
    }

    /** How many reads of one byte or more were made. */
    int nonEmptyReads() {
        return (int) reads.stream().filter(r -> r[1] > 0).count();
    }

    @Override
    public String toString() {
        return "StrictMemory[" + bytes.length + " bytes]";
    }
}
