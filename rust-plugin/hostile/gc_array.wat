;; wat2wasm-flags: --enable-gc
;; Declares a GC-proposal array type. GC arrays and structs live on the JVM heap, outside every
;; limit (array.new of a billion elements is a raw OutOfMemoryError); a plugin built for wasm32 needs
;; none, so the host refuses any struct or array type, and any GC instruction (wabt 1.0.32 cannot
;; write array.new in WAT: ModuleBoundsTest builds that one from bytes).
;; expect: link refused containing "type 0 is an array type: the GC proposal is refused"
(module
  (type $bytes (array (mut i32)))
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func (export "run") (result i32)
    (i32.const 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
