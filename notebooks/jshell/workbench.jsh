// The workbench's common start. ./workbench loads it after JShell's DEFAULT imports (java.util.*
// and friends), then the layer script you named, if any.

// Every layer's public classes by their simple names (no two layers share one).
import dev.ecswasm.ecs.*;
import dev.ecswasm.world.*;
import dev.ecswasm.abi.*;
import dev.ecswasm.host.*;
import dev.ecswasm.workbench.*;

// The facade: world(), plugin(), step(...), show(x), hexdump(ptr, len), tour(), ... unqualified.
import static dev.ecswasm.workbench.Workbench.*;

// The current world as a variable too, so show(world) reads naturally. newWorld() starts over:
// write world = newWorld() to keep the variable on the new one.
EnttManager world = world();

System.out.println("ECS-Wasm Workbench: a world is ready and plugin() loads on first use. Try show(world); type tour() for what to try at each layer.");
