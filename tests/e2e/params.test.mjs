// Every embed parameter the README's table lists reaches the widget by every way in:
// a script embed's `data-` attributes, the iframe page's query, and the code the embed
// builder writes. One list (embed/params.mjs) serves the iframe page and the builder;
// the widget reads the attributes itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, strictPage, root } from './support.mjs';
import { PARAMS } from '../../embed/params.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const host = '[data-results-widget]';
const BGS = 'E14001086';

/** The parameters in the README's table, in its order. */
async function readmeParams() {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const table = readme.split('| parameter | `data-` attribute | values |')[1]?.split('\n\n')[0] ?? '';
  return [...table.matchAll(/^\| `([a-z-]+)` \| `data-\1` \|/gm)].map((m) => m[1]);
}

// One case a parameter: the embed's parameters with it, the state the widget ends in,
// and what shows that the parameter reached it (checked on the host element).
// `hang/` is a data directory whose requests never get an answer (see `hang` below).
const cases = {
  view: { params: { view: 'history', seat: BGS }, shows: (el) => el.querySelector('.rw-tab[aria-current="page"]')?.textContent === 'History' },
  seat: { params: { seat: 'E14001430' }, shows: (el) => el.querySelector('h2')?.textContent.includes('Poplar and Limehouse') },
  // Without the election, the file's latest (2024) has no contest for the 2019 seat.
  election: { params: { seat: 'E14000555', election: 'ge2019', src: `data/seats/${BGS}.json` }, shows: (el) => el.querySelector('h2')?.textContent.includes('Bethnal Green and Bow') },
  postcode: { params: { postcode: 'sw1a 0aa' }, shows: (el) => el.querySelector('h2')?.textContent.includes('Cities of London and Westminster') },
  src: { params: { view: 'national', src: 'data/tower-hamlets-2022/' }, shows: (el) => / all 20 wards$/.test(el.querySelector('h2')?.textContent) },
  theme: { params: { seat: BGS, theme: 'dark' }, shows: (el) => getComputedStyle(el.querySelector('.rw')).colorScheme === 'dark' },
  locale: { params: { seat: BGS, locale: 'cy-GB' }, shows: (el) => el.querySelector('.rw').lang === 'cy-GB' },
  labels: { params: { seat: BGS, labels: '{"view.result": "Canlyniad"}' }, shows: (el) => el.querySelector('.rw-tab[aria-current="page"]')?.textContent === 'Canlyniad' },
  refresh: { params: { seat: BGS, refresh: '60' }, shows: (el) => el.dataset.poll === 'waiting' },
  timeout: { params: { seat: BGS, src: 'hang/', timeout: '1' }, state: 'error', shows: (el) => el.textContent.includes('did not answer within 1 second') },
  'max-kb': { params: { seat: BGS, 'max-kb': '1' }, state: 'error', shows: (el) => el.textContent.includes('too large to load') },
  tools: { params: { seat: BGS, tools: 'none' }, shows: (el) => el.querySelector('.rw-csv') && getComputedStyle(el.querySelector('.rw-csv')).display === 'none' },
};

/** Requests for `hang/` are never answered: a time limit is all that ends them. */
const hang = (context) => context.route('**/hang/**', () => {});

/** A page the test makes, at `name` on the server (so its relative URLs are the build's). */
const pageAt = (context, name, html) => context.route(server.url + name, (route) => route.fulfill({ contentType: 'text/html', body: html }));

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attributes = (params) => Object.entries(params).map(([name, value]) => `data-${name}="${escape(value)}"`).join(' ');

/** Waits, in `frame` (a page or an iframe), for the case's widget at `selector` to
 *  reach its state and show its parameter. */
async function check(frame, name, selector) {
  const { state = 'ready', shows } = cases[name];
  await frame.waitForSelector(`${selector}[data-state="${state}"]`, { timeout: 10000 });
  await frame.waitForFunction(`(${shows})(document.querySelector(${JSON.stringify(selector)}))`, undefined, { timeout: 5000 })
    .catch(() => assert.fail(`${name} did not reach the widget (${selector})`));
}

