package dev.ecswasm.workbench;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A world's relations as SVG pictures: the parent/child forest, the player/profile pairs, the
 * student/course bipartite graph; and a memory map as a bar. Each node is a box labelled
 * {@code id name}; each edge is a line.
 */
public final class Pictures {
    /** The most boxes one picture draws; past it the caption says how many were left out. */
    public static final int MAX_NODES = 300;

    private static final double MARGIN = 16;
    private static final double BOX_HEIGHT = 22;
    private static final double ROW = 30;        // a row of pairs or of one bipartite column
    private static final double LEVEL = 60;      // one generation of the forest
    private static final double CAPTION = 28;    // room for the caption line at the top
    private static final double COLUMN_GAP = 120; // between the two columns, room for the lines
    private static final int MAX_NAME = 20;      // longer names are clipped in the boxes
    private static final String NODE_FILL = "#deebf7";
    private static final String OTHER_FILL = "#fdd0a2";

    private Pictures() {}

    /** The parent/child forest: roots at the top, children below, a line from each parent to each child. */
    public static Svg forest(EnttManager world) {
        Objects.requireNonNull(world, "world");
        ForestLayout layout = ForestLayout.of(world, MAX_NODES);
        if (layout.nodes.isEmpty()) {
            return empty("forest", "Parent -> Child (1:N)");
        }
        double slot = layout.nodes.stream().mapToDouble(n -> boxWidth(label(world, n.id()))).max().orElse(0) + 12;
        Map<Integer, double[]> centre = new LinkedHashMap<>();
        layout.nodes.forEach(n -> centre.put(n.id(),
                new double[] {MARGIN + (n.x() + 0.5) * slot, CAPTION + MARGIN + n.depth() * LEVEL}));
        SvgWriter svg = new SvgWriter();
        String counts = count(layout.nodes.size(), "node");
        svg.text("caption", MARGIN, MARGIN + 4, "start", "Parent -> Child (1:N): " + count(layout.roots, "tree") + ", "
                + counts + ", " + count(layout.totalEdges, "edge") + shownOf(layout.nodes.size(), layout.totalNodes));
        for (ForestLayout.Edge e : layout.edges) {
            double[] p = centre.get(e.parent());
            double[] c = centre.get(e.child());
            svg.line("edge", p[0], p[1] + BOX_HEIGHT, c[0], c[1]);
        }
        layout.nodes.forEach(n -> {
            String label = label(world, n.id());
            box(svg, label, centre.get(n.id())[0], centre.get(n.id())[1], boxWidth(label), NODE_FILL);
        });
        return svg.finish("forest", "parent/child forest", 2 * MARGIN + layout.slots() * slot,
                CAPTION + 2 * MARGIN + (layout.levels() - 1) * LEVEL + BOX_HEIGHT, counts);
    }

    /** The player/profile pairs: players on the left, their profiles on the right, a line between each pair. */
    public static Svg pairs(EnttManager world) {
        Objects.requireNonNull(world, "world");
        List<int[]> pairs = edges(world, Relation.PLAYER_PROFILE);
        if (pairs.isEmpty()) {
            return empty("pairs", "Player <-> Profile (1:1)");
        }
        pairs.sort(Comparator.comparingInt(pair -> EntityId.index(pair[0])));
        int total = pairs.size();
        List<int[]> shown = pairs.subList(0, Math.min(total, MAX_NODES / 2));
        List<Integer> players = shown.stream().map(pair -> pair[0]).toList();
        List<Integer> profiles = shown.stream().map(pair -> pair[1]).toList();
        String counts = count(total, "pair");
        return twoColumns("pairs", "Player <-> Profile (1:1): " + counts + shownOf(shown.size(), total),
                players, profiles, shown, world, counts);
    }

    /** The student/course graph: students on the left, courses on the right, a line per enrollment. */
    public static Svg bipartite(EnttManager world) {
        Objects.requireNonNull(world, "world");
        List<int[]> enrollments = edges(world, Relation.ENROLLMENT);
        if (enrollments.isEmpty()) {
            return empty("bipartite", "Student <-> Course (N:N)");
        }
        Comparator<Integer> byIndex = Comparator.comparingInt(EntityId::index);
        TreeSet<Integer> students = new TreeSet<>(byIndex.thenComparingInt(id -> id));
        TreeSet<Integer> courses = new TreeSet<>(byIndex.thenComparingInt(id -> id));
        enrollments.forEach(e -> {
            students.add(e[0]);
            courses.add(e[1]);
        });
        List<Integer> left = students.stream().limit(MAX_NODES / 2).toList();
        List<Integer> right = courses.stream().limit(MAX_NODES / 2).toList();
        List<int[]> shown = enrollments.stream().filter(e -> left.contains(e[0]) && right.contains(e[1])).toList();
        String counts = count(students.size(), "student") + ", " + count(courses.size(), "course") + ", "
                + count(enrollments.size(), "enrollment");
        String caption = "Student <-> Course (N:N): " + counts
                + shownOf(left.size() + right.size(), students.size() + courses.size());
        return twoColumns("bipartite", caption, left, right, shown, world, counts);
    }

