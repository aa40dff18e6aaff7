#!/usr/bin/env bash
# The browser tests (Debian's Chromium through playwright-core) and the Node tests of the built
# package, against pkg/ as `make build` left it. About 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pkg/marcheck_bg.wasm ] || [ ! -f pkg/marcheck.js ]; then
  echo "test-browser: pkg/ is missing: run make build first" >&2; exit 1
fi
for f in attach.d.ts standard.d.ts; do
  if ! cmp -s "js/$f" "pkg/$f"; then echo "test-browser: pkg/$f is not js/$f: run make build first" >&2; exit 1; fi
done
exec node --test tests/browser/*.test.mjs tests/node/*.test.mjs
