;; A start function that calls itself forever: instantiation meets Chicory's call-depth limit (or,
;; on a small guest-thread stack, the JVM's), and build() fails as a PluginTrap, no thread left.
;; expect: build trap containing "call stack exhausted"
;; The interpreter's frame budget stops it first on the default stack (a small stack runs out before it):
;; expect interpreter: build trap limit maxInterpreterFrameBytes
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func $down
    (call $down))
  (start $down)
  (func (export "run") (result i32)
    (i32.const 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