    /**
     * The memory map as one horizontal bar: a segment per region, log-scaled so a 12-byte gap stays
     * visible beside a 1 MiB stack; the stack pointer and each marked buffer as a tick.
     */
    public static Svg memoryBar(MemoryMap map) {
        return MemoryBar.draw(Objects.requireNonNull(map, "map"));
    }

    /** Two columns of boxes, each drawn once, and a line per edge between them. */
    private static Svg twoColumns(String kind, String caption, List<Integer> left, List<Integer> right,
                                  List<int[]> edges, EnttManager world, String counts) {
        double leftWidth = left.stream().mapToDouble(id -> boxWidth(label(world, id))).max().orElse(0);
        double rightWidth = right.stream().mapToDouble(id -> boxWidth(label(world, id))).max().orElse(0);
        double leftX = MARGIN + leftWidth / 2;
        double rightX = MARGIN + leftWidth + COLUMN_GAP + rightWidth / 2;
        double top = CAPTION + MARGIN + 18; // below the column headings
        Map<Integer, Double> leftY = rows(left, top);
        Map<Integer, Double> rightY = rows(right, top);
        Relation relation = kind.equals("pairs") ? Relation.PLAYER_PROFILE : Relation.ENROLLMENT;
        SvgWriter svg = new SvgWriter();
        svg.text("caption", MARGIN, MARGIN + 4, "start", caption);
        svg.text("heading", leftX, top - 8, "middle", relation.first());
        svg.text("heading", rightX, top - 8, "middle", relation.second());
        for (int[] e : edges) {
            svg.line("edge", leftX + leftWidth / 2, leftY.get(e[0]) + BOX_HEIGHT / 2,
                    rightX - rightWidth / 2, rightY.get(e[1]) + BOX_HEIGHT / 2);
        }
        // a column's boxes share its width, so every line meets a box's edge
        left.forEach(id -> box(svg, label(world, id), leftX, leftY.get(id), leftWidth, NODE_FILL));
        right.forEach(id -> box(svg, label(world, id), rightX, rightY.get(id), rightWidth, OTHER_FILL));
        double width = 2 * MARGIN + leftWidth + COLUMN_GAP + rightWidth;
        double height = top + Math.max(left.size(), right.size()) * ROW + MARGIN;
        return svg.finish(kind, caption, width, height, counts);
    }

    private static Map<Integer, Double> rows(List<Integer> ids, double top) {
        Map<Integer, Double> y = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            y.put(ids.get(i), top + i * ROW);
        }
        return y;
    }

    /** A box with its top edge's middle at {@code (x, y)}, labelled. */
    private static void box(SvgWriter svg, String label, double x, double y, double width, String fill) {
        svg.rect("node", x - width / 2, y, width, BOX_HEIGHT, fill);
        svg.text("label", x, y + BOX_HEIGHT / 2 + 4, "middle", label);
    }

    /** {@code 3 Alice}: the id as the tables show it, then the name (clipped), if any. */
    private static String label(EnttManager world, int id) {
        return EntityId.toString(id) + world.getName(id).map(name -> " " + Cells.clip(name, MAX_NAME)).orElse("");
    }

    private static double boxWidth(String label) {
        return SvgWriter.width(label) + 14;
    }

    /** A valid picture that says there is nothing to draw. */
    private static Svg empty(String kind, String relation) {
        String caption = relation + ": no edges";
        return new SvgWriter().text("caption", MARGIN, MARGIN + 4, "start", caption)
                .finish(kind, caption, 0, CAPTION + MARGIN, "no edges");
    }

    private static List<int[]> edges(EnttManager world, Relation relation) {
        List<int[]> edges = new ArrayList<>();
        world.forEachEdge(relation, (a, b) -> edges.add(new int[] {a, b}));
        return edges;
    }

    private static String shownOf(int shown, int total) {
        return shown == total ? "" : " (" + shown + " of " + total + " boxes drawn)";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
