package dev.ecswasm.grader;

/** Says every test passed. */
public final class TestJvm {
    public static void main(String[] args) {
        System.out.println("R\tall\tpassed\t\t0000");
    }
}
