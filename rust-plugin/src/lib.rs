//! The ECS-Wasm Workbench's guest plugin, in the seed's two layers: `ffi` (the imports and the only
//! `unsafe` code) and `core` (the plugin's logic, safe Rust that sees only the wrappers).
//! The exports below are what the host calls.

mod ffi;

/// The safe core (the seed's `lib.rs::core`): relationship tests run through the host's ABI.
pub mod core {
    use crate::ffi::{self, Health, HostError, Position};

    /// Counts checks and prints each failure; a failed check does not stop the run.
    struct Checks {
        failed: i32,
        passed: i32,
    }

    impl Checks {
        fn check(&mut self, ok: bool, what: &str) {
            if ok {
                self.passed += 1;
            } else {
                self.failed += 1;
                println!("[WASM Core] CHECK FAILED: {}", what);
            }
        }

        fn refused_with(&mut self, result: Result<(), HostError>, code: ffi::ErrorCode, what: &str) {
            let ok = matches!(&result, Err(e) if e.code == code);
            if let Err(e) = &result {
                println!("[WASM Core]   refused as expected: {:?}: {}", e.code, e.message);
            }
            self.check(ok, what);
        }
    }

    fn entity(checks: &mut Checks) -> u32 {
        let id = ffi::create_entity();
        checks.check(id.is_some(), "the host created an entity");
        id.unwrap_or(ffi::FFI_NULL_ENTITY_ID)
    }

    fn named(checks: &mut Checks, name: &str) -> u32 {
        let id = entity(checks);
        checks.check(ffi::add_name(id, name).is_ok(), "the host took a name");
        id
    }

    /// Runs every test and returns how many checks failed (0 = all passed).
    pub fn run_entt_relationship_tests() -> i32 {
        println!("[WASM Core] === Starting EnTT Relationship Tests ===");
        let mut checks = Checks { failed: 0, passed: 0 };
        one_to_one(&mut checks);
        one_to_many(&mut checks);
        many_to_many(&mut checks);
        names_and_stale_ids(&mut checks);
        optimistic_names(&mut checks);
        components(&mut checks);
        batched_reads(&mut checks);
        println!(
            "[WASM Core] === EnTT Relationship Tests Completed: {} passed, {} failed ===",
            checks.passed, checks.failed
        );
        checks.failed
    }

    fn one_to_one(checks: &mut Checks) {
        println!("[WASM Core] --- Testing 1:1 Relationships ---");
        let player = named(checks, "Alice_WASM");
        let profile = named(checks, "Alice_Profile");
        checks.check(ffi::link_player_profile(player, profile).is_ok(), "link player and profile");
        checks.check(ffi::get_profile_for_player(player) == Some(profile), "the player finds its profile");
        checks.check(ffi::get_player_for_profile(profile) == Some(player), "the profile finds its player");

        let other_profile = entity(checks);
        println!("[WASM Core] Relinking Player {} to Profile {}", player, other_profile);
        checks.check(ffi::link_player_profile(player, other_profile).is_ok(), "relink the player");
        checks.check(ffi::get_player_for_profile(profile).is_none(), "the old profile was unlinked on both sides");
        checks.refused_with(ffi::link_player_profile(player, player), ffi::ErrorCode::SelfLink, "a self-link is refused");

        println!("[WASM Core] Unlinking Player {}", player);
        checks.check(ffi::unlink_player_profile(player).is_ok(), "unlink the player");
        checks.check(ffi::get_profile_for_player(player).is_none(), "no profile after unlinking");

        checks.check(ffi::link_player_profile(player, profile).is_ok(), "link again");
        println!("[WASM Core] Destroying Player {} (its profile must forget it)", player);
        checks.check(ffi::destroy_entity(player).is_ok(), "destroy the player");
        checks.check(ffi::get_player_for_profile(profile).is_none(), "the profile lost its player on destroy");
        checks.check(!ffi::is_entity_valid(player), "the destroyed player is invalid");
        checks.check(ffi::destroy_entity(profile).is_ok(), "destroy the profile");
        checks.check(ffi::destroy_entity(other_profile).is_ok(), "destroy the other profile");
    }

