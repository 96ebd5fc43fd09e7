// Layer 3, dev.ecswasm.abi: the seed's entt_api.h as Java. Every call takes ints; strings and lists
// cross through guest memory. Here Java plays the guest, in a plain byte array, with no Wasm at all.

// 1. Bind the C API to the current world (the seed's lambdas capturing manager_ptr) and trace it.
var memory = ByteArrayGuestMemory.ofPages(1);
var api = BoundApi.of(world());
var calls = api.startTrace();
int alice = api.call("host_create_entity", memory);

// 2. A string in: the guest writes UTF-8 bytes and passes (ptr, len); no NUL needed.
byte[] name = "Alice".getBytes(java.nio.charset.StandardCharsets.UTF_8);
memory.write(64, name);
api.call("host_add_name", memory, alice, 64, name.length);

// 3. A string out, the two-call exchange: call 1 asks the size (NUL included), call 2 copies.
int needed = api.call("host_get_name", memory, alice, 0, 0);
api.call("host_get_name", memory, alice, 256, needed);
System.out.print(HexDump.of(memory, 256, 16));

// 4. A buffer too small: the host writes what fits, NUL-terminated ("Al"), still returns the size
//    needed, and host_last_error says why.
api.call("host_get_name", memory, alice, 512, 3);
System.out.println(ErrorCode.describe(api.call("host_last_error", memory)));
System.out.print(HexDump.of(memory, 512, 16));

// 5. A list out: host_find_children counts elements; the ids are little-endian u32s.
int kid = api.call("host_create_entity", memory);
api.call("host_set_parent", memory, kid, alice);
int count = api.call("host_find_children", memory, alice, 0, 0);
api.call("host_find_children", memory, alice, 1024, count);
System.out.print(HexDump.of(memory, 1024, 4 * count));

// 6. Failures are codes, not exceptions: a stale id gets FFI_NULL_ENTITY back, and the last error says why.
api.call("host_destroy_entity", memory, kid);
System.out.println("parent of the destroyed kid: " + Integer.toUnsignedString(api.call("host_get_parent", memory, kid))
        + ", " + ErrorCode.describe(api.call("host_last_error", memory)));
show(ErrorCode.class);

// 7. Components cross as raw bytes laid out by a data contract.
show(Layouts.POSITION);
memory.write(2048, Layouts.POSITION.encode(new Position(1.5f, -2f)));
api.call("host_set_component", memory, alice, Layouts.POSITION.typeId(), 2048, Layouts.POSITION.size());
System.out.println(world().getComponent(alice, Position.class));

// 8. Every crossing, and the bytes the host wrote.
show(calls);
show(AbiTables.memoryTraffic(calls));
