;; Not hostile: a reactor whose _initialize does a little real work (sums 1..100,000 into memory,
;; some 1.2 million instructions), as static constructors do. It must load in both modes, with a
;; fresh fuel budget and deadline for _initialize, and its exports must see what it did.
;; expect: returns 705082704
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func (export "_initialize")
    (local $i i32)
    (local $sum i32)
    (loop $add
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $sum (i32.add (local.get $sum) (local.get $i)))
      (br_if $add (i32.lt_u (local.get $i) (i32.const 100000))))
    (i32.store (i32.const 16) (local.get $sum)))
  (func (export "run") (result i32)
    (i32.load (i32.const 16)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
