// Counts by the single transferable vote, as the widget shows them today: a Scottish
// ward's first preferences with its winners marked and the count named, the council's
// seats and majority line, the ward across 2017 and 2022, and a Northern Ireland
// Assembly constituency. (The stage-by-stage count is read by the `results` tool;
// the widget does not draw it yet: issue 24.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, widget, cells, openReady, house } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (query, options) => openReady(browser, server, query, options);

test('an Edinburgh ward: first preferences, the four elected, and no majority read from them', async () => {
  const { page, context, problems } = await open('?view=result&src=data/city-of-edinburgh/&seat=S13002919');
  assert.match(await page.locator(`${widget} .rw-title`).textContent(), /Almond/);
  const summary = await page.locator(`${widget} .rw-summary`).textContent();
  assert.match(summary, /Elected: Kevin Lang \(LD\), Norman Work \(SNP\), Louise Young \(LD\), Lewis James Younie \(LD\)\. LD 3, SNP 1\./);
  assert.match(summary, /Counted by the single transferable vote: the votes are first preferences\./);
  assert.doesNotMatch(summary, /between the last elected/);
  const headers = (await page.locator(`${widget} thead th`).allTextContents()).map((h) => h.replace(/[↕▲▼]/g, '').trim());
  assert.deepEqual(headers, ['Candidate', 'Party', 'First preferences', 'Share']);
  const rows = await cells(page, `${widget} tbody tr`);
  assert.deepEqual(rows[0], ['Kevin Lang Elected', 'Liberal Democrat', '5,904', '42.4%']);
  // Elected on transfers from 200 first preferences: below three who were not.
  assert.deepEqual(rows[6], ['Lewis James Younie Elected', 'Liberal Democrat', '200', '1.4%']);
  assert.equal(await page.locator(`${widget} tbody tr.rw-elected`).count(), 4);
  assert.match(await page.locator(`${widget} .rw-source`).textContent(), /CC BY-SA 4\.0/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the City of Edinburgh council: 63 seats, the majority line at 32, each ward\'s margin', async () => {
  const { page, context, problems } = await open('?view=national&src=data/city-of-edinburgh/');
  assert.match(await page.locator(`${widget} .rw-title`).textContent(), /City of Edinburgh Council election 2022: all 17 wards/);
  assert.match(await page.locator(`${widget} .rw-control`).textContent(), /No overall control: Scottish National Party largest with 19 of 63 seats/);
  const chamber = await house(page);
  assert.equal(chamber.heading, '63 seats: 32 for a majority');
  assert.equal(await page.locator(`${widget} .rw-seats tbody tr`).count(), 17);
  // The margin at the end of Almond's count: Younie's 2,870 over Hill's 1,415.
  const almond = (await cells(page, `${widget} .rw-seats tbody tr`)).find((r) => r[0] === 'Almond');
  assert.ok(almond.includes('1,454'), almond.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a ward across 2017 and 2022, and a Northern Ireland Assembly constituency', async () => {
  const { page, context, problems } = await open('?view=history&src=data/city-of-edinburgh/&seat=S13002919');
  const rows = await cells(page, `${widget} .rw-history tbody tr, ${widget} table:last-of-type tbody tr`);
  const years = rows.map((r) => r[0]).filter((y) => /^20\d\d$/.test(y));
  assert.deepEqual(years, ['2022', '2017']);
  assert.ok(rows.every((r) => !r.includes('0')), 'no majority of 0 read from first preferences');
  // The same ward in both years: no word of predecessor seats.
  assert.doesNotMatch(await page.locator(`${widget} .rw-header`).textContent(), /predecessor seats/);
  await context.close();
  const ni = await open('?view=result&src=data/ni-assembly-2022/&seat=belfast-south');
  const elected = await ni.page.locator(`${widget} tbody tr.rw-elected th`).allTextContents();
  assert.deepEqual(elected.map((e) => e.replace(/ Elected$/, '').trim()), ['Deirdre Hargey', 'Edwin Poots', 'Paula Bradshaw', "Matthew O'Toole", 'Kate Nicholl']);
  assert.match(await ni.page.locator(`${widget} .rw-summary`).textContent(), /SF 1, DUP 1, SDLP 1|APNI 2/);
  // Foyle's count cannot be read from its source: still first preferences, no majority.
  const foyle = await open('?view=result&src=data/ni-assembly-2022/&seat=foyle');
  const said = await foyle.page.locator(`${widget} .rw-summary`).textContent();
  assert.match(said, /Counted by the single transferable vote/);
  assert.doesNotMatch(said, /between the last elected/);
  assert.deepEqual([...problems, ...ni.problems, ...foyle.problems], []);
  await ni.context.close();
  await foyle.context.close();
});
