;; Changes everything an instance owns that Chicory might share with the next instance of the same
;; module: grows its table (Chicory 1.7.5's table.grow adds to the parsed module's own limits) and
;; its memory, sets a mutable global, drops a passive data and a passive element segment, and
;; closes its WASI stdout. A fresh host of the same PluginModule, and a REINSTANTIATED recovery,
;; must start from the module as parsed: ModuleIsolationTest reads the probes below to check.
;; expect: returns 1
(module
  (import "wasi_snapshot_preview1" "fd_close" (func $close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_create_entity" (func $create (result i32)))
  (memory 1)
  (table 2 funcref)
  (global $counter (export "counter") (mut i32) (i32.const 7))
  (data $passive "probe")
  (elem $e funcref (ref.func $honest))
  (func $honest (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1)))
  (func (export "run") (result i32)
    (drop (table.grow 0 (ref.null func) (i32.const 1000)))
    (drop (memory.grow (i32.const 3)))
    (global.set $counter (i32.const 99))
    (data.drop $passive)
    (elem.drop $e)
    (drop (call $close (i32.const 1)))
    (i32.const 1))
  (func (export "table_size") (result i32)
    (table.size 0))
  (func (export "memory_pages") (result i32)
    (memory.size))
  ;; 112 ('p') while the passive data segment is there; traps once it was dropped
  (func (export "data_ok") (result i32)
    (memory.init $passive (i32.const 100) (i32.const 0) (i32.const 5))
    (i32.load8_u (i32.const 100)))
  ;; 1 while the passive element segment is there; traps once it was dropped
  (func (export "elem_ok") (result i32)
    (table.init 0 $e (i32.const 0) (i32.const 0) (i32.const 1))
    (i32.const 1))
  ;; the WASI errno of writing one byte to stdout: 0, or 8 (EBADF) once fd 1 was closed
  (func (export "stdout_ok") (result i32)
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 1))
    (i32.store8 (i32.const 16) (i32.const 120))
    (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
  (func (export "boom")
    (unreachable)))
