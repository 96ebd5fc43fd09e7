package dev.ecswasm.ecs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A list of listeners to call when something happens (EnTT's sigh and sink in one).
 *
 * <p>Listeners run in the order they connected. The list is copied on write, so a listener may
 * connect or disconnect listeners while the signal is being fired; the change applies from the next
 * firing.
 *
 * @param <L> the listener type
 */
public final class Signal<L> {
    private Object[] listeners = new Object[0];

    /** Adds a listener and returns a handle that removes it again. */
    public Connection connect(L listener) {
        Objects.requireNonNull(listener, "listener");
        Object[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = listener;
        listeners = next;
        return () -> disconnect(listener);
    }

    /** Removes the first registration of this listener; returns false if it was not connected. */
    public boolean disconnect(L listener) {
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] == listener) {
                Object[] next = new Object[listeners.length - 1];
                System.arraycopy(listeners, 0, next, 0, i);
                System.arraycopy(listeners, i + 1, next, i, listeners.length - i - 1);
                listeners = next;
                return true;
            }
        }
        return false;
    }

    public int size() {
        return listeners.length;
    }

    /** The current listeners; the array is never modified, only replaced. */
    Object[] snapshot() {
        return listeners;
    }

    /** Calls each listener of an entity signal (created, destroyed) with the entity, in connection order. */
    static void fire(Signal<EntityListener> signal, int entity) {
        for (Object listener : signal.snapshot()) {
            ((EntityListener) listener).on(entity);
        }
    }

    /** What {@link #connect} returns: call {@link #disconnect()} to stop listening. */
    @FunctionalInterface
    public interface Connection {
        void disconnect();
    }
}
