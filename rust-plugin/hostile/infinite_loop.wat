;; Spins forever in a br_if loop with no calls in it: the loop Chicory 1.7.5's interpreter does not
;; check for interrupts. The deadline stops it (compiled: by interrupt; interpreter: by the fuel
;; listener's clock check).
;; expect: trap limit callDeadline containing "ran past its deadline"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func (export "run")
    (loop $forever
      (br_if $forever (i32.const 1))))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
