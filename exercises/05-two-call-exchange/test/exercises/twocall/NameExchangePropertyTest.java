package exercises.twocall;

import dev.ecswasm.abi.AbiTrap;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.grader.Property;
import dev.ecswasm.grader.Task;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * getName and cutPoint against a model of their contract, on thousands of seeded inputs: the edges
 * of every bound first (a buffer that ends exactly at the end of memory, one byte short, one byte
 * past, an empty buffer at and past the end, sums that overflow an int, memories of 256 bytes up to
 * the 4 GiB a wasm32 guest may have), then random ones. Each call may come after another call that
 * left a last error behind, so a call that forgets to record its own outcome shows.
 *
 * <p>A failure shows the smallest disagreeing input: the names the world holds, the memory's size,
 * the calls, and what the model expected against what came out.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NameExchangePropertyTest {
    private static final byte FILL = (byte) 0xAA;
    private static final int BOB = 1; // "Bob", named in every world: the calls made before the one tested use it
    private static final long PAGE = 65536;
    /** Memory sizes: a small one, one page, three pages, either side of 2^31, and the wasm32 maximum 2^32. */
    private static final long[] SIZES = {256, PAGE, 3 * PAGE, (1L << 31) - 16, (1L << 31) + PAGE, 1L << 32};
    /** Ids the named entity gets: 0, a high index, ids with the version's top bit set (negative as int). */
    private static final int[] IDS = {0, 2, 0x000F_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFF0_0001, 0xFFFF_FFFE};
    /** Calls made before the tested one, each leaving a different last error (null: the tested call comes first). */
    private static final Call[] BEFORE = {null, new Call(BOB, 16, 2), new Call(99, 0, 0),
        new Call(NameExchange.NULL_ENTITY, 0, 0), new Call(BOB, 0, 0)};

    // ---------------------------------------------------------------- code points for names

    /** Code points at the edges of UTF-8's forms: the last and first of each length, bytes BF and 80, U+FFFD. */
    private static final int[] EDGE_CODE_POINTS = {'a', 0x01, 0x7F, 0x80, 0xBF, 0xFF, 0x7FF, 0x800, 0xFFD, 0xD7FF,
        0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F980, 0x10FFFF, 0x20AC, 0xEB};

    private static int randomCodePoint(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0: return 0x20 + r.nextInt(0x5F);                   // printable ASCII
            case 1: return 0x80 + r.nextInt(0x800 - 0x80);           // 2 bytes
            case 2: {                                                // 3 bytes, no surrogates
                int cp = 0x800 + r.nextInt(0x10000 - 0x800 - 0x800);
                return cp >= 0xD800 ? cp + 0x800 : cp;
            }
            case 3: return 0x10000 + r.nextInt(0x110000 - 0x10000); // 4 bytes
            default: return EDGE_CODE_POINTS[r.nextInt(EDGE_CODE_POINTS.length)];
        }
    }

    private static String randomName(SplittableRandom r, int maxCodePoints, boolean asciiOnly) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(maxCodePoints + 1);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(asciiOnly ? 0x20 + r.nextInt(0x5F) : randomCodePoint(r));
        }
        return s.toString();
    }

    /** Names with every edge code point alone, after ASCII, and after another multi-byte character. */
    private static List<String> edgeNames(boolean asciiOnly) {
        List<String> names = new ArrayList<>(List.of("", "B", "Bob", "Ada Lovelace"));
        if (asciiOnly) {
            return names;
        }
        for (int cp : EDGE_CODE_POINTS) {
            String c = new String(Character.toChars(cp));
            names.add(c);
            names.add("x" + c);
            names.add("ë" + c + "z");
            names.add(c + c);
        }
        names.add("Zoë 🦀");
        names.add("x\uFFFDy");
        return names;
    }

    // ---------------------------------------------------------------- 5.1

    @Test
    @Task(id = "5.1", points = 1)
    @DisplayName("property: the size query answers bytes + 1 with OK whatever the last call left, for any name, id and memory")
    void sizeQueryProperty() {
        List<Case> cases = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(51);
        for (String name : edgeNames(false)) {
            for (int id : IDS) {
                for (Call before : BEFORE) {
                    cases.add(new Case(name, id, SIZES[0], before, new Call(id, 0, 0)));
                }
            }
        }
        for (int i = 0; i < 2000; i++) {
            int id = IDS[r.nextInt(IDS.length)];
            cases.add(new Case(randomName(r, 8, false), id, SIZES[r.nextInt(SIZES.length)],
                    BEFORE[r.nextInt(BEFORE.length)], new Call(id, 0, 0)));
        }
        check(cases);
    }

    // ---------------------------------------------------------------- 5.2

    @Test
    @Task(id = "5.2", points = 1)
    @DisplayName("property: a buffer with room gets exactly name + NUL and OK, anywhere in memories up to 4 GiB, even at the very end")
    void copyProperty() {
        List<Case> cases = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(52);
        for (String name : edgeNames(false)) {
            int needed = utf8(name).length + 1;
            for (long size : SIZES) {
                for (long cap : new long[] {needed, needed + 1, 2L * needed, 255}) {
                    for (long buf : new long[] {1, 2, size - cap, size - cap - 1, 0x7FFF_FFFFL, 0x8000_0000L, 0x7FFF_FFF0L}) {
                        if (buf >= 1 && buf + cap <= size) {
                            Call before = BEFORE[(int) ((buf + cap) % BEFORE.length)];
                            cases.add(new Case(name, 2, size, before, new Call(2, (int) buf, (int) cap)));
                        }
                    }
                }
                if (size <= 3 * PAGE) {
                    cases.add(new Case(name, 2, size, BEFORE[1], new Call(2, 1, (int) (size - 1)))); // all but byte 0
                }
            }
        }
        for (int i = 0; i < 2000; i++) {
            String name = randomName(r, 8, false);
            int needed = utf8(name).length + 1;
            long size = SIZES[r.nextInt(SIZES.length)];
            long cap = needed + (r.nextBoolean() ? r.nextInt(4) : r.nextInt(200));
            long buf = r.nextBoolean() ? size - cap - r.nextInt(3) : 1 + r.nextLong(size - cap);
            int id = IDS[r.nextInt(IDS.length)];
            cases.add(new Case(name, id, size, BEFORE[r.nextInt(BEFORE.length)], new Call(id, (int) buf, (int) cap)));
        }
        check(cases);
    }

    // ---------------------------------------------------------------- 5.3

    @Test
    @Task(id = "5.3", points = 1)
    @DisplayName("property: a buffer too small gets cap - 1 bytes and the NUL, answers the full size with BUFFER_TOO_SMALL")
    void tooSmallProperty() {
        List<Case> cases = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(53);
        for (String name : edgeNames(true)) {
            int needed = utf8(name).length + 1;
            for (long size : SIZES) {
                for (int cap = 0; cap < needed; cap++) {
                    for (long buf : new long[] {1, size - cap, size - cap - 1}) {
                        if (buf > 0xFFFF_FFFFL) {
                            continue; // 2^32 is 0 as a u32: the size query, not a buffer at the end
                        }
                        for (Call before : BEFORE) {
                            cases.add(new Case(name, 2, size, before, new Call(2, (int) buf, cap)));
                        }
                    }
                }
            }
        }
        for (int i = 0; i < 2000; i++) {
            String name = randomName(r, 40, true);
            int needed = utf8(name).length + 1;
            long size = SIZES[r.nextInt(SIZES.length)];
            int cap = r.nextInt(needed);
            long buf = r.nextBoolean() ? size - cap - r.nextInt(2) : 1 + r.nextLong(size - cap);
            if (buf > 0xFFFF_FFFFL) {
                continue;
            }
            int id = IDS[r.nextInt(IDS.length)];
            cases.add(new Case(name, id, size, BEFORE[r.nextInt(BEFORE.length)], new Call(id, (int) buf, cap)));
        }
        check(cases);
    }

    // ---------------------------------------------------------------- 5.4

    @Test
    @Task(id = "5.4", points = 1)
    @DisplayName("property: cutPoint keeps the longest whole-character prefix, and getName cuts any name there")
    void cutProperty() {
        List<int[]> strings = new ArrayList<>();
        for (int a : EDGE_CODE_POINTS) {
            strings.add(new int[] {a});
        }
        for (int a : EDGE_CODE_POINTS) {
            for (int b : EDGE_CODE_POINTS) {
                strings.add(new int[] {a, b});
            }
        }
        SplittableRandom r = new SplittableRandom(54);
        for (int i = 0; i < 1500; i++) {
            int[] cps = new int[1 + r.nextInt(8)];
            for (int j = 0; j < cps.length; j++) {
                cps[j] = randomCodePoint(r);
            }
            strings.add(cps);
        }
        List<Cut> cuts = new ArrayList<>();
        for (int[] cps : strings) {
            int length = utf8(new String(cps, 0, cps.length)).length;
            for (int max = 0; max <= length + 1; max++) {
                cuts.add(new Cut(cps, max));
            }
            cuts.add(new Cut(cps, Integer.MAX_VALUE));
        }
        Property.forAll("cutPoint", cuts, cut -> {
            byte[] bytes = utf8(cut.text());
            return Property.compare(cut.expected(), () -> NameExchange.cutPoint(bytes.clone(), cut.max()));
        }, Comparator.comparingInt((Cut c) -> c.codePoints.length).thenComparingInt(Cut::max), Cut::toString);

        List<Case> cases = new ArrayList<>();
        for (String name : edgeNames(false)) {
            int needed = utf8(name).length + 1;
            for (int cap = 1; cap < needed; cap++) {
                cases.add(new Case(name, 2, SIZES[0], null, new Call(2, 16, cap)));
            }
        }
        for (int i = 0; i < 1000; i++) {
            String name = randomName(r, 8, false);
            int needed = utf8(name).length + 1;
            if (needed > 1) {
                int cap = 1 + r.nextInt(needed - 1);
                long size = SIZES[r.nextInt(SIZES.length)];
                cases.add(new Case(name, 2, size, BEFORE[r.nextInt(BEFORE.length)], new Call(2, (int) (size - cap), cap)));
            }
        }
        check(cases);
    }

    // ---------------------------------------------------------------- 5.5

    @Test
    @Task(id = "5.5", points = 1)
    @DisplayName("property: a bad buffer traps before anything else, writes nothing and leaves the last error; unknown ids answer 0")
    void errorProperty() {
        List<Case> cases = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(55);
        int[] unknown = {3, 0x0010_0000, 0x8000_0000 ^ 2, 0x7FFF_FFFE, 0xFFFF_FFFD, NameExchange.NULL_ENTITY};
        for (long size : SIZES) {
            for (Call before : BEFORE) {
                for (int entity : new int[] {2, 3, NameExchange.NULL_ENTITY}) {
                    for (long[] bc : badBuffers(size)) {
                        cases.add(new Case("Zoë", 2, size, before, new Call(entity, (int) bc[0], (int) bc[1])));
                    }
                }
                for (int entity : unknown) {
                    for (long[] bc : new long[][] {{0, 0}, {16, 8}, {1, 0}, {size, 0}, {size - 1, 1}}) {
                        cases.add(new Case("Zoë", 2, size, before, new Call(entity, (int) bc[0], (int) bc[1])));
                    }
                }
            }
        }
        for (int i = 0; i < 2000; i++) {
            long size = SIZES[r.nextInt(SIZES.length)];
            int entity = r.nextInt(3) == 0 ? NameExchange.NULL_ENTITY : r.nextInt(4) == 0 ? 2 : r.nextInt();
            long buf;
            long cap;
            if (r.nextBoolean()) { // a random range, mostly outside memory for the small sizes
                buf = r.nextLong(1L << 32);
                cap = r.nextInt(4) == 0 ? r.nextLong(1L << 32) : r.nextInt(64);
            } else { // just past the end
                cap = r.nextInt(64);
                buf = size - cap + 1 + r.nextInt(3);
            }
            if (buf > 0xFFFF_FFFFL || buf == 0 && cap == 0) {
                continue;
            }
            cases.add(new Case("Zoë", 2, size, BEFORE[r.nextInt(BEFORE.length)], new Call(entity, (int) buf, (int) cap)));
        }
        check(cases);
    }

    /** Buffers that are not inside a memory of {@code size} bytes. */
    private static List<long[]> badBuffers(long size) {
        List<long[]> out = new ArrayList<>();
        long[][] all = {{0, 1}, {0, 8}, {0, 0xFFFF_FFFFL}, {size - 3, 4}, {size - 15, 16}, {size, 1}, {size + 1, 0},
            {size + 16, 0}, {1, size}, {1, 0xFFFF_FFFFL}, {16, 0xFFFF_FFF0L}, {0xFFFF_FFF0L, 32}, {0xFFFF_FFFFL, 1},
            {0x7FFF_FFF0L, 0x20}, {0x7FFF_FFFFL, 0x7FFF_FFFFL}, {0x7FFF_FFFFL, 0x8000_0001L}, {size / 2, size / 2 + 1}};
        for (long[] bc : all) {
            if (bc[0] <= 0xFFFF_FFFFL && bc[1] <= 0xFFFF_FFFFL && (bc[0] == 0 || bc[0] + bc[1] > size)) {
                out.add(bc);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the model and the check

    /** One call of getName. */
    record Call(int entity, int buf, int cap) {
        @Override
        public String toString() {
            return "getName(" + entityName(entity) + ", " + Integer.toUnsignedString(buf) + ", " + Integer.toUnsignedString(cap) + ")";
        }
    }

    /**
     * A world where entity {@code id} is named {@code name} (and {@link #BOB} "Bob"), a memory of
     * {@code size} bytes all {@code AA}, the call {@code before} (if any), then {@code call}.
     */
    record Case(String name, int id, long size, Call before, Call call) {
        Map<Integer, String> names() {
            Map<Integer, String> names = new HashMap<>();
            names.put(BOB, "Bob");
            names.put(id, name);
            return names;
        }

        @Override
        public String toString() {
            return call + (before == null ? "" : " right after " + before) + " [memory: " + size + " bytes; names: "
                    + entityName(id) + " \"" + name + "\" " + hex(utf8(name))
                    + (id == BOB ? "" : ", " + entityName(BOB) + " \"Bob\"") + ", no other]";
        }
    }

    /** What one call does: a trap, or a result and a last error; plus the bytes it wrote. */
    record Outcome(boolean trap, int result, ErrorCode error, TreeMap<Long, Byte> written) {
        String describe() {
            return (trap ? "AbiTrap" : result + " with " + error) + ", " + writes(written);
        }
    }

    /** The contract of getName, step by step. */
    private static Outcome model(Map<Integer, String> names, long size, Call c, ErrorCode before) {
        TreeMap<Long, Byte> written = new TreeMap<>();
        long buf = Integer.toUnsignedLong(c.buf());
        long cap = Integer.toUnsignedLong(c.cap());
        boolean sizeQuery = buf == 0 && cap == 0;
        if (!sizeQuery && (buf == 0 || buf + cap > size)) {
            return new Outcome(true, 0, before, written);
        }
        if (c.entity() == NameExchange.NULL_ENTITY) {
            return new Outcome(false, 0, ErrorCode.NULL_ENTITY, written);
        }
        String name = names.get(c.entity());
        if (name == null) {
            return new Outcome(false, 0, ErrorCode.INVALID_ENTITY, written);
        }
        byte[] bytes = utf8(name);
        int needed = bytes.length + 1;
        if (sizeQuery) {
            return new Outcome(false, needed, ErrorCode.OK, written);
        }
        if (cap == 0) {
            return new Outcome(false, needed, ErrorCode.BUFFER_TOO_SMALL, written);
        }
        int kept = cap >= needed ? bytes.length : wholeCharacters(name, (int) cap - 1);
        for (int i = 0; i < kept; i++) {
            written.put(buf + i, bytes[i]);
        }
        written.put(buf + kept, (byte) 0);
        return new Outcome(false, needed, cap >= needed ? ErrorCode.OK : ErrorCode.BUFFER_TOO_SMALL, written);
    }

    /** The UTF-8 length of the longest prefix of whole code points of {@code s} within {@code max} bytes. */
    private static int wholeCharacters(String s, int max) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > max) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static Outcome run(NameExchange exchange, SparseMemory memory, Call c) {
        memory.written.clear();
        try {
            int result = exchange.getName(c.entity(), c.buf(), c.cap());
            return new Outcome(false, result, exchange.lastError(), new TreeMap<>(memory.written));
        } catch (AbiTrap trap) {
            return new Outcome(true, 0, exchange.lastError(), new TreeMap<>(memory.written));
        }
    }

    private static void check(List<Case> cases) {
        Property.forAll("getName", cases, NameExchangePropertyTest::difference,
                Comparator.comparingInt((Case c) -> c.before() == null ? 0 : 1)
                        .thenComparingInt(c -> utf8(c.name()).length)
                        .thenComparingLong(Case::size)
                        .thenComparingLong(c -> Integer.toUnsignedLong(c.call().buf()))
                        .thenComparingLong(c -> Integer.toUnsignedLong(c.call().cap())),
                Case::toString);
    }

    /** null if the student's getName does what the model does on this case; otherwise how they differ. */
    private static String difference(Case c) {
        Map<Integer, String> names = c.names();
        SparseMemory memory = new SparseMemory(c.size());
        NameExchange exchange = new NameExchange(names, memory);
        ErrorCode last = ErrorCode.OK;
        if (c.before() != null) {
            Outcome expected = model(names, c.size(), c.before(), last);
            Outcome actual;
            try {
                actual = run(exchange, memory, c.before());
            } catch (RuntimeException e) {
                return "the first call, " + c.before() + ", threw " + e + "; expected " + expected.describe();
            }
            if (!expected.equals(actual)) {
                return "the first call, " + c.before() + ", is already wrong: expected " + expected.describe()
                        + ", but got " + actual.describe();
            }
            last = expected.error();
        }
        Outcome expected = model(names, c.size(), c.call(), last);
        Outcome actual;
        try {
            actual = run(exchange, memory, c.call());
        } catch (RuntimeException e) {
            return "expected " + expected.describe() + ", but it threw " + e;
        }
        if (expected.equals(actual)) {
            return null;
        }
        String lastNote = c.before() == null ? "" : " (the last error was " + last + " before this call)";
        if (expected.trap() != actual.trap() || expected.result() != actual.result()) {
            return "expected " + expected.describe() + ", but got " + actual.describe() + lastNote;
        }
        if (expected.error() != actual.error()) {
            return "expected last error " + expected.error() + ", but it is " + actual.error()
                    + (expected.trap() ? " (a trapped call leaves the last error as it was)" : "") + lastNote;
        }
        return "expected " + writes(expected.written()) + ", but " + writes(actual.written());
    }

    // ---------------------------------------------------------------- a memory of any size

    /**
     * Guest memory of any size up to 4 GiB, every byte {@code AA} until written; it records what is
     * written. Like a real memory, a write outside it throws IndexOutOfBoundsException.
     */
    private static final class SparseMemory implements GuestMemory {
        private final long size;
        final Map<Long, Byte> written = new LinkedHashMap<>();

        SparseMemory(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] read(int address, int length) {
            long at = Integer.toUnsignedLong(address);
            if (length < 0 || at + length > size) {
                throw new IndexOutOfBoundsException("read of " + length + " bytes at " + at + " in a memory of " + size);
            }
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = written.getOrDefault(at + i, FILL);
            }
            return out;
        }

        @Override
        public void write(int address, byte[] bytes) {
            long at = Integer.toUnsignedLong(address);
            if (at + bytes.length > size) {
                throw new IndexOutOfBoundsException("write of " + bytes.length + " bytes at " + at
                        + " past the end of a memory of " + size + " bytes");
            }
            for (int i = 0; i < bytes.length; i++) {
                written.put(at + i, bytes[i]);
            }
        }

        @Override
        public String toString() {
            return "memory of " + size + " bytes";
        }
    }

    // ---------------------------------------------------------------- cutPoint cases and text

    /** cutPoint's input: the UTF-8 of {@code codePoints}, and {@code max}. */
    record Cut(int[] codePoints, int max) {
        String text() {
            return new String(codePoints, 0, codePoints.length);
        }

        /** The largest boundary between code points at or below max. */
        int expected() {
            int at = 0;
            for (int cp : codePoints) {
                int next = at + utf8(new String(Character.toChars(cp))).length;
                if (next > max) {
                    break;
                }
                at = next;
            }
            return at;
        }

        @Override
        public String toString() {
            return "cutPoint(" + hex(utf8(text())) + " = \"" + text() + "\", " + max + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cut c && java.util.Arrays.equals(codePoints, c.codePoints) && max == c.max;
        }

        @Override
        public int hashCode() {
            return Objects.hash(java.util.Arrays.hashCode(codePoints), max);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String entityName(int entity) {
        return entity == NameExchange.NULL_ENTITY ? "NULL_ENTITY" : "0x" + Integer.toHexString(entity);
    }

    private static String hex(byte[] bytes) {
        StringJoiner out = new StringJoiner(" ", "(", ")");
        for (byte b : bytes) {
            out.add(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
        }
        return out.toString();
    }

    /** "nothing written" or "bytes at 16..19: 42 6F 62 00" (runs of consecutive addresses). */
    private static String writes(TreeMap<Long, Byte> written) {
        if (written.isEmpty()) {
            return "nothing written";
        }
        StringJoiner runs = new StringJoiner("; ", "written at ", "");
        Long start = null;
        long prev = -2;
        StringJoiner bytes = null;
        for (Map.Entry<Long, Byte> e : written.entrySet()) {
            if (e.getKey() != prev + 1) {
                if (start != null) {
                    runs.add(start + ".." + prev + ": " + bytes);
                }
                start = e.getKey();
                bytes = new StringJoiner(" ");
            }
            bytes.add(String.format(java.util.Locale.ROOT, "%02X", e.getValue() & 0xFF));
            prev = e.getKey();
        }
        runs.add(start + ".." + prev + ": " + bytes);
        return runs.toString();
    }
}
