;; wat2wasm-flags: --enable-exceptions
;; Throws a Wasm exception (the exception-handling proposal's throw, with a tag and a payload) that
;; nothing catches: it must come out as a trap that says so, not as Chicory's bare WasmException.
;; expect: trap containing "the guest threw a Wasm exception (tag 0) that it did not catch"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (tag $oops (param i32))
  (func (export "run")
    (throw $oops (i32.const 42)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
