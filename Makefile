# The two commands: `make serve` (install, build, serve the demo) and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build test setup setup-test check-toolchain test-scripts test-native lint fuzz fuzz-smoke test-wasm test-e2e test-engines size data data-check bench clean

# The release wasm rebuilds the standard library with panics that abort on the spot:
# no panic messages or their formatting, which a page never shows anyway (the widget
# has no panic hook), and 12.8 KB gzip less code.
# The pinned toolchain (rust-toolchain.toml) takes these unstable options with
# RUSTC_BOOTSTRAP, and scripts/check-toolchain checks that it still does (README, "Why
# the release build uses unstable options"). Only Trunk's build of the widget gets
# them, in a target directory of its own (so other builds are not made again).
RELEASE_WASM_ENV = RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR=target/release-wasm \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

## Install what is missing, build, and serve the demo at http://127.0.0.1:8080/
serve: setup check-toolchain
	$(RELEASE_WASM_ENV) trunk serve --release

## The release build into dist/
build: setup check-toolchain
	$(RELEASE_WASM_ENV) trunk build --release

## Install what the tests need and run them all
test: setup-test check-toolchain test-scripts test-native lint fuzz-smoke data-check test-wasm build size test-engines test-e2e

# The toolchain is the pinned one (rust-toolchain.toml) and takes the release build's
# unstable options: a sentence saying what to do, rather than a failed build, when not.
check-toolchain: setup
	@$(RELEASE_WASM_ENV) scripts/check-toolchain

setup:
	@scripts/setup

setup-test:
	@scripts/setup test

# The build scripts' sentences when a toolchain or tool changes (no build; seconds).
test-scripts: setup
	node --test tests/scripts/

# The workspace (its tools check counts: results-core's stv feature), then the core
# as the widget builds it, without that feature.
test-native:
	cargo test --workspace --quiet
	cargo test -p results-core --quiet

lint:
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo clippy -p results-core --all-targets --quiet -- -D warnings

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 5

## Coverage-guided fuzzing (fuzz/): every target for FUZZ_SECONDS each
fuzz: setup-test
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

# Every fuzz target for FUZZ_SMOKE_SECONDS each, for `make test`.
fuzz-smoke: setup-test
	FUZZ_SMOKE_SECONDS=$(FUZZ_SMOKE_SECONDS) scripts/fuzz --smoke

# Component tests in headless Chromium (webdriver.json gives its flags).
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test -p results-widget --target wasm32-unknown-unknown --test web

# The release build's code size: fails above the budget.
size:
	@scripts/size --enforce dist

test-e2e:
	node --test tests/e2e/

# The cross-engine suite of dist/ (tests/engines/): Chromium, Firefox ESR and
# WebKitGTK, one engine a file. WebKitGTK needs a display, which xvfb-run gives it
# (the other two run headless); ENGINES=firefox,webkit picks engines.
test-engines:
	xvfb-run -a -s '-screen 0 1600x1200x24' node --test tests/engines/

## Regenerate data/ from ../shared/data with the results tool
data:
	scripts/make-data

# The shipped data is exactly what the tool generates.
data-check:
	scripts/make-data --check

## Benchmarks: sizes, native (parse, validate, import) and in headless Chromium (load, sort)
bench: build
	( node bench/sizes.mjs && cargo bench --quiet -p results-cli --bench native && node bench/browser.mjs \
	  && xvfb-run -a -s '-screen 0 1600x1200x24' node bench/engines.mjs ) | node bench/report.mjs

clean:
	rm -rf dist target node_modules
