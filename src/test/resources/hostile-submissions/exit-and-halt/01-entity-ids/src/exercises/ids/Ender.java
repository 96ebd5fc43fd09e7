package exercises.ids;

/** Halts the JVM as soon as it is loaded. */
final class Ender {
    static {
        Runtime.getRuntime().halt(0);
    }
}
