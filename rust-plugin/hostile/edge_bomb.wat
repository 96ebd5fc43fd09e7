;; Creates 300 entities and enrolls every one in every other (89,700 edges, some 5 MB of host heap;
;; 9 million edges among 6,000 entities once held ~530 MB), until the host refuses. The edges are
;; capped in total across the three relations (maxEdges; the gallery allows 10,000): the enroll
;; that would add edge 10,001 traps before changing anything, and the 10,000 made are kept.
;; expect: trap in host_enroll limit maxEdges containing "the world already holds 10000 edges; no more may be added"
(module
  (import "env" "host_create_entity" (func $create (result i32)))
  (import "env" "host_enroll" (func $enroll (param i32 i32) (result i32)))
  (memory 1)
  (func (export "run")
    (local $n i32) (local $s i32) (local $c i32)
    (local.set $n (i32.const 300))
    ;; a fresh world: ids 0..299 at version 0
    (block $made
      (loop $make
        (br_if $made (i32.ge_u (local.get $s) (local.get $n)))
        (drop (call $create))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $make)))
    (local.set $s (i32.const 0))
    (loop $students
      (local.set $c (i32.const 0))
      (loop $courses
        (if (i32.ne (local.get $s) (local.get $c))
          (then (drop (call $enroll (local.get $s) (local.get $c)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br_if $courses (i32.lt_u (local.get $c) (local.get $n))))
      (local.set $s (i32.add (local.get $s) (i32.const 1)))
      (br_if $students (i32.lt_u (local.get $s) (local.get $n)))))
  (func (export "honest") (result i32)
    (i32.ne (call $create) (i32.const -1))))
