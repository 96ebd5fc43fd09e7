package dev.ecswasm.abi;

import dev.ecswasm.world.Health;
import dev.ecswasm.world.Position;
import java.util.List;
import java.util.Optional;

/** The plain-data components the ABI exchanges as raw bytes, described once. */
public final class Layouts {
    private Layouts() {}

    /** {@code struct EnttPosition { float x; float y; }}: 8 bytes. */
    public static final PodLayout<Position> POSITION = new PodLayout<>("EnttPosition", 1, Position.class,
            List.of(new PodLayout.Field("x", 0, 4, "float"), new PodLayout.Field("y", 4, 4, "float")),
            (p, out) -> out.putFloat(p.x()).putFloat(p.y()),
            in -> new Position(in.getFloat(), in.getFloat()));

    /** {@code struct EnttHealth { int32_t hp; }}: 4 bytes. */
    public static final PodLayout<Health> HEALTH = new PodLayout<>("EnttHealth", 2, Health.class,
            List.of(new PodLayout.Field("hp", 0, 4, "int32_t")),
            (h, out) -> out.putInt(h.hp()),
            in -> new Health(in.getInt()));

    public static final List<PodLayout<?>> ALL = List.of(POSITION, HEALTH);

    /** The layout with this ABI type id. */
    public static Optional<PodLayout<?>> byTypeId(int typeId) {
        for (PodLayout<?> layout : ALL) {
            if (layout.typeId() == typeId) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }
}
