;; A WASI command whose exported _start spins forever. Chicory runs _start by itself while
;; instantiating, so this too must meet the deadline, and build() fails.
;; expect: build trap limit callDeadline containing "ran past its deadline"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func (export "_start")
    (loop $forever
      (br_if $forever (i32.const 1))))
  (func (export "run") (result i32)
    (i32.const 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
