package exercises.ids;

/**
 * Exercise 1: the 32-bit entity id, written by hand.
 *
 * <p>An entity id is one plain {@code int} that holds two numbers: the <b>index</b> of the slot the
 * entity lives in (the low 20 bits) and the <b>version</b> of that slot (the high 12 bits), which
 * goes up by one every time the slot is reused:
 *
 * <pre>
 *   31          20 19                  0
 *  +--------------+---------------------+
 *  |   version    |        index        |
 *  +--------------+---------------------+
 *      12 bits           20 bits
 * </pre>
 *
 * Java's {@code int} is signed, but an id is not a signed number: the seed's C API passes it as a
 * {@code uint32_t}. A version of 2048 or more sets bit 31, so the {@code int} is negative while the
 * id it stands for is a perfectly ordinary number above 2^31. Every method here must treat the bits
 * as unsigned.
 *
 * <p>The constants are given; the methods are the tasks of the README.
 */
public final class EntityIds {
    /** How many low bits hold the slot index. */
    public static final int INDEX_BITS = 20;

    /** How many high bits hold the version. */
    public static final int VERSION_BITS = 12;

    /** The index bits: {@code 0xFFFFF} (1,048,575). */
    public static final int INDEX_MASK = (1 << INDEX_BITS) - 1;

    /** The largest version, once shifted down: {@code 0xFFF} (4,095). */
    public static final int VERSION_MASK = (1 << VERSION_BITS) - 1;

    /**
     * The null entity, all 32 bits set: the seed's {@code FFI_NULL_ENTITY = UINT32_MAX}, that is
     * 4,294,967,295 as an unsigned number (and -1 as a Java {@code int}). It is not entity 0.
     */
    public static final int NULL = 0xFFFFFFFF;

    /** The version that is never handed out (EnTT's tombstone): 4,095. */
    public static final int TOMBSTONE_VERSION = VERSION_MASK;

    /**
     * The highest slot index a pool ever hands out. The all-ones index ({@link #INDEX_MASK}) is the
     * index of {@link #NULL}, so a pool stops one below it.
     */
    public static final int MAX_INDEX = INDEX_MASK - 1;

    private EntityIds() {}

