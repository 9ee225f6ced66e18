// The build scripts that depend on a toolchain or a tool's output (check-toolchain,
// minify-names, write-loader, fuzz) stop with a sentence that says what is wrong and
// what to do. Each case gives a script what a changed tool would (a fake rustc first
// on PATH, a glue without a name, Trunk output named otherwise) and reads the
// sentence. No build: the whole file takes a few seconds. `make test-scripts`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'node_modules/.bin');
const pinned = readFileSync(path.join(root, 'rust-toolchain.toml'), 'utf8').match(/^channel = "(.*)"$/m)[1];

// The release build's settings, as the Makefile's RELEASE_WASM_ENV gives them.
const makefile = readFileSync(path.join(root, 'Makefile'), 'utf8');
const releaseEnv = {
  RUSTC_BOOTSTRAP: '1',
  CARGO_UNSTABLE_BUILD_STD: makefile.match(/CARGO_UNSTABLE_BUILD_STD=(\S+)/)[1],
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: makefile.match(/CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="([^"]*)"/)[1],
};

const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'results-scripts-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** Runs a command from the project's root; resolves to { status, stderr }. */
const run = (command, args, env = {}) => {
  const { status, stderr } = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status, stderr };
};

/** A directory holding a fake `rustc` to put first on PATH: `-vV` reports
 *  `release`, `--print sysroot` names `sysroot`, and `--print cfg` fails with
 *  `cfgError` when given (or reports `cfg`). */
function fakeRustc({ release = pinned, sysroot = '/nonexistent', cfgError = '', cfg = 'panic="immediate-abort"' }) {
  const dir = scratch();
  const script = `#!/bin/sh
case "$*" in
  *-vV*) printf 'rustc ${release} (fake)\\nbinary: rustc\\nhost: x86_64-unknown-linux-gnu\\nrelease: ${release}\\n' ;;
  *"--print sysroot"*) echo '${sysroot}' ;;
  *"--print cfg"*) if [ -n '${cfgError}' ]; then echo 'error: ${cfgError}' >&2; exit 1; fi; echo '${cfg}' ;;
  *) echo "fake rustc: $*" >&2; exit 1 ;;
esac
`;
  writeFileSync(path.join(dir, 'rustc'), script);
  chmodSync(path.join(dir, 'rustc'), 0o755);
  return { PATH: `${dir}:${process.env.PATH}` };
}

/** A sysroot with the wasm target and, unless `rustSrc` is false, rust-src. */
function fakeSysroot({ rustSrc = true } = {}) {
  const dir = scratch();
  mkdirSync(path.join(dir, 'lib/rustlib/wasm32-unknown-unknown'), { recursive: true });
  if (rustSrc) {
    mkdirSync(path.join(dir, 'lib/rustlib/src/rust/library'), { recursive: true });
    writeFileSync(path.join(dir, 'lib/rustlib/src/rust/library/Cargo.toml'), '');
  }
  return dir;
}

test('check-toolchain passes on the pinned toolchain with the release build\'s settings', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], releaseEnv);
  assert.equal(stderr, '');
  assert.equal(status, 0);
});

test('check-toolchain, run without the release build\'s settings, says to run it through make', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { CARGO_UNSTABLE_BUILD_STD: '', CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '' });
  assert.equal(status, 1);
  assert.match(stderr, /^check-toolchain: run it as `make check-toolchain`, which gives it the release build's settings/);
});

test('check-toolchain: another rustc than the pinned one, and what to do', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, ...fakeRustc({ release: '1.96.0' }), RUSTUP_TOOLCHAIN: '' });
  assert.equal(status, 1);
  assert.match(stderr, new RegExp(`^check-toolchain: rustc here is 1\\.96\\.0, not the ${pinned.replaceAll('.', '\\.')} that rust-toolchain.toml pins .*: run scripts/setup, which links or installs ${pinned.replaceAll('.', '\\.')}`));
});

