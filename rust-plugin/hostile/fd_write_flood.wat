;; One fd_write with 3,000 iovecs that all point at the same 1 MiB buffer: 3 GiB of output in one
;; host call, to stdout and then to stderr. The host keeps a bounded tail of each stream, counts the
;; rest, and never copies more than that tail out of guest memory, so this returns at once.
;; Returns the megabytes fd_write said it wrote to each stream.
;; expect: returns 3000
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 18)
  ;; the iovecs from 0 (3,000 x 8 bytes), nwritten at 32,000, the buffer from 65,536 (1 MiB of 'x')
  (func $flood (param $fd i32) (result i32)
    (local $i i32)
    (memory.fill (i32.const 65536) (i32.const 120) (i32.const 1048576))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (i32.const 3000)))
        (i32.store (i32.mul (local.get $i) (i32.const 8)) (i32.const 65536))
        (i32.store (i32.add (i32.mul (local.get $i) (i32.const 8)) (i32.const 4)) (i32.const 1048576))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (if (call $fd_write (local.get $fd) (i32.const 0) (i32.const 3000) (i32.const 32000))
      (then (return (i32.const -1))))
    (i32.shr_u (i32.load (i32.const 32000)) (i32.const 20)))
  (func (export "run") (result i32)
    (local $out i32)
    (local.set $out (call $flood (i32.const 1)))
    (if (i32.ne (local.get $out) (call $flood (i32.const 2)))
      (then (return (i32.const -2))))
    (local.get $out))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
