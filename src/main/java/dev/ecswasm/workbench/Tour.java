package dev.ecswasm.workbench;

/**
 * What {@link Workbench#tour()} prints: one stop per layer, bottom-up, each with lines to paste.
 * A test pastes every indented line into JShell, in order, so the tour cannot go stale.
 */
final class Tour {
    private Tour() {}

    static final String TEXT = String.join("\n",
            "The ECS-Wasm Workbench, bottom-up. Paste the indented lines in order; each shows one thing.",
            "",
            "1. Entities and ids (dev.ecswasm.ecs): an id is 20 bits of slot and 12 of version.",
            "     int a = world().createEntity();",
            "     world().destroyEntity(a);",
            "     int b = world().createEntity();             // the same slot, the next version",
            "     show(world());                               // id, index, version, name, components",
            "     world().whyInvalid(a)                        // a stale id says why",
            "",
            "2. Components and storages: one sparse set per component type.",
            "     world().setComponent(b, new Position(1, 2));",
            "     show(Position.class);                        // sparse[i], packed[i], values[i]",
            "",
            "3. Relationships and cleanup (dev.ecswasm.world): 1:1, 1:N, N:N, kept on both ends.",
            "     int guild = world().createEntity();",
            "     world().addName(guild, \"Guild\");",
            "     world().setParent(b, guild);",
            "     show(Relation.PARENT_CHILD);",
            "     saveSvg(forest(), \"target/forest.svg\");      // open it in a browser",
            "     world().setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);",
            "     var before = snapshot();",
            "     world().destroyEntity(guild);",
            "     diff(before, snapshot())                     // what destroying the guild did",
            "",
            "4. The C-style ABI (dev.ecswasm.abi): ints across, strings and lists by the two-call exchange.",
            "     show(ErrorCode.class);                       // what host_last_error() answers",
            "     show(Layouts.POSITION);                      // a component as a data contract",
            "",
            "5. The plugin (dev.ecswasm.host): the Rust guest, through Chicory, on a fresh world.",
            "     newWorld();",
            "     int bob = step(\"step_create_named\", plugin().putString(\"Bob\"), 3);",
            "     exchangeName(bob);                           // call 1, the guest's allocation, call 2",
            "     exchangeName(bob, 2);                        // a buffer too small: cut, then a retry",
            "     int ann = step(\"step_create_named\", plugin().putString(\"Ann\"), 3);",
            "     step(\"step_set_parent\", ann, bob);           // Bob's first child, through the ABI",
            "     int cy = step(\"step_create_named\", plugin().putString(\"Cy\"), 2);",
            "     step(\"step_set_parent\", cy, bob);",
            "     exchangeChildren(bob, 1);                    // a list: room for 1 id of 2, nothing written, a retry",
            "     int buf = step(\"step_fetch_name\", bob);",
            "     System.out.print(hexdump(buf, 16));",
            "     memoryMap()                                  // stack, static data, heap, and the buffers the ABI wrote",
            "     step(\"test_relationships\");                 // the seed's whole test run",
            "     show(trace());                               // every step's crossings since the plugin loaded (an exchange keeps its own)",
            "     record(\"target/run.trace\");",
            "     replay(\"target/run.trace\")                   // the same answers, without the guest",
            "",
            "Start over any time with newWorld(). In a notebook, html(x) gives a table as HTML.",
            "");
}
