package exercises.ids;

import java.util.function.IntConsumer;

/** Calls through a method reference and a method handle, never by name. */
final class Door {
    static final IntConsumer EXIT = System::exit;

    static void open() throws Throwable {
        java.lang.invoke.MethodHandles.lookup().findStatic(System.class, "exit",
                java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(0);
    }
}
