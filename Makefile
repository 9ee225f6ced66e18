# The two commands: `make serve` (install, build, serve the demo) and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build test setup setup-test test-native lint test-wasm test-e2e size data data-check bench clean

## Install what is missing, build, and serve the demo at http://127.0.0.1:8080/
serve: setup
	trunk serve --release

## The release build into dist/
build: setup
	trunk build --release

## Install what the tests need and run them all
test: setup-test test-native lint data-check test-wasm build size test-e2e

setup:
	@scripts/setup

setup-test:
	@scripts/setup test

test-native:
	cargo test --workspace --quiet

lint:
	cargo clippy --workspace --all-targets --quiet -- -D warnings

# Component tests in headless Chromium (webdriver.json gives its flags).
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test -p results-widget --target wasm32-unknown-unknown --test web

# The release build's code size, checked against the budget.
size:
	@scripts/size dist

test-e2e:
	node --test tests/e2e/

## Regenerate data/ from ../shared/data with the results tool
data:
	scripts/make-data

# The shipped data is exactly what the tool generates.
data-check:
	scripts/make-data --check

## Benchmarks: native (parse, validate, import) and in headless Chromium (load, sort)
bench: build
	( cargo bench --quiet -p results-cli --bench native && node bench/browser.mjs ) | node bench/report.mjs

clean:
	rm -rf dist target node_modules
