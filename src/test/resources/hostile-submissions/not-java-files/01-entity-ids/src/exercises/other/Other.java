package exercises.other;

public final class Other {
}
