package exercises.first;

public final class First {
    private First() {}

    /** Spins without end on zero, deaf to interrupts: its test times out and the thread goes on. */
    public static int twice(int x) {
        long n = 0;
        while (x == 0) {
            n++;
        }
        return 2 * x + (int) (n & 0);
    }
}
