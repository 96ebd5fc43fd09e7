package dev.ecswasm.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTest {
    private final Registry registry = new Registry();
    private final List<String> heard = new ArrayList<>();

    private EntityListener named(String name) {
        return id -> heard.add(name);
    }

    @Test
    void disconnectingOneListenerKeepsTheOthersInOrder() {
        Signal<EntityListener> signal = registry.onCreateEntity();
        EntityListener first = named("first");
        EntityListener second = named("second");
        EntityListener third = named("third");
        signal.connect(first);
        signal.connect(second);
        signal.connect(third);
        assertTrue(signal.disconnect(second));
        assertEquals(2, signal.size());
        registry.create();
        assertEquals(List.of("first", "third"), heard);
        assertTrue(signal.disconnect(first));
        assertTrue(signal.disconnect(third));
        assertEquals(0, signal.size());
    }

    @Test
    void disconnectingAStrangerIsFalseAndChangesNothing() {
        Signal<EntityListener> signal = registry.onCreateEntity();
        EntityListener only = named("only");
        signal.connect(only);
        assertFalse(signal.disconnect(named("stranger")));
        assertEquals(1, signal.size());
        registry.create();
        assertEquals(List.of("only"), heard);
    }

    @Test
    void aListenerConnectedTwiceIsRemovedOneRegistrationAtATime() {
        Signal<EntityListener> signal = registry.onCreateEntity();
        EntityListener twice = named("twice");
        EntityListener last = named("last");
        signal.connect(twice);
        signal.connect(last);
        signal.connect(twice);
        assertTrue(signal.disconnect(twice)); // the first registration
        registry.create();
        assertEquals(List.of("last", "twice"), heard);
    }
}
