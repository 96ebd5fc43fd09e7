;; Names an entity with bytes that are not UTF-8 (0xC3 starts a two-byte character; 0x28 cannot
;; continue it). Bad data is refused, not trapped: the call returns, the name is not set, and
;; host_last_error() says ENTT_INVALID_UTF8 (8).
;; expect: returns 8
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (import "env" "host_last_error" (func $last_error (result i32)))
  (memory 1)
  (data (i32.const 16) "\c3\28")
  (func (export "run") (result i32)
    (call $add_name (call $create) (i32.const 16) (i32.const 2))
    (call $last_error))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
