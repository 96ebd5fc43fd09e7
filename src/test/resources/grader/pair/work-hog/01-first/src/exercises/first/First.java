package exercises.first;

public final class First {
    private First() {}

    /** Fills the heap on zero and keeps it full: every test after it in the same JVM meets a full heap. */
    private static final java.util.List<long[]> HOG = new java.util.ArrayList<>();

    public static int twice(int x) {
        while (x == 0) {
            HOG.add(new long[1 << 20]);
        }
        return 2 * x;
    }
}
