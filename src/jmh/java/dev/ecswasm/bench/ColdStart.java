package dev.ecswasm.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main demo as a whole process, timed from outside its JVM: from the start of {@code java ...
 * PluginDemo} to its exit, class loading, parsing, compiling and the plugin's run included. Every variant
 * (base and current, each mode) runs once unmeasured to warm the file cache, then they take turns, so a
 * machine that slows down for a while slows all of them alike; each variant's figure is its median.
 */
final class ColdStart {
    /** One way of starting the demo: the report's key for it, and the command line. */
    record Variant(String key, List<String> command) {}

    private ColdStart() {}

    static Variant demo(String key, String classpath, List<String> jvmOptions, String mode) {
        List<String> command = new ArrayList<>(List.of(BaseRun.javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "dev.ecswasm.demo.PluginDemo", mode));
        return new Variant(key, command);
    }

    /** Median wall milliseconds of each variant over {@code runs} runs, taken in turns. */
    static Map<String, Double> medians(List<Variant> variants, int runs) throws IOException, InterruptedException {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (Variant variant : variants) {
            once(variant);
            times.put(variant.key(), new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (Variant variant : variants) {
                times.get(variant.key()).add(once(variant));
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((key, list) -> medians.put(key, median(list)));
        return medians;
    }

    private static double once(Variant variant) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(variant.command())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IOException(variant.key() + " exited with " + exit + ": " + String.join(" ", variant.command()));
        }
        return millis;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
