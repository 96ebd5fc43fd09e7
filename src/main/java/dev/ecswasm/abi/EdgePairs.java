package dev.ecswasm.abi;

import dev.ecswasm.world.EdgeVisitor;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One relation's edges as the guest reads them, {@code (first, second)} little-endian u32 pairs, ends
 * in the relation's order (player, profile; parent, child; student, course): what a batched read
 * copies out. One per session, its scratch array reused across calls (they are serialised per handle),
 * so a batched read allocates nothing once the array has grown to the relation's size.
 */
final class EdgePairs implements EdgeVisitor {
    // one 4-byte store per id, as wasm32 reads a uint32_t, instead of four byte stores
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes = new byte[0];
    private int next;

    /** Encodes the relation's {@code edges} edges into the scratch array; returns its byte count. */
    int encode(EnttManager world, Relation relation, int edges) {
        int length = edges * 8;
        if (bytes.length < length) {
            bytes = new byte[length];
        }
        next = 0;
        world.forEachEdge(relation, this);
        if (next != length) {
            throw new IllegalStateException(relation + " reported " + edges + " edges but walked " + next / 8);
        }
        return length;
    }

    /** The scratch array: its first {@link #encode} bytes are the pairs. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public void visit(int first, int second) {
        u32(first);
        u32(second);
    }

    private void u32(int value) {
        U32.set(bytes, next, value);
        next += 4;
    }
}
