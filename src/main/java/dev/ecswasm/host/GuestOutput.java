package dev.ecswasm.host;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One of the guest's WASI output streams: the last {@link Limits#maxOutputBytes()} bytes kept in
 * memory, everything before that counted as dropped, and echoed as it arrives when asked, so guest
 * lines interleave with the host's own log in the order they happened.
 *
 * <p>Why a tail, and why its own {@code fd_write}: one {@code fd_write} can name thousands of iovecs
 * that all point at the same megabyte, gigabytes of output in one host call. Chicory's
 * {@code fd_write} copies each iovec out of guest memory before writing it, so a bounded buffer alone
 * would still copy gigabytes. {@link #fdWrite} reads the iovec array, works out which bytes end up in
 * the tail, and copies only those: at most the tail plus 8 bytes an iovec, and it stops at the
 * deadline like guest code does.
 */
final class GuestOutput extends OutputStream {
    private static final long U32_MAX = 0xFFFF_FFFFL;
    /** How many iovecs {@link #fdWrite} reads between looks at the interrupt flag. */
    private static final int IOVECS_PER_CHECK = 4096;

    private final byte[] tail;   // a ring: the last min(written, tail.length) bytes end at written % length
    private long written;        // every byte the guest wrote, kept or not
    private final String name;   // "stdout", "stderr": for the echo's notes
    private final Supplier<PrintStream> echo; // looked up per write: tests may swap System.out

    GuestOutput(String name, int keep, Supplier<PrintStream> echo) {
        this.name = name;
        this.tail = new byte[keep];
        this.echo = echo;
    }

    /**
     * Replaces WASI's {@code fd_write} ({@code wasi} is Chicory's): writes to fd 1 and 2 go to
     * {@code stdout} and {@code stderr} through {@link #writeIovecs}; any other fd goes to Chicory's.
     */
    static HostFunction fdWrite(HostFunction wasi, GuestOutput stdout, GuestOutput stderr) {
        WasmFunctionHandle chicory = wasi.handle();
        return new HostFunction(wasi.module(), wasi.name(), wasi.functionType(), (instance, args) -> {
            int fd = (int) args[0];
            if (fd != 1 && fd != 2) {
                return chicory.apply(instance, args);
            }
            // Whether fd 1 or 2 is still open is WASI's to say (a guest may have closed it): ask it
            // with a write of no iovecs, which copies nothing.
            long[] probe = chicory.apply(instance, args[0], args[1], 0, args[3]);
            if (probe != null && probe.length > 0 && probe[0] != 0) {
                return probe;
            }
            long total = (fd == 1 ? stdout : stderr).writeIovecs(instance, (int) args[1], (int) args[2]);
            instance.memory().writeI32((int) args[3], (int) total);
            return new long[] {0}; // ESUCCESS
        });
    }

    /**
     * Writes what the iovec array at {@code iovs} ({@code count} entries of pointer and length, both
     * u32) names, as WASI's {@code fd_write} does, and returns how many bytes that was: all of them,
     * unless they add up to more than a u32 can say (then a short write, which callers loop on).
     * Copies only the bytes that land in the tail.
     *
     * @throws WasmRuntimeException if the array or a buffer it names is outside guest memory (a trap,
     *         as Chicory's own {@code fd_write} traps)
     * @throws ChicoryInterruptedException if the call's deadline interrupts it
     */
    long writeIovecs(Instance instance, int iovs, int count) {
        Memory memory = instance.memory();
        if (memory == null) {
            throw new WasmRuntimeException("out of bounds memory access: fd_write without a memory");
        }
        long size = (long) memory.pages() * Memory.PAGE_SIZE;
        long array = Integer.toUnsignedLong(iovs);
        long entries = Integer.toUnsignedLong(count);
        if (array + entries * 8 > size) {
            throw new WasmRuntimeException("out of bounds memory access: fd_write's " + entries + " iovecs at "
                    + array + " reach past the end of guest memory (" + size + " bytes)");
        }
        // Pass 1: check every buffer and add up the lengths (capped at what nwritten, a u32, can say).
        long total = 0;
        long lastTake = 0; // how much of the last iovec taken counts: all of it, unless total hit U32_MAX
        int used = 0;      // iovecs taken
        for (; used < entries && total < U32_MAX; used++) {
            if (used % IOVECS_PER_CHECK == 0 && Thread.currentThread().isInterrupted()) {
                throw new ChicoryInterruptedException("Thread interrupted in fd_write");
            }
            int at = (int) (array + used * 8L);
            long pointer = Integer.toUnsignedLong(memory.readInt(at));
            long length = Integer.toUnsignedLong(memory.readInt(at + 4));
            if (pointer + length > size) {
                throw new WasmRuntimeException("out of bounds memory access: fd_write's iovec " + used + " ("
                        + length + " bytes at " + pointer + ") reaches past the end of guest memory (" + size
                        + " bytes)");
            }
            lastTake = Math.min(length, U32_MAX - total);
            total += lastTake;
        }
        // Pass 2: copy only the bytes that end up in the tail, walking the iovecs from the last one back.
        int keep = (int) Math.min(total, tail.length);
        byte[] kept = new byte[keep];
        int missing = keep;
        for (int i = used - 1; i >= 0 && missing > 0; i--) {
            int at = (int) (array + i * 8L);
            long pointer = Integer.toUnsignedLong(memory.readInt(at));
            long take = i == used - 1 ? lastTake : Integer.toUnsignedLong(memory.readInt(at + 4));
            int n = (int) Math.min(take, missing);
            byte[] piece = memory.readBytes((int) (pointer + take - n), n);
            System.arraycopy(piece, 0, kept, missing - n, n);
            missing -= n;
        }
        append(kept, 0, keep, total);
        return total;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int keep = Math.min(length, tail.length);
        append(bytes, offset + length - keep, keep, length);
    }

    /** Records a write of {@code length} bytes of which the last {@code keep} are {@code bytes[offset..]}. */
    private synchronized void append(byte[] bytes, int offset, int keep, long length) {
        int capacity = tail.length;
        if (capacity > 0) {
            int at = (int) ((written + length - keep) % capacity);
            int first = Math.min(keep, capacity - at);
            System.arraycopy(bytes, offset, tail, at, first);
            System.arraycopy(bytes, offset + first, tail, 0, keep - first);
        }
        written += length;
        if (echo != null) {
            PrintStream out = echo.get();
            if (length > keep) {
                out.print(String.format(Locale.ROOT, "[guest %s: %,d bytes not shown]%n", name, length - keep));
            }
            out.write(bytes, offset, keep);
            out.flush();
        }
    }

    /** Every byte written so far, kept or dropped; a mark for {@link #since(long)}. */
    synchronized long written() {
        return written;
    }

    /** How many of the bytes written so far were dropped: all but the tail. */
    synchronized long dropped() {
        return written - Math.min(written, tail.length);
    }

    /** What was kept, opening with a line saying how much was dropped before it, if anything was. */
    synchronized String text() {
        return since(0);
    }

    /**
     * What was written since {@link #written()} returned {@code mark}, as far as it is still kept, opening
     * with a line saying how many bytes of it were dropped, if any were. Copies at most the tail.
     */
    synchronized String since(long mark) {
        long wanted = Math.max(0, written - mark);
        int keep = (int) Math.min(wanted, Math.min(written, tail.length));
        byte[] out = new byte[keep];
        if (keep > 0) {
            int start = (int) ((written - keep) % tail.length);
            int first = Math.min(keep, tail.length - start);
            System.arraycopy(tail, start, out, 0, first);
            System.arraycopy(tail, 0, out, first, keep - first);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        long dropped = wanted - keep;
        return dropped == 0 ? text : droppedNote(dropped, keep) + text;
    }

    /** The line that opens a tail when bytes before it were dropped. */
    static String droppedNote(long dropped, long kept) {
        return String.format(Locale.ROOT, "[%,d bytes dropped; the last %,d kept]%n", dropped, kept);
    }
}
