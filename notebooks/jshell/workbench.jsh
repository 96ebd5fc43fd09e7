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

// The current world is world(), and only that: no variable holds it, so after newWorld() nothing
// can still point at the old one (world.createEntity() is "cannot find symbol"; write world()).

System.out.println("ECS-Wasm Workbench: a world is ready as world() and plugin() loads on first use. Try show(world()); type tour() for what to try at each layer.");
