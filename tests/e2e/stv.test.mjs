// Counts by the single transferable vote: a Scottish ward's first preferences with
// its winners marked, and its count stage by stage (the quota, who was elected when,
// every stage's totals and transfers, a chart against the quota); the council's
// seats and majority line; the ward across 2017 and 2022; a Northern Ireland
// Assembly constituency, and one whose source's stages could not be read.
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
  const headers = (await page.locator(`${widget} .rw-body > .rw-table-wrap thead th`).allTextContents()).map((h) => h.replace(/[↕▲▼]/g, '').trim());
  assert.deepEqual(headers, ['Candidate', 'Party', 'First preferences', 'Share']);
  const rows = await cells(page, `${widget} .rw-body > .rw-table-wrap tbody tr`);
  assert.deepEqual(rows[0], ['Kevin Lang Elected', 'Liberal Democrat', '5,904', '42.4%']);
  // Elected on transfers from 200 first preferences: below three who were not.
  assert.deepEqual(rows[6], ['Lewis James Younie Elected', 'Liberal Democrat', '200', '1.4%']);
  assert.equal(await page.locator(`${widget} .rw-body > .rw-table-wrap tbody tr.rw-elected`).count(), 4);
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

test('the Assembly: constituencies whose count has no stages show no majority, and come last among the closest', async () => {
  const { page, context, problems } = await open('?view=national&src=data/ni-assembly-2022/');
  // 90 members from 18 constituencies: not "all 18 wards".
  assert.match(await page.locator(`${widget} .rw-title`).textContent(), /Northern Ireland Assembly election 2022: all 18 constituencies$/);
  const seats = `${widget} .rw-seats tbody tr`;
  const foyle = (await cells(page, seats)).find((r) => r[0] === 'Foyle');
  // Seat, winner, party, result, majority, majority %, turnout: the two figures blank.
  assert.deepEqual([foyle[4], foyle[5]], ['', ''], foyle.join(' | '));
  assert.match(foyle[6], /^\d+\.\d%$/);
  await page.getByRole('button', { name: 'Closest results' }).click();
  const closest = await cells(page, seats);
  assert.equal(closest.length, 18);
  // Belfast West's count ended 532 apart, the closest; the nine without stages last.
  assert.deepEqual([closest[0][0], closest[0][4]], ['Belfast West', '532']);
  assert.ok(closest.slice(0, 9).every((r) => /^[\d,]+$/.test(r[4])), closest.map((r) => r[4]).join(' '));
  assert.ok(closest.slice(9).every((r) => r[4] === '' && r[5] === ''), closest.map((r) => r[4]).join(' '));
  // Sorted the other way, the blanks stay last.
  await page.locator(`${widget} .rw-seats thead th`).nth(5).getByRole('button').click();
  await page.waitForSelector(`${widget} .rw-seats thead th[aria-sort="descending"]`);
  const widest = await cells(page, seats);
  assert.ok(widest[0][4] !== '' && widest.slice(9).every((r) => r[4] === ''), widest.map((r) => r[4]).join(' '));
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
  // Nor where the 2017 file spelt the ward's name with spaces around its slash.
  const colinton = await open('?view=history&src=data/city-of-edinburgh/&seat=S13002926');
  assert.doesNotMatch(await colinton.page.locator(`${widget} .rw-header`).textContent(), /predecessor seats/);
  assert.match(await colinton.page.locator(`${widget} .rw-title`).textContent(), /Colinton\/Fairmilehead/);
  assert.deepEqual(colinton.problems, []);
  await colinton.context.close();
  const ni = await open('?view=result&src=data/ni-assembly-2022/&seat=belfast-south');
  const elected = await ni.page.locator(`${widget} .rw-body > .rw-table-wrap tbody tr.rw-elected th`).allTextContents();
  assert.deepEqual(elected.map((e) => e.replace(/ Elected$/, '').trim()), ['Deirdre Hargey', 'Edwin Poots', 'Paula Bradshaw', "Matthew O'Toole", 'Kate Nicholl']);
  assert.match(await ni.page.locator(`${widget} .rw-summary`).textContent(), /SF 1, DUP 1, SDLP 1|APNI 2/);
  // Foyle's count cannot be read from its source: still first preferences, no majority.
  const foyle = await open('?view=result&src=data/ni-assembly-2022/&seat=foyle');
  const said = await foyle.page.locator(`${widget} .rw-summary`).textContent();
  assert.match(said, /Counted by the single transferable vote/);
  assert.doesNotMatch(said, /between the last elected/);
  // Its quota, and why there is no stage to show.
  assert.match(await foyle.page.locator(`${widget} .rw-stv p`).textContent(), /^A candidate needed [\d,]+ votes \(the quota\) to be elected\. The data gives the count's quota and who was elected, not its stages\.$/);
  assert.equal(await foyle.page.locator(`${widget} .rw-stv table`).count(), 0);
  assert.deepEqual([...problems, ...ni.problems, ...foyle.problems], []);
  await ni.context.close();
  await foyle.context.close();
});

test('an Edinburgh ward\'s count stage by stage: the quota, who was elected when, every stage, the quota line', async () => {
  const { page, context, problems } = await open('?view=result&src=data/city-of-edinburgh/&seat=S13002919');
  const count = `${widget} .rw-stv`;
  assert.equal(
    await page.locator(`${count} p`).textContent(),
    'A candidate needed 2,782 votes (the quota) to be elected. Kevin Lang and Norman Work were elected on first preferences; '
      + 'Louise Young at stage 2, after Kevin Lang\'s surplus was transferred; Lewis James Younie at stage 8, after Andrew Brough was excluded.',
  );
  assert.equal(await page.locator(`${count} caption`).textContent(), 'The count, stage by stage');
  const head = await page.locator(`${count} thead th[scope="col"]`).allTextContents();
  assert.equal(head.length, 1 + 8);
  assert.deepEqual(head.slice(0, 3), ['Candidate', 'Stage 1 First preferences', 'Stage 2 Kevin Lang\'s surplus was transferred']);
  assert.equal(head[8], 'Stage 8 Andrew Brough was excluded');
  const rows = await cells(page, `${count} tbody tr`);
  // The elected first, in the order the count elected them, each marked.
  assert.deepEqual(rows.slice(0, 4).map((r) => r[0]), ['Kevin Lang Elected at stage 1', 'Norman Work Elected at stage 1', 'Louise Young Elected at stage 2', 'Lewis James Younie Elected at stage 8']);
  assert.equal(await page.locator(`${count} tbody tr.rw-elected`).count(), 4);
  // Totals with each stage's transfer, signed; an excluded candidate marked.
  assert.equal(rows[0][2], '2,782 −3,122');
  assert.equal(rows[2][2], '4,937.39 +2,716.39 Elected');
  assert.deepEqual(rows[5].slice(0, 1).concat(rows[5].slice(-1)), ['Andrew Brough Excluded at stage 8', '0 −1,187.20 Excluded']);
  assert.equal(rows.length, 9);
  // The chart of each candidate's highest total, with the quota's line.
  const chart = page.locator(`${count} svg`);
  assert.equal(await chart.locator('title').textContent(), 'Each candidate\'s highest total against the quota');
  assert.ok((await chart.locator('text').allTextContents()).some((t) => t.trim() === 'Quota 2,782'));
  assert.equal(await chart.locator('.rw-line').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the count\'s first and last columns stay in view while its stages scroll', async () => {
  const { page, context, problems } = await open('?view=result&src=data/city-of-edinburgh/&seat=S13002919', { viewport: { width: 360, height: 800 } });
  const wrap = page.locator(`${widget} .rw-stv-stages`);
  await wrap.scrollIntoViewIfNeeded();
  const seen = () => wrap.evaluate((box) => {
    const frame = box.getBoundingClientRect();
    const row = box.querySelector('tbody tr');
    const inside = (cell) => { const r = cell.getBoundingClientRect(); return r.left >= frame.left - 1 && r.right <= frame.right + 1; };
    return { scrolls: box.scrollWidth > box.clientWidth, first: inside(row.firstElementChild), last: inside(row.lastElementChild), at: box.scrollLeft };
  });
  const before = await seen();
  assert.ok(before.scrolls, 'the eight stages are wider than a phone');
  assert.ok(before.first && before.last, JSON.stringify(before));
  // The reader scrolls the stages sideways (a real wheel turn over the table).
  const box = await wrap.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.mouse.wheel(200, 0);
  await page.waitForFunction((sel) => document.querySelector(sel).scrollLeft > 0, `${widget} .rw-stv-stages`);
  const after = await seen();
  assert.ok(after.at > 0 && after.first && after.last, JSON.stringify(after));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Northern Ireland count: a candidate deemed elected, and a stage that moves a surplus and excludes', async () => {
  const { page, context, problems } = await open('?view=result&src=data/ni-assembly-2022/&seat=belfast-south');
  const rows = await cells(page, `${widget} .rw-stv tbody tr.rw-elected`);
  assert.deepEqual(rows.map((r) => r[0]), [
    'Deirdre Hargey Elected at stage 1', 'Edwin Poots Elected at stage 5', 'Matthew O\'Toole Elected at stage 6', 'Paula Bradshaw Elected at stage 7', 'Kate Nicholl Deemed elected at stage 8',
  ]);
  assert.match(await page.locator(`${widget} .rw-stv p`).textContent(), /A candidate needed 7,824 votes .* Matthew O'Toole at stage 6, after Edwin Poots's surplus was transferred and Elsie Trainor was excluded;/);
  assert.deepEqual(problems, []);
  await context.close();
});
