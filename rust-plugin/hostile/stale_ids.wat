;; Uses a destroyed entity's id and forged ids (a version never issued, an index never issued,
;; the null id) with six imports. Each must be refused, with the right code, and change nothing.
;; Returns how many refusals were right.
;; expect: returns 6
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_destroy_entity" (func $destroy (param i32)))
  (import "env" "host_is_entity_valid" (func $valid (param i32) (result i32)))
  (import "env" "host_get_name" (func $get_name (param i32 i32 i32) (result i32)))
  (import "env" "host_set_parent" (func $set_parent (param i32 i32) (result i32)))
  (import "env" "host_link_player_profile" (func $link (param i32 i32) (result i32)))
  (import "env" "host_last_error" (func $last_error (result i32)))
  (memory 1)
  (func (export "run") (result i32)
    (local $stale i32) (local $live i32) (local $right i32)
    (local.set $stale (call $create))
    (local.set $live (call $create))
    (call $destroy (local.get $stale))
    ;; 1. a stale id is not valid
    (if (i32.eqz (call $valid (local.get $stale)))
      (then (local.set $right (i32.add (local.get $right) (i32.const 1)))))
    ;; 2. it has no name, and the reason is ENTT_INVALID_ENTITY (2), not "no name"
    (if (i32.and (i32.eqz (call $get_name (local.get $stale) (i32.const 0) (i32.const 0)))
                 (i32.eq (call $last_error) (i32.const 2)))
      (then (local.set $right (i32.add (local.get $right) (i32.const 1)))))
    ;; 3. a forged version of the live id (version 0x7FE) cannot become a parent
    (if (i32.and (i32.eqz (call $set_parent (local.get $live) (i32.or (local.get $live) (i32.const 0x7FE00000))))
                 (i32.eq (call $last_error) (i32.const 2)))
      (then (local.set $right (i32.add (local.get $right) (i32.const 1)))))
    ;; 4. an index never issued cannot be linked
    (if (i32.and (i32.eqz (call $link (i32.const 0x000ABCDE) (local.get $live)))
                 (i32.eq (call $last_error) (i32.const 2)))
      (then (local.set $right (i32.add (local.get $right) (i32.const 1)))))
    ;; 5. the null id is refused as null (ENTT_NULL_ENTITY, 1)
    (if (i32.and (i32.eqz (call $link (local.get $live) (i32.const -1)))
                 (i32.eq (call $last_error) (i32.const 1)))
      (then (local.set $right (i32.add (local.get $right) (i32.const 1)))))
    ;; 6. destroying the stale id again is refused and the live one survives
    (call $destroy (local.get $stale))
    (if (i32.and (i32.eq (call $last_error) (i32.const 2)) (call $valid (local.get $live)))
      (then (local.set $right (i32.add (local.get $right) (i32.const 1)))))
    (local.get $right))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
