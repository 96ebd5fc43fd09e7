package dev.ecswasm.world;

import dev.ecswasm.tables.Tables;

/** Everything a world holds, as text: two equal snapshots mean nothing changed. */
final class Snapshot {
    private Snapshot() {}

    static String of(EnttManager world) {
        return Tables.entities(world).printAll() + "\n" + Tables.playerProfiles(world).printAll() + "\n"
                + Tables.parentChild(world).printAll() + "\n" + Tables.enrollments(world).printAll();
    }
}
