package dev.ecswasm.workbench;

import dev.ecswasm.abi.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What differs between the two exchanges {@link Exchange} walks: a string's bytes, or a list of ids. */
enum ExchangeKind {
    /** {@code host_get_name}: a NUL-terminated UTF-8 string, cut on a character boundary when too long. */
    NAME("host_get_name", "step_name_size", "step_get_name_into", 1) {
        @Override
        String subject(String id) {
            return "the name of entity " + id;
        }

        @Override
        String sizeNote(int needed) {
            return needed == 0 ? "no name to fetch, so the exchange ends here"
                    : needed + " bytes needed, the NUL included; nothing written";
        }

        @Override
        String nothing(ErrorCode error) {
            return "no name (" + error + ")";
        }

        @Override
        String copyNote(byte[] after, int answered, int room) {
            if (answered <= room) {
                return "copied " + decode(after, answered) + " and its NUL";
            }
            if (room == 0) {
                return "buffer too small: not even the NUL fits, nothing written; " + answered
                        + " is the size needed, so the guest retries";
            }
            return "buffer too small: cut on a character boundary to " + decode(after, room)
                    + ", still NUL-terminated; " + answered + " is the size needed, so the guest retries";
        }

        @Override
        String decode(byte[] buffer, int size) {
            int end = 0;
            while (end < buffer.length && buffer[end] != 0) {
                end++;
            }
            return "\"" + new String(buffer, 0, end, StandardCharsets.UTF_8) + "\"";
        }
    },

    /** {@code host_find_children}: a list of u32 ids, written whole or not at all. */
    CHILDREN("host_find_children", "step_find_children_size", "step_find_children_into", 4) {
        @Override
        String subject(String id) {
            return "the children of entity " + id;
        }

        @Override
        String sizeNote(int needed) {
            return needed == 0 ? "no children to fetch, so the exchange ends here"
                    : "room for " + needed + (needed == 1 ? " id" : " ids") + " needed; nothing written";
        }

        @Override
        String nothing(ErrorCode error) {
            return error == ErrorCode.OK ? "no children" : "no children (" + error + ")";
        }

        @Override
        String copyNote(byte[] after, int answered, int room) {
            if (answered <= room) {
                return "copied " + answered + (answered == 1 ? " id: " : " ids: ") + decode(after, answered);
            }
            return "buffer too small: nothing written; " + answered + " is the count, so the guest retries";
        }

        @Override
        String decode(byte[] buffer, int count) {
            ByteBuffer ids = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN); // as wasm32 stores a uint32_t
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                shown.add(Integer.toUnsignedString(ids.getInt()));
            }
            return shown.toString();
        }
    };

    final String function;
    final String sizeExport;
    final String intoExport;
    final int elementSize;

    ExchangeKind(String function, String sizeExport, String intoExport, int elementSize) {
        this.function = function;
        this.sizeExport = sizeExport;
        this.intoExport = intoExport;
        this.elementSize = elementSize;
    }

    /** E.g. {@code the name of entity 1}. */
    abstract String subject(String id);

    /** What call 1's answer means. */
    abstract String sizeNote(int needed);

    /** The result when there was nothing to fetch. */
    abstract String nothing(ErrorCode error);

    /** What call 2 did to the buffer, given the bytes after it and its answer. */
    abstract String copyNote(byte[] after, int answered, int room);

    /** The value in a buffer call 2 filled: {@code size} is its answer. */
    abstract String decode(byte[] buffer, int size);

    /** What the allocation step did, and whether it is on purpose smaller than what call 1 asked. */
    String allocationNote(int bytes, int room, int needed) {
        String note = "the guest's allocator reserved " + bytes + (bytes == 1 ? " byte" : " bytes");
        note = room < needed ? note + ": room for " + room + ", fewer than the " + needed + " needed, on purpose"
                : note + "; the host never allocates in guest memory";
        return note + " (the workbench filled them with AA, so every byte the host writes shows)";
    }
}
