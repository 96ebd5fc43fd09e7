package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecswasm.ecs.EntityId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random operation sequences, each checked step by step against a plain model built
 * from maps and sets: same outcome, same failure reason, same relations, and the invariants hold.
 * Ids are drawn mostly from live entities, but also stale, null and forged ones. Every sequence has
 * its own seed; a failure prints it and the steps that led there.
 */
class WorldModelTest {
    private static final int SEQUENCES = 2000;
    private static final int STEPS = 150;

    @Test
    void randomSequencesAgreeWithThePlainModel() {
        Map<String, Integer> seen = new TreeMap<>();
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            new Run(seed, seen).go();
        }
        // The sequences must reach every outcome, or agreeing with the model would prove little.
        for (String outcome : List.of("Done", "NULL_ENTITY", "INVALID_ENTITY", "SELF_LINK", "CYCLE", "FORBIDDEN",
                "NOT_FOUND", "cascade")) {
            assertTrue(seen.getOrDefault(outcome, 0) >= 20, "too few " + outcome + " in " + seen);
        }
    }

    /** One sequence: the world, the model, and the trace for the failure message. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final EnttManager world = new EnttManager();
        private final Model model = new Model();
        private final List<String> trace = new ArrayList<>();
        private final Map<String, Integer> seen;

        Run(long seed, Map<String, Integer> seen) {
            this.seed = seed;
            this.seen = seen;
            this.random = new Random(seed);
            for (Relation relation : Relation.values()) {
                setPolicy(relation, randomPolicy());
            }
        }

        void go() {
            for (int step = 0; step < STEPS; step++) {
                String op = step();
                trace.add(op);
                compare();
            }
        }

        private String step() {
            int roll = random.nextInt(100);
            if (roll < 18) {
                int id = world.createEntity();
                model.created(id, this::failure);
                return "create -> " + id;
            }
            int a = pick();
            int b = pick();
            if (roll < 28) {
                return expect("destroy " + a, model.destroy(a), world.destroyEntity(a));
            } else if (roll < 34) {
                String name = "n" + random.nextInt(5);
                return expect("addName " + a + " " + name, model.addName(a, name), world.addName(a, name));
            } else if (roll < 37) {
                return expect("removeName " + a, model.removeName(a), world.removeName(a));
            } else if (roll < 47) {
                return expect("link " + a + " " + b, model.link(a, b), world.linkPlayerProfile(a, b));
            } else if (roll < 51) {
                return expect("unlink " + a, model.unlink(a), world.unlinkPlayerProfile(a));
            } else if (roll < 66) {
                return expect("setParent " + a + " " + b, model.setParent(a, b), world.setParent(a, b));
            } else if (roll < 70) {
                return expect("removeParent " + a, model.removeParent(a), world.removeParent(a));
            } else if (roll < 85) {
                return expect("enroll " + a + " " + b, model.enroll(a, b), world.enroll(a, b));
            } else if (roll < 95) {
                return expect("drop " + a + " " + b, model.drop(a, b), world.drop(a, b));
            } else {
                Relation relation = Relation.values()[random.nextInt(3)];
                CleanupPolicy policy = randomPolicy();
                setPolicy(relation, policy);
                return "policy " + relation + " " + policy;
            }
        }

        private CleanupPolicy randomPolicy() {
            return CleanupPolicy.values()[random.nextInt(CleanupPolicy.values().length)];
        }

        private void setPolicy(Relation relation, CleanupPolicy policy) {
            world.setPolicy(relation, policy);
            model.policies.put(relation, policy);
        }

        /** Mostly live ids; sometimes stale, null, or forged ones. */
        private int pick() {
            int roll = random.nextInt(100);
            List<Integer> alive = new ArrayList<>(model.alive);
            if (roll < 82 && !alive.isEmpty()) {
                return alive.get(random.nextInt(alive.size()));
            }
            if (roll < 92 && !model.issued.isEmpty()) {
                return model.issued.get(random.nextInt(model.issued.size()));
            }
            if (roll < 96) {
                return EntityId.NULL;
            }
            return EntityId.of(random.nextInt(64), random.nextInt(EntityId.VERSION_MASK + 1));
        }

        private String expect(String op, Failure expected, Outcome actual) {
            Failure got = actual instanceof Outcome.Refused refused ? refused.failure() : null;
            if (!Objects.equals(expected, got)) {
                failure(op + ": model expected " + (expected == null ? "Done" : expected) + " but world said " + actual);
            }
            seen.merge(expected == null ? "Done" : expected.name(), 1, Integer::sum);
            if (model.lastDestroyed > 1) {
                seen.merge("cascade", 1, Integer::sum);
                model.lastDestroyed = 0;
            }
            return op + " -> " + actual;
        }

        private void compare() {
            Set<Integer> live = new HashSet<>();
            for (int id : world.entities()) {
                live.add(id);
            }
            check(model.alive.equals(live), "live entities: model " + model.alive + " world " + live);
            for (int dead : model.issued) {
                check(model.alive.contains(dead) == world.isEntityValid(dead), "validity of " + dead);
            }
            for (int id : model.alive) {
                check(Optional.ofNullable(model.names.get(id)).equals(world.getName(id)), "name of " + id);
                check(optional(model.profileOf.get(id)).equals(world.getProfileForPlayer(id)), "profile of " + id);
                check(optional(model.playerOf(id)).equals(world.getPlayerForProfile(id)), "player of " + id);
                check(optional(model.parentOf.get(id)).equals(world.getParent(id)), "parent of " + id);
                check(model.childrenOf(id).equals(set(world.findChildren(id))), "children of " + id);
                check(model.coursesOf(id).equals(set(world.getCoursesForStudent(id))), "courses of " + id);
                check(model.studentsOf(id).equals(set(world.getStudentsForCourse(id))), "students of " + id);
            }
            List<String> broken = Invariants.violations(world);
            check(broken.isEmpty(), "invariants: " + broken);
        }

        private void check(boolean ok, String what) {
            if (!ok) {
                failure(what);
            }
        }

        private void failure(String what) {
            int from = Math.max(0, trace.size() - 25);
            fail("seed " + seed + ", step " + trace.size() + ": " + what + "\nlast steps:\n  "
                    + String.join("\n  ", trace.subList(from, trace.size())));
        }

        private static OptionalInt optional(Integer value) {
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }

        private static Set<Integer> set(int[] ids) {
            Set<Integer> out = new HashSet<>();
            for (int id : ids) {
                assertTrue(out.add(id), "duplicate id " + id);
            }
            return out;
        }
    }

    /** What the world should hold, in the plainest structures there are. */
    private static final class Model {
        final Set<Integer> alive = new LinkedHashSet<>();
        final List<Integer> issued = new ArrayList<>();
        final Map<Integer, Integer> versions = new HashMap<>(); // slot index -> version of the next id
        final Set<Integer> freeSlots = new HashSet<>();
        final ArrayDeque<Integer> lastFreed = new ArrayDeque<>();
        int slots;
        int lastDestroyed; // how many entities the last destroy took; more than 1 means a cascade
        final Map<Integer, String> names = new HashMap<>();
        final Map<Integer, Integer> profileOf = new HashMap<>(); // player -> profile
        final Map<Integer, Integer> parentOf = new HashMap<>();  // child -> parent
        final Set<List<Integer>> enrollments = new HashSet<>(); // [student, course]
        final Map<Relation, CleanupPolicy> policies = new EnumMap<>(Relation.class);

        /** Checks the new id: a freed slot if there is one (the last freed, if known), with its bumped version. */
        void created(int id, Consumer<String> failure) {
            int index = EntityId.index(id);
            if (freeSlots.isEmpty()) {
                if (index != slots) {
                    failure.accept("create used slot " + index + " but the next fresh slot is " + slots);
                }
                slots++;
            } else {
                if (!freeSlots.contains(index)) {
                    failure.accept("create used slot " + index + " which is not free");
                }
                if (!lastFreed.isEmpty() && lastFreed.peek() != index) {
                    failure.accept("create used slot " + index + " but slot " + lastFreed.peek() + " was freed last");
                }
                freeSlots.remove(index);
            }
            lastFreed.clear(); // after a cascade several slots were freed in an order the model does not track
            int version = versions.getOrDefault(index, 0);
            if (EntityId.version(id) != version) {
                failure.accept("create gave version " + EntityId.version(id) + " for slot " + index + ", expected " + version);
            }
            alive.add(id);
            issued.add(id);
        }

        Failure check(int id) {
            if (id == EntityId.NULL) {
                return Failure.NULL_ENTITY;
            }
            return alive.contains(id) ? null : Failure.INVALID_ENTITY;
        }

        Failure checkPair(int a, int b) {
            Failure bad = check(a);
            if (bad == null) {
                bad = check(b);
            }
            if (bad == null && a == b) {
                bad = Failure.SELF_LINK;
            }
            return bad;
        }

        Failure addName(int id, String name) {
            Failure bad = check(id);
            if (bad == null) {
                names.put(id, name);
            }
            return bad;
        }

        Failure removeName(int id) {
            Failure bad = check(id);
            if (bad == null && names.remove(id) == null) {
                bad = Failure.NOT_FOUND;
            }
            return bad;
        }

        Failure link(int player, int profile) {
            Failure bad = checkPair(player, profile);
            if (bad == null) {
                profileOf.remove(player);
                profileOf.values().remove(profile);
                profileOf.put(player, profile);
            }
            return bad;
        }

        Failure unlink(int id) {
            Failure bad = check(id);
            if (bad == null) {
                boolean any = profileOf.remove(id) != null;
                any |= profileOf.values().remove(id);
                if (!any) {
                    bad = Failure.NOT_FOUND;
                }
            }
            return bad;
        }

        Integer playerOf(int profile) {
            for (Map.Entry<Integer, Integer> link : profileOf.entrySet()) {
                if (link.getValue() == profile) {
                    return link.getKey();
                }
            }
            return null;
        }

        Failure setParent(int child, int parent) {
            Failure bad = checkPair(child, parent);
            if (bad == null) {
                for (Integer at = parent; at != null; at = parentOf.get(at)) {
                    if (at == child) {
                        return Failure.CYCLE;
                    }
                }
                parentOf.put(child, parent);
            }
            return bad;
        }

        Failure removeParent(int child) {
            Failure bad = check(child);
            if (bad == null && parentOf.remove(child) == null) {
                bad = Failure.NOT_FOUND;
            }
            return bad;
        }

        Set<Integer> childrenOf(int parent) {
            Set<Integer> out = new HashSet<>();
            parentOf.forEach((child, p) -> {
                if (p == parent) {
                    out.add(child);
                }
            });
            return out;
        }

        Failure enroll(int student, int course) {
            Failure bad = checkPair(student, course);
            if (bad == null) {
                enrollments.add(List.of(student, course));
            }
            return bad;
        }

        Failure drop(int student, int course) {
            Failure bad = checkPair(student, course);
            if (bad == null && !enrollments.remove(List.of(student, course))) {
                bad = Failure.NOT_FOUND;
            }
            return bad;
        }

        Set<Integer> coursesOf(int student) {
            Set<Integer> out = new HashSet<>();
            for (List<Integer> e : enrollments) {
                if (e.get(0) == student) {
                    out.add(e.get(1));
                }
            }
            return out;
        }

        Set<Integer> studentsOf(int course) {
            Set<Integer> out = new HashSet<>();
            for (List<Integer> e : enrollments) {
                if (e.get(1) == course) {
                    out.add(e.get(0));
                }
            }
            return out;
        }

        /** The entities whose edge of this relation points at the target. */
        Set<Integer> sources(Relation relation, int target) {
            switch (relation) {
                case PLAYER_PROFILE: {
                    Integer profile = profileOf.get(target);
                    return profile == null ? Set.of() : Set.of(profile);
                }
                case PARENT_CHILD:
                    return childrenOf(target);
                default:
                    return studentsOf(target);
            }
        }

        Failure destroy(int root) {
            Failure bad = check(root);
            if (bad != null) {
                return bad;
            }
            Set<Integer> doomed = new LinkedHashSet<>();
            ArrayDeque<Integer> work = new ArrayDeque<>(List.of(root));
            while (!work.isEmpty()) {
                int target = work.poll();
                if (doomed.add(target)) {
                    for (Relation relation : Relation.values()) {
                        if (policies.get(relation) == CleanupPolicy.CASCADE) {
                            work.addAll(sources(relation, target));
                        }
                    }
                }
            }
            for (int target : doomed) {
                for (Relation relation : Relation.values()) {
                    if (policies.get(relation) == CleanupPolicy.FORBID
                            && !doomed.containsAll(sources(relation, target))) {
                        return Failure.FORBIDDEN;
                    }
                }
            }
            for (int id : doomed) {
                alive.remove(id);
                names.remove(id);
                profileOf.remove(id);
                profileOf.values().remove(id);
                parentOf.remove(id);
                parentOf.values().removeIf(p -> p == id);
                enrollments.removeIf(e -> e.contains(id));
                int index = EntityId.index(id);
                versions.put(index, EntityId.nextVersion(EntityId.version(id)));
                freeSlots.add(index);
            }
            lastFreed.clear();
            lastDestroyed = doomed.size();
            if (doomed.size() == 1) {
                lastFreed.push(EntityId.index(root));
            }
            return null;
        }
    }
}
