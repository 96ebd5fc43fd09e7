;; Grows memory 1,024 pages (64 MiB) at a time until memory.grow says no. Under the gallery's 256
;; pages the first grow is refused and it returns its 1 page. Under a maxMemoryPages larger than the
;; JVM's heap (HeapExhaustionTest: 4,096 pages in a JVM with -Xmx128m) a grow throws an
;; OutOfMemoryError inside the call, which must come out as a PluginTrap that names the heap.
;; expect: returns 1
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func (export "run") (result i32)
    (block $refused
      (loop $grow
        (br_if $refused (i32.eq (memory.grow (i32.const 1024)) (i32.const -1)))
        (br $grow)))
    (memory.size))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
