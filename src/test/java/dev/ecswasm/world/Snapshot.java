package dev.ecswasm.world;

import dev.ecswasm.workbench.Tables;

/** Everything a world holds, as text: two equal snapshots mean nothing changed. */
final class Snapshot {
    private Snapshot() {}

    static String of(EnttManager world) {
        return Tables.describe(world);
    }
}
