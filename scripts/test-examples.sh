#!/usr/bin/env bash
# The examples (examples/*) against pkg/ as `make build` left it: installs each one's locked
# dependencies (npm ci, only when its lockfile changed), builds each with its own tool (vite
# build, webpack) failing on any warning that comes from marcheck, then drives each in headless
# Chromium and checks the package as a project installs it (tests/examples/*.test.mjs).
#   bash scripts/test-examples.sh            all of it
#   bash scripts/test-examples.sh --build    install and build only
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pkg/marcheck_bg.wasm ] || [ ! -f pkg/package.json ]; then
  echo "test-examples: pkg/ is missing: run make build first" >&2; exit 1
fi
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
mkdir -p target/examples

# A warning block of a build log that names marcheck (its package folder, its files).
check_log() {
  node -e '
    const log = require("fs").readFileSync(process.argv[1], "utf8").replace(/\x1b\[[0-9;]*m/g, "");
    const bad = log.split(/\n\s*\n/).filter((b) => /warn|externali[sz]ed|critical dependency|\(!\)/i.test(b) && /marcheck|(^|[\/\s])pkg\//i.test(b));
    if (bad.length) { console.error(`test-examples: ${process.argv[2]}: a warning from marcheck:\n` + bad.join("\n\n")); process.exit(1); }
  ' "$1" "$2"
}

for dir in examples/*/; do
  name=$(basename "$dir")
  [ -f "$dir/package.json" ] || continue # a folder of data (office/: tests/cli_due.rs reads it)
  step "examples/$name"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  log="target/examples/$name.log"
  if grep -q '"vite build"' "$dir/package.json"; then
    (cd "$dir" && npx vite build --logLevel warn) > "$log" 2>&1 || { cat "$log"; exit 1; }
  elif grep -q '"webpack' "$dir/package.json"; then
    (cd "$dir" && npx webpack --mode production) > "$log" 2>&1 || { cat "$log"; exit 1; }
  else
    : > "$log" # nothing to build (Node)
  fi
  check_log "$log" "$name"
  cat "$log"
done
[ "${1:-}" = "--build" ] && exit 0

step "examples in Chromium, the packed package in a fresh project"
exec node --test --test-concurrency=2 tests/examples/*.test.mjs
