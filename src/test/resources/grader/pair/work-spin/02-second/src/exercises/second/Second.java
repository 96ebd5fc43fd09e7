package exercises.second;

public final class Second {
    private Second() {}

    /** Forgets the ! on an empty string. */
    public static String shout(String s) {
        return s.isEmpty() ? "" : s.toUpperCase(java.util.Locale.ROOT) + "!";
    }
}
