package dev.ecswasm.host;

import com.dylibso.chicory.runtime.Memory;
import dev.ecswasm.abi.GuestMemory;
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
    public void write(int address, byte[] bytes, int length) {
        memory.write(address, bytes, 0, length);
    }
}