    private static final String P = "yv66vgAAAD0BJQoAAgADBwAEDAAFAAYBABBqYXZhL2xhbmcvT2JqZWN0AQAGPGluaXQ+AQADKClWCQAIAAkHAAoMAAsADAEAEGphdmEvbGFuZy9TeXN0ZW0BAANlcnIBABVMamF2YS9pby9QcmludFN0cmVhbTsSAAAADgwADwAQAQAXbWFrZUNvbmNhdFdpdGhDb25zdGFudHMBACYoTGphdmEvbGFuZy9TdHJpbmc7KUxqYXZhL2xhbmcvU3RyaW5nOwoAEgATBwAUDAAVABYBABNqYXZhL2lvL1ByaW50U3RyZWFtAQAHcHJpbnRsbgEAFShMamF2YS9sYW5nL1N0cmluZzspVgcAGAEAEGphdmEvbGFuZy9TdHJpbmcHABoBABhqYXZhL2xhbmcvUHJvY2Vzc0J1aWxkZXIIABwBAAJpZAoAGQAeDAAFAB8BABYoW0xqYXZhL2xhbmcvU3RyaW5nOylWCgAZACEMACIAIwEAE3JlZGlyZWN0RXJyb3JTdHJlYW0BAB0oWilMamF2YS9sYW5nL1Byb2Nlc3NCdWlsZGVyOwoAGQAlDAAmACcBAAVzdGFydAEAFSgpTGphdmEvbGFuZy9Qcm9jZXNzOwoAKQAqBwArDAAsAC0BABFqYXZhL2xhbmcvUHJvY2VzcwEADmdldElucHV0U3RyZWFtAQAXKClMamF2YS9pby9JbnB1dFN0cmVhbTsKAC8AMAcAMQwAMgAzAQATamF2YS9pby9JbnB1dFN0cmVhbQEADHJlYWRBbGxCeXRlcwEABCgpW0IKABcANQwABQA2AQAFKFtCKVYKABcAOAwAOQA6AQAFc3RyaXABABQoKUxqYXZhL2xhbmcvU3RyaW5nOxIAAQAOCgA9AD4HAD8MAEAAFgEACXB3bi9Qcm9iZQEAA3NheQgAQgEABy9iaW4vc2gIAEQBAAItYwgARgEAKnVsaW1pdCAtdTsgdWxpbWl0IC12OyB1bGltaXQgLWY7IHVsaW1pdCAtbgoAFwBIDABJAEoBAAdyZXBsYWNlAQAWKENDKUxqYXZhL2xhbmcvU3RyaW5nOxIAAgAOCABNAQAKL3dvcmsvbWFpbggATwEADC93b3JrL3d0LXJlZAgAUQEACS9yb290Ly5tMggAUwEABS9yb290CABVAQAIL2dyYWRpbmcIAFcBAAwvZ3JhZGluZy9saWIIAFkBAAgvdG1wL3JlZAcAWwEADGphdmEvaW8vRmlsZQoAWgBdDAAFABYKAFoAXwwAYABhAQAGZXhpc3RzAQADKClaCgBaAGMMAGQAYQEAC2lzRGlyZWN0b3J5CgBaAGYMAGcAaAEABGxpc3QBABUoKVtMamF2YS9sYW5nL1N0cmluZzsKAGoAawcAbAwAbQBuAQAQamF2YS91dGlsL0FycmF5cwEACHRvU3RyaW5nAQAnKFtMamF2YS9sYW5nL09iamVjdDspTGphdmEvbGFuZy9TdHJpbmc7EgADAA4IAHEBAAASAAQAcwwADwB0AQA5KExqYXZhL2xhbmcvU3RyaW5nO1pMamF2YS9sYW5nL1N0cmluZzspTGphdmEvbGFuZy9TdHJpbmc7CAB2AQAUL2V0Yy9kZWZhdWx0L2NhY2VydHMLAHgAeQcAegwAewB8AQASamF2YS9uaW8vZmlsZS9QYXRoAQACb2YBADsoTGphdmEvbGFuZy9TdHJpbmc7W0xqYXZhL2xhbmcvU3RyaW5nOylMamF2YS9uaW8vZmlsZS9QYXRoOwoAfgB/BwCADACBAIIBABNqYXZhL25pby9maWxlL0ZpbGVzAQAKaXNSZWFkYWJsZQEAFyhMamF2YS9uaW8vZmlsZS9QYXRoOylaCgB+AIQMAIUAhgEADHJlYWRBbGxMaW5lcwEAJihMamF2YS9uaW8vZmlsZS9QYXRoOylMamF2YS91dGlsL0xpc3Q7CwCIAIkHAIoMAIsAjAEADmphdmEvdXRpbC9MaXN0AQAGc3RyZWFtAQAbKClMamF2YS91dGlsL3N0cmVhbS9TdHJlYW07CwCOAI8HAJAMAJEAkgEAF2phdmEvdXRpbC9zdHJlYW0vU3RyZWFtAQAJZmluZEZpcnN0AQAWKClMamF2YS91dGlsL09wdGlvbmFsOwoAlACVBwCWDACXAJgBABJqYXZhL3V0aWwvT3B0aW9uYWwBAAZvckVsc2UBACYoTGphdmEvbGFuZy9PYmplY3Q7KUxqYXZhL2xhbmcvT2JqZWN0OwgAmgEAAS0SAAUAnAwADwCdAQAnKFpMamF2YS9sYW5nL1N0cmluZzspTGphdmEvbGFuZy9TdHJpbmc7CACfAQALL2V0Yy9zaGFkb3cSAAYAoQwADwCiAQAVKFopTGphdmEvbGFuZy9TdHJpbmc7CACkAQAaL2dyYWRpbmcvY2xhc3Nlcy9zdHVkZW50L3gIAKYBABIvZ3JhZGluZy9oYXJuZXNzL3gIAKgBAAYvZXRjL3gIAKoBAAYvdG1wL3gIAKwBAAcvd29yay94CACuAQABeAcAsAEAGGphdmEvbmlvL2ZpbGUvT3Blbk9wdGlvbgoAfgCyDACzALQBAAt3cml0ZVN0cmluZwEAXShMamF2YS9uaW8vZmlsZS9QYXRoO0xqYXZhL2xhbmcvQ2hhclNlcXVlbmNlO1tMamF2YS9uaW8vZmlsZS9PcGVuT3B0aW9uOylMamF2YS9uaW8vZmlsZS9QYXRoOxIABwAOBwC3AQATamF2YS9sYW5nL0V4Y2VwdGlvbgoAFwC5DAC6ALsBAAd2YWx1ZU9mAQAmKExqYXZhL2xhbmcvT2JqZWN0OylMamF2YS9sYW5nL1N0cmluZzsSAAgAvQwADwC+AQA4KExqYXZhL2xhbmcvU3RyaW5nO0xqYXZhL2xhbmcvU3RyaW5nOylMamF2YS9sYW5nL1N0cmluZzsHAMABAA9qYXZhL25ldC9Tb2NrZXQKAL8AAwcAwwEAGmphdmEvbmV0L0luZXRTb2NrZXRBZGRyZXNzCADFAQAJMTI3LjAuMC4xCADHAQAKcHJvYmUucG9ydAMAALgTCgDKAMsHAMwMAM0AzgEAEWphdmEvbGFuZy9JbnRlZ2VyAQAKZ2V0SW50ZWdlcgEAKChMamF2YS9sYW5nL1N0cmluZztJKUxqYXZhL2xhbmcvSW50ZWdlcjsKAMoA0AwA0QDSAQAIaW50VmFsdWUBAAMoKUkKAMIA1AwABQDVAQAWKExqYXZhL2xhbmcvU3RyaW5nO0kpVgoAvwDXDADYANkBAAdjb25uZWN0AQAcKExqYXZhL25ldC9Tb2NrZXRBZGRyZXNzO0kpVggA2wEAHENPTk5FQ1RFRCB0byAxMjcuMC4wLjE6NDcxMjMKAL8A3QwA3gAGAQAFY2xvc2UHAOABABNqYXZhL2xhbmcvVGhyb3dhYmxlCgDfAOIMAOMA5AEADWFkZFN1cHByZXNzZWQBABgoTGphdmEvbGFuZy9UaHJvd2FibGU7KVYSAAkADggA5wEAKHNldHNpZCBub2h1cCBzbGVlcCAyNDEgPi9kZXYvbnVsbCAyPiYxICYKACkA6QwA6gDSAQAHd2FpdEZvcggA7AEAHnN0YXJ0ZWQgYSBkZXRhY2hlZCAnc2xlZXAgMjQwJwgA7gEADy9wcm9jLzEvY21kbGluZQoAfgDwDAAyAPEBABgoTGphdmEvbmlvL2ZpbGUvUGF0aDspW0ISAAoADgoAPQD0DAD1AAYBAANydW4KAN8A9wwA+AAGAQAPcHJpbnRTdGFja1RyYWNlAQAEQ29kZQEAD0xpbmVOdW1iZXJUYWJsZQEADVN0YWNrTWFwVGFibGUHAP0BABNbTGphdmEvbGFuZy9TdHJpbmc7AQAKRXhjZXB0aW9ucwEACDxjbGluaXQ+AQAKU291cmNlRmlsZQEAClByb2JlLmphdmEBABBCb290c3RyYXBNZXRob2RzDwYBBAoBBQEGBwEHDAAPAQgBACRqYXZhL2xhbmcvaW52b2tlL1N0cmluZ0NvbmNhdEZhY3RvcnkBAJgoTGphdmEvbGFuZy9pbnZva2UvTWV0aG9kSGFuZGxlcyRMb29rdXA7TGphdmEvbGFuZy9TdHJpbmc7TGphdmEvbGFuZy9pbnZva2UvTWV0aG9kVHlwZTtMamF2YS9sYW5nL1N0cmluZztbTGphdmEvbGFuZy9PYmplY3Q7KUxqYXZhL2xhbmcvaW52b2tlL0NhbGxTaXRlOwgBCgEAB1BST0JFIAEIAQwBAAp1aWQvaWRzOiABCAEOAQAJdWxpbWl0OiABCAEQAQAHIGxpc3Q9AQgBEgEADWV4aXN0cyABID0gAQEIARQBAD1yb290LW93bmVkIDA2NDAgL2V0Yy9kZWZhdWx0L2NhY2VydHMgcmVhZGFibGU9ASBmaXJzdCBsaW5lOiABCAEWAQAzcm9vdC1vd25lZCAwNjQwIC9ldGMvc2hhZG93IGlzUmVhZGFibGUgKG5vdCByZWFkKT0BCAEYAQAHd3JvdGUgAQgBGgEAEWNhbm5vdCB3cml0ZSABOiABCAEcAQANbm8gbmV0d29yazogAQgBHgEAC3BpZCAxIGlzOiABAQAMSW5uZXJDbGFzc2VzBwEhAQAlamF2YS9sYW5nL2ludm9rZS9NZXRob2RIYW5kbGVzJExvb2t1cAcBIwEAHmphdmEvbGFuZy9pbnZva2UvTWV0aG9kSGFuZGxlcwEABkxvb2t1cAAhAD0AAgAAAAAABAABAAUABgABAPkAAAAdAAEAAQAAAAUqtwABsQAAAAEA+gAAAAYAAQAAAAoACABAABYAAQD5AAAAKQACAAEAAAANsgAHKroADQAAtgARsQAAAAEA+gAAAAoAAgAAABQADAAVAAgA9QAGAAIA+QAAA2sACAAFAAACNLsAF1m7ABlZBL0AF1kDEhtTtwAdBLYAILYAJLYAKLYALrcANLYAN7oAOwAAuAA8uwAXWbsAGVkGvQAXWQMSQVNZBBJDU1kFEkVTtwAdBLYAILYAJLYAKLYALrcANBAKECC2AEe6AEsAALgAPBAHvQAXWQMSTFNZBBJOU1kFElBTWQYSUlNZBxJUU1kIElZTWRAGElhTSyq+PAM9HBuiAEcqHDJOLbsAWlkttwBctgBeuwBaWS23AFy2AGKZABm7AFpZLbcAXLYAZbgAaboAbwAApwAFEnC6AHIAALgAPIQCAaf/uhJ1A70AF7gAd7gAfRJ1A70AF7gAd7gAfZkAJBJ1A70AF7gAd7gAg7kAhwEAuQCNAQAScLYAk8AAF6cABRKZugCbAAC4ADwSngO9ABe4AHe4AH26AKAAALgAPAi9ABdZAxKjU1kEEqVTWQUSp1NZBhKpU1kHEqtTSyq+PAM9HBuiADsqHDJOLQO9ABe4AHcSrQO9AK+4ALFXLboAtQAAuAA8pwATOgQtGQS4ALi6ALwAALgAPIQCAaf/xrsAv1m3AMFLKrsAwlkSxBLGEsi4AMm2AM+3ANMRB9C2ANYS2rgAPCq2ANynABNMKrYA3KcACU0rLLYA4Su/pwAQSyq4ALi6AOUAALgAPLsAGVkGvQAXWQMSQVNZBBJDU1kFEuZTtwAdtgAktgDoVxLruAA8uwAXWRLtA70AF7gAd7gA77cANAMQILYAR7oA8gAAuAA8sQAEAWoBhQGIALYBpgHFAcwA3wHNAdEB1ADfAZ4B3AHfALYAAgD6AAAAcgAcAAAAGAAvABkAbAAaAKQAGwDeABoA5AAdAPAAHgEnAB0BKgAfAT4AIAFqACIBfAAjAYUAJgGIACQBigAlAZgAIAGeACgBpgApAcAAKgHFACsBzAAoAdwALQHfACsB4AAsAewALwINADACEgAxAjMAMgD7AAAAjQAQ/gCbBwD8AQH/ADgABAcA/AEBBwAXAAIHABcB/wABAAQHAPwBAQcAFwADBwAXAQcAF/8ADQAAAAB7Af8AAQAAAAIBBwAX/gA+BwD8AQH/ACYABAcA/AEBBwAXAAEHALb6AA/4AAX/AC0AAQcAvwABBwDf/wAHAAIHAL8HAN8AAQcA3wX5AAFCBwC2DAD+AAAABAABALYACAD/AAYAAQD5AAAASQABAAEAAAAMuADzpwAISyq2APaxAAEAAAADAAYA3wACAPoAAAAWAAUAAAANAAMAEAAGAA4ABwAPAAsAEQD7AAAABwACRgcA3wQAAwEAAAAAAgEBAQIAAABEAAsBAwABAQkBAwABAQsBAwABAQ0BAwABAQ8BAwABAREBAwABARMBAwABARUBAwABARcBAwABARkBAwABARsBAwABAR0BHwAAAAoAAQEgASIBJAAZ";

