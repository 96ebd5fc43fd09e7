;; Claims a children buffer of 0x40000001 elements: 4 GiB + 4 bytes, more than any memory.
;; expect: trap in host_find_children containing "+4294967300) runs past the end of guest memory"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_find_children" (func $find_children (param i32 i32 i32) (result i32)))
  (memory 1)
  (func (export "run") (result i32)
    (call $find_children (call $create) (i32.const 16) (i32.const 0x40000001)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
