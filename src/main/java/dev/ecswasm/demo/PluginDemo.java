package dev.ecswasm.demo;

import dev.ecswasm.host.ExecutionMode;
import dev.ecswasm.host.GuestStacks;
import dev.ecswasm.host.PluginModule;
import dev.ecswasm.host.PluginTrap;
import dev.ecswasm.host.WasmHost;
import dev.ecswasm.workbench.Tables;
import dev.ecswasm.world.EnttManager;
import dev.ecswasm.world.Invariants;
import java.util.List;
import java.util.Locale;

/**
 * The main demo, the seed's end-to-end run: the host loads the committed Rust plugin, the plugin's
 * {@code test_relationships} drives the world through the ABI, and host, guest and manager lines
 * interleave as they happen. Then the final tables. Exits non-zero if a check failed, the plugin
 * trapped, or the world ended inconsistent.
 *
 * <p>Argument: {@code compiled} (default) or {@code interpreter}.
 *
 * <p>It runs on a {@link GuestStacks} thread, which has the stack the host's guest code needs, so the
 * host builds and calls on it directly instead of handing each call to a guest thread of its own.
 */
public final class PluginDemo {
    private PluginDemo() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "compiled";
        int status = GuestStacks.call("plugin-demo", () -> run(mode));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the demo; returns the exit status (0 = everything passed). */
    static int run(String modeName) {
        ExecutionMode mode = ExecutionMode.valueOf(modeName.toUpperCase(Locale.ROOT));
        System.out.println("[Host Setup] Loading the bundled plugin (built from rust-plugin/)");
        PluginModule module = PluginModule.bundled();
        System.out.println("[Host Setup] " + module.describe() + ": " + module.exportedFunctions().size() + " exports, "
                + module.module().importSection().importCount() + " imports, " + module.style() + "-style module");
        EnttManager world = new EnttManager().setLogSink(System.out::println);
        System.out.println("[Host Main] Defining host functions: every ABI import in module env, each a closure"
                + " over this manager's handle");
        System.out.println("[Host Setup] Initializing WasmHost (" + mode + ")...");
        try (WasmHost host = WasmHost.builder(module).mode(mode).manager(world).echo(true).build()) {
            System.out.println("[Host Setup] WasmHost initialization complete.");
            System.out.println();
            System.out.println("--- Test: Running WASM Relationship Tests ---");
            int failed;
            try {
                failed = host.callInt("test_relationships");
            } catch (PluginTrap trap) {
                System.out.println("[Host Main] The plugin trapped: " + trap.getMessage());
                return 2;
            }
            System.out.println("[Host Main] WASM tests finished: " + failed + " check(s) failed.");
            System.out.println();
            System.out.println(Tables.entities(world).printAll());
            System.out.println(Tables.playerProfiles(world).printAll());
            System.out.println(Tables.parentChild(world).printAll());
            System.out.println(Tables.enrollments(world).printAll());
            List<String> broken = Invariants.violations(world);
            System.out.println(broken.isEmpty() ? "[Host Main] Invariants hold: no relation names a dead entity."
                    : "[Host Main] BROKEN: " + broken);
            System.out.println("[Host Main] Result: " + (failed == 0 && broken.isEmpty() ? "PASS" : "FAIL")
                    + " (" + failed + " failed check(s))");
            return failed == 0 && broken.isEmpty() ? 0 : 1;
        }
    }
}
