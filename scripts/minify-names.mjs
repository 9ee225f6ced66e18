// Shortens the names the wasm and its glue know each other by, as Emscripten does:
// wasm-bindgen names each import after its function and a hash
// (`__wbg_querySelector_1555c239948f2bf0`), 163 of them, and some exports after
// whole generic types (300 characters). Each name is written twice, in the wasm and
// in the glue, and hashes do not compress: shortening them saves 5.0 KB gzip.
//
//   node scripts/minify-names.mjs WASM GLUE
//
// Rewrites both files in place: binaryen's `--minify-imports-and-exports-and-modules`
// renames the wasm's imports, exports and import module, and prints what it renamed;
// the glue (unminified, as wasm-bindgen wrote it) is then made to match. Fails (and
// with it the build), leaving both files as they were, if binaryen's map of names is
// not what it was or any name cannot be found in the glue where it is expected.
//
// The patterns below are written for the glue of wasm-bindgen 0.2.130 and the map
// that binaryen 132's wasm-opt prints, the versions Trunk.toml and package.json pin:
// a new version of either may write or name things otherwise, and the failure says
// so rather than leave a page whose wasm and glue do not match.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';

const WRITTEN_FOR = { wasmBindgen: '0.2.130', binaryen: '132' };

const [wasm, glue] = process.argv.slice(2);
if (!wasm || !glue) {
  console.error('usage: node scripts/minify-names.mjs WASM GLUE');
  process.exit(2);
}

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const renamed = `${wasm}.minified`;
// The versions in use, for the failure's sentence: Trunk.toml's wasm-bindgen, and
// the binaryen package that gives node_modules/.bin/wasm-opt.
const inUse = () => {
  const read = (file, pattern) => {
    try { return readFileSync(file, 'utf8').match(pattern)?.[1] ?? '?'; } catch { return '?'; }
  };
  return {
    wasmBindgen: read('Trunk.toml', /^wasm_bindgen\s*=\s*"([^"]*)"/m),
    binaryen: read('node_modules/binaryen/package.json', /"version":\s*"(\d+)/),
  };
};
const fail = (why) => {
  rmSync(renamed, { force: true });
  const used = inUse();
  const changed = used.wasmBindgen !== WRITTEN_FOR.wasmBindgen || used.binaryen !== WRITTEN_FOR.binaryen;
  const todo = changed
    ? `this build uses wasm-bindgen ${used.wasmBindgen} and binaryen ${used.binaryen}: go back to wasm-bindgen ${WRITTEN_FOR.wasmBindgen} and binaryen ${WRITTEN_FOR.binaryen} (Cargo.lock, Trunk.toml and package.json), or update the patterns in scripts/minify-names.mjs and its WRITTEN_FOR`
    : 'those are the versions in use, so look at what the project changed in what it hands JavaScript (a snippet, an import of its own), or update the patterns in scripts/minify-names.mjs';
  console.error(`minify-names: ${why}. This script rewrites, by patterns, the glue of wasm-bindgen ${WRITTEN_FOR.wasmBindgen} to match the names binaryen ${WRITTEN_FOR.binaryen} gave the wasm; ${todo}; the build stops here.`);
  process.exit(1);
};

// The producers and target-features sections, which only tools read, go too.
let printed;
try {
  printed = execFileSync('node_modules/.bin/wasm-opt', ['--minify-imports-and-exports-and-modules', '--strip-producers', '--strip-target-features', wasm, '-o', renamed], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  fail(`wasm-opt --minify-imports-and-exports-and-modules failed (${String(error.stderr || error.message).trim().split('\n')[0]})`);
}
// Its map: {"imports": [[module, name, short], ...], "exports": [[name, short], ...]}.
let map;
try { map = JSON.parse(printed); } catch { map = undefined; }
const strings = (entry, n) => Array.isArray(entry) && entry.length === n && entry.every((part) => typeof part === 'string');
if (!Array.isArray(map?.imports) || !Array.isArray(map.exports)
    || !map.imports.every((entry) => strings(entry, 3)) || !map.exports.every((entry) => strings(entry, 2))) {
  fail('wasm-opt did not print its map of renamed names as {"imports": [[module, name, short]], "exports": [[name, short]]}');
}
let text = readFileSync(glue, 'utf8');

// Binaryen puts every import in one module, "a": the glue must give them all in one.
const modules = new Set(map.imports.map(([module]) => module));
if (modules.size !== 1) fail(`the wasm imports from ${modules.size} modules`);
const [module] = modules;
const moduleKey = `${JSON.stringify(module)}:`;
if (text.split(moduleKey).length !== 2) fail(`the module ${module} is not a key of the glue's imports once`);
text = text.replace(moduleKey, 'a:');
// An import is a key of the object of functions the glue hands the wasm, once each.
for (const [, name, short] of map.imports) {
  const key = new RegExp(`(?<![\\w$.])${escape(name)}(?=\\s*:)`, 'g');
  const found = text.match(key)?.length ?? 0;
  if (found !== 1) fail(`the import ${name} is in the glue ${found} times`);
  // A function, so that a `$` in a short name is not read as a pattern.
  text = text.replace(key, () => short);
}
// An export is read as `wasm.name`. Some (`main`, the abort handler) the glue never uses.
for (const [name, short] of map.exports) {
  text = text.replace(new RegExp(`(?<=\\bwasm\\.)${escape(name)}(?![\\w$])`, 'g'), () => short);
}
const shorts = new Set(map.exports.map(([, short]) => short));
const left = [...text.matchAll(/\bwasm\.([\w$]+)/g)].map((m) => m[1]).find((name) => !shorts.has(name));
if (left) fail(`the glue still reads wasm.${left}`);

writeFileSync(glue, text);
renameSync(renamed, wasm);
