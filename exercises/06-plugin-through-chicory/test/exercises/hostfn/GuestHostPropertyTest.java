package exercises.hostfn;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import dev.ecswasm.world.EnttManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host functions against a model, on many seeded inputs with the edges first: names of every
 * UTF-8 length at the very end of a memory the guest grew, two instances of the guest at once,
 * ranges at, one past and far past the end of memories of 1 to 3 pages, and sums that overflow an
 * int. A failure shows the smallest input that disagrees, what was expected and what came out.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuestHostPropertyTest {
    private static final int PAGE = Memory.PAGE_SIZE;
    private static WasmModule guest;

    private final EnttManager world = new EnttManager();
    private final GuestHost host = new GuestHost(world);

    @BeforeAll
    static void parseGuest() throws IOException {
        try (InputStream in = GuestHostPropertyTest.class.getResourceAsStream("guest.wasm")) {
            if (in == null) {
                throw new IllegalStateException("guest.wasm is not on the class path next to GuestHostPropertyTest");
            }
            guest = Parser.parse(in);
        }
    }

    // ---------------------------------------------------------------- 6.2

    @Test
    @Task(id = "6.2", points = 1)
    @DisplayName("property: count() always answers world.entityCount(), over 600 seeded creates and destroys by the test and the guest")
    void countProperty() {
        assertSame(world, host.world(), "GuestHost.world() should return the world it was built with");
        Instance instance = instantiate();
        SplittableRandom r = new SplittableRandom(62);
        List<String> steps = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        for (int step = 0; step < 600; step++) {
            int what = r.nextInt(10);
            if (what < 5 || live.isEmpty()) {
                live.add(world.createEntity());
                steps.add("world.createEntity()");
            } else if (what < 8) {
                int id = live.remove(r.nextInt(live.size()));
                world.destroyEntity(id);
                steps.add("world.destroyEntity(" + id + ")");
            } else {
                live.add(call(instance, "create_bob"));
                steps.add("the guest's create_bob()");
            }
            int expected = world.entityCount();
            int got = call(instance, "count");
            if (got != expected) {
                List<String> last = steps.subList(Math.max(0, steps.size() - 3), steps.size());
                fail("count() (host_entity_count) after " + steps.size() + " steps (the last: " + String.join(", ", last)
                        + "): expected world.entityCount() = " + expected + ", but the guest got " + got);
            }
        }
    }

    // ---------------------------------------------------------------- 6.3

    /** Code points at the edges of UTF-8's forms (no NUL): the first and last of each length, bytes BF and 80, U+FFFD. */
    private static final int[] EDGE_CODE_POINTS = {'a', 0x01, 0x7F, 0x80, 0xBF, 0xFF, 0x7FF, 0x800, 0xD7FF, 0xE000,
        0xFFFD, 0xFFFF, 0x10000, 0x1F980, 0x10FFFF, ' '};

    private static int randomCodePoint(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0: return 0x20 + r.nextInt(0x5F);
            case 1: return 0x80 + r.nextInt(0x800 - 0x80);
            case 2: {
                int cp = 0x800 + r.nextInt(0x10000 - 0x800 - 0x800);
                return cp >= 0xD800 ? cp + 0x800 : cp;
            }
            case 3: return 0x10000 + r.nextInt(0x110000 - 0x10000);
            default: return EDGE_CODE_POINTS[r.nextInt(EDGE_CODE_POINTS.length)];
        }
    }

    /** A name written at {@code ptr} in one of two instances of the guest. */
    record Named(String name, long ptr, boolean second) {
        @Override
        public String toString() {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            return "create_named(" + ptr + ", " + bytes.length + ") from instance " + (second ? "B" : "A") + " over \""
                    + name + "\" " + hex(bytes) + " written there (both instances grown to 3 pages, "
                    + 3 * PAGE + " bytes)";
        }
    }

    @Test
    @Task(id = "6.3", points = 1)
    @DisplayName("property: create_named stores any UTF-8 name exactly, read from the calling instance's memory, even in the last bytes of a grown memory")
    void namesProperty() {
        Instance a = instantiate();
        Instance b = instantiate();
        a.memory().grow(2);
        b.memory().grow(2);
        long size = 3L * PAGE;
        List<String> names = new ArrayList<>(List.of("", "B", "Bob", "Zoë 🦀", "x\uFFFDy", " padded  "));
        for (int cp : EDGE_CODE_POINTS) {
            String c = new String(Character.toChars(cp));
            names.add(c);
            names.add("ë" + c);
            names.add(c + "z");
        }
        List<Named> cases = new ArrayList<>();
        for (String name : names) {
            int len = name.getBytes(StandardCharsets.UTF_8).length;
            for (long ptr : new long[] {0, 1, PAGE - len, PAGE, 2L * PAGE + 5, size - len}) {
                cases.add(new Named(name, ptr, ptr % 2 == 1));
            }
        }
        SplittableRandom r = new SplittableRandom(63);
        for (int i = 0; i < 1000; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(12);
            for (int j = 0; j < n; j++) {
                s.appendCodePoint(randomCodePoint(r));
            }
            int len = s.toString().getBytes(StandardCharsets.UTF_8).length;
            long ptr = r.nextInt(4) == 0 ? size - len : r.nextLong(size - len + 1);
            cases.add(new Named(s.toString(), ptr, r.nextBoolean()));
        }
        Set<Integer> created = new HashSet<>(); // nothing is destroyed here: every id must be new
        Property.forAll("host_create_named", cases, c -> {
            byte[] bytes = c.name().getBytes(StandardCharsets.UTF_8);
            Instance caller = c.second() ? b : a;
            Instance other = c.second() ? a : b;
            caller.memory().write((int) c.ptr(), bytes);
            byte[] decoy = new byte[bytes.length];
            Arrays.fill(decoy, (byte) '#');
            other.memory().write((int) c.ptr(), decoy); // the other instance holds ### there
            int before = world.entityCount();
            int id;
            try {
                id = call(caller, "create_named", c.ptr(), bytes.length);
            } catch (RuntimeException e) {
                return "expected a new entity named \"" + c.name() + "\", but it threw " + e;
            }
            if (world.entityCount() != before + 1 || !world.isEntityValid(id) || !created.add(id)) {
                return "expected one new entity whose id the guest gets back; the world held " + before + " entities"
                        + " and now holds " + world.entityCount() + ", and the guest got " + id
                        + (created.contains(id) ? ", an id it had been given before" : "");
            }
            Optional<String> got = world.getName(id);
            if (!got.equals(Optional.of(c.name()))) {
                return "expected the name \"" + c.name() + "\" " + hex(bytes) + ", but entity " + id + " is named "
                        + got.map(n -> "\"" + n + "\" " + hex(n.getBytes(StandardCharsets.UTF_8))).orElse("nothing");
            }
            return null;
        }, Comparator.comparingInt((Named c) -> c.name().length()).thenComparingLong(Named::ptr), Named::toString);
    }

    // ---------------------------------------------------------------- 6.4

    @Test
    @Task(id = "6.4", points = 1)
    @DisplayName("property: the guest keeps the very id host_create_named returned, whatever its version (top bit set too)")
    void idsProperty() {
        Instance instance = instantiate();
        SplittableRandom r = new SplittableRandom(64);
        List<Integer> live = new ArrayList<>();
        boolean topBit = false;
        for (int round = 0; round < 300; round++) {
            // recycle a slot many times, so the next id has a high version; in later rounds the top bit is set
            int spins = round < 10 ? round : 1 + r.nextInt(round < 150 ? 40 : 400);
            for (int i = 0; i < spins; i++) {
                world.destroyEntity(world.createEntity());
            }
            Set<Integer> before = ids();
            int count = call(instance, "create_and_count");
            int kept = call(instance, "last_id");
            Set<Integer> added = ids();
            added.removeAll(before);
            if (added.size() != 1) {
                fail("create_and_count() should create exactly one entity; it created " + added.size() + ": " + added);
            }
            int bob = added.iterator().next();
            if (kept != bob) {
                fail("create_and_count() in round " + round + ": host_create_named made entity " + bob + " (0x"
                        + Integer.toHexString(bob) + "), but the guest kept " + kept + " (0x" + Integer.toHexString(kept)
                        + "): return the id itself");
            }
            if (count != world.entityCount()) {
                fail("create_and_count() in round " + round + ": expected the count " + world.entityCount()
                        + " from host_entity_count, but the guest returned " + count);
            }
            topBit |= bob < 0;
            live.add(bob);
            if (live.size() > 3) {
                world.destroyEntity(live.remove(r.nextInt(live.size())));
            }
        }
        if (!topBit) {
            fail("the test meant to reach ids with the top bit set, and did not: the test itself is wrong");
        }
    }

    // ---------------------------------------------------------------- 6.5

    /** A readGuestString call: a memory of {@code pages} pages, the function named, the range. */
    record Range(int pages, String function, long ptr, long len) {
        @Override
        public String toString() {
            return "readGuestString(memory of " + pages + " page" + (pages == 1 ? "" : "s") + " = " + (long) pages * PAGE
                    + " bytes, \"" + function + "\", " + ptr + ", " + len + ")";
        }
    }

    @Test
    @Task(id = "6.5", points = 1)
    @DisplayName("property: readGuestString reads every range inside memories of 1 to 3 pages and refuses every other, checked in 64 bits")
    void rangeProperty() {
        Memory[] memories = new Memory[4];
        for (int pages = 1; pages <= 3; pages++) {
            memories[pages] = new ByteArrayMemory(new MemoryLimits(pages));
            byte[] pattern = new byte[pages * PAGE];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) ('a' + i % 26);
            }
            memories[pages].write(0, pattern);
        }
        String[] functions = {"host_log", "host_create_named", "f"};
        List<Range> cases = new ArrayList<>();
        for (int pages = 1; pages <= 3; pages++) {
            long size = (long) pages * PAGE;
            long[][] edges = {{0, 0}, {0, 1}, {0, size}, {0, size + 1}, {size, 0}, {size + 1, 0}, {size + 16, 0},
                {size - 1, 1}, {size - 1, 2}, {size - 3, 3}, {size - 3, 8}, {size, 1}, {1, size}, {1, size - 1},
                {size / 2, size / 2}, {size / 2, size / 2 + 1}, {PAGE - 2, 4}, {0x7FFF_FFF0L, 0x20}, {0x7FFF_FFFFL, 1},
                {0x7FFF_FFFFL, 0x7FFF_FFFFL}, {0x8000_0000L, 0}, {0xFFFF_FFF0L, 32}, {0xFFFF_FFFFL, 1},
                {0xFFFF_FFFFL, 0}, {1, 0xFFFF_FFFFL}, {0, 0xFFFF_FFFFL}, {16, 0xFFFF_FFF0L}};
            for (long[] e : edges) {
                for (String f : functions) {
                    cases.add(new Range(pages, f, e[0], e[1]));
                }
            }
        }
        SplittableRandom r = new SplittableRandom(65);
        for (int i = 0; i < 3000; i++) {
            int pages = 1 + r.nextInt(3);
            long size = (long) pages * PAGE;
            long len = r.nextInt(4) == 0 ? r.nextLong(1L << 32) : r.nextInt(300);
            long ptr;
            switch (r.nextInt(3)) {
                case 0: ptr = size - len + r.nextInt(5) - 2; break; // around the end
                case 1: ptr = r.nextLong(1L << 32); break;           // anywhere
                default: ptr = r.nextLong(size + 1); break;          // inside, mostly
            }
            if (ptr >= 0 && ptr <= 0xFFFF_FFFFL) {
                cases.add(new Range(pages, functions[r.nextInt(functions.length)], ptr, len));
            }
        }
        Property.forAll("readGuestString", cases, c -> {
            long size = (long) c.pages() * PAGE;
            boolean inside = c.ptr() + c.len() <= size;
            String got;
            try {
                got = GuestHost.readGuestString(memories[c.pages()], c.function(), (int) c.ptr(), (int) c.len());
            } catch (BadGuestPointerException e) {
                if (inside) {
                    return "the range ends at " + (c.ptr() + c.len()) + ", inside the " + size
                            + "-byte memory, so expected its bytes as a string, but it threw " + e.getMessage();
                }
                BadGuestPointerException want = new BadGuestPointerException(c.function(), (int) c.ptr(), (int) c.len(), size);
                if (!want.getMessage().equals(e.getMessage()) || Integer.toUnsignedLong(e.ptr()) != c.ptr()
                        || Integer.toUnsignedLong(e.len()) != c.len() || !c.function().equals(e.function())) {
                    return "expected BadGuestPointerException(\"" + c.function() + "\", ptr, len, " + size
                            + " bytes), saying \"" + want.getMessage() + "\", but it says \"" + e.getMessage()
                            + "\" (function " + e.function() + ", ptr " + Integer.toUnsignedString(e.ptr()) + ", len "
                            + Integer.toUnsignedString(e.len()) + ")";
                }
                return null;
            } catch (RuntimeException e) {
                return (inside ? "expected the string, " : "expected BadGuestPointerException (the range ends at "
                        + (c.ptr() + c.len()) + ", past the " + size + "-byte memory), ") + "but " + e + " escaped";
            }
            if (!inside) {
                return "the range ends at " + (c.ptr() + c.len()) + ", past the end of the " + size
                        + "-byte memory: expected BadGuestPointerException, but it returned a string of "
                        + got.length() + " chars";
            }
            String want = pattern((int) c.ptr(), (int) c.len());
            if (!want.equals(got)) {
                return "expected the " + c.len() + " bytes at " + c.ptr() + ", \"" + shorten(want) + "\", but got \""
                        + shorten(got) + "\" (" + got.length() + " chars)";
            }
            return null;
        }, Comparator.comparingInt(Range::pages).thenComparingLong(Range::len).thenComparingLong(Range::ptr),
                Range::toString);
    }

    // ---------------------------------------------------------------- helpers

    private static String pattern(int from, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('a' + (from + i) % 26);
        }
        return new String(out);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 20) + "..." + s.substring(s.length() - 10);
    }

    private Set<Integer> ids() {
        Set<Integer> ids = new HashSet<>();
        for (int id : world.entities()) {
            ids.add(id);
        }
        return ids;
    }

    private Instance instantiate() {
        try {
            return host.instantiate(guest);
        } catch (UnsupportedOperationException stub) {
            throw stub;
        } catch (RuntimeException e) {
            fail("instantiate(guest.wasm) failed: " + e + " (see the 6.1 tests)");
            return null;
        }
    }

    private static int call(Instance instance, String export, long... args) {
        long[] result = instance.export(export).apply(args);
        if (result == null || result.length != 1) {
            fail(export + " should return one i32 to the test, got " + Arrays.toString(result));
        }
        return (int) result[0];
    }

    private static String hex(byte[] bytes) {
        StringJoiner out = new StringJoiner(" ", "(", ")");
        for (byte b : bytes) {
            out.add(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
        }
        return out.toString();
    }
}
