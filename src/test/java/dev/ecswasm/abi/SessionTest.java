package dev.ecswasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.ecswasm.world.EnttManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What belongs to one handle stays with it: its last error and the string bytes it sends out. */
class SessionTest {
    private static final int BUF = 0x100;

    private static String fetchName(EnttApi api, int handle, GuestMemory memory, int entity) {
        int needed = api.getName(handle, memory, entity, 0, 0);
        assertEquals(needed, api.getName(handle, memory, entity, BUF, needed));
        return new String(memory.read(BUF, needed - 1), StandardCharsets.UTF_8);
    }

    @Test
    void twoHandlesOnTwoWorldsInterleavingTheirExchangesEachGetTheirOwnName() {
        EnttApi api = new EnttApi();
        EnttManager north = new EnttManager();
        EnttManager south = new EnttManager();
        int n = north.createEntity();
        int s = south.createEntity();
        north.addName(n, "Nora");
        south.addName(s, "Sami");
        int northHandle = api.open(north);
        int southHandle = api.open(south);
        GuestMemory memory = ByteArrayGuestMemory.ofPages(1);

        assertEquals(5, api.getName(northHandle, memory, n, 0, 0)); // north's call 1 ...
        assertEquals(5, api.getName(southHandle, memory, s, 0, 0)); // ... south's call 1 in between ...
        assertEquals(5, api.getName(northHandle, memory, n, BUF, 5)); // ... then north's call 2
        assertEquals("Nora", new String(memory.read(BUF, 4), StandardCharsets.UTF_8));
        assertEquals(5, api.getName(southHandle, memory, s, BUF, 5));
        assertEquals("Sami", new String(memory.read(BUF, 4), StandardCharsets.UTF_8));
    }

    @Test
    void twoHandlesOnTwoThreadsNeverSeeEachOthersNameBytes() throws InterruptedException {
        EnttApi api = new EnttApi(); // one API, as one host process would have, with two handles
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (String name : new String[] {"a".repeat(40), "b".repeat(40)}) {
            EnttManager world = new EnttManager();
            int entity = world.createEntity();
            world.addName(entity, name);
            int handle = api.open(world);
            GuestMemory memory = ByteArrayGuestMemory.ofPages(1); // each guest has its own memory
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 100_000 && wrong.get() == null; i++) {
                        String seen = fetchName(api, handle, memory, entity);
                        if (!seen.equals(name)) {
                            wrong.compareAndSet(null, "call " + i + " on the " + name.charAt(0) + " world read " + seen);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(null, wrong.get(), "a shared string cache let one handle's bytes through to another");
    }

    @Test
    void eachHandleKeepsItsOwnLastErrorAndStringCache() {
        ManagerHandles handles = new ManagerHandles();
        Session north = handles.resolve(handles.open(new EnttManager()));
        Session south = handles.resolve(handles.open(new EnttManager()));
        assertNotSame(north.sent, south.sent);
        north.errors.fail(ErrorCode.NOT_FOUND, "nothing here", 0);
        assertEquals(ErrorCode.OK, south.errors.code());
    }
}