    fn one_to_many(checks: &mut Checks) {
        println!("[WASM Core] --- Testing 1:N Relationships ---");
        let parent = named(checks, "Guild");
        let children = [named(checks, "Bob"), named(checks, "Carol"), named(checks, "Dave")];
        for child in children.iter() {
            checks.check(ffi::set_parent(*child, parent).is_ok(), "set a parent");
        }
        checks.check(ffi::find_children(parent) == children.to_vec(), "find_children lists all three, in order");
        checks.check(ffi::get_parent(children[1]) == Some(parent), "a child finds its parent");
        checks.refused_with(ffi::set_parent(parent, children[0]), ffi::ErrorCode::Cycle, "a cycle is refused");

        checks.check(ffi::remove_parent(children[0]).is_ok(), "remove a parent");
        checks.check(ffi::find_children(parent).len() == 2, "two children left");
        checks.refused_with(ffi::remove_parent(children[0]), ffi::ErrorCode::NotFound, "no parent to remove twice");

        println!("[WASM Core] Destroying Parent {} (its children must become roots)", parent);
        checks.check(ffi::destroy_entity(parent).is_ok(), "destroy the parent");
        checks.check(ffi::get_parent(children[1]).is_none(), "Carol has no parent any more");
        checks.check(ffi::get_parent(children[2]).is_none(), "Dave has no parent any more");
        checks.check(ffi::find_children(parent).is_empty(), "a dead parent has no children");
        for child in children.iter() {
            checks.check(ffi::destroy_entity(*child).is_ok(), "destroy a child");
        }
    }

    fn many_to_many(checks: &mut Checks) {
        println!("[WASM Core] --- Testing N:N Relationships ---");
        let alice = named(checks, "Student_A");
        let bob = named(checks, "Student_B");
        let math = named(checks, "Math");
        let art = named(checks, "Art");
        checks.check(ffi::enroll(alice, math).is_ok(), "enroll A in Math");
        checks.check(ffi::enroll(alice, art).is_ok(), "enroll A in Art");
        checks.check(ffi::enroll(bob, math).is_ok(), "enroll B in Math");
        checks.check(ffi::courses_of(alice) == vec![math, art], "A attends Math and Art");
        checks.check(ffi::students_of(math) == vec![alice, bob], "Math has A and B");

        checks.check(ffi::drop_course(alice, art).is_ok(), "A drops Art");
        checks.check(ffi::students_of(art).is_empty(), "Art is empty");
        checks.refused_with(ffi::drop_course(alice, art), ffi::ErrorCode::NotFound, "dropping twice is refused");

        println!("[WASM Core] Destroying Course {} (its students must forget it)", math);
        checks.check(ffi::destroy_entity(math).is_ok(), "destroy Math");
        checks.check(ffi::courses_of(alice).is_empty(), "A attends nothing now");
        checks.check(ffi::courses_of(bob).is_empty(), "B attends nothing now");
        for id in [alice, bob, art].iter() {
            checks.check(ffi::destroy_entity(*id).is_ok(), "destroy the rest");
        }
    }

