package dev.ecswasm.workbench;

import dev.ecswasm.workbench.MemoryMap.Buffer;
import dev.ecswasm.workbench.MemoryMap.Kind;
import dev.ecswasm.workbench.MemoryMap.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a {@link MemoryMap} as one horizontal bar. Each region's width is log-scaled (in proportion
 * to log2 of its size in bytes, at least {@value #MIN_SEGMENT} px) so a 12-byte gap stays visible
 * beside a 1 MiB stack; inside a region, positions are linear. The stack pointer and each marked
 * buffer are ticks above the bar, labelled with the call's number.
 */
final class MemoryBar {
    private static final double WIDTH = 880;
    private static final double MIN_SEGMENT = 64; // room for a label such as "static data"
    private static final double MARGIN = 16;
    private static final double BAR_TOP = 72;     // caption, then room for tick labels
    private static final double BAR_HEIGHT = 40;

    private MemoryBar() {}

    /** One drawn region: where it starts on the bar, and how wide it is. */
    private record Segment(Region region, double x, double width) {
        /** Where {@code address}, inside this region, falls on the bar. */
        double at(long address) {
            return x + width * (address - region.start()) / region.size();
        }
    }

    static Svg draw(MemoryMap map) {
        String counts = Pictures.count(map.regions().size(), "region") + ", "
                + Pictures.count(map.buffers().size(), "buffer");
        String caption = "Guest memory of " + map.module() + ": " + MemoryMap.bytes(map.memorySize());
        SvgWriter svg = new SvgWriter();
        svg.text("caption", MARGIN, MARGIN + 4, "start", caption);
        svg.text("small", MARGIN, MARGIN + 22, "start", "Widths log-scaled (log2 of the size) so small regions show;"
                + " linear inside a region. Ticks: SP, and buffers the ABI wrote (#call).");
        double width = WIDTH;
        if (map.regions().isEmpty()) {
            svg.text("label", MARGIN, BAR_TOP, "start", "no linear memory");
            return svg.finish("memory", caption, width, BAR_TOP + MARGIN, counts);
        }
        List<Segment> segments = segments(map.regions(), width - 2 * MARGIN);
        for (Segment s : segments) {
            Region r = s.region();
            svg.rect("region", s.x(), BAR_TOP, s.width(), BAR_HEIGHT, fill(r.kind()));
            svg.text("label", s.x() + s.width() / 2, BAR_TOP + BAR_HEIGHT + 16, "middle", r.kind().label());
            svg.text("small", s.x() + s.width() / 2, BAR_TOP + BAR_HEIGHT + 30, "middle", MemoryMap.bytes(r.size()));
            svg.text("small", s.x(), BAR_TOP + BAR_HEIGHT + 44, "start", HexDump.hex(r.start()));
        }
        stackPointer(svg, map, segments);
        for (Buffer b : map.buffers()) {
            segmentAt(segments, b.address()).ifPresent(s -> {
                double x = s.at(b.address());
                svg.line("buffer", x, BAR_TOP - 14, x, BAR_TOP + BAR_HEIGHT);
                svg.text("small", x, BAR_TOP - 18, "middle", "#" + b.seq());
            });
        }
        return svg.finish("memory", caption, width, BAR_TOP + BAR_HEIGHT + 44 + MARGIN, counts);
    }

    /** The stack pointer as a tick, and the stack in use (from SP up to the stack's end) shaded. */
    private static void stackPointer(SvgWriter svg, MemoryMap map, List<Segment> segments) {
        if (map.stackPointer().isEmpty()) {
            return;
        }
        long sp = map.stackPointer().getAsLong();
        segments.stream()
                .filter(s -> s.region().kind() == Kind.STACK && sp >= s.region().start() && sp <= s.region().end())
                .findFirst()
                .ifPresent(s -> {
                    double x = s.at(sp); // at the stack's end when nothing is in use
                    double end = s.x() + s.width();
                    if (end > x) {
                        svg.rect("in-use", x, BAR_TOP, end - x, BAR_HEIGHT, "#6baed6");
                    }
                    svg.line("sp", x, BAR_TOP - 14, x, BAR_TOP + BAR_HEIGHT);
                    svg.text("small", x, BAR_TOP - 18, "middle", "SP");
                });
    }

    private static List<Segment> segments(List<Region> regions, double width) {
        double[] weights = regions.stream().mapToDouble(r -> Math.log(r.size() + 1) / Math.log(2)).toArray();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double spare = width - MIN_SEGMENT * regions.size();
        List<Segment> segments = new ArrayList<>();
        double x = MARGIN;
        for (int i = 0; i < regions.size(); i++) {
            double w = MIN_SEGMENT + Math.max(0, spare) * weights[i] / total;
            segments.add(new Segment(regions.get(i), x, w));
            x += w;
        }
        return segments;
    }

    private static Optional<Segment> segmentAt(List<Segment> segments, long address) {
        return segments.stream().filter(s -> s.region().contains(address)).findFirst();
    }

    private static String fill(Kind kind) {
        return switch (kind) {
            case STACK -> "#c6dbef";
            case STATIC_DATA -> "#fdd0a2";
            case GAP -> "#eeeeee";
            case HEAP -> "#c7e9c0";
            case UNKNOWN -> "#d9d9d9";
        };
    }
}
