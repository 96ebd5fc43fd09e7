;; Names entity after entity with a name of 65,536 bytes, the most one name may be (maxNameBytes),
;; until the host refuses. One name is small, but 100,000 entities of them would be 6.4 GB: the
;; bytes of all names are capped too (maxNameBytesTotal; the gallery allows 1 MiB, 16 such names).
;; host_add_name traps before storing the 17th, and the 16 stored are kept.
;; expect: trap in host_add_name limit maxNameBytesTotal containing "would make 1114112, more than 1048576"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_add_name" (func $add_name (param i32 i32 i32)))
  (memory 2)
  (func (export "run")
    (memory.fill (i32.const 65536) (i32.const 0x41) (i32.const 65536))
    (loop $flood
      (call $add_name (call $create) (i32.const 65536) (i32.const 65536))
      (br $flood)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
