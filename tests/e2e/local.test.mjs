// Local elections end to end: a council with wards electing several, a ward's
// result with its winners marked, and a two-stage mayoral count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, strictPage, widget, ready, cells, openReady, house } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


const open = (query, options) => openReady(browser, server, query, options);

test('a three-member ward marks its three winners', async () => {
  const { page, context, problems } = await open('?view=result&src=data/tower-hamlets-2022/&seat=E05009317');
  assert.match(await page.locator(`${widget} .rw-title`).textContent(), /Bethnal Green East/);
  const summary = await page.locator(`${widget} .rw-summary`).textContent();
  assert.match(summary, /Lab 2, Aspire 1/);
  assert.match(summary, /41 votes between the last elected and the next candidate/);
  const elected = await page.locator(`${widget} tbody tr.rw-elected th`).allTextContents();
  assert.equal(elected.length, 3);
  assert.deepEqual(elected.map((e) => e.replace(/ Elected$/, '').trim()), ['Sirajul Islam', 'Rebaka Sultana', 'Ahmodul Kabir']);
  const fourth = (await cells(page, `${widget} tbody tr`))[3];
  assert.equal(fourth[0], 'Syed Hasan Abdullah');
  assert.equal(fourth[2], '2,112');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the 2022 mayoral count shows both stages', async () => {
  const { page, context, problems } = await open('?view=result&src=data/tower-hamlets-mayor-2022.json&seat=E09000030');
  const headers = (await page.locator(`${widget} thead th`).allTextContents()).map((h) => h.replace(/[↕▲▼]/g, '').trim());
  assert.deepEqual(headers, ['Candidate', 'Party', 'First preferences', 'Share', 'After second preferences']);
  const rows = await cells(page, `${widget} tbody tr`);
  assert.deepEqual(rows[0], ['Lutfur Rahman Elected', 'Aspire', '39,533', '47.0%', '40,804']);
  assert.deepEqual(rows[1], ['John Biggs', 'Labour', '27,894', '33.2%', '33,487']);
  assert.equal(rows[2][4], '–');
  assert.match(await page.locator(`${widget} .rw-summary`).textContent(), /Majority 7,317 after second preferences/);
  const desc = await page.locator(`${widget} svg[role="img"] desc`).textContent();
  assert.match(desc, /Lutfur Rahman, Aspire: first preferences: 47\.0%/);
  assert.match(desc, /Lutfur Rahman, Aspire: after second preferences: 40,804/);
  assert.equal(await page.locator(`${widget} svg[role="img"] rect`).count(), 9, 'seven first-round bars and two final ones');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the council picture: seats per party, control, and the wards table', async () => {
  const { page, context, problems } = await open('?view=national&src=data/tower-hamlets-2022/');
  assert.match(await page.locator(`${widget} .rw-title`).textContent(), /Tower Hamlets council election 2022: all 20 wards/);
  assert.match(await page.locator(`${widget} .rw-control`).textContent(), /Aspire: 24 of 45 seats, a majority of 3\./);
  // The council's chamber: its majority line after the 23rd of 45 seats.
  const chamber = await house(page);
  assert.equal(chamber.heading, '45 seats: 23 for a majority');
  assert.equal(chamber.before, 23);
  assert.deepEqual(chamber.legend, ['24 Aspire', '19 Labour', '1 Green Party', '1 Conservative']);
  const parties = await cells(page, `${widget} table:first-of-type tbody tr`);
  assert.deepEqual(parties.slice(0, 4).map((r) => r[1]), ['24', '19', '1', '1']);
  assert.deepEqual(parties.slice(0, 2).map((r) => r[0]), ['Aspire', 'Labour']);
  assert.match(parties[2][0] + parties[3][0], /Green.*Conservative|Conservative.*Green/);
  assert.equal(await page.locator(`${widget} .rw-seats tbody tr`).count(), 20);
  // A ward's winners are its three councillors, under the party with two of them.
  const ward = (await cells(page, `${widget} .rw-seats tbody tr`)).find((r) => r[0] === 'Bethnal Green East');
  assert.deepEqual(ward.slice(0, 4), ['Bethnal Green East', 'Sirajul Islam, Rebaka Sultana, Ahmodul Kabir', 'Labour', 'Lab 2, Aspire 1']);
  await page.getByRole('button', { name: 'Bethnal Green East' }).click();
  await page.waitForSelector(`${widget} .rw-summary`);
  assert.match(await page.locator(`${widget} .rw-summary`).textContent(), /Lab 2, Aspire 1/);
  assert.deepEqual(problems, []);
  await context.close();
});
