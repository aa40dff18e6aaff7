#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine that has Rust (rustup),
# Node/npm and apt. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The wasm target for the pinned toolchain (RUSTUP_AUTO_INSTALL=0: call rustup explicitly).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI at exactly the version in Cargo.lock (without --locked: see toolchain notes).
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock 2>/dev/null || true)
if [ -z "$want" ]; then cargo generate-lockfile >/dev/null 2>&1 || true
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock); fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want"
fi

# 3. npm dev tools (playwright-core, binaryen's wasm-opt), from the lockfile.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 4. Debian's Chromium and ChromeDriver for the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
say "ready"
