;; A reactor with a tiny _initialize (it marks memory) whose run spins forever. After the deadline
;; (or, in the interpreter, the fuel) stops run, recovery by a fresh instance must run _initialize
;; against a fresh budget, not the exhausted one.
;; expect: trap limit callDeadline containing "ran past its deadline"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 4096))
  (func (export "_initialize")
    (i32.store (i32.const 16) (i32.const 7)))
  (func (export "run")
    (global.set $sp (i32.sub (global.get $sp) (i32.const 64)))
    (loop $forever
      (br_if $forever (i32.const 1))))
  (func (export "initialized") (result i32)
    (i32.load (i32.const 16)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
