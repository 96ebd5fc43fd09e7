;; Creates an entity and destroys it. The test wires the host so that destroying calls back into
;; the guest (through the manager's log, which runs before anything is destroyed); the host refuses
;; the re-entrant call, the destroy does not happen, and the entity survives.
;; expect: trap in host_destroy_entity containing "re-entrant guest call refused"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_destroy_entity" (func $destroy (param i32)))
  (memory 1)
  (func (export "run")
    (call $destroy (call $create)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
