;; Grows memory by 160 pages, fills 10 MiB with 'A' and sends it all as one name.
;; The host refuses before reading it: names are capped at maxNameBytes.
;; expect: trap in host_add_name limit maxNameBytes containing "a name of 10485760 bytes is longer than 65536"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (memory 1)
  (func (export "run")
    (drop (memory.grow (i32.const 160)))
    (memory.fill (i32.const 65536) (i32.const 0x41) (i32.const 10485760))
    (call $add_name (call $create) (i32.const 65536) (i32.const 10485760)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
