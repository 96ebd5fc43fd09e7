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

    /** A goal: at most or at least {@code limit}. */
    record Goal(boolean atMost, double limit) {
        boolean metBy(double value) {
            return atMost ? value <= limit : value >= limit;
        }

        @Override
        public String toString() {
            return (atMost ? "≤ " : "≥ ") + java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        }
    }

    static final String DEMO_COMPILED = "ColdStart.demo[COMPILED]";
    static final String DEMO_INTERPRETER = "ColdStart.demo[INTERPRETER]";

    /** The ECS and relation benchmarks the base commit runs for this table (a JMH include pattern). */
    static final String BASE_WORLD = "EcsBench\\.(ours|artemis)(Create|RandomGet|RandomGetStorage|Destroy)$"
            + "|RelationBench\\.";

    /** The boundary benchmarks the base commit runs for this table (compiled mode only). */
    static final String BASE_BOUNDARY = "ChicoryBoundaryBench\\.(abiCall|bareCall|getName|edgesBatched|edgesPerEntity)$";

    static final List<Row> ROWS = List.of(
            new Row("ABI import `host_is_entity_valid`, compiled, ns", key("ChicoryBoundaryBench.abiCall[COMPILED]"), null),
            new Row("bare host function doing nothing, compiled, ns", key("ChicoryBoundaryBench.bareCall[COMPILED]"), null),
            new Row("ABI import / bare host function", ratio("ChicoryBoundaryBench.abiCall[COMPILED]",
                    "ChicoryBoundaryBench.bareCall[COMPILED]"), new Goal(true, 1.5)),
            new Row("two-call `get_name` into a fresh String, ns", key("ChicoryBoundaryBench.getName[COMPILED]"),
                    new Goal(true, 100)),
            new Row("relation read per edge, per-entity / batched", ratio("ChicoryBoundaryBench.edgesPerEntity[COMPILED]",
                    "ChicoryBoundaryBench.edgesBatched[COMPILED]"), new Goal(false, 10)),
            new Row("random get via `registry.get`, ns", key("EcsBench.oursRandomGet"), null),
            new Row("random get via `registry.get` / Artemis", ratio("EcsBench.oursRandomGet", "EcsBench.artemisRandomGet"),
                    new Goal(true, 1)),
            new Row("random get via a held `Storage`, ns", key("EcsBench.oursRandomGetStorage"), null),
            new Row("random get via a held `Storage` / Artemis", ratio("EcsBench.oursRandomGetStorage",
                    "EcsBench.artemisRandomGet"), new Goal(true, 1)),
            new Row("cascade delete per child, depth 1, ns", key("RelationBench.cascadeDeletePerChild[1]"), new Goal(true, 40)),
            new Row("cascade delete per child, depth 2, ns", key("RelationBench.cascadeDeletePerChild[2]"), new Goal(true, 40)),
            new Row("cascade delete per child, depth 5, ns", key("RelationBench.cascadeDeletePerChild[5]"), new Goal(true, 40)),
            new Row("cascade delete per child, depth 10, ns", key("RelationBench.cascadeDeletePerChild[10]"), new Goal(true, 40)),
            new Row("main demo, whole process, compiled, ms", key(DEMO_COMPILED), new Goal(true, 1000)),
            new Row("main demo, whole process, interpreter, ms", key(DEMO_INTERPRETER), new Goal(true, 1000)),
            new Row("main demo from its AppCDS archive (`./demo-cds`), compiled, ms", key("ColdStart.demoCds[COMPILED]"),
                    new Goal(true, 1000)),
            new Row("main demo from its AppCDS archive (`./demo-cds interpreter`), ms",
                    key("ColdStart.demoCds[INTERPRETER]"), new Goal(true, 1000)),
            new Row("1:1 relink churn, ns", key("RelationBench.linkChurn"), null),
            new Row("1:N reparent churn, ns", key("RelationBench.reparentChurn"), null),
            new Row("N:N enroll or drop churn, ns", key("RelationBench.enrollDropChurn"), null),
            new Row("destroy of degree 32, world of 1,000,000, ns", key("RelationBench.destroyDegree32[1000000]"), null),
            new Row("create with 2 components / Artemis", ratio("EcsBench.oursCreate", "EcsBench.artemisCreate"), null),
            new Row("destroy / Artemis", ratio("EcsBench.oursDestroy", "EcsBench.artemisDestroy"), null));

    private BeforeAfter() {}

    static String markdown(String baseCommit, Map<String, Double> before, Map<String, Double> after) {
        StringBuilder md = new StringBuilder()
                .append("| measure | before (").append(baseCommit).append(") | after | after / before | goal | after meets it |\n")
                .append("|---|---:|---:|---:|---|---|\n");
        for (Row row : ROWS) {
            Double b = row.measure().apply(before);
            Double a = row.measure().apply(after);
            md.append("| ").append(row.label()).append(" | ").append(BenchmarkReport.num(b)).append(" | ")
                    .append(BenchmarkReport.num(a)).append(" | ").append(BenchmarkReport.ratio(a, b)).append(" | ")
                    .append(row.goal() == null ? "" : row.goal().toString()).append(" | ")
                    .append(row.goal() == null || a == null ? "" : row.goal().metBy(a) ? "yes" : "**no**")
                    .append(" |\n");
        }
        return md.toString();
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
