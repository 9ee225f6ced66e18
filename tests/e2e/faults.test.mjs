// Nothing a server does breaks the widget: every fault of fault-server.mjs ends in
// data-state="error" with a sentence a reader understands and a "Try again" button,
// never a panic or a blank box. Run by `make test` after `make build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, strictPage } from './support.mjs';
import { faultServer, LARGE_BYTES } from './fault-server.mjs';

let server;
let browser;
before(async () => { server = await faultServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const widget = '[data-results-widget]';
const seat = 'E14001086';
const seatFile = (fault) => `faults/${fault}/seats/${seat}.json`;

// The browser's own report of an HTTP error status: expected, and not the widget's doing.
const expected = (problem) => /^console error: Failed to load resource: the server responded with a status of \d+/.test(problem);

/** Opens a widget on the fault, waits for the error and returns what it shows. With
 *  `embed`, the iframe embed page: the loader asks for the file and hands its
 *  request to the widget, rather than the widget asking itself. */
async function openFault(fault, { clock = false, view = 'result', embed = false } = {}) {
  const opened = await strictPage(browser);
  const { page } = opened;
  if (clock) await page.clock.install();
  const attrs = { src: `faults/${fault}/`, seat, view };
  await page.goto(embed ? `${server.url}embed.html?${new URLSearchParams(attrs)}` : server.page(attrs));
  // The loader waits a tenth of a second for the file before it mounts the widget.
  if (clock && embed) await page.clock.runFor(200);
  return opened;
}

async function errorShown(page) {
  await page.waitForSelector(`${widget}[data-state="error"]`);
  const message = (await page.locator(`${widget} [role="alert"] p`).textContent()).trim();
  const retry = await page.getByRole('button', { name: 'Try again' }).count();
  return { message, retry };
}

function assertClean(problems) {
  assert.deepEqual(problems.filter((p) => !expected(p)), [], 'no page error, panic or unexpected console error');
}

// Each fault that fails at once (no clock needed), and the exact sentence it shows.
const immediate = {
  'not-found': `The results were not found: the server answered 404 for ${seatFile('not-found')}. Is the address right?`,
  'server-error': `The results server had a problem (error 500 for ${seatFile('server-error')}). Try again in a moment.`,
  'unavailable': `The results server had a problem (error 503 for ${seatFile('unavailable')}). Try again in a moment.`,
  'truncated': /^The results file has a problem, so nothing is shown rather than something wrong: the file is not valid JSON: the text ends (inside a string|before the data does) \(line 1, column \d+\)$/,
  'html-200': 'The server sent a web page instead of results data (is the address right?)',
  'html-as-json': 'The server sent a web page instead of results data (is the address right?)',
  'wrong-type': 'The server sent a file of type "image/png" instead of results data (JSON), so nothing is shown.',
  'too-large': 'The results file is too large to load (50 MB; the widget\'s limit is 5 MB).',
  'too-large-chunked': 'The results file is too large to load (50 MB; the widget\'s limit is 5 MB).',
  'not-utf8': 'The results file is not UTF-8 text, so it cannot be read (was it saved in another encoding?)',
};

// Each on the demo page, whose widget asks for its file itself, and through the
// loader (the embed page), which asks and hands its request over: the same sentences,
// the same limits.
for (const embed of [false, true]) {
  const through = embed ? 'through the loader, ' : '';

  test(`${through}a Content-Length over the limit is refused before the body is read`, async () => {
    const { page, context } = await openFault('too-large', { embed });
    await errorShown(page);
    const written = await server.written('too-large');
    // The browser buffers a little before the request is aborted, not the 50 MB.
    assert.ok(written < LARGE_BYTES / 2, `the server wrote ${written} bytes of ${LARGE_BYTES}`);
    await context.close();
  });

  for (const [fault, want] of Object.entries(immediate)) {
    test(`${through}${fault}: an error a reader understands, with "Try again"`, async () => {
      const { page, context, problems } = await openFault(fault, { embed });
      const { message, retry } = await errorShown(page);
      if (want instanceof RegExp) assert.match(message, want);
      else assert.equal(message, want);
      assert.equal(retry, 1);
      assertClean(problems);
      await context.close();
    });
  }
}

test('the index of a directory fails the same way (national view, 404)', async () => {
  const { page, context, problems } = await openFault('not-found', { view: 'national' });
  const { message, retry } = await errorShown(page);
  assert.equal(message, 'The results were not found: the server answered 404 for faults/not-found/index.json. Is the address right?');
  assert.equal(retry, 1);
  assertClean(problems);
  await context.close();
});

test('JSON with no content type, as text/plain, or slow but in time: shown', async () => {
  for (const fault of ['no-type', 'text-plain', 'slow']) {
    const { page, context, problems } = await openFault(fault);
    await page.waitForSelector(`${widget}[data-state="ready"]`);
    assert.equal(await page.locator(`${widget} tbody tr`).count(), 11, fault);
    assert.deepEqual(problems, [], fault);
    await context.close();
  }
});

test('no answer within 15 seconds: the request is given up (page clock moved on)', async () => {
  const { page, context, problems } = await openFault('slow-start', { clock: true });
  await server.request(`/${seatFile('slow-start')}`);
  await page.waitForSelector(`${widget}[data-state="loading"]`);
  await page.clock.runFor(16_000);
  const { message, retry } = await errorShown(page);
  assert.equal(message, 'The results server did not answer within 15 seconds.');
  assert.equal(retry, 1);
  assertClean(problems);
  await context.close();
});

test('a body that stalls half way is given up too (the limit covers reading it)', async () => {
  const { page, context, problems } = await openFault('stall', { clock: true });
  await server.stalled();
  await page.waitForSelector(`${widget}[data-state="loading"]`);
  await page.clock.runFor(16_000);
  const { message, retry } = await errorShown(page);
  assert.equal(message, 'The results server did not answer within 15 seconds.');
  assert.equal(retry, 1);
  assertClean(problems);
  await context.close();
});

test('a result in time is not cut short by the time limit', async () => {
  const { page, context, problems } = await openFault('slow', { clock: true });
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  await page.clock.runFor(16_000);
  assert.equal(await page.locator(`${widget}[data-state="ready"] tbody tr`).count(), 11);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Try again" after the server recovers shows the result', async () => {
  const { page, context, problems } = await openFault('flaky');
  const { message } = await errorShown(page);
  assert.match(message, /^The results server had a problem \(error 503 /);
  // Still failing: pressing again shows the error again, and nothing breaks.
  const before = server.count('/faults/flaky/');
  await page.getByRole('button', { name: 'Try again' }).click();
  await server.request('/faults/flaky/', before);
  assert.match((await errorShown(page)).message, /^The results server had a problem \(error 503 /);
  server.heal('flaky');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  assert.equal(await page.locator(`${widget} tbody tr`).count(), 11);
  assert.match(await page.locator(`${widget} .rw-summary`).textContent(), /Rushanara Ali \(Labour\)/);
  assert.equal(await page.locator(`${widget} [role="alert"]`).count(), 0);
  assertClean(problems);
  await context.close();
});

test('through the loader, no answer or a stalled body within 15 seconds is given up, and a slow one in time is shown', async () => {
  for (const fault of ['slow-start', 'stall']) {
    const { page, context, problems } = await openFault(fault, { clock: true, embed: true });
    await page.waitForSelector(`${widget}[data-state="loading"]`);
    await page.clock.runFor(16_000);
    const { message, retry } = await errorShown(page);
    assert.equal(message, 'The results server did not answer within 15 seconds.', fault);
    assert.equal(retry, 1);
    assertClean(problems);
    await context.close();
  }
  const { page, context, problems } = await openFault('slow', { embed: true });
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  assert.equal(await page.locator(`${widget} tbody tr`).count(), 11);
  assert.deepEqual(problems, []);
  await context.close();
});
