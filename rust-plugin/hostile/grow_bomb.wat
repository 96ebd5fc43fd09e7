;; Grows memory one page at a time until the host says no (memory.grow returns -1 at
;; maxMemoryPages), then writes just past the end: a Wasm bounds trap, with memory full.
;; expect: trap limit maxMemoryPages containing "guest memory is full at 256 pages"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func (export "run")
    (block $refused
      (loop $grow
        (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $grow)))
    (i32.store (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
