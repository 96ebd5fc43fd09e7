;; A start function that spins forever in a br_if loop: instantiation itself must meet the deadline
;; (compiled: by interrupt; interpreter: by the fuel listener's clock check), and build() fails.
;; expect: build trap limit callDeadline containing "ran past its deadline"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func $spin
    (loop $forever
      (br_if $forever (i32.const 1))))
  (start $spin)
  (func (export "run") (result i32)
    (i32.const 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
