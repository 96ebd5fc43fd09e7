package dev.ecswasm.workbench;

/** What {@link Workbench#tour()} prints: one stop per layer, bottom-up, each with lines to paste. */
final class Tour {
    private Tour() {}

    static final String TEXT = String.join("\n",
            "The ECS-Wasm Workbench, bottom-up. Paste any line; each shows one thing.",
            "",
            "1. Entities and ids (dev.ecswasm.ecs): an id is 20 bits of slot and 12 of version.",
            "     int a = world().createEntity();",
            "     world().destroyEntity(a);",
            "     int b = world().createEntity();          // the same slot, the next version",
            "     show(world());                            // id, index, version, name, components",
            "     world().whyInvalid(a)                     // a stale id says why",
            "",
            "2. Components and storages: one sparse set per component type.",
            "     world().setComponent(b, new Position(1, 2));",
            "     show(Position.class);                     // sparse[i], packed[i], values[i]",
            "",
            "3. Relationships and cleanup (dev.ecswasm.world): 1:1, 1:N, N:N, kept on both ends.",
            "     int guild = world().createEntity();  world().addName(guild, \"Guild\");",
            "     world().setParent(b, guild);",
            "     show(Relation.PARENT_CHILD);",
            "     world().setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);",
            "     world().destroyEntity(guild);             // the cleanup log shows who went with it",
            "",
            "4. The C-style ABI (dev.ecswasm.abi): ints across, strings and lists by the two-call exchange.",
            "     show(ErrorCode.class);                    // what host_last_error() answers",
            "     show(Layouts.POSITION);                   // a component as a data contract",
            "",
            "5. The plugin (dev.ecswasm.host): the Rust guest, through Chicory.",
            "     plugin();                                 // load the bundled plugin on this world",
            "     int bob = step(\"step_create_named\", plugin().putString(\"Bob\"), 3);",
            "     int buf = step(\"step_fetch_name\", bob);  // the two calls, as the guest made them",
            "     System.out.print(hexdump(buf, 16));",
            "     show(trace());                            // every crossing since the plugin loaded",
            "     step(\"test_relationships\");              // the seed's whole test run",
            "",
            "Start over any time with newWorld(). In a notebook, html(x) gives the table as HTML.",
            "");
}