    fn names_and_stale_ids(checks: &mut Checks) {
        println!("[WASM Core] --- Testing Names, the Two-Call Pattern and Stale Ids ---");
        let zoe = named(checks, "Zoë");
        checks.check(ffi::get_name(zoe).as_deref() == Some("Zoë"), "the name survives the round trip");
        checks.check(ffi::name_size(zoe) == 5, "call 1 reports 4 UTF-8 bytes plus the NUL");
        checks.refused_with(ffi::add_name(zoe, "a\0b"), ffi::ErrorCode::BadArgument, "a NUL inside a name is refused");
        checks.check(ffi::get_name(zoe).as_deref() == Some("Zoë"), "the refused name changed nothing");
        let mut small = [0xAAu8; 4];
        let needed = ffi::get_name_into(zoe, &mut small);
        checks.check(needed == 5, "a short buffer still learns the full size");
        checks.check(small == [b'Z', b'o', 0, 0xAA], "the copy is cut before the 2-byte character and NUL-terminated");

        let nameless = named(checks, "temporary");
        checks.check(ffi::remove_name(nameless).is_ok(), "remove a name");
        checks.check(ffi::get_name(nameless).is_none(), "no name after removing it");
        checks.check(ffi::last_error().map(|e| e.code) == Some(ffi::ErrorCode::NotFound), "nameless, not stale");
        checks.check(ffi::destroy_entity(nameless).is_ok(), "destroy the nameless one");

        checks.check(ffi::destroy_entity(zoe).is_ok(), "destroy Zoë");
        checks.check(ffi::get_name(zoe).is_none(), "a stale id has no name");
        let error = ffi::last_error();
        checks.check(
            matches!(&error, Some(e) if e.code == ffi::ErrorCode::InvalidEntity),
            "the last error says the id is stale, not nameless",
        );
        if let Some(e) = error {
            println!("[WASM Core]   host says: {}", e.message);
        }
        checks.refused_with(ffi::destroy_entity(zoe), ffi::ErrorCode::InvalidEntity, "destroying twice is refused");
        checks.check(!ffi::is_entity_valid(ffi::FFI_NULL_ENTITY_ID), "the null entity is never valid");
    }

    /// `with_name` must give what `get_name` gives, whichever path it takes.
    fn optimistic_names(checks: &mut Checks) {
        println!("[WASM Core] --- Testing the Optimistic Name Fetch ---");
        let owned = |entity: u32| ffi::with_name(entity, |name| name.map(String::from));
        let short = named(checks, "Zoë");
        checks.check(owned(short).as_deref() == Some("Zoë"), "a short name comes from the stack buffer");
        checks.check(ffi::last_error().is_none(), "one call, and it succeeded");

        // 63 bytes and the NUL: exactly the stack buffer, the longest name that fits
        let exact = "n".repeat(ffi::OPTIMISTIC_NAME_BYTES - 1);
        let fits = named(checks, &exact);
        checks.check(owned(fits).as_deref() == Some(exact.as_str()), "a 63-byte name still fits");
        checks.check(ffi::last_error().is_none(), "and is not cut");

        // 🦀 takes bytes 62..66, across the 64th: the host cuts the stack copy before it
        let long = format!("{}🦀 and Zoë after the crab", "x".repeat(62));
        let far = named(checks, &long);
        checks.check(ffi::name_size(far) > ffi::OPTIMISTIC_NAME_BYTES, "the long name does not fit");
        checks.check(owned(far).as_deref() == Some(long.as_str()), "the fallback gives the whole long name");
        checks.check(ffi::last_error().is_none(), "the fallback's call succeeded");
        checks.check(owned(far) == ffi::get_name(far), "both ways agree on the long name");

        checks.check(ffi::remove_name(short).is_ok(), "remove the short name");
        checks.check(owned(short).is_none(), "no name, no text");
        checks.check(ffi::last_error().map(|e| e.code) == Some(ffi::ErrorCode::NotFound), "nameless, not stale");

        checks.check(ffi::destroy_entity(far).is_ok(), "destroy the long-named one");
        checks.check(owned(far).is_none(), "a stale id has no name");
        checks.check(ffi::last_error().map(|e| e.code) == Some(ffi::ErrorCode::InvalidEntity), "stale, not nameless");
        for id in [short, fits].iter() {
            checks.check(ffi::destroy_entity(*id).is_ok(), "destroy the rest");
        }
    }

    fn components(checks: &mut Checks) {
        println!("[WASM Core] --- Testing Plain-Data Components ---");
        let e = entity(checks);
        let here = Position { x: 1.5, y: -2.0 };
        checks.check(ffi::set_component(e, &here).is_ok(), "set a Position");
        checks.check(ffi::set_component(e, &Health { hp: 42 }).is_ok(), "set a Health");
        checks.check(ffi::get_component::<Position>(e) == Some(here), "read the Position back");
        checks.check(ffi::get_component::<Health>(e) == Some(Health { hp: 42 }), "read the Health back");
        checks.check(ffi::remove_component::<Health>(e).is_ok(), "remove the Health");
        checks.check(ffi::get_component::<Health>(e).is_none(), "no Health any more");
        checks.check(ffi::destroy_entity(e).is_ok(), "destroy it");
    }

