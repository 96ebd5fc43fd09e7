package dev.ecswasm.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A plain-data component as a contract between host and guest: its type id on the ABI, and each
 * field's offset, size and C type in a little-endian byte layout both sides read and write directly.
 *
 * @param name   the C struct name, e.g. {@code EnttPosition}
 * @param typeId the number the guest passes to {@code host_set_component} and friends
 * @param type   the Java record the host stores
 * @param fields the layout, in offset order
 * @param writer puts a value's fields into a little-endian buffer of {@link #size()} bytes
 * @param reader builds a value from such a buffer
 */
public record PodLayout<T>(String name, int typeId, Class<T> type, List<Field> fields,
                           BiConsumer<T, ByteBuffer> writer, Function<ByteBuffer, T> reader) {

    /** One field: name, byte offset, byte size and C type. */
    public record Field(String name, int offset, int size, String cType) {
        /** E.g. {@code float x @0}. */
        @Override
        public String toString() {
            return cType + " " + name + " @" + offset;
        }
    }

    /** The struct's size in bytes: the end of its last field. */
    public int size() {
        Field last = fields.get(fields.size() - 1);
        return last.offset() + last.size();
    }

    /** The value's bytes as the guest's struct holds them. */
    public byte[] encode(T value) {
        ByteBuffer out = ByteBuffer.allocate(size()).order(ByteOrder.LITTLE_ENDIAN);
        writer.accept(value, out);
        return out.array();
    }

    /** The value these bytes hold; {@code bytes.length} must be {@link #size()}. */
    public T decode(byte[] bytes) {
        if (bytes.length != size()) {
            throw new IllegalArgumentException(name + " is " + size() + " bytes, not " + bytes.length);
        }
        return reader.apply(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** E.g. {@code EnttPosition[type 1, 8 bytes: float x @0, float y @4]}. */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", name + "[type " + typeId + ", " + size() + " bytes: ", "]");
        fields.forEach(field -> shown.add(field.toString()));
        return shown.toString();
    }
}
