;; A table declared with five million elements: Chicory would allocate two arrays that size at
;; instantiation. Past maxTableElements (100,000 by default), the host refuses the module first.
;; expect: link refused containing "table 0 starts at 5000000 elements, more than maxTableElements = 100000"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (table 5000000 funcref)
  (func (export "run") (result i32)
    (table.size 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
