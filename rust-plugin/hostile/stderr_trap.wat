;; Writes 16 KiB to stderr and then traps, like a Rust panic with a long message. Called thousands of
;; times (GuestOutputTest), each trap must cost the same: a trap copies only a bounded tail of what
;; this call wrote, never all the stderr captured so far.
;; expect: trap containing "unreachable"
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (data (i32.const 0) "\10\00\00\00\00\40\00\00") ;; one iovec: 16,384 bytes at 16
  (func (export "run")
    (memory.fill (i32.const 16) (i32.const 101) (i32.const 16383))
    (i32.store8 (i32.const 16399) (i32.const 10))
    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))
    unreachable)
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
