;; A reactor whose _initialize works only the first time: it traps unless the entity it creates is
;; the world's first. Its run traps after moving its stack pointer; a host that recovers by a fresh
;; instance finds _initialize failing, so it must keep the old instance, put its stack pointer back,
;; and say so.
;; expect: trap containing "unreachable"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 4096))
  (func (export "_initialize")
    (if (i32.ne (call $create) (i32.const 0))
      (then (unreachable))))
  (func (export "run")
    (global.set $sp (i32.sub (global.get $sp) (i32.const 64)))
    (unreachable))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
