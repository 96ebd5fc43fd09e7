package dev.ecswasm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The goal rows measured in rounds: the base commit's churn rows, then the current code's goal rows, then
 * again, so that neither side gets the machine's quiet minutes alone. A verdict is the median round's
 * figure, with every round's figure beside it. One fork of 3 x 1 s a row decided a 15% goal by chance on
 * these shared 2-core machines: in two quiet runs of nearly the same code five verdicts flipped.
 */
final class GoalRounds {
    /** A goal row's figure in each round that has it, in the order measured. */
    record Spread(List<Double> figures) {
        Spread {
            figures = List.copyOf(figures);
        }

        boolean isEmpty() {
            return figures.isEmpty();
        }

        /** The middle figure; of an even count, the mean of the two middle ones. */
        double median() {
            List<Double> sorted = figures.stream().sorted().toList();
            int n = sorted.size();
            if (n == 0) {
                throw new IllegalStateException("no figures");
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private final List<Map<String, Double>> before = new ArrayList<>();
    private final List<Map<String, Double>> after = new ArrayList<>();

    /** Adds one round: the base's scores (empty if no base was measured) and the current code's. */
    void add(Map<String, Double> beforeScores, Map<String, Double> afterScores) {
        before.add(Map.copyOf(beforeScores));
        after.add(Map.copyOf(afterScores));
    }

    int count() {
        return after.size();
    }

    /** The count as the report writes it: {@code 3 rounds}, {@code 1 round}. */
    String countText() {
        return count() + (count() == 1 ? " round" : " rounds");
    }

    /** The row's goal figure in each round that measured what it needs ({@link BeforeAfter.Goal#figure}). */
    Spread spread(BeforeAfter.Row row) {
        List<Double> figures = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Double figure = row.goal().figure(row.measure().apply(after.get(i)), row.measure().apply(before.get(i)));
            if (figure != null) {
                figures.add(figure);
            }
        }
        return new Spread(figures);
    }

    /** E.g. {@code met (median 1.08; 1.02, 1.08, 1.21)}, or {@code n/a} when no round has the figure. */
    String verdict(BeforeAfter.Row row) {
        Spread spread = spread(row);
        if (spread.isEmpty()) {
            return "n/a";
        }
        List<String> each = new ArrayList<>();
        for (double figure : spread.figures()) {
            each.add(BenchmarkReport.num(figure));
        }
        return (row.goal().metByFigure(spread.median()) ? "met" : "not met") + " (median "
                + BenchmarkReport.num(spread.median()) + (each.size() > 1 ? "; " + String.join(", ", each) : "") + ")";
    }
}
