// Size figures for `make bench`, gzip -9, in kilobytes of 1000 bytes (the stricter
// reading of issue 8's budgets): the widget's code (what scripts/size counts, for an
// article page and for the iframe page), a one-seat embed's data (the demo's seat
// file, and the largest of the 650) and the national index. One JSON line per figure
// for bench/report.mjs.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const dist = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
// GNU gzip, as scripts/size uses (zlib's level 9 comes out about 1% larger on the wasm).
const gzip = (file) => execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length / 1000;
const report = (figure, values, budget) => process.stdout.write(JSON.stringify({ figure, values, budget, unit: 'KB' }) + '\n');

// What each kind of page loads (as scripts/size counts): an article, the loader, the
// glue and the wasm; the iframe page, its script (the loader and the glue in one) and
// the wasm; both, the widget's styles.
const files = readdirSync(dist);
const wasm = files.find((f) => /^results-widget-.*_bg\.wasm$/.test(f));
const glue = files.find((f) => /^results-widget-[0-9a-f]+\.js$/.test(f));
const embed = files.find((f) => /^embed-[0-9a-f]+\.mjs$/.test(f));
const code = new Map([wasm, glue, embed, 'results-widget.js', 'results-widget.css'].map((f) => [f, gzip(path.join(dist, f))]));
const total = (names) => names.reduce((sum, f) => sum + code.get(f), 0);
report('code, gzip: article page (loader, glue, wasm, styles)', [total(['results-widget.js', glue, wasm, 'results-widget.css'])], 150);
report('code, gzip: iframe page (its script with loader and glue, wasm, styles)', [total([embed, wasm, 'results-widget.css'])], 150);
// Issue 22's budget for a page whose widgets show only a seat's result and history.
// There is one build today, so such a page loads all of it (see the README).
report('code, gzip: a one-seat iframe page (one build for every view)', [total([embed, wasm, 'results-widget.css'])], 95);

const seats = path.join(dist, 'data', 'seats');
const sizes = readdirSync(seats).map((f) => [f, gzip(path.join(seats, f))]).sort((a, b) => a[1] - b[1]);
const largest = sizes[sizes.length - 1];
report('one-seat data, gzip: the demo seat (E14001086.json)', [gzip(path.join(seats, 'E14001086.json'))], 5);
report(`one-seat data, gzip: the largest of ${sizes.length} seat files (${largest[0]})`, [largest[1]], 5);
report('national index, gzip (data/index.json)', [gzip(path.join(dist, 'data', 'index.json'))], 80);
