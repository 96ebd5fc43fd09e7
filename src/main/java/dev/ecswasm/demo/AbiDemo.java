package dev.ecswasm.demo;

import dev.ecswasm.abi.AbiTrace;
import dev.ecswasm.abi.AbiTrap;
import dev.ecswasm.abi.ByteArrayGuestMemory;
import dev.ecswasm.abi.ErrorCode;
import dev.ecswasm.abi.GuestMemory;
import dev.ecswasm.abi.BoundApi;
import dev.ecswasm.abi.Layouts;
import dev.ecswasm.workbench.AbiTables;
import dev.ecswasm.workbench.HexDump;
import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;

/**
 * The ABI on its own: Java plays the guest, calling the imports by name against one page of real
 * Chicory memory, so each step of the two-call exchange can be seen byte by byte.
 */
public final class AbiDemo {
    private AbiDemo() {}

    public static void main(String[] args) {
        EnttManager world = new EnttManager().setLogSink(System.out::println);
        BoundApi host = BoundApi.of(world);
        GuestMemory memory = ByteArrayGuestMemory.ofPages(1);
        AbiTrace trace = host.startTrace();

        section("The guest sends a name: bytes in its memory, then (ptr, len)");
        int alice = host.call("host_create_entity", memory);
        byte[] name = "Alice".getBytes(StandardCharsets.UTF_8);
        memory.write(0x1000, name);
        host.call("host_add_name", memory, alice, 0x1000, name.length);

        section("Call 1: (0, 0) asks only for the size");
        int needed = host.call("host_get_name", memory, alice, 0, 0);
        say("host_get_name(" + alice + ", 0, 0) = " + needed + " bytes, NUL included");

        section("The guest allocates " + needed + " bytes at 0x00002000; before call 2 they are:");
        System.out.print(HexDump.of(memory, 0x2000, 16));

        section("Call 2: (0x00002000, " + needed + ") copies the name in");
        host.call("host_get_name", memory, alice, 0x2000, needed);
        System.out.print(HexDump.of(memory, 0x2000, 16));

        section("A buffer too small: truncated on a character boundary, NUL-terminated, full size returned");
        int zoe = host.call("host_create_entity", memory);
        byte[] zoeName = "Zoë".getBytes(StandardCharsets.UTF_8);
        memory.write(0x1000, zoeName);
        host.call("host_add_name", memory, zoe, 0x1000, zoeName.length);
        say("host_get_name(zoe, 0x00003000, 4) = " + host.call("host_get_name", memory, zoe, 0x3000, 4)
                + ", last error " + ErrorCode.describe(host.call("host_last_error", memory)));
        System.out.print(HexDump.of(memory, 0x3000, 16));

        section("A stale id: 0 again, but the last error says why");
        host.call("host_destroy_entity", memory, zoe);
        say("host_get_name(stale, 0, 0) = " + host.call("host_get_name", memory, zoe, 0, 0)
                + ", last error " + ErrorCode.describe(host.call("host_last_error", memory)));

        section("A pointer past the end of memory traps before a byte moves");
        try {
            host.call("host_get_name", memory, alice, 0xFFFC, 16);
        } catch (AbiTrap trap) {
            say("trap: " + trap.getMessage());
        }

        section("Components as data contracts");
        System.out.println(AbiTables.layout(Layouts.POSITION).printAll());
        System.out.println(AbiTables.layout(Layouts.HEALTH).printAll());
        System.out.println(AbiTables.errorCodes().printAll());

        section("Every crossing, as the trace saw it");
        System.out.println(AbiTables.crossings(trace).printAll());
        System.out.println(AbiTables.memoryTraffic(trace).printAll());
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("--- " + title + " ---");
    }

    private static void say(String line) {
        System.out.println("[Guest] " + line);
    }
}
