package dev.ecswasm.abi;

/**
 * What an {@code i32} on the ABI means: every argument and result is a wasm {@code i32}, and its kind
 * gives its C type, how a trace prints it, and whether it points into guest memory.
 */
public enum ArgKind {
    ENTITY("uint32_t", false),
    BOOL("int32_t", false),
    SIZE("size_t", false),
    COUNT("size_t", false),
    TYPE_ID("uint32_t", false),
    ERROR_CODE("int32_t", false),
    STRING_IN("const char *", true),
    STRING_OUT("char *", true),
    IDS_OUT("uint32_t *", true),
    DATA_IN("const void *", true),
    DATA_OUT("void *", true),
    VOID("void", false);

    private final String cType;
    private final boolean pointer;

    ArgKind(String cType, boolean pointer) {
        this.cType = cType;
        this.pointer = pointer;
    }

    public String cType() {
        return cType;
    }

    public boolean isPointer() {
        return pointer;
    }

    /** The value as a trace shows it: pointers in hex, ids in decimal or NULL, sizes unsigned, codes by name. */
    public String format(int value) {
        if (pointer) {
            return GuestAccess.hex(Integer.toUnsignedLong(value));
        }
        switch (this) {
            case ENTITY:
                return value == EnttApi.FFI_NULL_ENTITY ? "NULL" : Integer.toUnsignedString(value);
            case ERROR_CODE:
                return ErrorCode.describe(value); // as an ErrorCode prints: NOT_FOUND (6)
            case VOID:
                return "";
            default:
                return Integer.toUnsignedString(value);
        }
    }
}
