package dev.ecswasm.ecs;

/** A view over two component types that hands each matching entity both components. */
public final class PairView<A, B> extends View {
    private final Storage<A> first;
    private final Storage<B> second;

    PairView(Storage<A> first, Storage<B> second) {
        super(first, second);
        this.first = first;
        this.second = second;
    }

    /**
     * Calls {@code action} with each entity that has both components, walking the smaller storage and
     * reading the other one by slot ({@link Storage#getOfLive}: the entity came from a storage, so it is
     * alive and needs no version check; a stored value is never null).
     */
    public void each(Visitor<A, B> action) {
        if (first.size() <= second.size()) {
            for (int i = first.size() - 1; i >= 0; i--) {
                if (i >= first.size()) {
                    continue;
                }
                int entity = first.entityAt(i);
                B b = second.getOfLive(entity); // by slot: no walk through the sparse set's pages
                if (b != null) {
                    action.visit(entity, first.valueAt(i), b);
                }
            }
        } else {
            for (int i = second.size() - 1; i >= 0; i--) {
                if (i >= second.size()) {
                    continue;
                }
                int entity = second.entityAt(i);
                A a = first.getOfLive(entity);
                if (a != null) {
                    action.visit(entity, a, second.valueAt(i));
                }
            }
        }
    }

    /** Receives one entity and its two components. */
    @FunctionalInterface
    public interface Visitor<A, B> {
        void visit(int entity, A a, B b);
    }
}
