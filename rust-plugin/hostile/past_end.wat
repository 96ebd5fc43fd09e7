;; Asks the host to write a name into the last two bytes of memory, with room claimed for 16.
;; The host must trap before writing a byte.
;; expect: trap in host_get_name containing "runs past the end of guest memory"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (import "env" "host_get_name" (func $get_name (param i32 i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 16) "victim")
  (func (export "run") (result i32)
    (local $e i32)
    (local.set $e (call $create))
    (call $add_name (local.get $e) (i32.const 16) (i32.const 6))
    (call $get_name (local.get $e) (i32.const 65534) (i32.const 16)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
