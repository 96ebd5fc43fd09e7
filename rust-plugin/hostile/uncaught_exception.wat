;; wat2wasm-flags: --enable-exceptions
;; Would throw a Wasm exception (the exception-handling proposal's throw, with a tag and a payload)
;; that nothing catches, which Chicory reports only as a bare WasmException. The plugin needs no
;; exceptions, so the host refuses the proposal when it is built: the guest never runs.
;; expect: link refused containing "the module declares exception tags: the exception-handling proposal is refused"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (tag $oops (param i32))
  (func (export "run")
    (throw $oops (i32.const 42)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
