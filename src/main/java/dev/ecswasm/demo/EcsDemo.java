package dev.ecswasm.demo;

import dev.ecswasm.workbench.Tables;
import dev.ecswasm.world.CleanupPolicy;
import dev.ecswasm.world.Components.Name;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import dev.ecswasm.world.Relation;
import java.util.Arrays;
import java.util.List;

/**
 * The ECS layer on its own: the seed's three relationship examples driven from Java, with the
 * manager's log, the tables a notebook prints, and cleanup on destroy. Exits non-zero if the world
 * ends up inconsistent.
 */
public final class EcsDemo {
    private EcsDemo() {}

    public static void main(String[] args) {
        EnttManager world = new EnttManager().setLogSink(System.out::println);

        section("1:1 player <-> profile");
        int alice = world.createEntity();
        int aliceProfile = world.createEntity();
        world.addName(alice, "Alice");
        world.addName(aliceProfile, "Alice's profile");
        world.linkPlayerProfile(alice, aliceProfile);
        say("profile of Alice: " + world.getProfileForPlayer(alice));

        section("1:N parent -> children");
        int guild = world.createEntity();
        int bob = world.createEntity();
        int carol = world.createEntity();
        world.addName(guild, "Guild");
        world.addName(bob, "Bob");
        world.addName(carol, "Carol");
        world.setParent(bob, guild);
        world.setParent(carol, guild);
        say("children of Guild: " + Arrays.toString(world.findChildren(guild)));
        say("making Bob the parent of Guild: " + world.setParent(guild, bob));

        section("N:N student <-> course");
        int math = world.createEntity();
        int art = world.createEntity();
        world.addName(math, "Math");
        world.addName(art, "Art");
        world.enroll(bob, math);
        world.enroll(bob, art);
        world.enroll(carol, math);
        say("students of Math: " + Arrays.toString(world.getStudentsForCourse(math)));

        printTables(world);
        System.out.println(Tables.sparseSet(world.storage(Name.class)).printAll());

        section("Destroying entities cleans up every relation that names them");
        world.unlinkPlayerProfile(alice);
        world.destroyEntity(alice);
        world.destroyEntity(aliceProfile);
        world.destroyEntity(guild);
        say("parent of Bob now: " + world.getParent(bob));
        world.destroyEntity(math);
        say("courses of Carol now: " + Arrays.toString(world.getCoursesForStudent(carol)));

        section("A recycled slot gets a new version; the old id stays invalid");
        int dave = world.createEntity();
        world.addName(dave, "Dave");
        say("Dave reuses slot " + (dave & 0xFFFFF) + "; Guild's old id valid? " + world.isEntityValid(guild));
        System.out.println(Tables.entities(world, guild, dave, alice).printAll());

        section("Cleanup policies: FORBID refuses, CASCADE destroys sources first");
        world.setPolicy(Relation.ENROLLMENT, CleanupPolicy.FORBID);
        say("destroy Art while Bob attends it: " + world.destroyEntity(art));
        world.setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
        world.setParent(carol, dave);
        world.drop(bob, art);
        world.setParent(bob, carol);
        say("destroy Dave (parent of Carol, grandparent of Bob): " + world.destroyEntity(dave));

        printTables(world);
        List<String> broken = Invariants.violations(world);
        say(broken.isEmpty() ? "invariants hold: no relation names a dead entity" : "BROKEN: " + broken);
        if (!broken.isEmpty()) {
            System.exit(1);
        }
    }

    private static void printTables(EnttManager world) {
        System.out.println();
        System.out.println(Tables.entities(world).printAll());
        System.out.println(Tables.playerProfiles(world).printAll());
        System.out.println(Tables.parentChild(world).printAll());
        System.out.println(Tables.enrollments(world).printAll());
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("--- " + title + " ---");
    }

    private static void say(String line) {
        System.out.println("[Demo] " + line);
    }
}
