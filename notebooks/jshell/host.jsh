// Layer 4, dev.ecswasm.host: the seed's WasmHost, on Chicory. The Rust plugin (committed as
// ecs_plugin.wasm) drives the current world through the same ABI, one export at a time.

// 1. Load the bundled plugin on the current world, compiled to JVM bytecode.
//    plugin(ExecutionMode.INTERPRETER) runs the same module on Chicory's interpreter.
System.out.println(plugin());
System.out.println(plugin().module().exportedFunctions());

// 2. The host puts a string into guest memory; the guest creates and names an entity.
int bob = step("step_create_named", plugin().putString("Bob"), 3);

// 3. The two-call exchange as the guest makes it: ask the size, allocate, fetch.
int buf = step("step_fetch_name", bob);
System.out.print(hexdump(buf, 16));
System.out.println(plugin().readCString(buf));

// 4. Relations from the guest: a parent and two children, then the list read back.
int guild = step("step_create_named", plugin().putString("Guild"), 5);
step("step_set_parent", bob, guild);
int ann = step("step_create_named", plugin().putString("Ann"), 3);
step("step_set_parent", ann, guild);
step("step_count_children", guild);
show(Relation.PARENT_CHILD);

// 5. The same two exchanges step by step, with the guest's addresses and bytes at each step:
//    a name, and the children into room for one id, too few, so the guest asks again.
System.out.println(exchangeName(bob));
show(exchangeChildren(guild, 1));

// 6. A guest that misbehaves traps; the host says why and the world stays as it was.
try {
    step("step_bad_pointer", bob);
} catch (PluginTrap trap) {
    System.out.println("trapped: " + trap.getMessage());
}

// 7. Where those bytes live: the guest's memory as regions, the ABI's recent writes marked;
//    and the hierarchy as a picture to open in a browser.
show(memoryMap());
saveSvg(memoryBar(), "target/memory.svg");
saveSvg(forest(), "target/forest.svg");

// 8. A whole relation in one crossing pair (the batched read), and the world the guest built.
//    Next, paste: step("test_relationships")  (the seed's whole run, over 200 crossings), show(trace())
step("step_read_hierarchy");
show(world());
