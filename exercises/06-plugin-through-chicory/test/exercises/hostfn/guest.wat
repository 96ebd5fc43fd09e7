;; The guest of exercise 6: a tiny plugin, written by hand in WebAssembly text, that reaches the
;; world only through two host functions in module "env". Compiled by wabt's wat2wasm into
;; guest.wasm beside this file (rust-plugin/build.sh does it; CI checks the bytes match).
(module
  ;; uint32_t host_create_named(const char *name, size_t len): a new entity with that name; its id
  (import "env" "host_create_named" (func $create_named (param i32 i32) (result i32)))
  ;; uint32_t host_entity_count(void): how many entities the world holds
  (import "env" "host_entity_count" (func $entity_count (result i32)))

  (memory (export "memory") 1)

  ;; the guest's names, UTF-8 without a NUL: the host is told their length
  (data (i32.const 1024) "Bob")                            ;; 42 6F 62
  (data (i32.const 1040) "Zo\c3\ab \f0\9f\a6\80")          ;; "Zoë 🦀": 9 bytes

  ;; the id the last create_and_count got back from the host
  (global $last_id (mut i32) (i32.const -1))

  (func (export "create_bob") (result i32)
    (call $create_named (i32.const 1024) (i32.const 3)))

  (func (export "create_zoe") (result i32)
    (call $create_named (i32.const 1040) (i32.const 9)))

  ;; any pointer and length the test chooses, passed through as they are
  (func (export "create_named") (param $ptr i32) (param $len i32) (result i32)
    (call $create_named (local.get $ptr) (local.get $len)))

  (func (export "count") (result i32)
    (call $entity_count))

  ;; the guest uses what comes back: it keeps Bob's id, then asks how many entities there are
  (func (export "create_and_count") (result i32)
    (global.set $last_id (call $create_named (i32.const 1024) (i32.const 3)))
    (call $entity_count))

  (func (export "last_id") (result i32)
    (global.get $last_id))

  ;; a bad pointer: 8 bytes that start 2 bytes before the end of memory
  (func (export "create_out_of_bounds") (result i32)
    (call $create_named
      (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 2))
      (i32.const 8)))

  ;; a worse one: 0xFFFFFFF0 + 32 wraps around to 16 in 32-bit arithmetic
  (func (export "create_wrapping") (result i32)
    (call $create_named (i32.const 0xFFFFFFF0) (i32.const 32))))
