// A fault-injecting HTTP server for the end-to-end tests, on 127.0.0.1 and an
// ephemeral port. It serves dist/ as support.mjs's serve() does, and besides:
//
//   /widget.html?src=…&seat=…&view=…   the demo page with one widget showing that (also locale=, labels=)
//                                      (no data-sync-url), built from dist/index.html
//   /faults/<fault>/<path>             <path> of dist/data/, with the fault injected
//   /files/<path>                      a body a test put there with server.put()
//
// Every fault is bounded: delays are timers and stalled sockets are remembered, and
// close() clears the one and destroys the other, so no test hangs on the server.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dist, types } from './support.mjs';

const escapeAttribute = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The size of the bodies the size faults send: ten times the widget's 5 MB limit. */
export const LARGE_BYTES = 50_000_000;

/**
 * The faults, by name: each answers a request for `file` (a path in dist/data/, whose
 * real body is `body`, or null where there is none).
 */
const faults = {
  // HTTP errors.
  'not-found': ({ res }) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
  'server-error': ({ res }) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>'),
  'unavailable': ({ res }) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance'),
  // Headers only after a while: `slow` within the widget's time limit, `slow-start`
  // long after it (a minute; the test moves the page's clock instead of waiting).
  'slow': ({ res, body, later }) => later(300, () => json(res, body)),
  'slow-start': ({ res, body, later }) => later(60_000, () => json(res, body)),
  // Headers and half the body, then nothing until the test ends.
  'stall': ({ res, body, stalled }) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.write(body.subarray(0, body.length >> 1), () => stalled());
  },
  // A complete response of half a file.
  'truncated': ({ res, body }) => json(res, body.subarray(0, body.length >> 1)),
  // An error page with status 200, labelled as a page or as JSON.
  'html-200': ({ res }) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(errorPage),
  'html-as-json': ({ res }) => res.writeHead(200, { 'content-type': 'application/json' }).end(`\n  ${errorPage}`),
  // The right file with a type that is not JSON.
  'wrong-type': ({ res, body }) => res.writeHead(200, { 'content-type': 'image/png' }).end(body),
  // The right file with no type at all, or as plain text: both accepted.
  'no-type': ({ res, body }) => res.writeHead(200, { 'content-length': body.length }).end(body),
  'text-plain': ({ res, body }) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body),
  // Far too large: advertised by Content-Length, or sent chunked without one.
  'too-large': ({ res, pumped }) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': LARGE_BYTES });
    pumped(pump(res, LARGE_BYTES));
  },
  'too-large-chunked': ({ res, pumped }) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    pumped(pump(res, LARGE_BYTES));
  },
  // The file in Latin-1: "é" as the single byte 0xE9.
  'not-utf8': ({ res, body }) => json(res, Buffer.from(body.toString('utf8').replace('Rushanara', 'Rushanar\u00e9'), 'latin1')),
  // Failing (503) until the test calls server.heal('flaky').
  'flaky': ({ res }) => res.writeHead(503, { 'content-type': 'text/plain' }).end('try later'),
};

export const faultNames = Object.keys(faults);

const errorPage = '<!doctype html><html><head><title>Page not found</title></head><body><h1>Sorry, that page does not exist</h1></body></html>';

function json(res, body) {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
}

/**
 * Writes `total` bytes of JSON-looking filler, respecting backpressure, stopping when
 * the client goes. Resolves, once the response is closed, to the bytes it wrote.
 */
function pump(res, total) {
  const first = Buffer.alloc(64 * 1024, 0x61);
  first.write('{"version":1,"attribution":"');
  const rest = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  let done = false;
  const closed = new Promise((resolve) => res.on('close', () => { done = true; resolve(sent); }));
  const more = () => {
    while (!done && sent < total) {
      const size = Math.min(rest.length, total - sent);
      const piece = (sent === 0 ? first : rest).subarray(0, size);
      sent += size;
      if (sent >= total) { res.end(piece); return; }
      if (!res.write(piece)) { res.once('drain', more); return; }
    }
  };
  more();
  return closed;
}

