;; Does half of a multi-step job (two entities, a name, a link, a parent) and then traps, like a
;; Rust panic. The host calls that finished stay done, each one whole; nothing is half-applied.
;; expect: trap containing "unreachable"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (import "env" "host_link_player_profile" (func $link (param i32 i32) (result i32)))
  (import "env" "host_set_parent" (func $set_parent (param i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 16) "half")
  (func (export "run")
    (local $a i32) (local $b i32)
    (local.set $a (call $create))
    (local.set $b (call $create))
    (call $add_name (local.get $a) (i32.const 16) (i32.const 4))
    (drop (call $link (local.get $a) (local.get $b)))
    (drop (call $set_parent (local.get $b) (local.get $a)))
    unreachable)
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
