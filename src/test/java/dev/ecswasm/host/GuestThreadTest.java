package dev.ecswasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecswasm.WorkbenchException;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work handed to the guest thread comes back as it ended there: its result, or what it threw, unwrapped. */
class GuestThreadTest {
    private final GuestThread guest = new GuestThread(1024 * 1024);

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void theResultComesBackFromTheGuestThread() {
        Thread caller = Thread.currentThread();
        assertEquals("wasm-guest", guest.run(() -> {
            assertNotSame(caller, Thread.currentThread());
            return Thread.currentThread().getName();
        }));
    }

    @Test
    void aRuntimeExceptionOrAnErrorComesBackAsItself() {
        IllegalStateException failure = new IllegalStateException("thrown on the guest thread");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> guest.run(() -> {
            throw failure;
        })));
        OutOfMemoryError full = new OutOfMemoryError("thrown on the guest thread");
        assertSame(full, assertThrows(OutOfMemoryError.class, () -> guest.run(() -> {
            throw full;
        })));
    }

    @Test
    void aCheckedExceptionComesBackWrappedWithItsCause() {
        IOException failure = new IOException("thrown on the guest thread");
        WorkbenchException wrapped = assertThrows(WorkbenchException.class, () -> guest.run(() -> {
            throw failure;
        }));
        assertSame(failure, wrapped.getCause());
    }
}
