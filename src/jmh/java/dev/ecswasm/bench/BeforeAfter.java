package dev.ecswasm.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The before/after table: each row of the performance goals, measured on a base commit and on the current
 * code in the same run ({@link BaseRun}, {@link ColdStart}), with the goal and whether the current code
 * meets it. Rows that are not goals show what else moved (the price of safety included).
 */
final class BeforeAfter {
    /** A measure read from one run's scores (null when that run has no figure), and its goal if it has one. */
    record Row(String label, Function<Map<String, Double>, Double> measure, Goal goal) {}

    /** A goal: the after figure at most or at least {@code limit}, or at most {@code limit} times the before figure. */
    record Goal(Kind kind, double limit) {
        enum Kind { AT_MOST, AT_LEAST, AT_MOST_TIMES_BEFORE }

        static Goal atMost(double limit) {
            return new Goal(Kind.AT_MOST, limit);
        }

        static Goal atLeast(double limit) {
            return new Goal(Kind.AT_LEAST, limit);
        }

        static Goal withinOfBefore(double times) {
            return new Goal(Kind.AT_MOST_TIMES_BEFORE, times);
        }

        /**
         * The figure the limit applies to: the after figure, or after / before for a goal relative to the
         * base; null when a figure it needs is missing.
         */
        Double figure(Double after, Double before) {
            if (after == null || (kind == Kind.AT_MOST_TIMES_BEFORE && before == null)) {
                return null;
            }
            return kind == Kind.AT_MOST_TIMES_BEFORE ? after / before : after;
        }

        /** Whether a figure (as {@link #figure} gives it) is within the limit. */
        boolean metByFigure(double figure) {
            return kind == Kind.AT_LEAST ? figure >= limit : figure <= limit;
        }

        /** The limit as the report writes it: 1.3, 60, 2000. */
        String limitText() {
            return java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        }

        @Override
        public String toString() {
            String n = limitText();
            return switch (kind) {
                case AT_MOST -> "≤ " + n;
                case AT_LEAST -> "≥ " + n;
                case AT_MOST_TIMES_BEFORE -> "≤ " + n + "x before";
            };
        }
    }

    static final String DEMO_COMPILED = "ColdStart.demo[COMPILED]";
    static final String DEMO_INTERPRETER = "ColdStart.demo[INTERPRETER]";

    /**
     * The ECS and relation benchmarks the goal rows read (a JMH include pattern): the base commit runs them
     * for this table, and each later round of {@link GoalRounds} runs them again.
     */
    static final String BASE_WORLD = "EcsBench\\.(ours|artemis)(Create|Iterate2|RandomGet|RandomGetStorage|Destroy)$"
            + "|RelationBench\\.";

    /** The boundary benchmarks the goal rows read, run again in each later round (compiled mode only). */
    static final String GOAL_BOUNDARY = "ChicoryBoundaryBench\\.(abiCall|bareCheckCall|getName|getNameBareHost"
            + "|getNameOptimistic|exportCall|exportCallInline)$";

    /** The base's benchmarks a later round runs again: the rows with a goal relative to the base. */
    static final String GOAL_BASE = "RelationBench\\.(linkChurn|reparentChurn|enrollDropChurn)$";

    /**
     * The boundary benchmarks the base commit runs for this table (compiled mode only). A base that has
     * no such benchmark (the bare rows came later) leaves its before cell n/a.
     */
    static final String BASE_BOUNDARY = "ChicoryBoundaryBench\\.(abiCall|bareCall|bareCheckCall|getName|getNameBareHost"
            + "|edgesBatched|edgesPerEntity|exportCall)$";

    // The goals, named once: the table's rows and the report's verdict lines both use these.
    static final Goal ABI_VS_BARE_CHECK = Goal.atMost(1.3);
    static final Goal GET_NAME_VS_BARE = Goal.atMost(1.1);
    static final Goal OPTIMISTIC_GET_NAME_NS = Goal.atMost(60);
    static final Goal EXPORT_CALL_NS = Goal.atMost(2000);
    static final Goal HOP_VS_NO_HOP = Goal.atLeast(20);
    static final Goal RANDOM_GET_VS_ARTEMIS = Goal.atMost(1.25);
    static final Goal CASCADE_NS_PER_CHILD = Goal.atMost(60);
    static final Goal CHURN_VS_BASE = Goal.withinOfBefore(1.15);
    static final Goal AT_MOST_ARTEMIS = Goal.atMost(1);
    static final Goal DEMO_MS = Goal.atMost(1000);
    static final Goal DEGREE_D_LARGE_VS_SMALL_WORLD = Goal.atMost(1.5); // destroy of degree d, N = 10^6 against 10^3

    private static final String ABI = "ChicoryBoundaryBench.abiCall[COMPILED]";
    private static final String GET_NAME = "ChicoryBoundaryBench.getName[COMPILED]";

