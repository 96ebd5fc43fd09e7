;; Waits inside a WASI call: poll_oneoff with one clock subscription of 60 s (Chicory sleeps on the
;; guest thread). The deadline must stop it there too, and say it was the deadline.
;; expect: trap limit callDeadline containing "deadline of 1000 ms"
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  ;; the subscription at 0 (48 bytes): userdata 0, tag 0 (clock), clock id 1 (monotonic) at 16,
  ;; timeout 60e9 ns at 24, precision 0 at 32, flags 0 (relative) at 40; the event goes at 64,
  ;; the count of events at 96
  (func (export "run") (result i32)
    (i32.store (i32.const 16) (i32.const 1))
    (i64.store (i32.const 24) (i64.const 60000000000))
    (call $poll (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 96)))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
