// In the newsroom's words: labels replaced by the embed (`data-labels`) or by the
// data (`labels`), numbers in the embed's locale (`data-locale`), and clear
// messages for an embed that gets either wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, strictPage, root, cells } from './support.mjs';
import { faultServer } from './fault-server.mjs';

let server;
let browser;
let seat;
before(async () => {
  server = await faultServer();
  seat = JSON.parse(await readFile(path.join(root, 'data/seats/E14001086.json'), 'utf8'));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const widget = '[data-results-widget]';

async function open(attrs, state = 'ready') {
  const opened = await strictPage(browser);
  await opened.page.goto(server.page({ view: 'result', seat: 'E14001086', ...attrs }));
  await opened.page.waitForSelector(`${widget}[data-state="${state}"]`);
  return opened;
}

test('German numbers and German words from the embed', async () => {
  const labels = {
    'column.candidate': 'Kandidat', 'column.party': 'Partei', 'column.votes': 'Stimmen', 'column.share': 'Anteil',
    'result.majority': 'Mehrheit {majority} ({share} der gültigen Stimmen).',
  };
  const { page, context, problems } = await open({ src: 'data/', locale: 'de-DE', labels: JSON.stringify(labels) });
  const headers = await page.locator(`${widget} thead th`).allTextContents();
  assert.deepEqual(headers.slice(0, 4).map((h) => h.replace(/[↕▲▼]/g, '').trim()), ['Kandidat', 'Partei', 'Stimmen', 'Anteil']);
  const rows = await cells(page, `${widget} tbody tr`);
  assert.deepEqual(rows[0].slice(2, 4), ['15.896', '34,1\u00a0%']);
  assert.match(await page.locator(`${widget} .rw-summary`).textContent(), /Lab hold\. Mehrheit 1\.689 \(3,6\u00a0% der gültigen Stimmen\)\. Turnout 57,3\u00a0%\.$/);
  assert.equal(await page.locator(`${widget} section.rw`).getAttribute('lang'), 'de-DE');
  // Words not replaced stay English.
  assert.equal(await page.locator(`${widget} nav button`).first().textContent(), 'Result');
  assert.deepEqual(problems, []);
  await context.close();
});

// Every label the core defines (Label, "key", "text") with its words replaced:
// "{party} hold" becomes "{party} Wort", as a translation looks to the code.
async function everyLabelRelabelled() {
  const source = await readFile(path.join(root, 'crates/results-core/src/locale.rs'), 'utf8');
  const labels = {};
  for (const [, key, text] of source.matchAll(/^ {4}\([A-Za-z0-9]+, "([a-z_.0-9]+)", "(.*)"\),$/gm)) {
    labels[key] = text.replace(/\{[a-z_]+\}|[^\W\d_]+/gu, (m) => (m.startsWith('{') ? m : 'Wort'));
  }
  assert.ok(Object.keys(labels).length > 100, 'the defaults were read');
  return labels;
}

const english = [' hold', ' gain from ', 'Majority', 'majority of', 'Turnout', 'turnout', 'swing', 'Elected', 'Awaiting', 'Result'];

test('with every label relabelled, no English word of a result is left: the result line, the seats table, the hex map', async () => {
  const labels = JSON.stringify(await everyLabelRelabelled());
  const { page, context, problems } = await open({ src: 'data/', locale: 'de-DE', labels });
  const summary = await page.locator(`${widget} .rw-summary`).textContent();
  assert.match(summary, /Rushanara Ali .*Lab Wort\. .*1\.689/);
  const shown = await page.locator(widget).evaluate((w) => w.innerText);
  for (const word of english) assert.ok(!shown.includes(word), `${word} in ${shown}`);
  await context.close();

  const national = await strictPage(browser);
  await national.page.goto(server.page({ view: 'national', src: 'data/', locale: 'de-DE', labels }));
  await national.page.waitForSelector(`${widget}[data-state="ready"] .rw-hexmap`);
  // The hexes go in as the map comes near the viewport.
  await national.page.locator(`${widget} .rw-hexmap`).scrollIntoViewIfNeeded();
  await national.page.waitForFunction((w) => document.querySelectorAll(`${w} .rw-hex`).length === 650, widget);
  const table = await national.page.locator(`${widget} .rw-seats tbody`).evaluateAll((bodies) => bodies.map((b) => b.textContent).join('\n'));
  assert.ok(table.includes('Lab Wort') && table.includes('Lab Wort Wort Con'), 'the seats table says hold and gain in the labels\' words');
  const hexes = await national.page.locator(`${widget} .rw-hex`).evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-label')).join('\n'));
  assert.ok(hexes.includes('Poplar and Limehouse: Labour, Lab Wort'), 'a hex names its result in the labels\' words');
  for (const word of english) assert.ok(!table.includes(word) && !hexes.includes(word), word);
  assert.deepEqual([...problems, ...national.problems], []);
  await national.context.close();
});

test('labels in the data, with the embed\'s on top', async () => {
  const file = structuredClone(seat);
  file.labels = { 'column.candidate': 'Ymgeisydd', 'column.votes': 'Pleidleisiau', 'view.result': 'Canlyniad' };
  server.put('welsh/seats/E14001086.json', JSON.stringify(file));
  const { page, context, problems } = await open({ src: 'files/welsh/', labels: JSON.stringify({ 'column.votes': 'Votes cast' }) });
  const headers = (await page.locator(`${widget} thead th`).allTextContents()).map((h) => h.replace(/[↕▲▼]/g, '').trim());
  assert.deepEqual(headers.slice(0, 3), ['Ymgeisydd', 'Party', 'Votes cast']);
  assert.equal(await page.locator(`${widget} nav button`).first().textContent(), 'Canlyniad');
  // en-GB numbers by default.
  assert.deepEqual((await cells(page, `${widget} tbody tr`))[0].slice(2, 4), ['15,896', '34.1%']);
  assert.equal(await page.locator(`${widget} section.rw`).getAttribute('lang'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sentence read first follows the labels', async () => {
  const labels = { 'spoken.held': '{party} a gadwodd {seat} gyda mwyafrif o {majority}', 'spoken.over_independent': ' dros ymgeisydd annibynnol', 'spoken.down': ', i lawr o {before} yn {year}' };
  const { page, context } = await open({ src: 'data/', labels: JSON.stringify(labels) });
  assert.equal(await page.locator(`${widget} .rw-spoken`).textContent(), 'Labour a gadwodd Bethnal Green and Stepney gyda mwyafrif o 1,689 dros ymgeisydd annibynnol, i lawr o 37,524 yn 2019.');
  await context.close();
});

test('messages follow the labels too', async () => {
  const labels = { 'error.not_found': 'Nicht gefunden: {url} ({status}).', 'status.try_again': 'Noch einmal' };
  const { page, context } = await open({ src: 'faults/not-found/', labels: JSON.stringify(labels) }, 'error');
  assert.match(await page.locator(`${widget} [role="alert"] p`).textContent(), /^Nicht gefunden: .*E14001086\.json \(404\)\.$/);
  assert.equal(await page.locator(`${widget} .rw-retry`).textContent(), 'Noch einmal');
  await context.close();
});

for (const [name, attrs, message] of [
  ['labels that are not JSON', { labels: '{"column.votes": Votes}' }, /^The widget's embed code has a mistake: data-labels must be a JSON object of label texts \(/],
  ['a label the widget does not have', { labels: '{"column.vote": "Votes"}' }, /^The widget's embed code has a mistake: data-labels: "column.vote" is not a label the widget shows/],
  ['a locale that is not a language tag', { locale: 'en_GB!' }, /^The widget's embed code has a mistake: data-locale "en_GB!" is not a language tag the browser knows/],
]) {
  test(`${name}: the widget says so`, async () => {
    const { page, context, problems } = await open({ src: 'data/', ...attrs }, 'error');
    assert.match(await page.locator(`${widget} [role="alert"] p`).textContent(), message);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
