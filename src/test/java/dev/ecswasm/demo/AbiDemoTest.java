package dev.ecswasm.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbiDemoTest {

    @Test
    void theDemoShowsTheTwoCallExchangeByteByByte() {
        String out = Captured.stdout(() -> AbiDemo.main(new String[0]));
        for (String expected : new String[] {
                "[Guest] host_get_name(0, 0, 0) = 6 bytes, NUL included",
                "0x00002000  00 00 00 00 00 00 00 00",
                "0x00002000  41 6C 69 63 65 00 00 00  00 00 00 00 00 00 00 00  |Alice...........|",
                "0x00003000  5A 6F 00 00",
                "last error INVALID_ENTITY",
                "[Guest] trap: host_get_name: name buffer [0x0000FFFC, +16) runs past the end of guest memory",
                "write 0x00002000 +6",
                "00 00 00 00 00 00  |  41 6C 69 63 65 00"}) {
            assertTrue(out.contains(expected), "demo output lacks: " + expected + "\n" + out);
        }
    }
}
