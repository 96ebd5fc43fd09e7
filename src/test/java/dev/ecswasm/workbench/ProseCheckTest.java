package dev.ecswasm.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProseCheckTest {

    @Test
    void aClaimThatHoldsIsPrintedWithACheckMark() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Workbench.check("entity 1 is 01 00 00 00", new byte[] {1, 0, 0, 0}, new byte[] {1, 0, 0, 0});
            Workbench.check("the name needs 4 bytes", 4, 4L);
        } finally {
            System.setOut(original);
        }
        assertEquals("\u2713 entity 1 is 01 00 00 00\n\u2713 the name needs 4 bytes\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClaimTheOutputNoLongerBearsOutFailsNamingBoth() {
        ProseMismatch bytes = assertThrows(ProseMismatch.class,
                () -> Workbench.check("entity 2 is 02 00 00 00", new byte[] {2, 0, 0, 0}, new byte[] {1, 0, 0, 0}));
        assertEquals("the text says entity 2 is 02 00 00 00: it expects 02 00 00 00, but the output shows 01 00 00 00",
                bytes.getMessage());
        ProseMismatch text = assertThrows(ProseMismatch.class, () -> Workbench.check("it is the compiled plugin",
                "COMPILED", "INTERPRETER"));
        assertEquals("the text says it is the compiled plugin: it expects \"COMPILED\", but the output shows \"INTERPRETER\"",
                text.getMessage());
        assertThrows(ProseMismatch.class, () -> Workbench.check("4 bytes", 4, 5L));
        assertThrows(ProseMismatch.class, () -> Workbench.check("4 bytes", 4, 4.5));
    }
}
