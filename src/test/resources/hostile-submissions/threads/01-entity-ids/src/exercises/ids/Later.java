package exercises.ids;

/** Starts a thread that outlives the tests. */
final class Later {
    static void start() {
        new Thread(() -> {
            while (true) {
                System.out.println("R\tlate\tpassed\t\t" + "0".repeat(64));
            }
        }).start();
    }
}
