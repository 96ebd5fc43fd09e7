package dev.ecswasm.abi;

import java.util.Collections;
import java.util.List;

/**
 * One function of the C API as a guest imports it (one declaration of {@code entt_api.h}): its name in
 * module {@code env}, its parameters and result (all wasm {@code i32}), what it does, and the body that
 * calls {@link EnttApi}.
 */
public record ApiFunction(String name, List<Param> params, ArgKind result, String doc, Body body) {

    /** A named parameter. */
    public record Param(String name, ArgKind kind) {
        /** Its C declaration, e.g. {@code char *buf}. */
        @Override
        public String toString() {
            String type = kind.cType();
            return type + (type.endsWith("*") ? "" : " ") + name;
        }
    }

    /**
     * Calls the C API for one crossing, one {@code int} per wasm {@code i32} argument; void functions
     * return 0.
     */
    @FunctionalInterface
    public interface Body {
        int call(EnttApi api, int handle, GuestMemory memory, int[] args);
    }

    /** False for a {@code void} function. */
    public boolean returnsValue() {
        return result != ArgKind.VOID;
    }

    /** The C prototype a guest declares, e.g. {@code size_t host_get_name(uint32_t entity, char *buf, size_t cap)}. */
    public String cPrototype() {
        StringBuilder out = new StringBuilder(result.cType()).append(' ').append(name).append('(');
        if (params.isEmpty()) {
            out.append("void");
        }
        for (int i = 0; i < params.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(params.get(i));
        }
        return out.append(')').toString();
    }

    /** Its C prototype, e.g. {@code size_t host_get_name(uint32_t entity, char *buf, size_t cap)}. */
    @Override
    public String toString() {
        return cPrototype();
    }

    /** The wasm signature, e.g. {@code (i32, i32, i32) -> i32}. */
    public String wasmSignature() {
        return "(" + String.join(", ", Collections.nCopies(params.size(), "i32")) + ") -> "
                + (returnsValue() ? "i32" : "()");
    }
}