test('the README lists the embed parameters of embed/params.mjs, and this test has a case for each', async () => {
  assert.deepEqual(await readmeParams(), PARAMS);
  assert.deepEqual(Object.keys(cases), PARAMS);
});

test('every parameter reaches the widget through a script embed\'s data- attributes', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await hang(context);
  // Each widget in a short box, so that all are in view and start at once.
  const boxes = PARAMS.map((name, i) => `<div style="height:60px;overflow:hidden"><div id="case-${i}" data-results-widget ${attributes(cases[name].params)}></div></div>`);
  await pageAt(context, 'params-script.html', `<!doctype html><meta charset="utf-8"><title>Script embed</title>${boxes.join('')}<script type="module" src="results-widget.js"></script>`);
  await page.goto(server.url + 'params-script.html');
  for (const [i, name] of PARAMS.entries()) await check(page, name, `#case-${i}`);
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await context.close();
});

test('every parameter reaches the widget through the iframe page\'s query', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 1280, height: 900 } });
  await hang(context);
  const frames = PARAMS.map((name, i) => `<iframe id="case-${i}" title="${name}" width="250" height="160" src="embed.html?${escape(new URLSearchParams(cases[name].params).toString())}"></iframe>`);
  await pageAt(context, 'params-iframe.html', `<!doctype html><meta charset="utf-8"><title>Iframe embed</title>${frames.join('')}`);
  await page.goto(server.url + 'params-iframe.html');
  for (const [i, name] of PARAMS.entries()) {
    const frame = await (await page.$(`#case-${i}`)).contentFrame();
    await check(frame, name, host);
  }
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await context.close();
});

test('the embed builder writes every parameter it offers through the one list, and its code works as written', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 1280, height: 2000 } });
  await page.goto(server.url + 'builder.html');
  await page.waitForSelector(`#preview ${host}[data-state="ready"]`);
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel(/check for new results every/).fill('60');
  await page.getByLabel('Where the widget is hosted').fill('/');
  await page.getByLabel('Where the widget is hosted').dispatchEvent('change');
  // The preview has what the editor picked.
  await page.waitForSelector(`#preview ${host}[data-refresh="60"][data-theme="dark"][data-poll]`);
  const snippet = await page.getByLabel('Script embed snippet').inputValue();
  assert.match(snippet, new RegExp(`^<div data-results-widget data-view="result" data-seat="${BGS}" data-src="/data/" data-theme="dark" data-refresh="60"></div>`));
  const iframe = await page.getByLabel('Iframe embed code').inputValue();
  const src = iframe.match(/src="([^"]*embed\.html[^"]*)"/)[1].replace(/&amp;/g, '&');
  assert.equal(src, `/embed.html?view=result&seat=${BGS}&src=%2Fdata%2F&theme=dark&refresh=60`);
  // Pasted into pages as they are, both give a widget with every parameter.
  await pageAt(context, 'builder-script.html', `<!doctype html><meta charset="utf-8"><title>Pasted</title>${snippet}`);
  await pageAt(context, 'builder-iframe.html', `<!doctype html><meta charset="utf-8"><title>Pasted</title>${iframe}`);
  for (const pasted of ['builder-script.html', 'builder-iframe.html']) {
    await page.goto(server.url + pasted);
    const frame = pasted.includes('iframe') ? await (await page.$('iframe')).contentFrame() : page;
    await frame.waitForSelector(`${host}[data-state="ready"][data-poll]`);
    assert.equal(await frame.locator('.rw').evaluate((el) => getComputedStyle(el).colorScheme), 'dark', pasted);
    assert.match(await frame.locator('h2').first().textContent(), /Bethnal Green and Stepney/, pasted);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
