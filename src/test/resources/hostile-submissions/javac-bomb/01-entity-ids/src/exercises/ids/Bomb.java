package exercises.ids;

/** Each call doubles the type's size; the compile error would print all 2^30 parts of it. */
final class Bomb {
    record P<A, B>(A a, B b) {}

    static <T> P<T, T> d(T x) {
        return new P<>(x, x);
    }

    static int boom() {
        var v = d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(d(1))))))))))))))))))))))))))))));
        int y = v;
        return y;
    }
}
