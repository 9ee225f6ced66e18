// Shared pieces of the end-to-end tests: a static server for dist/ on 127.0.0.1
// and Debian's Chromium, driven by playwright-core.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');

/** The parent page's listener for an iframe embed, `<script>` to `</script>`, as the
 *  README gives it: the one text the tests put around iframes, and the builder's
 *  iframe code must carry. */
export const readmeListener = () => readFileSync(path.join(root, 'README.md'), 'utf8')
  .match(/\n(<script>\n  addEventListener\('message'[\s\S]*?<\/script>)\n/)[1];

export const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on an ephemeral port, as a static host or CDN would: ETag and
 *  Last-Modified, answering 304 to conditional requests. Resolves to
 *  { url, close, requests (pathnames), log ({ path, status, bytes }), failing }:
 *  add a pathname to `failing` and it answers 500 until removed.
 *  `headers(pathname)` may add response headers (a Content-Security-Policy, say).
 *  With `gzip`, JSON goes compressed to a client that accepts it, as static hosts
 *  send it. */
export async function serve(dir = dist, { headers = () => ({}), gzip = false } = {}) {
  const requests = [];
  const log = [];
  const failing = new Set();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    const answer = (status, head, body) => {
      log.push({ path: url.pathname, status, bytes: body ? body.length : 0 });
      res.writeHead(status, head);
      res.end(body);
    };
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { answer(403, {}); return; }
    if (failing.has(url.pathname)) { answer(500, { 'content-type': 'text/plain' }, Buffer.from('failing on purpose')); return; }
    try {
      let info = await stat(file);
      if (info.isDirectory()) { file = path.join(file, 'index.html'); info = await stat(file); }
      const body = await readFile(file);
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
      const head = {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        etag,
        'last-modified': modified,
        'cache-control': 'no-cache',
        ...headers(url.pathname),
      };
      if (req.headers['if-none-match'] === etag) { answer(304, { etag, 'last-modified': modified }); return; }
      if (gzip && file.endsWith('.json') && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        answer(200, { ...head, 'content-encoding': 'gzip' }, gzipSync(body, { level: 9 }));
        return;
      }
      answer(200, head, body);
    } catch {
      answer(404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, log, failing, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/** Launches Debian's Chromium headless, with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A new page that fails the test on any console error or uncaught exception. */
export async function strictPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  return { page, context, problems };
}

/** The widget's host element, and the same once its data is shown. */
export const widget = '[data-results-widget]';
export const ready = `${widget}[data-state="ready"]`;

/** The text of each cell of each row matching `selector`. */
export const cells = (page, selector) => page.locator(selector).evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));

/** A new strict page at `query` on `server`, once its widget is ready. */
export async function openReady(browser, server, query, options) {
  const opened = await strictPage(browser, options);
  await opened.page.goto(server.url + query);
  await opened.page.waitForSelector(ready);
  return opened;
}

// The House chart as drawn: how many seats lie before its majority line (read from
// the line's path and the squares' grid), its heading, and its legend.
export const house = (page) => page.locator(`${widget} svg[aria-labelledby$="-house-chart-title"]`).evaluate((svg) => {
  const grid = svg.querySelector('rect[fill^="url("]');
  const cell = Number(svg.querySelector('pattern').getAttribute('width'));
  const [left, top] = [Number(grid.getAttribute('x')), Number(grid.getAttribute('y'))];
  const rows = Number(grid.getAttribute('height')) / cell;
  // M x(column + 1) top V y(row + 1) H x(column) V bottom
  const [, , , rowEnd, column] = svg.querySelector('.rw-line').getAttribute('d').match(/^M(-?\d+) (-?\d+)V(-?\d+)H(-?\d+)/).map(Number);
  const before = ((column - left) / cell) * rows + (rowEnd - top) / cell;
  const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent.trim());
  return { before, heading: texts[0], legend: texts.slice(1), description: svg.querySelector('desc').textContent };
});
