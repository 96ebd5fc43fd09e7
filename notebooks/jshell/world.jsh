// Layer 2, dev.ecswasm.world: the seed's EnttManager. Names and three relations over plain int
// ids, each kept on both ends, cleaned up when an entity goes. world() prints the seed's log.

// 1. Names, and a 1:1 link: relinking either side unlinks its old partner.
int alice = world().createEntity();
int profile = world().createEntity();
world().addName(alice, "Alice");
world().addName(profile, "Alice's profile");
world().linkPlayerProfile(alice, profile);
show(Relation.PLAYER_PROFILE);

// 2. 1:N, parent -> children: one parent each, and no cycles (a refused call changes nothing).
int guild = world().createEntity();
int bob = world().createEntity();
world().addName(guild, "Guild");
world().addName(bob, "Bob");
world().setParent(alice, guild);
world().setParent(bob, guild);
System.out.println("guild under alice? " + world().setParent(guild, alice));
show(Relation.PARENT_CHILD);

// 3. N:N, students <-> courses: both ends answer without scanning the world.
int course = world().createEntity();
world().addName(course, "Rust 101");
world().enroll(alice, course);
world().enroll(bob, course);
System.out.println("students of Rust 101: " + Arrays.toString(world().getStudentsForCourse(course)));
show(Relation.ENROLLMENT);

// 4. Cleanup on destroy, by policy. REMOVE (the seed's): destroying the course drops its edges only.
world().destroyEntity(course);
System.out.println("alice's courses now: " + Arrays.toString(world().getCoursesForStudent(alice)));

// 5. CASCADE: destroying the guild takes its children with it (the log shows the order).
//    A snapshot before and after, and their diff, say exactly what that one destroy did.
world().setPolicy(Relation.PARENT_CHILD, CleanupPolicy.CASCADE);
show(world());
var before = snapshot();
world().destroyEntity(guild);
var cascade = diff(before, snapshot());
show(cascade);
System.out.println("is alice valid? " + world().isEntityValid(alice) + ": " + world().whyInvalid(alice));