/**
 * Starts the server. Resolves to { url, requests, page(attrs), put(path, body, type),
 * heal(fault), request(pathPrefix), stalled(), close() }.
 */
export async function faultServer(dir = dist) {
  const requests = [];
  const healed = new Set();
  const files = new Map();
  const sockets = new Set();
  const timers = new Set();
  const waiters = [];
  let stalls = 0;
  const stallWaiters = [];
  const written = new Map();
  const count = (prefix) => requests.filter((p) => p.startsWith(prefix)).length;
  const template = await readFile(path.join(dir, 'index.html'), 'utf8');

  const later = (ms, fn) => {
    const timer = setTimeout(() => { timers.delete(timer); fn(); }, ms);
    timers.add(timer);
  };
  const stalled = () => {
    stalls += 1;
    stallWaiters.splice(0).forEach((resolve) => resolve());
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    for (const waiter of waiters.filter((w) => count(w.prefix) > w.after)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(pathname);
    }
    try {
      if (pathname === '/widget.html') {
        res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' }).end(widgetPage(template, url.searchParams));
        return;
      }
      if (pathname.startsWith('/files/')) {
        const file = files.get(pathname.slice('/files/'.length));
        if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
        res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
        return;
      }
      const fault = /^\/faults\/([a-z0-9-]+)\/(.*)$/.exec(pathname);
      if (fault) {
        const [, name, rest] = fault;
        const file = path.join(dir, 'data', rest);
        const body = file.startsWith(path.join(dir, 'data')) ? await readFile(file).catch(() => null) : null;
        res.setHeader('cache-control', 'no-store');
        if (!faults[name]) { res.writeHead(400, { 'content-type': 'text/plain' }).end(`no fault ${name}`); return; }
        if (healed.has(name) || (body === null && !['not-found', 'server-error', 'unavailable', 'html-200', 'html-as-json', 'too-large', 'too-large-chunked', 'flaky'].includes(name))) {
          if (body === null) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
          json(res, body);
          return;
        }
        faults[name]({ req, res, body, later, stalled, pumped: (closed) => written.set(name, closed) });
        return;
      }
      let file = path.join(dir, pathname);
      if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const base = `http://127.0.0.1:${port}/`;

  return {
    url: base,
    requests,
    /** The URL of a page with one widget: { src, seat, view, election }. */
    page: (attrs) => `${base}widget.html?${new URLSearchParams(attrs)}`,
    /** Serves `body` at /files/<name>. */
    put: (name, body, type = 'application/json') => files.set(name, { body, type }),
    /** From now on the fault serves the real file. */
    heal: (name) => healed.add(name),
    /** How many requests so far had a path starting with `prefix`. */
    count,
    /** Resolves once more than `after` requests had a path starting with `prefix`. */
    request: (prefix, after = 0) => (count(prefix) > after
      ? Promise.resolve()
      : new Promise((resolve) => waiters.push({ prefix, after, resolve }))),
    /** Resolves, once the fault's last large body is closed, to the bytes written of it. */
    written: (name) => written.get(name) ?? Promise.resolve(0),
    /** Resolves once a stalled response has sent its first half. */
    stalled: () => (stalls > 0 ? Promise.resolve() : new Promise((resolve) => stallWaiters.push(resolve))),
    close: () => {
      timers.forEach(clearTimeout);
      timers.clear();
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** dist/index.html with its <main> replaced by one widget showing `params`. */
function widgetPage(template, params) {
  const attrs = ['src', 'seat', 'view', 'election', 'locale', 'labels']
    .filter((name) => params.has(name))
    .map((name) => ` data-${name}="${escapeAttribute(params.get(name))}"`)
    .join('');
  const main = `<main class="demo"><div class="results-widget" data-results-widget${attrs}></div></main>`;
  return template.replace(/<main[\s\S]*<\/main>/, main);
}
