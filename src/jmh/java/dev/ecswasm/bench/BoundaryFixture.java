package dev.ecswasm.bench;

import dev.ecswasm.world.EnttManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The world every boundary benchmark starts from, whatever the runtime: an entity named "Alice",
 * and a parent with 100 children whose ids the guest also gets as an array.
 */
final class BoundaryFixture {
    static final int CHILDREN = 100;
    static final int CALLS = 100_000;      // guest-to-host calls per export call
    static final int NAME_FETCHES = 10_000; // two-call name fetches per export call
    static final int EDGE_READS = 1_000;   // whole-relation reads per export call

    final EnttManager world = new EnttManager();
    final int alice;
    final int parent;
    final int[] children = new int[CHILDREN];

    BoundaryFixture() {
        alice = world.createEntity();
        world.addName(alice, "Alice");
        parent = world.createEntity();
        for (int i = 0; i < CHILDREN; i++) {
            children[i] = world.createEntity();
            world.setParent(children[i], parent);
        }
    }

    /** The children's ids as little-endian u32s, as the guest reads them. */
    byte[] childBytes() {
        byte[] out = new byte[CHILDREN * 4];
        for (int i = 0; i < CHILDREN; i++) {
            int id = children[i];
            out[4 * i] = (byte) id;
            out[4 * i + 1] = (byte) (id >>> 8);
            out[4 * i + 2] = (byte) (id >>> 16);
            out[4 * i + 3] = (byte) (id >>> 24);
        }
        return out;
    }

    static byte[] resource(String path) {
        try (InputStream in = BoundaryFixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] plugin() {
        return resource("/dev/ecswasm/host/ecs_plugin.wasm");
    }

    static byte[] callLoops() {
        return resource("/bench_calls.wasm");
    }
}
