package dev.ecswasm.workbench;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the parent/child forest on a grid: each node gets a column ({@code x}, in slots) and a row
 * ({@code depth}). Leaves take consecutive slots left to right; a parent sits over the middle of
 * its children. Loops, not recursion, so a 100,000-deep chain is fine; at most {@code maxNodes}
 * nodes are placed, taken level by level from the roots.
 */
final class ForestLayout {
    /** One placed node. */
    record Node(int id, double x, int depth) {}

    /** One drawn edge, parent to child. */
    record Edge(int parent, int child) {}

    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final int roots;
    final int totalNodes;
    final int totalEdges;

    private ForestLayout(int roots, int totalNodes, int totalEdges) {
        this.roots = roots;
        this.totalNodes = totalNodes;
        this.totalEdges = totalEdges;
    }

    static ForestLayout of(EnttManager world, int maxNodes) {
        Map<Integer, List<Integer>> children = new LinkedHashMap<>();
        Set<Integer> hasParent = new LinkedHashSet<>();
        world.forEachEdge(Relation.PARENT_CHILD, (parent, child) -> {
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child);
            children.computeIfAbsent(child, c -> new ArrayList<>());
            hasParent.add(child);
        });
        List<Integer> roots = new ArrayList<>(children.keySet());
        roots.removeAll(hasParent);
        roots.sort(Comparator.comparingInt(EntityId::index));
        ForestLayout layout = new ForestLayout(roots.size(), children.size(), hasParent.size());

        // level by level from the roots, so a cut keeps every placed node's parent
        Set<Integer> placed = new LinkedHashSet<>();
        Deque<Integer> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty() && placed.size() < maxNodes) {
            int node = queue.poll();
            if (placed.add(node)) {
                queue.addAll(children.get(node));
            }
        }
        layout.place(roots, children, placed);
        return layout;
    }

    /** Depth-first, left to right: leaves take the next slot; parents are centred once their children are. */
    private void place(List<Integer> roots, Map<Integer, List<Integer>> children, Set<Integer> placed) {
        List<Integer> preorder = new ArrayList<>();
        Map<Integer, Integer> depth = new HashMap<>();
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            if (placed.contains(roots.get(i))) {
                stack.push(roots.get(i));
                depth.put(roots.get(i), 0);
            }
        }
        while (!stack.isEmpty()) {
            int node = stack.pop();
            preorder.add(node);
            List<Integer> kids = shown(children.get(node), placed);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
                depth.put(kids.get(i), depth.get(node) + 1);
            }
        }
        Map<Integer, Double> x = new HashMap<>();
        int nextSlot = 0;
        for (int node : preorder) {
            if (shown(children.get(node), placed).isEmpty()) {
                x.put(node, (double) nextSlot++);
            }
        }
        for (int i = preorder.size() - 1; i >= 0; i--) { // children before their parents
            int node = preorder.get(i);
            List<Integer> kids = shown(children.get(node), placed);
            if (!kids.isEmpty()) {
                x.put(node, (x.get(kids.get(0)) + x.get(kids.get(kids.size() - 1))) / 2);
                kids.forEach(kid -> edges.add(new Edge(node, kid)));
            }
        }
        preorder.forEach(node -> nodes.add(new Node(node, x.get(node), depth.get(node))));
    }

    private static List<Integer> shown(List<Integer> children, Set<Integer> placed) {
        return children.stream().filter(placed::contains).toList();
    }

    /** How many slots wide: the number of leaves placed. */
    int slots() {
        return (int) nodes.stream().mapToDouble(Node::x).max().orElse(-1) + 1;
    }

    int levels() {
        return nodes.stream().mapToInt(Node::depth).max().orElse(-1) + 1;
    }
}
