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

    /** Calls {@code action} with each entity that has both components, walking the smaller storage. */
    public void each(Visitor<A, B> action) {
        if (first.size() <= second.size()) {
            for (int i = first.size() - 1; i >= 0; i--) {
                if (i >= first.size()) {
                    continue;
                }
                int entity = first.entityAt(i);
                int other = second.positionOf(entity);
                if (other >= 0) {
                    action.visit(entity, first.valueAt(i), second.valueAt(other));
                }
            }
        } else {
            for (int i = second.size() - 1; i >= 0; i--) {
                if (i >= second.size()) {
                    continue;
                }
                int entity = second.entityAt(i);
                int other = first.positionOf(entity);
                if (other >= 0) {
                    action.visit(entity, first.valueAt(other), second.valueAt(i));
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