    fn batched_reads(checks: &mut Checks) {
        println!("[WASM Core] --- Testing Batched Relation Reads ---");
        let root = named(checks, "Root");
        let kids: Vec<u32> = (0..4).map(|_| entity(checks)).collect();
        for kid in kids.iter() {
            checks.check(ffi::set_parent(*kid, root).is_ok(), "attach a child");
        }
        checks.check(ffi::enroll(kids[0], kids[1]).is_ok(), "one enrollment");
        checks.check(ffi::link_player_profile(kids[2], kids[3]).is_ok(), "one link");
        // The world may hold more than this test made: look only at our own edges.
        let edges: Vec<(u32, u32)> = ffi::parent_child_pairs().into_iter().filter(|(p, _)| *p == root).collect();
        let one_by_one: Vec<(u32, u32)> = ffi::find_children(root).into_iter().map(|kid| (root, kid)).collect();
        println!("[WASM Core] {} parent-child pairs in one crossing", edges.len());
        checks.check(edges == one_by_one, "the batched read agrees with per-entity reads");
        let ours = |(a, _): &(u32, u32)| kids.contains(a);
        let enrolled: Vec<(u32, u32)> = ffi::enrollments().into_iter().filter(ours).collect();
        let linked: Vec<(u32, u32)> = ffi::player_profiles().into_iter().filter(ours).collect();
        checks.check(enrolled == vec![(kids[0], kids[1])], "the batched enrollments");
        checks.check(linked == vec![(kids[2], kids[3])], "the batched 1:1 links");
        println!("[WASM Core] Leaving Root {} and its {} children in the world for the host's tables", root, kids.len());
    }
}

/// Runs the core's relationship tests; returns how many checks failed (0 = all passed).
#[no_mangle]
pub extern "C" fn test_relationships() -> i32 {
    println!("[WASM Export] Running relationship tests...");
    let failed = core::run_entt_relationship_tests();
    println!("[WASM Export] Relationship tests finished.");
    failed
}

/// The safe half of `ffi::step_create_named`.
fn step_create_named_safe(name: &str) -> u32 {
    let id = match ffi::create_entity() {
        Some(id) => id,
        None => return ffi::FFI_NULL_ENTITY_ID,
    };
    match ffi::add_name(id, name) {
        Ok(()) => {
            println!("[WASM Step] created entity {} named {}", id, name);
            id
        }
        Err(_) => ffi::FFI_NULL_ENTITY_ID,
    }
}

/// One step: call 1 of the two-call pattern alone.
#[no_mangle]
pub extern "C" fn step_name_size(entity: u32) -> usize {
    ffi::name_size(entity)
}

/// One step: the optimistic name fetch (`ffi::with_name`): one call into a 64-byte stack buffer,
/// a second into the heap only if the name is longer. Returns the name's length in bytes, or -1
/// if there is none (or the host's answer failed the checks).
#[no_mangle]
pub extern "C" fn step_name_optimistic(entity: u32) -> i32 {
    ffi::with_name(entity, |name| match name {
        Some(name) => {
            println!("[WASM Step] the name of entity {} is {} ({} bytes)", entity, name, name.len());
            name.len() as i32
        }
        None => -1,
    })
}

/// One step: call 1 of a children fetch alone: how many ids the list needs room for.
#[no_mangle]
pub extern "C" fn step_find_children_size(parent: u32) -> usize {
    ffi::children_count(parent)
}

/// One step: links a player and a profile; 1 on success.
#[no_mangle]
pub extern "C" fn step_link(player: u32, profile: u32) -> i32 {
    ffi::link_player_profile(player, profile).is_ok() as i32
}

/// One step: sets a parent; 1 on success.
#[no_mangle]
pub extern "C" fn step_set_parent(child: u32, parent: u32) -> i32 {
    ffi::set_parent(child, parent).is_ok() as i32
}

