;; Grows its table a thousand elements at a time until the host says no, then asks for 2^31 - 1
;; more at once (in Chicory 1.7.5 that sum wraps negative: NegativeArraySizeException). Past
;; maxTableElements (100,000 by default) table.grow fails as Wasm says it fails: it returns -1.
;; A later instance of the same module starts with the table as declared, empty.
;; expect: returns 100000
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (table 0 funcref)
  (func (export "run") (result i32)
    (block $refused
      (loop $grow
        (br_if $refused (i32.eq (table.grow 0 (ref.null func) (i32.const 1000)) (i32.const -1)))
        (br $grow)))
    (if (i32.ne (table.grow 0 (ref.null func) (i32.const 0x7FFFFFFF)) (i32.const -1))
      (then (unreachable)))
    (table.size 0))
  (func (export "size") (result i32)
    (table.size 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
