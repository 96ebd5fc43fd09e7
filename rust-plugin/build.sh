#!/usr/bin/env bash
# Builds the plugin and copies the .wasm to where the Java side loads it from:
#   src/main/resources/dev/ecswasm/host/ecs_plugin.wasm
# and compiles the hostile guests (hostile/*.wat, with Debian's wabt) into
#   src/test/resources/hostile/*.wasm
# and the benchmarks' call-loop module (bench/bench_calls.wat) into
#   src/jmh/resources/bench_calls.wasm
# and exercise 6's guest (exercises/06-plugin-through-chicory/test/exercises/hostfn/guest.wat) into
#   the guest.wasm beside it
# and the C guest (c-guest/guest.c, written against entt_api.h) into
#   src/test/resources/c-guest/c_guest.wasm
#
# Debian's toolchain is the reference (rustc 1.63, target wasm32-wasi; apt-get install -y rustc
# cargo libstd-rust-dev-wasm32 lld-14 wasi-libc): CI rebuilds with it and compares the bytes with
# the committed file. Without it, a rustup toolchain with target wasm32-wasip1 is used; that build
# runs the same but its bytes differ from the committed reference.
#
# The release profile strips symbols and debug info (strip = true in Cargo.toml: ~75 KB instead of
# ~700 KB), and source paths are remapped so the bytes do not depend on where the checkout lives.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/dev/ecswasm/host/ecs_plugin.wasm"
cd "$here"

if [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/wasm32-wasi ]; then
    # /usr/bin/cargo would otherwise run the first rustc on PATH, which may be rustup's.
    export RUSTC=/usr/bin/rustc
    cargo=/usr/bin/cargo
    target=wasm32-wasi
else
    cargo=cargo
    target=wasm32-wasip1
    echo "build.sh: Debian's wasm32-wasi toolchain not found; using $(command -v cargo) with $target" >&2
fi

export RUSTFLAGS="--remap-path-prefix=$here=/rust-plugin --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$here/target"
"$cargo" build --release --locked --target "$target"
mkdir -p "$(dirname "$out")"
cp "target/$target/release/ecs_plugin.wasm" "$out"
echo "built $out ($(wc -c < "$out") bytes, $("${RUSTC:-rustc}" --version), $target)"

# The hostile-guest gallery: WAT sources, compiled by wabt's wat2wasm (apt-get install -y wabt).
# A guest that needs a proposal says so in a line of its own: ";; wat2wasm-flags: --enable-exceptions".
hostile_out="$here/../src/test/resources/hostile"
if command -v wat2wasm >/dev/null 2>&1; then
    mkdir -p "$hostile_out"
    for wat in "$here"/hostile/*.wat; do
        # a guest that needs a proposal says so in a ";; wat2wasm-flags: --enable-..." line
        flags=$(sed -n 's/^;; wat2wasm-flags: //p' "$wat")
        # shellcheck disable=SC2086
        wat2wasm $flags "$wat" -o "$hostile_out/$(basename "$wat" .wat).wasm"
    done
    echo "built $(ls "$here"/hostile/*.wat | wc -l) hostile guests with $(wat2wasm --version) into $hostile_out"
    mkdir -p "$here/../src/jmh/resources"
    wat2wasm "$here/bench/bench_calls.wat" -o "$here/../src/jmh/resources/bench_calls.wasm"
    # exercise 6's guest: its source and its .wasm both sit beside the exercise's tests
    ex6="$here/../exercises/06-plugin-through-chicory/test/exercises/hostfn"
    wat2wasm "$ex6/guest.wat" -o "$ex6/guest.wasm"
else
    echo "build.sh: wat2wasm not found (apt-get install -y wabt); hostile guests not rebuilt" >&2
fi

# The C guest: proof the ABI is language-neutral. Debian's clang-14 with wasi-libc and the wasm32
# compiler runtime (apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32).
# --strip-all drops the name and producers sections, and the prefix map keeps the checkout's path
# out of anything that would embed it, so the bytes are the same wherever the checkout lives.
c_out="$here/../src/test/resources/c-guest/c_guest.wasm"
if command -v clang-14 >/dev/null 2>&1 && [ -d /usr/lib/wasm32-wasi ]; then
    mkdir -p "$(dirname "$c_out")"
    clang-14 --target=wasm32-wasi --sysroot=/usr -mexec-model=reactor -O2 -Wall -Wextra -Werror \
        -I "$here" -ffile-prefix-map="$here"=/rust-plugin -Wl,--strip-all \
        -o "$c_out" "$here/c-guest/guest.c"
    echo "built $c_out ($(wc -c < "$c_out") bytes, $(clang-14 --version | head -n 1))"
else
    echo "build.sh: clang-14 or wasi-libc not found (apt-get install -y clang-14 lld-14 wasi-libc" \
         "libclang-rt-14-dev-wasm32); C guest not rebuilt" >&2
fi
