# The two commands of the README: `make demo` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup build demo test test-rust test-wasm test-browser docs check-docs bench fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

demo: build
	@node scripts/serve.mjs --port 8080

test: build
	@bash scripts/test.sh

docs:
	cargo run --quiet --bin marcheck -- rules --markdown > docs/rules.md

bench: build
	@bash scripts/bench.sh

# A long property-test run on arbitrary JSON (make test runs 256 cases of each property).
PROPTEST_CASES ?= 1000000
fuzz:
	PROPTEST_CASES=$(PROPTEST_CASES) cargo test --profile limits --test hostile --test metamorphic

clean:
	rm -rf pkg target/wasm32-unknown-unknown