/// One step: enrolls a student; 1 on success.
#[no_mangle]
pub extern "C" fn step_enroll(student: u32, course: u32) -> i32 {
    ffi::enroll(student, course).is_ok() as i32
}

/// One step: destroys an entity; 1 on success.
#[no_mangle]
pub extern "C" fn step_destroy(entity: u32) -> i32 {
    ffi::destroy_entity(entity).is_ok() as i32
}

/// One step: how many children a parent has (a two-call list fetch).
#[no_mangle]
pub extern "C" fn step_count_children(parent: u32) -> usize {
    ffi::find_children(parent).len()
}

/// One step: reads the whole 1:N relation in one crossing and prints it; returns the pair count.
#[no_mangle]
pub extern "C" fn step_read_hierarchy() -> usize {
    let edges = ffi::parent_child_pairs();
    for (parent, child) in edges.iter() {
        println!("[WASM Step] {} -> {}", parent, child);
    }
    edges.len()
}

/// One step gone wrong on purpose: creates an entity, then panics before finishing the job.
#[no_mangle]
pub extern "C" fn step_panic_midway() -> u32 {
    let id = step_create_named_safe("half-done");
    panic!("deliberate panic after creating entity {}", id);
}

// ---------------------------------------------------------------------- benchmark loops
// Each runs one kind of crossing `n` times inside a single export call, so a benchmark measures
// the crossing and not the call that starts the loop.

/// `n` calls of the cheapest import, `host_is_entity_valid`; returns how many said valid.
#[no_mangle]
pub extern "C" fn bench_is_valid(entity: u32, n: u32) -> u32 {
    (0..n).filter(|_| ffi::is_entity_valid(entity)).count() as u32
}

/// `n` two-call name fetches, each into a fresh `String` as real code would; returns total bytes.
#[no_mangle]
pub extern "C" fn bench_get_name(entity: u32, n: u32) -> u32 {
    (0..n).map(|_| ffi::get_name(entity).map_or(0, |name| name.len() as u32)).sum()
}

/// `n` two-call name fetches into one reused buffer, making no `String`: the two crossings alone,
/// to set against `bench_get_name`. Returns total bytes.
#[no_mangle]
pub extern "C" fn bench_get_name_crossings(entity: u32, n: u32) -> u32 {
    let mut buffer = [0u8; 64];
    (0..n)
        .map(|_| {
            let needed = ffi::name_size(entity).min(buffer.len());
            ffi::get_name_into(entity, &mut buffer[..needed]) as u32
        })
        .sum()
}

/// `n` optimistic name fetches (`ffi::with_name`): for a name that fits in 64 bytes, one crossing
/// into a stack buffer and no allocation, to set against `bench_get_name`. Returns total bytes.
#[no_mangle]
pub extern "C" fn bench_get_name_optimistic(entity: u32, n: u32) -> u32 {
    (0..n).map(|_| ffi::with_name(entity, |name| name.map_or(0, |name| name.len() as u32))).sum()
}

/// `n` size queries (call 1 of the two-call exchange alone): one crossing each. Returns total bytes.
#[no_mangle]
pub extern "C" fn bench_name_size(entity: u32, n: u32) -> u32 {
    (0..n).map(|_| ffi::name_size(entity) as u32).sum()
}

/// `n` reads of the whole 1:N relation in one batched exchange each, into one reused buffer;
/// returns pairs seen.
#[no_mangle]
pub extern "C" fn bench_edges_batched(n: u32) -> u32 {
    let mut buffer = Vec::new();
    (0..n)
        .map(|_| {
            ffi::parent_child_pairs_into(&mut buffer);
            (buffer.len() / 2) as u32
        })
        .sum()
}

/// The safe half of `ffi::bench_edges_per_entity`: `host_get_parent` for each child, `n` times.
fn bench_parents_of(children: &[u32], n: u32) -> u32 {
    (0..n).map(|_| children.iter().filter(|child| ffi::get_parent(**child).is_some()).count() as u32).sum()
}

/// Does nothing: the cost of a host-to-guest call.
#[no_mangle]
pub extern "C" fn bench_empty() {}
