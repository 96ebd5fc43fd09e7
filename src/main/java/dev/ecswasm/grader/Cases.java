package dev.ecswasm.grader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Inputs for graded property tests: the edges of every field and bound first, then seeded random
 * values, so the mistakes students make at a boundary fail on the first inputs tried, and a
 * student sees the same failing input on every run.
 *
 * <pre>
 * List&lt;Integer&gt; versions = Cases.ints(12, Cases.fieldEdges(12), 2000, r -&gt; r.nextInt());
 * Property.forAll("nextVersion", versions, v -&gt; Property.compare(model(v), () -&gt; EntityIds.nextVersion(v)));
 * </pre>
 */
public final class Cases {
    private Cases() {}

    /**
     * The edges of an unsigned field of {@code bits} bits held in an {@code int}: 0, 1, the largest
     * value and one less, the first value that does not fit and the one above it, the field's bits
     * with the bit above them, a higher bit alone (the bit just above clear), the sign bit alone and
     * with the field's bits, the largest {@code int}, -2 and -1 (all ones).
     */
    public static int[] fieldEdges(int bits) {
        if (bits < 1 || bits > 31) {
            throw new IllegalArgumentException("a field of 1 to 31 bits, not " + bits);
        }
        int max = (1 << bits) - 1;
        int twoAbove = bits < 30 ? 1 << (bits + 1) : Integer.MIN_VALUE; // a bit set, but not the one just above
        return distinct(0, 1, 2, max - 1, max, max + 1, max + 2, (max << 1) | 1, twoAbove, twoAbove | 1,
                Integer.MIN_VALUE, Integer.MIN_VALUE | max, Integer.MAX_VALUE, -1, -2);
    }

    /**
     * The edges of a bound {@code n} (a length, a count, a limit): 0, 1, {@code n - 1}, {@code n},
     * {@code n + 1}, and the values that overflow an {@code int} sum with it.
     */
    public static int[] boundEdges(int n) {
        return distinct(0, 1, n - 1, n, n + 1, 2 * n, -1, Integer.MAX_VALUE, Integer.MAX_VALUE - n,
                Integer.MAX_VALUE - n + 1, Integer.MIN_VALUE);
    }

    /** {@code edges} (in their order, repeats dropped) then {@code randomCount} values drawn from a generator seeded with {@code seed}. */
    public static List<Integer> ints(long seed, int[] edges, int randomCount, Function<SplittableRandom, Integer> draw) {
        List<Integer> out = new ArrayList<>();
        for (int e : edges) {
            out.add(e);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < randomCount; i++) {
            out.add(draw.apply(random));
        }
        return out;
    }

    /**
     * Every pair of {@code firsts} and {@code seconds} (edges against edges), then {@code randomCount}
     * pairs drawn from a generator seeded with {@code seed}: for a function of two arguments, where
     * the mistakes are in how the two meet.
     */
    public static List<int[]> pairs(long seed, int[] firsts, int[] seconds, int randomCount,
            Function<SplittableRandom, int[]> draw) {
        List<int[]> out = new ArrayList<>();
        for (int a : firsts) {
            for (int b : seconds) {
                out.add(new int[] {a, b});
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < randomCount; i++) {
            out.add(draw.apply(random));
        }
        return out;
    }

    /** The values of {@code a} and {@code b} together, each once, in order of first appearance. */
    public static int[] concat(int[] a, int[] b) {
        int[] both = new int[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return distinct(both);
    }

    private static int[] distinct(int... values) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (int v : values) {
            seen.add(v);
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }
}
