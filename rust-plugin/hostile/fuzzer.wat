;; Calls every import, chosen at random, with random arguments: mostly plausible ones (ids it
;; created, pointers and lengths inside its first page), and 1 in 4096 wild (any 32-bit value).
;; fuzz(seed, n) makes n calls and returns n, unless a wild argument traps first. The test runs it
;; with a fixed number of seeds in each mode, checking the world every 25 runs.
;; expect: survives
;; (Generated once from the import list in entt_api.h; this file is the source.)
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_destroy_entity" (func $destroy (param i32)))
  (import "env" "host_is_entity_valid" (func $valid (param i32) (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (import "env" "host_get_name" (func $get_name (param i32 i32 i32) (result i32)))
  (import "env" "host_remove_name" (func $remove_name (param i32) (result i32)))
  (import "env" "host_link_player_profile" (func $link (param i32 i32) (result i32)))
  (import "env" "host_unlink_player_profile" (func $unlink (param i32) (result i32)))
  (import "env" "host_get_profile_for_player" (func $profile_of (param i32) (result i32)))
  (import "env" "host_get_player_for_profile" (func $player_of (param i32) (result i32)))
  (import "env" "host_set_parent" (func $set_parent (param i32 i32) (result i32)))
  (import "env" "host_remove_parent" (func $remove_parent (param i32) (result i32)))
  (import "env" "host_get_parent" (func $parent_of (param i32) (result i32)))
  (import "env" "host_find_children" (func $children (param i32 i32 i32) (result i32)))
  (import "env" "host_enroll" (func $enroll (param i32 i32) (result i32)))
  (import "env" "host_drop" (func $drop (param i32 i32) (result i32)))
  (import "env" "host_get_courses_for_student" (func $courses (param i32 i32 i32) (result i32)))
  (import "env" "host_get_students_for_course" (func $students (param i32 i32 i32) (result i32)))
  (import "env" "host_set_component" (func $set_component (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_get_component" (func $get_component (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_remove_component" (func $remove_component (param i32 i32) (result i32)))
  (import "env" "host_get_player_profiles" (func $all_links (param i32 i32) (result i32)))
  (import "env" "host_get_parent_child_pairs" (func $all_edges (param i32 i32) (result i32)))
  (import "env" "host_get_enrollments" (func $all_enrollments (param i32 i32) (result i32)))
  (import "env" "host_last_error" (func $last_error (result i32)))
  (import "env" "host_last_error_message" (func $last_message (param i32 i32) (result i32)))
  (memory 2)
  ;; letters to name things with; the rest of page 0 is the buffers' playground
  (data (i32.const 0) "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
  (global $seed (mut i32) (i32.const 1))
  (global $next (mut i32) (i32.const 0))

  ;; xorshift32
  (func $rand (result i32)
    (local $x i32)
    (local.set $x (global.get $seed))
    (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
    (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
    (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
    (global.set $seed (local.get $x))
    (local.get $x))

  ;; the last 64 ids created live in a ring at 0x10000 (page 1, which the host never writes)
  (func $remember (param $id i32)
    (i32.store (i32.add (i32.const 0x10000) (i32.shl (i32.and (global.get $next) (i32.const 63)) (i32.const 2)))
               (local.get $id))
    (global.set $next (i32.add (global.get $next) (i32.const 1))))

  ;; an id: 3 in 4 from the ring (maybe stale by now), else null or random
  (func $id (result i32)
    (local $r i32)
    (local.set $r (call $rand))
    (if (result i32) (i32.ne (i32.and (local.get $r) (i32.const 3)) (i32.const 0))
      (then (i32.load (i32.add (i32.const 0x10000)
                               (i32.shl (i32.and (i32.shr_u (local.get $r) (i32.const 8)) (i32.const 63)) (i32.const 2)))))
      (else (if (result i32) (i32.and (local.get $r) (i32.const 0x100))
        (then (i32.const -1))
        (else (call $rand))))))

  ;; a pointer: inside the first 32 KiB, or 1 in 4096 anything
  (func $ptr (result i32)
    (local $r i32)
    (local.set $r (call $rand))
    (if (result i32) (i32.and (local.get $r) (i32.const 0xFFF))
      (then (i32.and (i32.shr_u (local.get $r) (i32.const 12)) (i32.const 0x7FFF)))
      (else (call $rand))))

  ;; a length or capacity: 0..63, or 1 in 4096 anything
  (func $len (result i32)
    (local $r i32)
    (local.set $r (call $rand))
    (if (result i32) (i32.and (local.get $r) (i32.const 0xFFF))
      (then (i32.and (i32.shr_u (local.get $r) (i32.const 12)) (i32.const 63)))
      (else (call $rand))))

  (func (export "run") (result i32)
    (call $fuzz (i32.const 1) (i32.const 1000)))

  (func $fuzz (export "fuzz") (param $seed i32) (param $n i32) (result i32)
    (local $i i32)
    (global.set $seed (i32.or (local.get $seed) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (block $case25
          (block $case24
            (block $case23
              (block $case22
                (block $case21
                  (block $case20
                    (block $case19
                      (block $case18
                        (block $case17
                          (block $case16
                            (block $case15
                              (block $case14
                                (block $case13
                                  (block $case12
                                    (block $case11
                                      (block $case10
                                        (block $case9
                                          (block $case8
                                            (block $case7
                                              (block $case6
                                                (block $case5
                                                  (block $case4
                                                    (block $case3
                                                      (block $case2
                                                        (block $case1
                                                          (block $case0
                                                            (br_table $case0 $case1 $case2 $case3 $case4 $case5 $case6 $case7 $case8 $case9 $case10 $case11 $case12 $case13 $case14 $case15 $case16 $case17 $case18 $case19 $case20 $case21 $case22 $case23 $case24 $case25 (i32.rem_u (call $rand) (i32.const 26))))
                                                            (call $remember (call $create))
                                                            (br $next))
                                                          (call $destroy (call $id))
                                                          (br $next))
                                                        (drop (call $valid (call $id)))
                                                        (br $next))
                                                      (call $add_name (call $id) (call $ptr) (call $len))
                                                      (br $next))
                                                    (drop (call $get_name (call $id) (call $ptr) (call $len)))
                                                    (br $next))
                                                  (drop (call $remove_name (call $id)))
                                                  (br $next))
                                                (drop (call $link (call $id) (call $id)))
                                                (br $next))
                                              (drop (call $unlink (call $id)))
                                              (br $next))
                                            (drop (call $profile_of (call $id)))
                                            (br $next))
                                          (drop (call $player_of (call $id)))
                                          (br $next))
                                        (drop (call $set_parent (call $id) (call $id)))
                                        (br $next))
                                      (drop (call $remove_parent (call $id)))
                                      (br $next))
                                    (drop (call $parent_of (call $id)))
                                    (br $next))
                                  (drop (call $children (call $id) (call $ptr) (call $len)))
                                  (br $next))
                                (drop (call $enroll (call $id) (call $id)))
                                (br $next))
                              (drop (call $drop (call $id) (call $id)))
                              (br $next))
                            (drop (call $courses (call $id) (call $ptr) (call $len)))
                            (br $next))
                          (drop (call $students (call $id) (call $ptr) (call $len)))
                          (br $next))
                        (drop (call $set_component (call $id) (i32.and (call $rand) (i32.const 3)) (call $ptr) (call $len)))
                        (br $next))
                      (drop (call $get_component (call $id) (i32.and (call $rand) (i32.const 3)) (call $ptr) (call $len)))
                      (br $next))
                    (drop (call $remove_component (call $id) (i32.and (call $rand) (i32.const 3))))
                    (br $next))
                  (drop (call $all_links (call $ptr) (call $len)))
                  (br $next))
                (drop (call $all_edges (call $ptr) (call $len)))
                (br $next))
              (drop (call $all_enrollments (call $ptr) (call $len)))
              (br $next))
            (drop (call $last_error))
            (br $next))
          (drop (call $last_message (call $ptr) (call $len)))
          (br $next)))
    (local.get $i))

  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
