package dev.ecswasm.abi;

import com.dylibso.chicory.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/** A Chicory {@link Memory} seen as {@link GuestMemory}: the production backing of the ABI. */
public final class ChicoryMemory implements GuestMemory {
    private final Memory memory;

    public ChicoryMemory(Memory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public long size() {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    @Override
    public byte[] read(int address, int length) {
        return memory.readBytes(address, length);
    }

    @Override
    public void write(int address, byte[] bytes) {
        memory.write(address, bytes);
    }

    @Override
    public void writeU32s(int address, int[] values, int count) {
        // Two bulk copies (ints to little-endian bytes, bytes into memory) beat one checked write per value.
        byte[] bytes = new byte[count * 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(values, 0, count);
        memory.write(address, bytes);
    }
}