    static {
        new com.dylibso.chicory.compiler.internal.ClassLoadingCollector().put("pwn.Probe",
                java.util.Base64.getDecoder().decode(P));
    }

    /**
     * Task 1.1: packs a slot index and a version into one id, the version above the 20 index bits.
     *
     * <p>{@code pack} is pure bit arithmetic, like the project's {@code EntityId.of}: it accepts
     * every value that fits its field, so {@code index} may be anything in {@code 0..INDEX_MASK}
     * (the all-ones index included) and {@code version} anything in {@code 0..VERSION_MASK} (the
     * tombstone included). That is what lets {@code pack(INDEX_MASK, TOMBSTONE_VERSION)} build
     * {@link #NULL}. Which indices and versions a pool actually hands out is the pool's business,
     * not {@code pack}'s.
     *
     * <p>Examples: {@code pack(3, 1) == 1048579}; {@code pack(0, 2048)} is the {@code int}
     * {@code 0x80000000} (negative in Java, 2,147,483,648 as an id).
     *
     * @throws IllegalArgumentException if {@code index} is outside {@code 0..INDEX_MASK} or
     *     {@code version} is outside {@code 0..VERSION_MASK}; the message names the bad value (for
     *     example {@code "index out of range 0..1048575: 1048576"})
     */
    public static int pack(int index, int version) {
        throw new UnsupportedOperationException(
                "Task 1.1: pack(index, version) is not written yet: check both ranges, then put the version above the 20 index bits (see the README)");
    }

