;; Recurses until the guest thread's stack runs out, calling imports at every fourth level on the
;; way down (every level would take the interpreter close to the gallery's 1 s deadline): set parent, enroll, link, name, and create-then-destroy, in turn, so that the stack may
;; run out part-way through one of them. Every import is all or nothing whatever is thrown, so the
;; world must stay whole: no one-sided edge, no half-destroyed entity, everything destroyable.
;; Honest note: in the runs measured (both modes) the stack ran out in guest frames or in
;; Chicory's glue, never inside a manager call, so this guest does not reliably reach the host code
;; it aims at; AllOrNothingTest forces an Error at every point of those calls instead.
;; expect: trap
;; The interpreter's frame budget (at least 2 KiB a level) stops it first, at 32,767 levels:
;; expect interpreter: trap limit maxInterpreterFrameBytes
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_destroy_entity" (func $destroy (param i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (import "env" "host_link_player_profile" (func $link (param i32 i32) (result i32)))
  (import "env" "host_set_parent" (func $set_parent (param i32 i32) (result i32)))
  (import "env" "host_enroll" (func $enroll (param i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 16) "deep")
  (global $a (mut i32) (i32.const 0))
  (global $b (mut i32) (i32.const 0))
  (global $c (mut i32) (i32.const 0))
  (func $step (param $n i32)
    (local $x i32)
    (block $done
      (block $five
        (block $four
          (block $three
            (block $two
              (block $one
                (br_table $one $two $three $four $five (i32.rem_u (local.get $n) (i32.const 5))))
              ;; 0: move $a between parents $b and $c
              (drop (call $set_parent (global.get $a)
                (select (global.get $b) (global.get $c) (i32.and (local.get $n) (i32.const 1)))))
              (br $done))
            ;; 1: enroll $a in $c (the first time; then nothing changes)
            (drop (call $enroll (global.get $a) (global.get $c)))
            (br $done))
          ;; 2: link $a to $b or to $c, unlinking the old partner on both ends
          (drop (call $link (global.get $a)
            (select (global.get $b) (global.get $c) (i32.and (local.get $n) (i32.const 2)))))
          (br $done))
        ;; 3: rename $a
        (call $add_name (global.get $a) (i32.const 16) (i32.const 4))
        (br $done))
      ;; 4: a new entity joins every relation, then is destroyed
      (local.set $x (call $create))
      (drop (call $set_parent (local.get $x) (global.get $a)))
      (drop (call $enroll (local.get $x) (global.get $b)))
      (drop (call $link (local.get $x) (global.get $c)))
      (call $destroy (local.get $x))))
  (func $down (param $n i32) (result i32)
    (if (i32.eqz (i32.and (local.get $n) (i32.const 3)))
      (then (call $step (i32.shr_u (local.get $n) (i32.const 2)))))
    (i32.add (call $down (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))
  (func (export "run") (result i32)
    (global.set $a (call $create))
    (global.set $b (call $create))
    (global.set $c (call $create))
    (call $down (i32.const 0)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