test('check-toolchain: RUSTUP_TOOLCHAIN overriding the pin is named', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, ...fakeRustc({ release: '1.97.0-nightly' }), RUSTUP_TOOLCHAIN: 'nightly' });
  assert.equal(status, 1);
  assert.match(stderr, /because RUSTUP_TOOLCHAIN=nightly overrides the pin: unset RUSTUP_TOOLCHAIN/);
});

test('check-toolchain: a toolchain without rust-src, which build-std needs', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, ...fakeRustc({ sysroot: fakeSysroot({ rustSrc: false }) }) });
  assert.equal(status, 1);
  assert.match(stderr, /has no rust-src component, .*\(-Zbuild-std\): run scripts\/setup, which adds it\.$/m);
});

test('check-toolchain: without RUSTC_BOOTSTRAP=1 the unstable options cannot work, and it says so', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, RUSTC_BOOTSTRAP: '' });
  assert.equal(status, 1);
  assert.match(stderr, /need RUSTC_BOOTSTRAP=1 .* it is unset here: set it as RELEASE_WASM_ENV in the Makefile does, or build with `make build`\./);
});

test('check-toolchain: a rustc that no longer takes the release build\'s flags, with its own words and what to do', () => {
  const cfgError = 'incorrect value `immediate-abort` for codegen option `panic`';
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, ...fakeRustc({ sysroot: fakeSysroot(), cfgError }) });
  assert.equal(status, 1);
  assert.match(stderr, /refuses the release build's flags "-Zunstable-options -Cpanic=immediate-abort" with RUSTC_BOOTSTRAP=1 \(incorrect value `immediate-abort` for codegen option `panic`\): .*pin again the toolchain that took them .*or drop the option/);
});

test('check-toolchain: a rustc that takes -Cpanic=immediate-abort but does not report it', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, ...fakeRustc({ sysroot: fakeSysroot(), cfg: 'panic="abort"' }) });
  assert.equal(status, 1);
  assert.match(stderr, /does not report panic="immediate-abort" for the wasm target/);
});

test('check-toolchain: a build-std crate the standard library does not have', () => {
  const { status, stderr } = run('scripts/check-toolchain', [], { ...releaseEnv, CARGO_UNSTABLE_BUILD_STD: 'std,panic_abrt' });
  assert.equal(status, 1);
  assert.match(stderr, /has no crate panic_abrt, which the release build names in -Zbuild-std=std,panic_abrt: change CARGO_UNSTABLE_BUILD_STD/);
});

test('fuzz: another rustc than the pinned one, before anything is built', () => {
  const { status, stderr } = run('scripts/fuzz', ['--smoke'], { ...fakeRustc({ release: '1.96.0' }), RUSTUP_TOOLCHAIN: '' });
  assert.equal(status, 1);
  assert.match(stderr, new RegExp(`^fuzz: rustc here is 1\\.96\\.0, not the ${pinned.replaceAll('.', '\\.')} that rust-toolchain.toml pins and fuzzing is checked on: run scripts/setup$`, 'm'));
});

// A small wasm as wasm-bindgen's would be, two imports and an export, and its glue.
const wat = `(module
  (import "./results-widget_bg.js" "__wbg_querySelector_1555c239948f2bf0" (func $select))
  (import "./results-widget_bg.js" "__wbg_setAttribute_f75317b2b5cabfb4" (func $set))
  (func (export "wasm_bindgen_2ecf14568f8d53ff___convert__closures_____invoke_______true_") (call $select) (call $set))
  (memory (export "memory") 1))`;
const glueText = (imports) => `function imports() {
  return { __proto__: null, "./results-widget_bg.js": { __proto__: null,
${imports.map((name) => `    ${name}: function() {},`).join('\n')}
  } };
}
export function run() { wasm.wasm_bindgen_2ecf14568f8d53ff___convert__closures_____invoke_______true_(); return wasm.memory; }
`;
const both = ['__wbg_querySelector_1555c239948f2bf0', '__wbg_setAttribute_f75317b2b5cabfb4'];
function wasmAndGlue(dir, imports, prefix = 'results-widget') {
  writeFileSync(path.join(dir, 'widget.wat'), wat);
  const wasm = path.join(dir, `${prefix}_bg.wasm`);
  const glue = path.join(dir, `${prefix}.js`);
  execFileSync(path.join(bin, 'wasm-as'), [path.join(dir, 'widget.wat'), '-o', wasm]);
  rmSync(path.join(dir, 'widget.wat'));
  writeFileSync(glue, glueText(imports));
  return { wasm, glue };
}

