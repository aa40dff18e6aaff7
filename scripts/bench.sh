#!/usr/bin/env bash
# `make bench` (after `make build`): marcheck against a hand-written JS baseline (bench/baseline.mjs).
#   - validate() latency per call, median and p99, in Node and in headless Chromium, same process,
#     alternating blocks with the baseline; the ratio of the medians
#   - cold start in Chromium: fetch + compile + instantiate + first report, fresh context each run
#   - raw and gzipped sizes of pkg/
#   - throughput of the native command line on a batch of forms, with peak memory
# Writes bench/results.json and bench/results.md and prints the tables. A slow number never fails
# the run; a crash does. BENCH_SMOKE=1: a fast smoke run (few iterations, 1 000 forms) for CI,
# written to bench/results/smoke.*.tmp (git-ignored) so the committed results stay as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=()
if [ "${BENCH_SMOKE:-0}" = "1" ]; then smoke=(--smoke); fi

if [ ! -f pkg/marcheck_bg.wasm ] || [ ! -f pkg/marcheck.js ]; then
  echo "bench: pkg/ is not built; run 'make build' (or 'make bench', which builds first)" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: installing GNU time (peak memory of the batch runs)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null; }
fi

export BENCH_LOAD_START; BENCH_LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
parts=$(mktemp -d)
trap 'rm -rf "$parts"' EXIT

echo "bench: node: validate() latency, marcheck vs baseline"
node bench/node.mjs "${smoke[@]}" > "$parts/node.json"

echo "bench: chromium: validate() latency and cold start"
node bench/browser.mjs "${smoke[@]}" > "$parts/browser.json"

echo "bench: sizes"
node scripts/size.mjs --json > "$parts/size.json"

echo "bench: native command line (release build; bench-native too in a full run)"
cargo build --quiet --release --bin marcheck
if [ ${#smoke[@]} -eq 0 ]; then cargo build --quiet --profile bench-native --bin marcheck; fi
echo "bench: throughput on a batch of forms"
node bench/throughput.mjs "${smoke[@]}" > "$parts/throughput.json"

echo
node bench/report.mjs "$parts" "${smoke[@]}"

# After report.mjs (which rewrites bench/results.json): merged in under "keystroke".
echo "bench: chromium: keystroke cost of the binding (input -> marcheck:report, and with the layout it leaves): this one, v0.1.0 + JS baseline, v0.1.0 + wasm"
node bench/keystroke.mjs "${smoke[@]}" > /dev/null

# A full run also rewrites the README's table of numbers (make test checks they agree).
if [ ${#smoke[@]} -eq 0 ]; then node scripts/readme-numbers.mjs; fi
