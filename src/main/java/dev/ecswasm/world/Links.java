package dev.ecswasm.world;

/** The edges of each relation as plain values, for tables and batched reads. */
public final class Links {
    private Links() {}

    /** One 1:1 link. */
    public record PlayerProfile(int player, int profile) {}

    /** One 1:N edge. */
    public record ParentChild(int parent, int child) {}

    /** One N:N edge. */
    public record Enrollment(int student, int course) {}
}
