#!/usr/bin/env bash
# Builds pkg/: the wasm core (optimised), its JS glue and types, the drop-in binding and the manifest.
# JavaScript is minified (esbuild, transform only: same modules, same exports; the glue also bundles
# its snippet); the readable sources are js/*.js, src/wasm.js and the wasm-bindgen output kept in
# target/pkg-src/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=pkg
src=target/pkg-src
# Profile `wasm` (Cargo.toml): opt-level "z". At "z" LLVM inlines almost nothing, not even a
# one-line function called in a loop; an explicit inlining threshold lifts that limit. 40 was
# measured best (make bench, 2026-11): validate 5-10% faster in Node and Chromium for no bytes
# (opt-level "s" is 10-15% faster for +3.3 KB gzipped; a threshold of 75, 10-15% for +1.4 KB).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C llvm-args=-inline-threshold=40" \
  cargo rustc --quiet --profile wasm --target wasm32-unknown-unknown --lib --crate-type cdylib
rm -rf "$out" "$src"; mkdir -p "$out" "$src"
wasm-bindgen target/wasm32-unknown-unknown/wasm/marcheck.wasm --target web --out-dir "$src" --out-name marcheck
# wasm-opt beyond -Oz (measured 2026-12-04, gzipped .wasm, 89 115 B at plain -Oz):
# --low-memory-unused: -521 B. It lets wasm-opt fold a constant added to a pointer into the
#   load's or store's offset, which is exact unless an address below 1024 is used. Rust's wasm
#   puts the 1 MiB stack first (the data start at 1 MiB, the stack grows down toward 0), and
#   the heap (src/heap.rs) takes memory above the data: nothing lives below 1024.
# --strip-producers: -97 B (the toolchain's names and versions; nothing reads them).
# --converge (repeat -Oz until it stops shrinking): -21 B, 2 s more build.
# --merge-similar-functions before -Oz: -235 B (functions that differ only in constants become
#   one with a parameter; validate and session.set unchanged, node bench/node.mjs).
# Tried and left out: --gufa (0 B), -O3 then -Oz (+81 B), -Os (+2 B), --closed-world (0 B),
# --traps-never-happen (-107 B, but it lets wasm-opt assume a trap, i.e. a bug, never happens).
node_modules/.bin/wasm-opt --low-memory-unused --strip-producers --merge-similar-functions -Oz --converge "$src/marcheck_bg.wasm" -o "$out/marcheck_bg.wasm"
cp "$src/marcheck.d.ts" "$src/marcheck_bg.wasm.d.ts" js/attach.d.ts js/standard.d.ts "$out/"
# wasm-bindgen types the raw exports of InitOutput (what init() resolves to) as `any`: they are
# not for callers, so `unknown` there keeps the package's types free of `any`.
sed -i -E '/^export interface InitOutput/,/^\}/ s/\bany\b/unknown/g' "$out/marcheck.d.ts"
# Options and a report's scope may be left out (contract §7): wasm-bindgen types an
# `Option<JsValue>` given an unchecked type as required. Session's `[Symbol.dispose]` needs
# TypeScript's esnext.disposable lib, which a portal on es2022 does not have: left out of the
# types (the method is still there).
sed -i -E \
  -e 's/^export function validate\(form: MarForm \| unknown, options: Options\)/export function validate(form: MarForm | unknown, options?: Options)/' \
  -e 's/^export function createSession\(options: Options\)/export function createSession(options?: Options)/' \
  -e 's/^export function deadlines\(form: MarForm \| unknown, options: Options\)/export function deadlines(form: MarForm | unknown, options?: Options)/' \
  -e 's/^export function calendar\(forms: MarForm \| MarForm\[\] \| unknown, options: Options\)/export function calendar(forms: MarForm | MarForm[] | unknown, options?: Options)/' \
  -e 's/^    report\(scope: string\[\]\): Report;/    report(scope?: string[]): Report;/' \
  -e '/^    \[Symbol\.dispose\]\(\): void;$/d' \
  "$out/marcheck.d.ts"
for want in 'validate(form: MarForm | unknown, options?: Options)' 'createSession(options?: Options)' 'report(scope?: string[])' \
  'deadlines(form: MarForm | unknown, options?: Options)' 'calendar(forms: MarForm | MarForm[] | unknown, options?: Options)'; do
  grep -qF "$want" "$out/marcheck.d.ts" || { echo "build: marcheck.d.ts lacks: $want" >&2; exit 1; }
done
# The glue imports its snippets (src/wasm.js, the JavaScript half of the wasm layer) from
# snippets/: bundled in, so the package keeps its files. wasm-bindgen lists that module once per
# import in its import object (same module, duplicate keys), which esbuild would warn about.
# The browser entry is the glue wrapped so that a call before init() says so (scripts/web-entry.mjs).
# The default location of the .wasm: wasm-bindgen writes `new URL('marcheck_bg.wasm',
# import.meta.url)`; with "./" it is the pattern every bundler that handles assets by URL
# recognises as a file beside the module (a bare name is a package name to some resolvers).
sed -i "s|new URL('marcheck_bg.wasm', import.meta.url)|new URL('./marcheck_bg.wasm', import.meta.url)|" "$src/marcheck.js"
node scripts/web-entry.mjs "$src"
node_modules/.bin/esbuild "$src/entry.js" --bundle --minify --format=esm --target=es2020 --log-level=warning \
  --log-override:duplicate-object-key=silent --outfile="$out/marcheck.js"
grep -qF 'new URL("./marcheck_bg.wasm",import.meta.url)' "$out/marcheck.js" || { echo "build: marcheck.js lost new URL(\"./marcheck_bg.wasm\", import.meta.url)" >&2; exit 1; }
# Node entries (the "node" export condition): no init step; the .wasm is inlined (esbuild's
# binary loader) so that a server bundle that moves the module keeps its core (js/node.js).
mkdir -p "$src/node"
cp js/node.js "$out/marcheck_bg.wasm" "$src/node/"
node_modules/.bin/esbuild "$src/node/node.js" --bundle --platform=node --format=esm --target=node20 --log-level=warning \
  --loader:.wasm=binary --external:./marcheck.js --outfile="$out/marcheck.node.js"
grep -q 'from "./marcheck.js"' "$out/marcheck.node.js" || { echo "build: marcheck.node.js does not import ./marcheck.js" >&2; exit 1; }
cp js/standard.node.js "$out/standard.node.js"
# The binding is written in parts (js/attach/*.js) and shipped as one module; the core stays a
# separate module it imports at run time (./marcheck.js, next to it in pkg/).
node_modules/.bin/esbuild js/attach/index.js --bundle --external:./marcheck.js --minify --format=esm --target=es2020 \
  --log-level=warning --outfile="$out/attach.js"
node_modules/.bin/esbuild js/standard.js --minify --format=esm --target=es2020 --log-level=warning --outfile="$out/standard.js"
# The manifest, the README and what the README links to (docs/, bench/results.md): the packaged
# README's relative links must work where npm shows it.
node scripts/manifest.mjs
node scripts/size.mjs