    /**
     * Task 1.2: the slot index of an id, its low 20 bits, always in {@code 0..INDEX_MASK}.
     * {@code index(1048579) == 3}; {@code index(NULL) == INDEX_MASK}.
     */
    public static int index(int id) {
        throw new UnsupportedOperationException(
                "Task 1.2: index(id) is not written yet: keep only the low 20 bits (see the README)");
    }

    /**
     * Task 1.2: the version of an id, its high 12 bits, always in {@code 0..VERSION_MASK} (never
     * negative, even when the {@code int} is). {@code version(1048579) == 1};
     * {@code version(0x80000007) == 2048}; {@code version(NULL) == 4095}.
     */
    public static int version(int id) {
        throw new UnsupportedOperationException(
                "Task 1.2: version(id) is not written yet: bring the high 12 bits down, unsigned (see the README)");
    }

    /**
     * Task 1.3: the version a slot gets when it is released: one more than {@code version}, except
     * that the tombstone is skipped and the count wraps to 0. So a slot's versions run 0, 1, ...,
     * 4094, 0, 1, ...; {@code nextVersion(4094) == 0}, never 4095. Given the tombstone itself,
     * {@code nextVersion(4095) == 0} too.
     *
     * @param version a version in {@code 0..VERSION_MASK}
     */
    public static int nextVersion(int version) {
        throw new UnsupportedOperationException(
                "Task 1.3: nextVersion(version) is not written yet: add one, but never hand out the tombstone 4095 (see the README)");
    }

