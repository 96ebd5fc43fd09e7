package dev.ecswasm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationTest {

    private static List<String> roles(Relation relation) {
        return List.of(relation.first(), relation.second(), relation.source(), relation.target());
    }

    @Test
    void eachRelationNamesItsEndsInVisitingOrderAndSaysWhichEndItsPolicyProtects() {
        // first, second (as forEachEdge passes them); source, target (the policy acts when a target dies)
        assertEquals(List.of("player", "profile", "profile", "player"), roles(Relation.PLAYER_PROFILE));
        assertEquals(List.of("parent", "child", "child", "parent"), roles(Relation.PARENT_CHILD));
        assertEquals(List.of("student", "course", "student", "course"), roles(Relation.ENROLLMENT));
    }
}
