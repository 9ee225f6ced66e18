// Never call a result the count did not: a tie for first place needs the file to
// say who won the lot, a file made before the count awaits its declaration, and a
// name of any length leaves a 320 px page 320 px wide. Each on the shipped
// Bethnal Green and Stepney file, changed as a newsroom's own file would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, strictPage, root, widget, ready } from './support.mjs';
import { faultServer } from './fault-server.mjs';

let server;
let browser;
let good;
before(async () => {
  server = await faultServer();
  good = JSON.parse(await readFile(path.join(root, 'data/seats/E14001086.json'), 'utf8'));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const latest = (file) => file.constituencies.find((c) => c.election === 'ge2024');
const named = (file, name) => latest(file).candidates.find((c) => c.name === name);

/** Ajmal Masroor on Rushanara Ali's 15,896 votes, the valid votes kept consistent. */
function tied() {
  const file = structuredClone(good);
  const masroor = named(file, 'Ajmal Masroor');
  latest(file).valid_votes += 15_896 - masroor.votes;
  masroor.votes = 15_896;
  return file;
}

/** Opens the result view of `file`, served as `name`, and waits for `state`. */
async function open(name, file, state, options = {}) {
  server.put(`ties/${name}/seats/E14001086.json`, JSON.stringify(file));
  const opened = await strictPage(browser, options);
  await opened.page.goto(server.page({ src: `files/ties/${name}/`, view: 'result', seat: 'E14001086' }));
  await opened.page.waitForSelector(`${widget}[data-state="${state}"]`);
  return opened;
}

test('a tie for first place that the file does not settle is an error naming the tie', async () => {
  const { page, context, problems } = await open('unsettled', tied(), 'error');
  const alert = await page.locator(`${widget} [role="alert"]`).textContent();
  assert.match(alert, /constituencies\[\d+\]\.candidates: in Bethnal Green and Stepney, Ajmal Masroor and Rushanara Ali tie for first place with 15896 votes/);
  assert.match(alert, /mark the winner of the lot with "elected": true/);
  assert.equal(await page.locator(`${widget} table`).count(), 0, 'no winner shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tie settled by lot: the file names Rushanara Ali, the widget says she won by lot', async () => {
  const file = tied();
  named(file, 'Rushanara Ali').elected = true;
  const { page, context, problems } = await open('settled', file, 'ready');
  const summary = await page.locator(`${widget} .rw-summary`).textContent();
  assert.match(summary, /Rushanara Ali \(Labour\) Lab hold\./);
  assert.match(summary, /Elected after a tie, decided by lot: 15,896 votes each\./);
  assert.doesNotMatch(summary, /Majority 0/);
  const elected = await page.locator(`${widget} tbody tr.rw-elected th`).allTextContents();
  assert.deepEqual(elected.map((t) => t.trim()), ['Rushanara Ali Elected']);
  const spoken = await page.locator(`${widget} .rw-spoken`).textContent();
  assert.match(spoken, /Rushanara Ali \(Labour\) was elected for Bethnal Green and Stepney after a tie on 15,896 votes, decided by lot\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file made before the count, every candidate on 0, awaits its declaration', async () => {
  const file = structuredClone(good);
  for (const candidate of latest(file).candidates) candidate.votes = 0;
  delete latest(file).valid_votes;
  delete latest(file).invalid_votes;
  const { page, context, problems } = await open('awaiting', file, 'ready');
  const summary = (await page.locator(`${widget} .rw-summary`).textContent()).trim();
  assert.equal(summary, 'Awaiting declaration.');
  assert.equal(await page.locator(`${widget} tbody tr`).count(), 11, 'the candidates are listed');
  assert.equal(await page.locator(`${widget} tbody .rw-note, ${widget} tr.rw-elected`).count(), 0, 'nobody is marked elected');
  const text = await page.locator(widget).textContent();
  assert.doesNotMatch(text, /gain|hold|Majority|Turnout|Swing/);
  assert.match(await page.locator(`${widget} .rw-spoken`).textContent(), /Bethnal Green and Stepney has not declared yet\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 200-letter name leaves the page 320 px wide, and the name whole', async () => {
  const long = 'Abcdefghij'.repeat(20);
  const file = structuredClone(good);
  named(file, 'Ajmal Masroor').name = long;
  file.parties.find((p) => p.id === 'ind').name = `Independent${'x'.repeat(60)}`;
  const { page, context, problems } = await open('long-name', file, 'ready', { viewport: { width: 320, height: 700 } });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    // Nothing in the widget scrolls sideways either (the sentence for screen
    // readers is hidden in a 1 px box by design).
    scrolling: [...document.querySelectorAll('[data-results-widget] *:not(.rw-visually-hidden)')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
      .map((e) => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}`),
  }));
  assert.equal(widths.page, 320);
  assert.deepEqual(widths.scrolling, []);
  // The whole name is in the table (wrapped, not clipped), and in the chart's description.
  const cell = await page.locator(`${widget} tbody th`, { hasText: long.slice(0, 30) }).textContent();
  assert.ok(cell.includes(long));
  const description = await page.locator(`${widget} .rw-chart svg desc`).first().textContent();
  assert.ok(description.includes(long));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the history view and the national view keep 320 px, a winner with a long name', async () => {
  const long = 'Abcdefghij'.repeat(20);
  const file = structuredClone(good);
  named(file, 'Rushanara Ali').name = long;
  server.put('ties/long-winner/seats/E14001086.json', JSON.stringify(file));
  const viewport = { viewport: { width: 320, height: 700 } };
  const { page, context, problems } = await strictPage(browser, viewport);
  await page.goto(server.page({ src: 'files/ties/long-winner/', view: 'history', seat: 'E14001086' }));
  await page.waitForSelector(ready);
  assert.ok((await page.locator(`${widget} tbody`).textContent()).includes(long), 'the winner named whole');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  await page.goto(server.page({ src: 'data/', view: 'national' }));
  await page.waitForSelector(ready);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  assert.deepEqual(problems, []);
  await context.close();
});
