package exercises.second;

public final class Second {
    private Second() {}

    public static String shout(String s) {
        return s.toUpperCase(java.util.Locale.ROOT) + "!";
    }
}