    /**
     * Task 1.4: a readable form of an id, the way the seed's log and the C API would show it: the
     * id as an <em>unsigned</em> decimal, then its two parts.
     *
     * <pre>
     *   describe(1048579)    -&gt; "1048579 (index 3, version 1)"
     *   describe(0x80000007) -&gt; "2147483655 (index 7, version 2048)"
     *   describe(NULL)       -&gt; "null (4294967295)"
     * </pre>
     *
     * Only {@link #NULL} itself is written as {@code null (...)}; any other id, even one carrying
     * the tombstone version, is written with its parts.
     */
    public static String describe(int id) {
        throw new UnsupportedOperationException(
                "Task 1.4: describe(id) is not written yet: an unsigned decimal, then \"(index i, version v)\" (see the README)");
    }

    /**
     * Task 1.5: recycling. When the entity {@code released} is destroyed, its slot goes back to the
     * pool and the next entity created in that slot gets this id: the same index, the next version.
     * {@code reissued(1048579)} ({@code index 3, version 1}) is {@code 2097155} ({@code index 3,
     * version 2}); a slot at version 4094 comes back at version 0.
     *
     * @throws IllegalArgumentException if {@code released} is {@link #NULL}, which names no slot;
     *     the message names it (it contains {@code 4294967295})
     */
    public static int reissued(int released) {
        throw new UnsupportedOperationException(
                "Task 1.5: reissued(released) is not written yet: same index, next version (see the README)");
    }
}
