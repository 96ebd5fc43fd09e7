;; Two loops of guest-to-host calls that differ only in what they call: the ABI's cheapest import
;; (host_is_entity_valid, through the whole ABI) or a bare host function that does nothing. The
;; difference between them is the ABI's own overhead. Used by the JMH benchmarks only.
(module
  (import "env" "host_is_entity_valid" (func $valid (param i32) (result i32)))
  (import "env" "bench_noop" (func $noop (param i32) (result i32)))
  (memory 1)
  (func (export "loop_abi") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $valid (i32.const 0))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum))
  (func (export "loop_noop") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $noop (i32.const 0))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
