#!/usr/bin/env bash
# `make test` (after `make build`): every test, in the order a failure is cheapest to read.
#   1. Rust: formatting, lints on the library (no unwrap/expect/panic/indexing on input paths),
#      unit, rule, example, fixture, metamorphic and property (fuzz smoke) tests, the CLI and its
#      fuzz smoke, the generated docs are fresh; the limits, optimised
#   2. the wasm layer through wasm-bindgen-test, in Node and in headless Chromium
#   3. the built package in Node, the drop-in binding and the demo in Chromium (playwright-core)
#   4. the benchmarks, as a smoke run (they measure; they never fail on a slow number)
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
export CARGO_TERM_COLOR=never

step "rust: fmt, clippy"
cargo fmt --check
cargo clippy --quiet --lib -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

step "rust: unit, rule, fixture, docs and property tests (native)"
cargo test --quiet

step "rust: the limits, each answered in bounded time (optimised, one test at a time)"
cargo test --quiet --profile limits --test limits -- --test-threads=1

step "wasm: wasm-bindgen-test in Node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm

step "wasm: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm

step "package, binding and demo: Node and Chromium"
node --test --test-concurrency=1 tests/node/*.test.mjs tests/browser/*.test.mjs tests/demo/*.test.mjs bench/baseline.test.mjs

step "examples: built with their own tools (vite, webpack, ng build, SvelteKit), two at a time, driven in Chromium"
bash scripts/test-examples.sh

step "docs: the README's numbers are the committed bench results"
node scripts/readme-numbers.mjs --check

step "benchmarks: smoke run"
BENCH_SMOKE=1 bash scripts/bench.sh > target/bench-smoke.log 2>&1 || { cat target/bench-smoke.log; exit 1; }
tail -n 5 target/bench-smoke.log
