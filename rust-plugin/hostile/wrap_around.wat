;; Sends a name whose pointer plus length wraps past 2^32 back to a small address.
;; With 32-bit arithmetic 0xFFFFFFF0 + 0x20 = 0x10 would look in bounds; the host adds in 64 bits.
;; expect: trap in host_add_name containing "[0xFFFFFFF0, +32) runs past the end of guest memory"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (memory 1)
  (func (export "run")
    (call $add_name (call $create) (i32.const 0xFFFFFFF0) (i32.const 0x20)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
