#!/bin/sh
# Makes the two files whose names are not valid UTF-8 (kept out of git and Maven's resource copy):
# exercises/ids/bad<0xFE>.java and bad<0xFF>.java. Both decode to "bad\uFFFD.java" in the grader's
# JVM, so Intake copies two files to one target: FileAlreadyExistsException, the grader dies.
# usage: setup.sh SUBMISSION-COPY   (a copy of this folder; it is changed in place)
set -eu
dir="$1/01-entity-ids/src/exercises/ids"
printf 'package exercises.ids;\n\nclass Helper1 {}\n' > "$dir/$(printf 'bad\376.java')"
printf 'package exercises.ids;\n\nclass Helper2 {}\n' > "$dir/$(printf 'bad\377.java')"
