package dev.ecswasm.abi;

import dev.ecswasm.world.EnttManager;
import java.util.List;
import java.util.Objects;

/**
 * The C API bound to one manager handle: what the seed's {@code linker.func_new} lambdas are, each
 * capturing {@code manager_ptr}. A call names an {@link ApiFunction}, brings the guest's memory and
 * raw {@code i32} arguments, and gets the {@code i32} result. The host turns each function into a
 * Wasm host function; tests, demos and notebooks call them directly, by name.
 *
 * <p>With a trace started, every call is recorded with its memory traffic.
 */
public final class BoundApi {
    private final EnttApi api;
    private final int handle;
    private AbiTrace trace;

    /** Binds to a handle the API has opened. */
    public BoundApi(EnttApi api, int handle) {
        this.api = Objects.requireNonNull(api, "api");
        this.handle = handle;
    }

    /** Opens a fresh API on the manager and binds to its handle. */
    public static BoundApi of(EnttManager manager) {
        EnttApi api = new EnttApi();
        return new BoundApi(api, api.open(manager));
    }

    /** The C API the calls go to. */
    public EnttApi api() {
        return api;
    }

    /** The manager handle every call passes first. */
    public int handle() {
        return handle;
    }

    /** Every function a guest may import: {@link ApiFunctions#ALL}. */
    public List<ApiFunction> functions() {
        return ApiFunctions.ALL;
    }

    /** Calls a function by name, e.g. {@code call("host_get_name", memory, id, 0, 0)}. */
    public int call(String name, GuestMemory memory, int... args) {
        ApiFunction function = ApiFunctions.find(name)
                .orElseThrow(() -> new IllegalArgumentException("no ABI function named " + name));
        return invoke(function, memory, args);
    }

    /**
     * Runs one crossing. A trap comes out as {@link AbiTrap} naming the function.
     *
     * @throws IllegalArgumentException if the argument count does not match the signature
     */
    public int invoke(ApiFunction function, GuestMemory memory, int... args) {
        if (args.length != function.params().size()) {
            throw new IllegalArgumentException(function.name() + " takes " + function.params().size()
                    + " arguments, got " + args.length);
        }
        AbiTrace recording = trace;
        if (recording == null) {
            try {
                return function.body().call(api, handle, memory, args);
            } catch (AbiTrap trap) {
                throw trap.in(function.name());
            }
        }
        AbiTrace.Crossing crossing = recording.begin(function, args, memory.size());
        GuestMemory traced = new AbiTrace.Recording(memory, crossing);
        try {
            int result = function.body().call(api, handle, traced, args);
            recording.end(crossing, function.result().format(result), result, ErrorCode.ofCode(api.lastError(handle)), "");
            return result;
        } catch (AbiTrap trap) {
            recording.end(crossing, "", 0, null, trap.getMessage());
            throw trap.in(function.name());
        }
    }

    /** Starts recording every crossing into a fresh trace, and returns it. */
    public AbiTrace startTrace() {
        trace = new AbiTrace();
        return trace;
    }

    /** Stops recording; the trace keeps what it has. */
    public void stopTrace() {
        trace = null;
    }

    /** E.g. {@code BoundApi[handle 0x00000001 on EnttManager[...], tracing, 3 crossings]}. */
    @Override
    public String toString() {
        AbiTrace recording = trace;
        int seen = recording == null ? 0 : recording.crossings().size();
        return "BoundApi[handle " + api.describe(handle) + ", "
                + (recording == null ? "not tracing" : "tracing, " + seen + (seen == 1 ? " crossing" : " crossings")) + "]";
    }
}
