package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.ChildrenOfParent;
import dev.ecswasm.world.Components.CoursesAttended;
import dev.ecswasm.world.Components.StudentsOfCourse;
import dev.ecswasm.world.Components.Name;
import dev.ecswasm.world.Components.ParentComponent;
import dev.ecswasm.world.Components.PlayerRelation;
import dev.ecswasm.world.Components.PlayerOfProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks, by scanning the whole world, what the manager promises without scanning: every relation
 * is stored consistently on both ends and no live relation names a dead entity.
 *
 * <p>Tests run it after every step; the hostile-guest tests run it after every trap. Call it between
 * calls, not from inside one (a listener): mid-destroy, the dying entity counts as stuck.
 *
 * <p>It reports, it never throws: a world broken badly enough to trip up a check (say, by two threads
 * writing at once) gets a sentence saying which check could not finish and why, and the other checks
 * still run.
 */
public final class Invariants {
    private Invariants() {}

    /** Every broken promise, one sentence each; empty when the world is consistent. */
    public static List<String> violations(EnttManager world) {
        List<String> out = new ArrayList<>();
        check(out, "the entity check", () -> noneStuck(world, out));
        check(out, "the storage check", () -> storagesAgree(world, out, KEPT));
        check(out, "the owner check", () -> ownersAreAlive(world, out, KEPT));
        check(out, "the player-profile check", () -> playersAndProfiles(world, out));
        check(out, "the parent-child check", () -> parentsAndChildren(world, out));
        check(out, "the enrollment check", () -> enrollments(world, out));
        check(out, "the name-bytes check", () -> nameBytes(world, out));
        return out;
    }

    private static final Class<?>[] KEPT = {Name.class, PlayerRelation.class, PlayerOfProfile.class,
        ParentComponent.class, ChildrenOfParent.class, CoursesAttended.class, StudentsOfCourse.class};

