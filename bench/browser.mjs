// Browser figures for `make bench`: the release build in headless Chromium against
// a local static server, cache disabled, median of several runs. Prints one JSON
// line per figure on stdout for bench/report.mjs.
import { serve, launch } from '../tests/e2e/support.mjs';

const runs = Number(process.env.BENCH_RUNS || 9);
const server = await serve();
const browser = await launch();

// Records when a widget reports ready, then when the frame after it is painted.
const observeReady = () => {
  window.__ready = new Promise((resolve) => {
    const check = () => {
      const hosts = [...document.querySelectorAll('[data-results-widget]')];
      if (hosts.length && hosts.every((h) => h.dataset.state === 'ready' || h.dataset.state === 'error')) {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
  });
};

async function page() {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await p.addInitScript(observeReady);
  return { p, context, bytes: () => bytes };
}

function report(figure, values, budget, unit) {
  process.stdout.write(JSON.stringify({ figure, values, budget, unit }) + '\n');
}

async function readyFigures(path, name, budget) {
  const times = [];
  const transfers = [];
  for (let i = 0; i < runs; i += 1) {
    const { p, context, bytes } = await page();
    await p.goto(server.url + path);
    times.push(await p.evaluate(() => window.__ready));
    transfers.push(bytes() / 1024);
    await context.close();
  }
  report(`${name}: navigation to ready and painted`, times, budget, 'ms');
  report(`${name}: bytes transferred (gzip off, local)`, transfers, null, 'KB');
}

async function sortFigure(path, name, button, budget) {
  const times = [];
  const { p, context } = await page();
  await p.goto(server.url + path);
  await p.evaluate(() => window.__ready);
  for (let i = 0; i < runs; i += 1) {
    times.push(await p.evaluate((label) => new Promise((resolve) => {
      const target = [...document.querySelectorAll('th button')].find((b) => b.textContent.startsWith(label));
      const start = performance.now();
      target.click();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    }), button));
  }
  await context.close();
  report(`${name}: press "${button}" to next frame`, times, budget, 'ms');
}

try {
  await readyFigures('', 'one-seat demo', 150);
  await sortFigure('', 'one-seat table', 'Votes', 16);
} finally {
  await browser.close();
  await server.close();
}