test('minify-names rewrites a glue that matches', () => {
  const { wasm, glue } = wasmAndGlue(scratch(), both);
  const { status, stderr } = run('node', ['scripts/minify-names.mjs', wasm, glue]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  const text = readFileSync(glue, 'utf8');
  assert.doesNotMatch(text, /__wbg_|wasm_bindgen_2ecf|results-widget_bg/);
  assert.match(text, /\ba: \{/);
});

test('minify-names: a name not in the glue stops the build with the versions it is written for, leaving the files as they were', () => {
  const { wasm, glue } = wasmAndGlue(scratch(), both.slice(0, 1));
  const before = [readFileSync(wasm), readFileSync(glue)];
  const { status, stderr } = run('node', ['scripts/minify-names.mjs', wasm, glue]);
  assert.equal(status, 1);
  assert.match(stderr, /^minify-names: the import __wbg_setAttribute_f75317b2b5cabfb4 is in the glue 0 times\. This script rewrites, by patterns, the glue of wasm-bindgen 0\.2\.130 to match the names binaryen 132 gave the wasm; .*; the build stops here\.$/m);
  assert.deepEqual([readFileSync(wasm), readFileSync(glue)], before);
});

test('minify-names: wasm-opt failing is said in the same sentence, not as a stack trace', () => {
  const dir = scratch();
  writeFileSync(path.join(dir, 'bad.wasm'), 'not wasm');
  writeFileSync(path.join(dir, 'glue.js'), glueText(both));
  const { status, stderr } = run('node', ['scripts/minify-names.mjs', path.join(dir, 'bad.wasm'), path.join(dir, 'glue.js')]);
  assert.equal(status, 1);
  assert.match(stderr, /^minify-names: wasm-opt --minify-imports-and-exports-and-modules failed \(.*\)\. This script rewrites/);
  assert.doesNotMatch(stderr, /\n\s+at /);
});

test('write-loader: Trunk output named otherwise stops the build, naming the Trunk it is written for', () => {
  const dir = scratch();
  for (const name of ['index.html', 'results-widget-latest.js', 'results-widget-latest_bg.wasm', 'widget-latest.css']) {
    writeFileSync(path.join(dir, name), '');
  }
  const { status, stderr } = run('sh', ['scripts/write-loader'], { TRUNK_STAGING_DIR: dir, PATH: `${bin}:${process.env.PATH}` });
  assert.equal(status, 1);
  assert.match(stderr, /^write-loader: Trunk's output has no file named like results-widget-\[0-9a-f\]\{1,16\}\\\.js \(it has: .*results-widget-latest\.js.*\)\. This hook is written for the files Trunk 0\.21\.14 writes .*; the build stops here\.$/m);
});

// Trunk writes its 64-bit hash in hexadecimal without leading zeros: one build in
// sixteen has a 15-digit name, which the hook takes like any other.
for (const hash of ['0123456789abcdef', 'c499897e5223011']) test(`write-loader (a ${hash.length}-digit hash): an index.html without the integrity hash it would put right stops the build`, () => {
  const dir = scratch();
  wasmAndGlue(dir, both, `results-widget-${hash}`);
  writeFileSync(path.join(dir, `widget-${hash}.css`), '.rw{}');
  writeFileSync(path.join(dir, 'index.html'), `<script type="module" src="./results-widget-${hash}.js"></script>`);
  const { status, stderr } = run('sh', ['scripts/write-loader'], { TRUNK_STAGING_DIR: dir, PATH: `${bin}:${process.env.PATH}` });
  assert.equal(status, 1);
  assert.match(stderr, new RegExp(`^write-loader: index.html does not give results-widget-${hash}_bg.wasm the integrity hash of what Trunk built\\. This hook is written for the files Trunk 0\\.21\\.14 writes`, 'm'));
});