    /** Issue 25's goals, and beside them what else moved. */
    static final List<Row> ROWS = List.of(
            new Row("ABI import `host_is_entity_valid`, compiled, ns", key(ABI), null),
            new Row("bare host function doing the same validity check, compiled, ns",
                    key("ChicoryBoundaryBench.bareCheckCall[COMPILED]"), null),
            new Row("ABI import / bare doing the same check", ratio(ABI, "ChicoryBoundaryBench.bareCheckCall[COMPILED]"),
                    ABI_VS_BARE_CHECK),
            new Row("ABI import / bare doing nothing", ratio(ABI, "ChicoryBoundaryBench.bareCall[COMPILED]"), null),
            new Row("two-call `get_name` into a fresh String, ns", key(GET_NAME), null),
            new Row("two-call `get_name` / the same with bare host functions",
                    ratio(GET_NAME, "ChicoryBoundaryBench.getNameBareHost[COMPILED]"), GET_NAME_VS_BARE),
            new Row("optimistic first-call `get_name` (64-byte stack buffer), ns",
                    key("ChicoryBoundaryBench.getNameOptimistic[COMPILED]"), OPTIMISTIC_GET_NAME_NS),
            new Row("relation read per edge, per-entity / batched (no longer a goal)",
                    ratio("ChicoryBoundaryBench.edgesPerEntity[COMPILED]", "ChicoryBoundaryBench.edgesBatched[COMPILED]"), null),
            new Row("export call from a `GuestStacks` thread (no hop), compiled, ns",
                    key("ChicoryBoundaryBench.exportCallInline[COMPILED]"), EXPORT_CALL_NS),
            new Row("export call, hop / no hop", ratio("ChicoryBoundaryBench.exportCall[COMPILED]",
                    "ChicoryBoundaryBench.exportCallInline[COMPILED]"), HOP_VS_NO_HOP),
            new Row("random get via `registry.get`, ns", key("EcsBench.oursRandomGet"), null),
            new Row("random get via `registry.get` / Artemis", ratio("EcsBench.oursRandomGet", "EcsBench.artemisRandomGet"),
                    RANDOM_GET_VS_ARTEMIS),
            new Row("random get via a held `Storage`, ns", key("EcsBench.oursRandomGetStorage"), null),
            new Row("random get via a held `Storage` / Artemis", ratio("EcsBench.oursRandomGetStorage",
                    "EcsBench.artemisRandomGet"), RANDOM_GET_VS_ARTEMIS),
            new Row("cascade delete per child, depth 1, ns", key("RelationBench.cascadeDeletePerChild[1]"), CASCADE_NS_PER_CHILD),
            new Row("cascade delete per child, depth 2, ns", key("RelationBench.cascadeDeletePerChild[2]"), CASCADE_NS_PER_CHILD),
            new Row("cascade delete per child, depth 5, ns", key("RelationBench.cascadeDeletePerChild[5]"), CASCADE_NS_PER_CHILD),
            new Row("cascade delete per child, depth 10, ns", key("RelationBench.cascadeDeletePerChild[10]"), CASCADE_NS_PER_CHILD),
            new Row("1:1 relink churn, ns", key("RelationBench.linkChurn"), CHURN_VS_BASE),
            new Row("1:N reparent churn, ns", key("RelationBench.reparentChurn"), CHURN_VS_BASE),
            new Row("N:N enroll or drop churn, ns", key("RelationBench.enrollDropChurn"), CHURN_VS_BASE),
            new Row("create with 2 components / Artemis", ratio("EcsBench.oursCreate", "EcsBench.artemisCreate"),
                    AT_MOST_ARTEMIS),
            new Row("iterate 2 components / Artemis", ratio("EcsBench.oursIterate2", "EcsBench.artemisIterate2"),
                    AT_MOST_ARTEMIS),
            new Row("destroy / Artemis", ratio("EcsBench.oursDestroy", "EcsBench.artemisDestroy"), AT_MOST_ARTEMIS),
            new Row("destroy of degree 32, world of 1,000,000, ns", key("RelationBench.destroyDegree32[1000000]"), null),
            new Row("destroy of degree 32, world of 1,000,000 / world of 1,000",
                    ratio("RelationBench.destroyDegree32[1000000]", "RelationBench.destroyDegree32[1000]"),
                    DEGREE_D_LARGE_VS_SMALL_WORLD),
            new Row("main demo, whole process, compiled, ms", key(DEMO_COMPILED), DEMO_MS),
            new Row("main demo, whole process, interpreter, ms", key(DEMO_INTERPRETER), DEMO_MS),
            new Row("main demo from its AppCDS archive (`./demo-cds`), compiled, ms", key("ColdStart.demoCds[COMPILED]"),
                    DEMO_MS),
            new Row("main demo from its AppCDS archive (`./demo-cds interpreter`), ms",
                    key("ColdStart.demoCds[INTERPRETER]"), DEMO_MS));

    private BeforeAfter() {}

    /**
     * The table: before and after from the first round, and for each goal the verdict over all the rounds
     * (the median round's figure decides).
     */
    static String markdown(String baseCommit, Map<String, Double> before, Map<String, Double> after, GoalRounds rounds) {
        StringBuilder md = new StringBuilder()
                .append("| measure | before (").append(baseCommit).append(") | after | after / before | goal | over ")
                .append(rounds.countText()).append(" |\n")
                .append("|---|---:|---:|---:|---|---|\n");
        for (Row row : ROWS) {
            Double b = row.measure().apply(before);
            Double a = row.measure().apply(after);
            md.append("| ").append(row.label()).append(" | ").append(BenchmarkReport.num(b)).append(" | ")
                    .append(BenchmarkReport.num(a)).append(" | ").append(BenchmarkReport.ratio(a, b)).append(" | ")
                    .append(row.goal() == null ? "" : row.goal().toString()).append(" | ")
                    .append(row.goal() == null ? "" : bold(rounds.verdict(row)))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A verdict that is not met, in bold. */
    private static String bold(String verdict) {
        return verdict.startsWith("not met") ? "**" + verdict + "**" : verdict;
    }

    private static Function<Map<String, Double>, Double> key(String key) {
        return scores -> scores.get(key);
    }

    private static Function<Map<String, Double>, Double> ratio(String numerator, String denominator) {
        return scores -> {
            Double n = scores.get(numerator);
            Double d = scores.get(denominator);
            return n == null || d == null ? null : n / d;
        };
    }
}
