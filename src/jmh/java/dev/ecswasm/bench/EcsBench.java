package dev.ecswasm.bench;

import com.artemis.Aspect;
import com.artemis.Component;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import com.artemis.utils.IntBag;
import dev.dominion.ecs.api.Dominion;
import dev.dominion.ecs.api.Entity;
import dev.dominion.ecs.api.Results;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import java.util.Random;
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
 * The same five operations on a million entities with two components, in our registry, Dominion
 * and Artemis-odb: create, iterate one component, iterate two, random get, destroy. Every score is
 * nanoseconds per entity. Components are small mutable classes in all three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class EcsBench {
    static final int N = 1_000_000;

    /** Ours and Dominion's components. */
    public static final class Pos {
        public float x;
        public float y;
    }

    public static final class Vel {
        public float dx = 1;
        public float dy = 1;
    }

    /** Artemis wants its own base class. */
    public static final class APos extends Component {
        public float x;
        public float y;
    }

    public static final class AVel extends Component {
        public float dx = 1;
        public float dy = 1;
    }

    static int[] randomOrder(int n) {
        Random random = new Random(42);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = random.nextInt(n);
        }
        return order;
    }

    // ---------------------------------------------------------------- ours

    /** A populated registry, built once per trial. */
    @State(Scope.Benchmark)
    public static class Ours {
        Registry registry;
        int[] ids;
        int[] order;

        @Setup(Level.Trial)
        public void fill() {
            registry = new Registry();
            ids = new int[N];
            for (int i = 0; i < N; i++) {
                ids[i] = registry.create();
                registry.add(ids[i], new Pos());
                registry.add(ids[i], new Vel());
            }
            order = randomOrder(N);
        }
    }

    /** A fresh registry before every invocation, for create; a full one, for destroy. */
    @State(Scope.Thread)
    public static class OursFresh {
        Registry registry;

        @Setup(Level.Invocation)
        public void fresh() {
            registry = new Registry();
        }
    }

    @State(Scope.Thread)
    public static class OursFull {
        Registry registry;
        int[] ids = new int[N];

        @Setup(Level.Invocation)
        public void fill() {
            registry = new Registry();
            for (int i = 0; i < N; i++) {
                ids[i] = registry.create();
                registry.add(ids[i], new Pos());
                registry.add(ids[i], new Vel());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Registry oursCreate(OursFresh s) {
        Registry r = s.registry;
        for (int i = 0; i < N; i++) {
            int e = r.create();
            r.add(e, new Pos());
            r.add(e, new Vel());
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float oursIterate1(Ours s) {
        float[] sum = {0};
        s.registry.view(Pos.class).each((e, p) -> sum[0] += p.x);
        return sum[0];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Registry oursIterate2(Ours s) {
        s.registry.view(Pos.class, Vel.class).each((e, p, v) -> {
            p.x += v.dx;
            p.y += v.dy;
        });
        return s.registry;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float oursRandomGet(Ours s) {
        float sum = 0;
        int[] ids = s.ids;
        for (int index : s.order) {
            sum += s.registry.get(ids[index], Pos.class).x;
        }
        return sum;
    }

    /** Random get through a storage held by the caller (still checked: a stale id gets null). */
    @Benchmark
    @OperationsPerInvocation(N)
    public float oursRandomGetStorage(Ours s) {
        float sum = 0;
        int[] ids = s.ids;
        Storage<Pos> positions = s.registry.storage(Pos.class);
        for (int index : s.order) {
            sum += positions.getOrNull(ids[index]).x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Registry oursDestroy(OursFull s) {
        for (int id : s.ids) {
            s.registry.destroy(id);
        }
        return s.registry;
    }

    // ---------------------------------------------------------------- Dominion

    @State(Scope.Benchmark)
    public static class Dom {
        Dominion dominion;
        Entity[] entities;
        int[] order;

        @Setup(Level.Trial)
        public void fill() {
            dominion = Dominion.create();
            entities = new Entity[N];
            for (int i = 0; i < N; i++) {
                entities[i] = dominion.createEntity(new Pos(), new Vel());
            }
            order = randomOrder(N);
        }
    }

    @State(Scope.Thread)
    public static class DomFresh {
        Dominion dominion;

        @Setup(Level.Invocation)
        public void fresh() {
            dominion = Dominion.create();
        }
    }

    @State(Scope.Thread)
    public static class DomFull {
        Dominion dominion;
        Entity[] entities = new Entity[N];

        @Setup(Level.Invocation)
        public void fill() {
            dominion = Dominion.create();
            for (int i = 0; i < N; i++) {
                entities[i] = dominion.createEntity(new Pos(), new Vel());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Dominion dominionCreate(DomFresh s) {
        for (int i = 0; i < N; i++) {
            s.dominion.createEntity(new Pos(), new Vel());
        }
        return s.dominion;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float dominionIterate1(Dom s) {
        float sum = 0;
        for (Pos p : s.dominion.findCompositionsWith(Pos.class)) {
            sum += p.x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Dominion dominionIterate2(Dom s) {
        for (Results.With2<Pos, Vel> r : s.dominion.findCompositionsWith(Pos.class, Vel.class)) {
            r.comp1().x += r.comp2().dx;
            r.comp1().y += r.comp2().dy;
        }
        return s.dominion;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float dominionRandomGet(Dom s) {
        float sum = 0;
        for (int index : s.order) {
            sum += s.entities[index].get(Pos.class).x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Dominion dominionDestroy(DomFull s) {
        for (Entity e : s.entities) {
            s.dominion.deleteEntity(e);
        }
        return s.dominion;
    }

    // ---------------------------------------------------------------- Artemis-odb

    /** An Artemis world with mappers and a subscription over both components. */
    public static class ArtemisWorld {
        final World world = new World(new WorldConfigurationBuilder().build());
        final ComponentMapper<APos> pos = world.getMapper(APos.class);
        final ComponentMapper<AVel> vel = world.getMapper(AVel.class);
        final EntitySubscription both = world.getAspectSubscriptionManager().get(Aspect.all(APos.class, AVel.class));
        final EntitySubscription posOnly = world.getAspectSubscriptionManager().get(Aspect.all(APos.class));
        final int[] ids = new int[N];

        ArtemisWorld fill() {
            for (int i = 0; i < N; i++) {
                int e = world.create();
                pos.create(e);
                vel.create(e);
                ids[i] = e;
            }
            world.process(); // entities join subscriptions when the world processes
            return this;
        }
    }

    @State(Scope.Benchmark)
    public static class Art {
        ArtemisWorld w;
        int[] order;

        @Setup(Level.Trial)
        public void fill() {
            w = new ArtemisWorld().fill();
            order = randomOrder(N);
        }
    }

    @State(Scope.Thread)
    public static class ArtFresh {
        ArtemisWorld w;

        @Setup(Level.Invocation)
        public void fresh() {
            w = new ArtemisWorld();
        }
    }

    @State(Scope.Thread)
    public static class ArtFull {
        ArtemisWorld w;

        @Setup(Level.Invocation)
        public void fill() {
            w = new ArtemisWorld().fill();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public World artemisCreate(ArtFresh s) {
        ArtemisWorld w = s.w;
        for (int i = 0; i < N; i++) {
            int e = w.world.create();
            w.pos.create(e);
            w.vel.create(e);
        }
        w.world.process();
        return w.world;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float artemisIterate1(Art s) {
        IntBag entities = s.w.posOnly.getEntities();
        int[] data = entities.getData();
        float sum = 0;
        for (int i = 0, n = entities.size(); i < n; i++) {
            sum += s.w.pos.get(data[i]).x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public World artemisIterate2(Art s) {
        IntBag entities = s.w.both.getEntities();
        int[] data = entities.getData();
        for (int i = 0, n = entities.size(); i < n; i++) {
            APos p = s.w.pos.get(data[i]);
            AVel v = s.w.vel.get(data[i]);
            p.x += v.dx;
            p.y += v.dy;
        }
        return s.w.world;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float artemisRandomGet(Art s) {
        float sum = 0;
        for (int index : s.order) {
            sum += s.w.pos.get(s.w.ids[index]).x;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public World artemisDestroy(ArtFull s) {
        for (int e : s.w.ids) {
            s.w.world.delete(e);
        }
        s.w.world.process();
        return s.w.world;
    }
}
