package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.ChildrenComponent;
import dev.ecswasm.world.Components.CoursesAttended;
import dev.ecswasm.world.Components.EnrolledStudents;
import dev.ecswasm.world.Components.Name;
import dev.ecswasm.world.Components.ParentComponent;
import dev.ecswasm.world.Components.PlayerRelation;
import dev.ecswasm.world.Components.ProfileOwner;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, by scanning the whole world, what the manager promises without scanning: every relation
 * is stored consistently on both ends and no live relation names a dead entity.
 *
 * <p>Tests run it after every step; the hostile-guest tests run it after every trap.
 */
public final class Invariants {
    private Invariants() {}

    /** Every broken promise, one sentence each; empty when the world is consistent. */
    public static List<String> violations(EnttManager world) {
        List<String> out = new ArrayList<>();
        ownersAreAlive(world, out, Name.class, PlayerRelation.class, ProfileOwner.class, ParentComponent.class,
                ChildrenComponent.class, CoursesAttended.class, EnrolledStudents.class);

        Storage<PlayerRelation> players = world.storage(PlayerRelation.class);
        Storage<ProfileOwner> owners = world.storage(ProfileOwner.class);
        for (int i = 0; i < players.size(); i++) {
            int player = players.entityAt(i);
            int profile = players.valueAt(i).profile();
            ProfileOwner back = owners.getOrNull(profile);
            if (!world.isEntityValid(profile)) {
                out.add("player " + hex(player) + " is linked to dead profile " + hex(profile));
            } else if (back == null || back.player() != player) {
                out.add("player " + hex(player) + " -> profile " + hex(profile) + " has no matching reverse link");
            }
        }
        for (int i = 0; i < owners.size(); i++) {
            int profile = owners.entityAt(i);
            int player = owners.valueAt(i).player();
            PlayerRelation forward = players.getOrNull(player);
            if (forward == null || forward.profile() != profile) {
                out.add("profile " + hex(profile) + " names player " + hex(player) + " which does not name it back");
            }
        }

        Storage<ParentComponent> parents = world.storage(ParentComponent.class);
        Storage<ChildrenComponent> children = world.storage(ChildrenComponent.class);
        int childEdges = 0;
        for (int i = 0; i < children.size(); i++) {
            int parent = children.entityAt(i);
            EdgeList list = children.valueAt(i).children();
            if (list.isEmpty()) {
                out.add("parent " + hex(parent) + " keeps an empty children list");
            }
            childEdges += list.size();
            for (int child : list.toArray()) {
                ParentComponent up = world.isEntityValid(child) ? parents.getOrNull(child) : null;
                if (up == null || up.parent() != parent) {
                    out.add("parent " + hex(parent) + " lists child " + hex(child) + " whose parent is not it");
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
                if (up.parent() == child || ++steps > parents.size()) {
                    out.add("entity " + hex(child) + " is its own ancestor");
                    break;
                }
            }
        }

        Storage<CoursesAttended> courses = world.storage(CoursesAttended.class);
        Storage<EnrolledStudents> students = world.storage(EnrolledStudents.class);
        int forward = 0;
        int backward = 0;
        for (int i = 0; i < courses.size(); i++) {
            int student = courses.entityAt(i);
            EdgeList list = courses.valueAt(i).courses();
            if (list.isEmpty()) {
                out.add("student " + hex(student) + " keeps an empty course list");
            }
            forward += list.size();
            for (int course : list.toArray()) {
                EnrolledStudents back = world.isEntityValid(course) ? students.getOrNull(course) : null;
                if (back == null || !back.students().contains(student)) {
                    out.add("student " + hex(student) + " attends course " + hex(course) + " which does not list it");
                }
            }
        }
        for (int i = 0; i < students.size(); i++) {
            int course = students.entityAt(i);
            EdgeList list = students.valueAt(i).students();
            if (list.isEmpty()) {
                out.add("course " + hex(course) + " keeps an empty student list");
            }
            backward += list.size();
            for (int student : list.toArray()) {
                CoursesAttended back = world.isEntityValid(student) ? courses.getOrNull(student) : null;
                if (back == null || !back.courses().contains(course)) {
                    out.add("course " + hex(course) + " lists student " + hex(student) + " who does not attend it");
                }
            }
        }
        if (forward != backward) {
            out.add("students list " + forward + " enrollments but courses list " + backward);
        }
        return out;
    }

    /** Throws if anything is inconsistent, listing every violation. */
    public static void require(EnttManager world) {
        List<String> broken = violations(world);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("world is inconsistent:\n  " + String.join("\n  ", broken));
        }
    }

    private static void ownersAreAlive(EnttManager world, List<String> out, Class<?>... types) {
        for (Class<?> type : types) {
            Storage<?> storage = world.storage(type);
            for (int i = 0; i < storage.size(); i++) {
                if (!world.isEntityValid(storage.entityAt(i))) {
                    out.add(type.getSimpleName() + " belongs to dead entity " + hex(storage.entityAt(i)));
                }
            }
        }
    }

    private static String hex(int id) {
        return EntityId.hex(id);
    }
}
