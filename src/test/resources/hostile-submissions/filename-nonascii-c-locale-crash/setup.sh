#!/bin/sh
# Makes exercises/ids/Hilfe<U+00E4>.java (kept out of git and Maven's resource copy). Under a POSIX
# locale (LANG unset or C, as in many Docker images), the grader's JVM cannot encode the name again:
# Intake's copy.resolve throws InvalidPathException, reported as a usage error; no results.json.
# usage: setup.sh SUBMISSION-COPY   (a copy of this folder; it is changed in place)
set -eu
dir="$1/01-entity-ids/src/exercises/ids"
printf 'package exercises.ids;\n\nclass Helper {}\n' > "$dir/$(printf 'Hilfe\303\244.java')"
