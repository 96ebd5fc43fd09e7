package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.ChildrenOfParent;
import dev.ecswasm.world.Components.ParentComponent;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The 1:N parent-child hierarchy: {@link ParentComponent} on each child, {@link ChildrenOfParent} on
 * each parent that has children. A parent with no children keeps no list, and no entity is ever its
 * own ancestor.
 */
final class ParentChildStore implements RelationStore {
    private static final int[] NONE = new int[0];

    private final Registry registry;
    private final ManagerLog log;
    private final Storage<ParentComponent> parentOfChild;
    private final Storage<ChildrenOfParent> childrenOfParent;

    ParentChildStore(Registry registry, ManagerLog log) {
        this.registry = registry;
        this.log = log;
        this.parentOfChild = registry.storage(ParentComponent.class);
        this.childrenOfParent = registry.storage(ChildrenOfParent.class);
    }

    /** Makes {@code parent} the one parent of {@code child} (valid and distinct), unless that closes a cycle. */
    Outcome setParent(int child, int parent) {
        if (isAncestor(child, parent)) {
            return new Outcome.Refused(Failure.CYCLE, "entity " + EntityId.describe(parent) + " descends from "
                    + EntityId.describe(child) + ", so it cannot become its parent: that would close a cycle");
        }
        ParentComponent current = parentOfChild.getOrNull(child);
        if (current != null && current.parent() == parent) {
            return Outcome.DONE;
        }
        if (current != null) {
            leave(child, current.parent());
        }
        registry.addOrReplace(child, new ParentComponent(parent));
        ChildrenOfParent list = childrenOfParent.getOrNull(parent);
        if (list == null) {
            list = registry.add(parent, new ChildrenOfParent(new EdgeList()));
        }
        list.children().add(child, registry);
        log.parentSet(child, parent);
        return Outcome.DONE;
    }

    /** Detaches a valid child from its parent. */
    Outcome removeParent(int child) {
        ParentComponent current = parentOfChild.getOrNull(child);
        if (current == null) {
            return new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(child) + " has no parent");
        }
        leave(child, current.parent());
        registry.remove(child, ParentComponent.class);
        log.parentRemoved(child);
        return Outcome.DONE;
    }

    OptionalInt parentOf(int child) {
        ParentComponent link = registry.valid(child) ? parentOfChild.getOrNull(child) : null;
        return link == null ? OptionalInt.empty() : OptionalInt.of(link.parent());
    }

    int[] childrenOf(int parent) {
        ChildrenOfParent list = registry.valid(parent) ? childrenOfParent.getOrNull(parent) : null;
        return list == null ? new int[0] : list.children().toArray();
    }

    @Override
    public Relation relation() {
        return Relation.PARENT_CHILD;
    }

    /** A parent's children. */
    @Override
    public int[] sourcesOf(int parent) {
        ChildrenOfParent list = childrenOfParent.getOrNull(parent);
        return list == null ? NONE : list.children().toArray();
    }

    /** {@link #sourcesOf} without the copy: straight from the list, in its order. */
    @Override
    public void visitSources(int parent, IntConsumer visitor) {
        ChildrenOfParent list = childrenOfParent.getOrNull(parent);
        if (list == null) {
            return;
        }
        list.children().forEach(visitor);
    }

    @Override
    public void forget(int entity, DestructionPlan plan) {
        ParentComponent asChild = parentOfChild.getOrNull(entity);
        if (asChild != null) {
            if (!plan.diesLater(registry, asChild.parent())) { // a cascade takes a parent's list with it
                leave(entity, asChild.parent());
            }
            log.leftParent(entity, asChild.parent());
        }
        ChildrenOfParent asParent = childrenOfParent.getOrNull(entity);
        if (asParent != null) {
            for (int child : asParent.children().toArray()) {
                if (registry.valid(child)) { // else it died earlier in this cascade, and left its list to us
                    registry.remove(child, ParentComponent.class);
                    log.lost("child", child, "parent", entity);
                }
            }
        }
    }

    /** One per child that has a parent. O(1). */
    @Override
    public int edgeCount() {
        return parentOfChild.size();
    }

    /** Parent by parent, each parent's children in list order. */
    @Override
    public void forEachEdge(EdgeVisitor visitor) {
        for (int i = 0; i < childrenOfParent.size(); i++) {
            int parent = childrenOfParent.entityAt(i);
            EdgeList children = childrenOfParent.valueAt(i).children();
            int[] raw = children.raw();
            for (int c = 0, size = children.size(); c < size; c++) {
                visitor.visit(parent, raw[c]);
            }
        }
    }

    @Override
    public String toString() {
        return "ParentChildStore[" + edgeCount() + " edge(s) under " + childrenOfParent.size() + " parent(s)]";
    }

    /** Takes the child out of its parent's list; drops the list when it empties. */
    private void leave(int child, int parent) {
        ChildrenOfParent list = childrenOfParent.getOrNull(parent);
        if (list == null) {
            return;
        }
        list.children().remove(child, registry);
        if (list.children().isEmpty()) {
            registry.remove(parent, ChildrenOfParent.class);
        }
    }

    /** True if {@code ancestor} is {@code entity} or on its parent chain. */
    boolean isAncestor(int ancestor, int entity) {
        if (ancestor != entity && !childrenOfParent.contains(ancestor)) {
            return false; // a childless entity is nobody's ancestor: growing a chain stays O(1) per link
        }
        for (int at = entity; ; ) {
            if (at == ancestor) {
                return true;
            }
            ParentComponent up = parentOfChild.getOrNull(at);
            if (up == null) {
                return false;
            }
            at = up.parent();
        }
    }
}
