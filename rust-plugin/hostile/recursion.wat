;; Calls itself forever. The guest's call stack runs out (Chicory counts nested calls and gives
;; up long before the guest thread's JVM stack would); the JVM carries on.
;; expect: trap containing "call stack exhausted"
;; The interpreter keeps its frames on the JVM heap, and its frame budget stops the recursion first:
;; expect interpreter: trap limit maxInterpreterFrameBytes containing "deep in the interpreter"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (func $down (param $n i32) (result i32)
    (i32.add (call $down (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))
  (func (export "run") (result i32)
    (call $down (i32.const 0)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
