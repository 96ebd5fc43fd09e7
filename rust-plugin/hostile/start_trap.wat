;; A start function that traps: Chicory runs it while instantiating, so building the host fails.
;; The failure must come out as our PluginTrap (no host is built) and leave no guest thread behind.
;; expect: build trap containing "unreachable"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func $boom
    (unreachable))
  (start $boom)
  (func (export "run") (result i32)
    (i32.const 0))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
