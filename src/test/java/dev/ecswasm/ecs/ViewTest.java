package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class ViewTest {
    record A(int v) {}

    record B(int v) {}

    record C(int v) {}

    private final Registry registry = new Registry();

    @Test
    void aMultiTypeViewWalksTheSmallestStorage() {
        for (int i = 0; i < 100; i++) {
            int e = registry.create();
            registry.add(e, new A(i));
            if (i % 10 == 0) {
                registry.add(e, new B(i));
            }
            if (i % 20 == 0) {
                registry.add(e, new C(i));
            }
        }
        View view = registry.view(A.class, B.class, C.class);
        assertSame(registry.storage(C.class), view.smallest());
        assertArrayEquals(new int[] {80, 60, 40, 20, 0}, view.toArray());
        assertEquals(5, view.count());
    }

    @Test
    void singleAndPairViewsHandOverTheComponents() {
        int x = registry.create();
        int y = registry.create();
        int z = registry.create();
        registry.add(x, new A(1));
        registry.add(y, new A(2));
        registry.add(z, new A(3));
        registry.add(y, new B(20));
        registry.add(z, new B(30));
        List<String> single = new ArrayList<>();
        registry.view(A.class).each((e, a) -> single.add(e + ":" + a.v()));
        assertEquals(List.of("2:3", "1:2", "0:1"), single);
        List<String> pair = new ArrayList<>();
        registry.view(A.class, B.class).each((e, a, b) -> pair.add(e + ":" + a.v() + "/" + b.v()));
        assertEquals(List.of("2:3/30", "1:2/20"), pair);
    }

    @Test
    void destroyingTheCurrentEntityDuringIterationVisitsEveryOtherOnce() {
        for (int i = 0; i < 50; i++) {
            int e = registry.create();
            registry.add(e, new A(i));
            registry.add(e, new B(i));
        }
        List<Integer> seen = new ArrayList<>();
        registry.view(A.class, B.class).each((e, a, b) -> {
            seen.add(a.v());
            if (a.v() % 2 == 0) {
                registry.destroy(e);
            }
        });
        assertEquals(50, seen.size());
        assertEquals(50, seen.stream().distinct().count());
        assertEquals(25, registry.size());
        List<Integer> left = new ArrayList<>();
        registry.view(A.class).each((e, a) -> left.add(a.v() % 2));
        assertEquals(25, left.size());
        assertEquals(List.of(1), left.stream().distinct().toList());
    }

    @Test
    void containsAsksEveryStorageOfTheView() {
        int all = registry.create();
        int noC = registry.create();
        int noB = registry.create();
        for (int e : new int[] {all, noC, noB}) {
            registry.add(e, new A(e));
        }
        registry.add(all, new B(0));
        registry.add(noC, new B(0));
        registry.add(all, new C(0));
        registry.add(noB, new C(0));
        View view = registry.view(A.class, B.class, C.class);
        assertTrue(view.contains(all));
        assertFalse(view.contains(noC));
        assertFalse(view.contains(noB));
        assertArrayEquals(new int[] {all}, view.toArray());
    }

    @Test
    void amongEquallySmallStoragesTheFirstLeads() {
        int x = registry.create();
        int y = registry.create();
        registry.add(x, new A(0));
        registry.add(y, new A(0));
        registry.add(y, new B(0)); // B's packed order is the reverse of A's
        registry.add(x, new B(0));
        registry.add(y, new C(0));
        registry.add(x, new C(0));
        assertSame(registry.storage(A.class), registry.view(A.class, B.class, C.class).smallest());
        assertArrayEquals(new int[] {y, x}, registry.view(A.class, B.class, C.class).toArray());
        List<Integer> pair = new ArrayList<>();
        registry.view(A.class, B.class).each((e, a, b) -> pair.add(e));
        assertEquals(List.of(y, x), pair, "equal sizes: the pair view walks its first storage, back to front");
        pair.clear();
        registry.view(B.class, A.class).each((e, b, a) -> pair.add(e));
        assertEquals(List.of(x, y), pair);
    }

    @Test
    void aPairViewWalksTheSmallerStorageEvenWhenItIsTheSecond() {
        for (int i = 0; i < 4; i++) {
            registry.add(registry.create(), new A(i));
        }
        registry.add(2, new B(20));
        registry.add(0, new B(0)); // entity 0 sits at position 0 of A
        List<String> seen = new ArrayList<>();
        registry.view(A.class, B.class).each((e, a, b) -> seen.add(e + ":" + a.v() + "/" + b.v()));
        assertEquals(List.of("0:0/0", "2:2/20"), seen, "B's packed array, back to front");
    }

    @Test
    void aPairViewSkipsAnEntityInASlotWhoseFormerOwnerHadBoth() {
        // The pair view reads the other storage by slot without a version: it must find nothing in a
        // slot whose dead owner had the component and whose new owner has not.
        for (int walk = 0; walk < 2; walk++) {
            Registry world = new Registry();
            int old = world.create();
            world.add(old, new A(1));
            world.add(old, new B(1));
            world.destroy(old);
            int reuser = world.create();
            assertEquals(EntityId.index(old), EntityId.index(reuser), "the slot is reused");
            if (walk == 0) { // A is walked (the smaller), B read by slot
                world.add(reuser, new A(2));
                world.add(world.create(), new B(3));
                world.add(world.create(), new B(4));
            } else {         // B is walked, A read by slot
                world.add(reuser, new B(2));
                world.add(world.create(), new A(3));
                world.add(world.create(), new A(4));
            }
            List<Integer> seen = new ArrayList<>();
            world.view(A.class, B.class).each((e, a, b) -> seen.add(e));
            assertEquals(List.of(), seen, "walk " + walk);
            assertEquals(0, world.view(A.class, B.class).count(), "walk " + walk);
        }
    }

    @Test
    void aCallbackThatDestroysTwoEntitiesSkipsTheHoleTheyLeave() {
        // Visiting entity 5 (the last) destroys it and entity 0: entity 4 moves into position 0 and the
        // walk must skip the position past the new end, then visit 3, 2, 1 and 4 once each.
        List<Integer> expected = List.of(5, 3, 2, 1, 4);
        for (int kind = 0; kind < 4; kind++) {
            Registry world = new Registry();
            for (int i = 0; i < 6; i++) {
                int e = world.create();
                world.add(e, new A(i));
                world.add(e, new B(i));
                world.add(e, new C(i));
            }
            world.add(world.create(), new B(99)); // B bigger than A: a pair view (B, A) walks its second storage
            List<Integer> seen = new ArrayList<>();
            IntConsumer visit = e -> {
                seen.add(e);
                if (e == 5) {
                    world.destroy(5);
                    world.destroy(0);
                }
            };
            switch (kind) {
                case 0 -> world.view(A.class).each((e, a) -> visit.accept(e));
                case 1 -> world.view(A.class, B.class).each((e, a, b) -> visit.accept(e));
                case 2 -> world.view(B.class, A.class).each((e, b, a) -> visit.accept(e));
                default -> world.view(A.class, B.class, C.class).each(visit);
            }
            assertEquals(expected, seen, "view kind " + kind);
        }
    }
}
