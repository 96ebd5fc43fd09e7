// Layer 1, dev.ecswasm.ecs: the registry on its own (the seed's entt::registry), no names, no relations.
// Every variable stays for you to poke at; /vars lists them.

// 1. An entity is an int: 20 bits of slot index, 12 bits of version.
var registry = new Registry();
int a = registry.create();
int b = registry.create();
System.out.println("a = " + EntityId.describe(a) + ", b = " + EntityId.describe(b));

// 2. Destroying bumps the slot's version and frees the slot; the next create() takes the most
//    recently freed slot, so the old id stays recognisably dead.
registry.destroy(a);
int c = registry.create();
System.out.println("c = " + EntityId.describe(c) + ": a's slot, the next version");
System.out.println("is a valid? " + registry.valid(a) + ": " + registry.whyInvalid(a));

// 3. Components: one sparse set per type. sparse[slot] points into packed[], the values sit beside it.
registry.add(b, new Position(1, 2));
registry.add(c, new Position(3, 4));
registry.add(c, new Health(10));
show(registry.storage(Position.class));

// 4. Removing moves the last member into the hole (swap-and-pop): c moves to packed[0].
registry.remove(b, Position.class);
show(registry.storage(Position.class));

// 5. A view walks the smallest storage and tests the others: only c has both.
registry.view(Position.class, Health.class).each((id, position, health) ->
        System.out.println(EntityId.describe(id) + " has " + position + " and " + health));
