package dev.ecswasm.bench;

import dev.ecswasm.bench.EcsBench.Pos;
import dev.ecswasm.bench.EcsBench.Vel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a checked random get can cost at best, with no registry in the way: the same million
 * components, looked up in the same random order as {@link EcsBench}'s random get, kept in bare
 * arrays three ways.
 *
 * <ul>
 *   <li>{@code unchecked}: one array by slot, no version: Artemis' component bag. A stale id reads
 *       whatever now owns its slot.</li>
 *   <li>{@code versionBeside}: the same array plus the owner's version in a {@code char[]} by slot,
 *       compared with the id's: our {@code Storage} layout, written out bare.</li>
 *   <li>{@code versionInterleaved}: value and version in one {@code Object[]}, side by side in one
 *       cache line, the version as one of 4,096 shared token objects compared by identity: one array
 *       read instead of two.</li>
 * </ul>
 *
 * The ratio of a checked layout to {@code unchecked} is the price of the version check itself, the
 * floor under "random get within 1.25x of Artemis" for any storage that keeps the check.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class RandomGetFloorBench {
    private static final int N = EcsBench.N;
    private static final int INDEX_BITS = 20; // as EntityId: 20 bits of slot index, 12 of version
    private static final int INDEX_MASK = (1 << INDEX_BITS) - 1;
    private static final Object[] VERSION_TOKENS = new Object[1 << (32 - INDEX_BITS)];

    static {
        for (int v = 0; v < VERSION_TOKENS.length; v++) {
            VERSION_TOKENS[v] = new Object();
        }
    }

    private int[] ids;
    private int[] order;
    private Object[] bySlot;
    private char[] versionBySlot;
    private Object[] interleaved;
    private Object[] velocities; // allocated between the positions, as in EcsBench's fill

    @Setup(Level.Trial)
    public void fill() {
        ids = new int[N];
        bySlot = new Object[N];
        versionBySlot = new char[N];
        interleaved = new Object[2 * N];
        velocities = new Object[N];
        for (int i = 0; i < N; i++) {
            ids[i] = i; // version 0, as a fresh registry issues them
            Pos p = new Pos();
            velocities[i] = new Vel();
            bySlot[i] = p;
            interleaved[2 * i] = p;
            interleaved[2 * i + 1] = VERSION_TOKENS[0];
        }
        order = EcsBench.randomOrder(N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float unchecked() {
        float sum = 0;
        Object[] values = bySlot;
        for (int index : order) {
            sum += ((Pos) values[ids[index] & INDEX_MASK]).x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float versionBeside() {
        float sum = 0;
        Object[] values = bySlot;
        char[] versions = versionBySlot;
        for (int index : order) {
            int id = ids[index];
            int slot = id & INDEX_MASK;
            Object value = values[slot];
            Pos p = versions[slot] == id >>> INDEX_BITS ? (Pos) value : null;
            sum += p.x; // every id here is live: a null would throw, and the check is never skipped
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float versionInterleaved() {
        float sum = 0;
        Object[] pairs = interleaved;
        for (int index : order) {
            int id = ids[index];
            int at = (id & INDEX_MASK) << 1;
            Object value = pairs[at];
            Pos p = pairs[at + 1] == VERSION_TOKENS[id >>> INDEX_BITS] ? (Pos) value : null;
            sum += p.x;
        }
        return sum;
    }
}
