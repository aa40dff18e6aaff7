#!/usr/bin/env bash
# The examples (examples/*) against pkg/ as `make build` left it: packs pkg/ once (npm pack),
# installs each example's locked dependencies (npm ci), puts the packed marcheck in its
# node_modules (what a project gets from the registry: the tarball's files, a real folder, not a
# link to pkg/), builds each with its own tool (`npm run build`: vite, webpack, ng build, vite +
# SvelteKit's Node adapter) failing on any warning that comes from marcheck, two at a time
# (a CI machine has 2 cores), then drives each in headless Chromium (tests/examples/*.test.mjs).
# Prints how long each example's install and build took.
#   bash scripts/test-examples.sh            all of it
#   bash scripts/test-examples.sh --build    install and build only
#   EXAMPLES="vue-form csp-page" bash ...    only these (and their tests)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pkg/marcheck_bg.wasm ] || [ ! -f pkg/package.json ]; then
  echo "test-examples: pkg/ is missing: run make build first" >&2; exit 1
fi
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
out=target/examples
mkdir -p "$out"
export NG_CLI_ANALYTICS=false # the Angular CLI would ask
# The folders that are apps (a package.json): office/ is data (tests/cli_due.rs reads it).
names=${EXAMPLES:-$(cd examples && for d in */; do [ -f "$d/package.json" ] && echo "${d%/}"; done)}

step "npm pack pkg/ (one build of the package for every example)"
rm -f "$out"/marcheck-*.tgz
tgz="$PWD/$out/$(npm pack ./pkg --pack-destination "$out" --silent | tail -n 1)"
echo "$tgz"

# A warning block of a build log that names marcheck (its package folder, its files).
check_log() {
  node -e '
    const log = require("fs").readFileSync(process.argv[1], "utf8").replace(/\x1b\[[0-9;]*m/g, "");
    const bad = log.split(/\n\s*\n/).filter((b) => /warn|externali[sz]ed|critical dependency|\(!\)/i.test(b) && /marcheck|(^|[\/\s])pkg\//i.test(b));
    if (bad.length) { console.error(`test-examples: ${process.argv[2]}: a warning from marcheck:\n` + bad.join("\n\n")); process.exit(1); }
  ' "$1" "$2"
}

# One example: npm ci (skipped when node_modules is newer than the lockfile), the packed
# marcheck in place of the link, `npm run build` when it has one. Log and timings in target/examples/.
prepare() {
  local name=$1 dir=examples/$1 log=$out/$1.log t0 t1 t2
  t0=$(date +%s.%N)
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) > "$log" 2>&1 || { cat "$log"; return 1; }
  else
    : > "$log"
  fi
  rm -rf "$dir/node_modules/marcheck" && mkdir -p "$dir/node_modules/marcheck"
  tar -xzf "$tgz" -C "$dir/node_modules/marcheck" --strip-components=1
  t1=$(date +%s.%N)
  if node -e 'process.exit(require(process.argv[1]).scripts?.build ? 0 : 1)' "$PWD/$dir/package.json"; then
    (cd "$dir" && npm run build --silent) >> "$log" 2>&1 || { cat "$log"; return 1; }
  fi
  t2=$(date +%s.%N)
  check_log "$log" "$name" || return 1
  awk -v n="$name" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%s %.1f %.1f\n", n, b - a, c - b }' > "$out/$name.time"
}
export -f prepare check_log
export out tgz

step "examples: install and build, two at a time: ${names//$'\n'/ }"
t0=$(date +%s)
rm -f "$out"/*.time
if ! printf '%s\n' $names | xargs -P 2 -I{} bash -c 'prepare {} && echo "built: {}"'; then
  echo "test-examples: an example failed to install or build (its log is above)" >&2; exit 1
fi
printf '\n%-20s %10s %10s\n' example "install s" "build s"
for n in $names; do printf '%-20s %10s %10s\n' $(cat "$out/$n.time"); done
echo "all examples installed and built in $(( $(date +%s) - t0 )) s (wall clock, 2 at a time)"
[ "${1:-}" = "--build" ] && exit 0

step "examples in Chromium, the packed package in a fresh project"
tests=()
for n in $names; do f=tests/examples/$n.test.mjs; [ -f "$f" ] && tests+=("$f"); done
[ -z "${EXAMPLES:-}" ] && tests=(tests/examples/*.test.mjs)
exec node --test --test-concurrency=2 "${tests[@]}"