    /** Runs one check; if it throws (a broken world can break the checker), says so and goes on. */
    private static void check(List<String> out, String name, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | StackOverflowError | AssertionError broken) {
            out.add(name + " could not finish, the world is too broken to read: " + broken);
        }
    }

    /** No live entity is stuck half-destroyed: marked as dying with no destroy running. */
    private static void noneStuck(EnttManager world, List<String> out) {
        for (int id : world.entities()) {
            if (world.registry().isBeingDestroyed(id)) {
                out.add("entity " + id(id) + " is stuck half-destroyed: it is marked as being destroyed, so destroying"
                        + " it again fails");
            }
        }
    }

    /** Each storage agrees with itself: every packed member finds its own position and has a value. */
    private static void storagesAgree(EnttManager world, List<String> out, Class<?>... types) {
        for (Class<?> type : types) {
            Storage<?> storage = world.storage(type);
            for (int i = 0; i < storage.size(); i++) {
                int id = storage.entityAt(i);
                if (storage.positionOf(id) != i) {
                    out.add(type.getSimpleName() + " storage lists entity " + id(id) + " at " + i
                            + " but finds it at " + storage.positionOf(id));
                } else if (storage.valueAt(i) == null || storage.getOrNull(id) != storage.valueAt(i)) {
                    out.add(type.getSimpleName() + " storage has no value, or two, for entity " + id(id));
                }
            }
        }
    }

    private static void playersAndProfiles(EnttManager world, List<String> out) {
        Storage<PlayerRelation> players = world.storage(PlayerRelation.class);
        Storage<PlayerOfProfile> owners = world.storage(PlayerOfProfile.class);
        for (int i = 0; i < players.size(); i++) {
            int player = players.entityAt(i);
            if (players.valueAt(i) == null) {
                continue; // the storage check reports it
            }
            int profile = players.valueAt(i).profile();
            PlayerOfProfile back = owners.getOrNull(profile);
            if (!world.isEntityValid(profile)) {
                out.add("player " + id(player) + " is linked to dead profile " + id(profile));
            } else if (back == null || back.player() != player) {
                out.add("player " + id(player) + " -> profile " + id(profile) + " has no matching reverse link");
            }
        }
        for (int i = 0; i < owners.size(); i++) {
            int profile = owners.entityAt(i);
            if (owners.valueAt(i) == null) {
                continue;
            }
            int player = owners.valueAt(i).player();
            PlayerRelation forward = players.getOrNull(player);
            if (forward == null || forward.profile() != profile) {
                out.add("profile " + id(profile) + " names player " + id(player) + " which does not name it back");
            }
        }
    }

    private static void parentsAndChildren(EnttManager world, List<String> out) {
        Storage<ParentComponent> parents = world.storage(ParentComponent.class);
        Storage<ChildrenOfParent> children = world.storage(ChildrenOfParent.class);
        int childEdges = 0;
        for (int i = 0; i < children.size(); i++) {
            int parent = children.entityAt(i);
            EdgeList list = children.valueAt(i) == null ? null : children.valueAt(i).children();
            if (list == null) {
                out.add("parent " + id(parent) + " has no children list");
                continue;
            }
            if (list.isEmpty()) {
                out.add("parent " + id(parent) + " keeps an empty children list");
            }
            childEdges += list.size();
            for (int child : list.toArray()) {
                ParentComponent up = world.isEntityValid(child) ? parents.getOrNull(child) : null;
                if (up == null || up.parent() != parent) {
                    out.add("parent " + id(parent) + " lists child " + id(child) + " whose parent is not it");
                }
            }
        }
        if (childEdges != parents.size()) {
            out.add(parents.size() + " children name a parent but parents list " + childEdges + " children");
        }
        for (int i = 0; i < parents.size(); i++) {
            int child = parents.entityAt(i);
            int steps = 0;
            for (ParentComponent up = parents.valueAt(i); up != null; up = parents.getOrNull(up.parent())) {
                if (up.parent() == child) {
                    out.add("entity " + id(child) + " is its own ancestor");
                    break;
                }
                if (++steps > parents.size()) { // more steps than parents: the chain loops above the child
                    out.add("entity " + id(child) + " hangs below a cycle of parents");
                    break;
                }
            }
        }
    }

    private static void enrollments(EnttManager world, List<String> out) {
        int forward = mirrored(world, out, "student", "course", world.storage(CoursesAttended.class),
                CoursesAttended::courses, world.storage(StudentsOfCourse.class), StudentsOfCourse::students);
        int backward = mirrored(world, out, "course", "student", world.storage(StudentsOfCourse.class),
                StudentsOfCourse::students, world.storage(CoursesAttended.class), CoursesAttended::courses);
        if (forward != backward) {
            out.add("students list " + forward + " enrollments but courses list " + backward);
        }
        if (world.edgeCount(Relation.ENROLLMENT) != forward) {
            out.add("the world counts " + world.edgeCount(Relation.ENROLLMENT) + " enrollments but students list "
                    + forward);
        }
    }

    /** The running total of name bytes matches the names. */
    private static void nameBytes(EnttManager world, List<String> out) {
        Storage<Name> names = world.storage(Name.class);
        long sum = 0;
        for (int i = 0; i < names.size(); i++) {
            if (names.valueAt(i) != null) {
                sum += NameStore.utf8Length(names.valueAt(i).value());
            }
        }
        if (world.nameBytes() != sum) {
            out.add("the world counts " + world.nameBytes() + " bytes of names but its names hold " + sum);
        }
    }

    /** Throws if anything is inconsistent, listing every violation. */
    public static void require(EnttManager world) {
        List<String> broken = violations(world);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("world is inconsistent:\n  " + String.join("\n  ", broken));
        }
    }

    /**
     * Checks one side of an N:N relation against the other: no empty lists, and every listed entity is
     * alive and lists the owner back. Returns how many edges this side holds.
     */
    private static <A, B> int mirrored(EnttManager world, List<String> out, String role, String otherRole,
                                       Storage<A> side, Function<A, EdgeList> edges,
                                       Storage<B> otherSide, Function<B, EdgeList> otherEdges) {
        int count = 0;
        for (int i = 0; i < side.size(); i++) {
            int owner = side.entityAt(i);
            EdgeList list = side.valueAt(i) == null ? null : edges.apply(side.valueAt(i));
            if (list == null) {
                out.add(role + " " + id(owner) + " has no " + otherRole + " list");
                continue;
            }
            if (list.isEmpty()) {
                out.add(role + " " + id(owner) + " keeps an empty " + otherRole + " list");
            }
            count += list.size();
            for (int other : list.toArray()) {
                B back = world.isEntityValid(other) ? otherSide.getOrNull(other) : null;
                EdgeList backList = back == null ? null : otherEdges.apply(back);
                if (backList == null || !backList.contains(owner)) {
                    out.add(role + " " + id(owner) + " lists " + otherRole + " " + id(other)
                            + " which does not list it back");
                }
            }
        }
        return count;
    }

    private static void ownersAreAlive(EnttManager world, List<String> out, Class<?>... types) {
        for (Class<?> type : types) {
            Storage<?> storage = world.storage(type);
            for (int i = 0; i < storage.size(); i++) {
                if (!world.isEntityValid(storage.entityAt(i))) {
                    out.add(type.getSimpleName() + " belongs to dead entity " + id(storage.entityAt(i)));
                }
            }
        }
    }

    private static String id(int id) {
        return EntityId.toString(id);
    }
}
