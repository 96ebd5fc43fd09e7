package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
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
}
