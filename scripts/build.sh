#!/usr/bin/env bash
# Builds pkg/: the wasm core (optimised), its JS glue and types, the drop-in binding and the manifest.
set -euo pipefail
cd "$(dirname "$0")/.."
out=pkg
cargo build --quiet --release --target wasm32-unknown-unknown --lib
rm -rf "$out"; mkdir -p "$out"
wasm-bindgen target/wasm32-unknown-unknown/release/marcheck.wasm --target web --out-dir "$out" --out-name marcheck
node_modules/.bin/wasm-opt -Oz "$out/marcheck_bg.wasm" -o "$out/marcheck_bg.wasm"
cp js/attach.js js/attach.d.ts js/standard.js js/standard.d.ts "$out/" 2>/dev/null || true
node scripts/manifest.mjs
cp README.md "$out/README.md"
node scripts/size.mjs
