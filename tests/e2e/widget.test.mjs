// What a reader does, end to end: the release build in headless Chromium, real clicks
// and keys. Run by `make test` after `make build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, strictPage, root } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const widget = '[data-results-widget]';
const ready = `${widget}[data-state="ready"]`;
// Candidate names in table order, without the "Elected" badge.
const names = (page) => page.locator(`${widget} tbody th`).allTextContents()
  .then((t) => t.map((s) => s.trim().replace(/ Elected$/, '')));

test('the demo shows Bethnal Green and Stepney as the article does', async () => {
  const { page, context, problems } = await strictPage(browser);
  await page.goto(server.url);
  await page.waitForSelector(ready);

  assert.equal(await page.locator(`${widget} tbody tr`).count(), 11);
  const rows = await page.locator(`${widget} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(rows[0], ['Rushanara Ali Elected', 'Labour', '15,896', '34.1%', '\u221239.4']);
  assert.deepEqual(rows[1], ['Ajmal Masroor', 'Independent', '14,207', '30.5%', '']);
  assert.deepEqual(rows[10], ['Jon Mabbutt', 'Social Democratic Party', '233', '0.5%', '']);

  // Read first by a screen reader, hidden from sight.
  assert.equal(await page.locator(`${widget} .rw-spoken`).textContent(),
    'Labour held Bethnal Green and Stepney with a majority of 1,689 over an independent, down from 37,524 in 2019.');
  const summary = await page.locator(`${widget} .rw-summary`).textContent();
  assert.match(summary, /Rushanara Ali \(Labour\) Lab hold\. Majority 1,689 \(3\.6% of valid votes\)\. Turnout 57\.3%\./);

  const chart = page.locator(`${widget} svg[role="img"]`);
  assert.equal(await chart.locator('rect').count(), 11);
  assert.match(await chart.locator('title').textContent(), /Vote share by candidate, Bethnal Green and Stepney/);
  assert.match(await chart.locator('desc').textContent(), /Rushanara Ali, Labour: 34\.1%/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pressing Votes reverses the order and Candidate sorts by name', async () => {
  const { page, context, problems } = await strictPage(browser);
  await page.goto(server.url);
  await page.waitForSelector(ready);
  const before = await names(page);

  await page.getByRole('button', { name: /^Votes/ }).click();
  await page.waitForSelector(`${widget} th[aria-sort="ascending"]`);
  assert.deepEqual(await names(page), [...before].reverse());
  const votes = await page.locator(`${widget} tbody td:nth-child(3)`).allTextContents();
  const numbers = votes.map((v) => Number(v.replace(/,/g, '')));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));

  await page.getByRole('button', { name: /^Candidate/ }).click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('Candidate'), `${widget} th[aria-sort="ascending"]`);
  const sorted = await names(page);
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.localeCompare(b, 'en-GB')));
  assert.equal(sorted[0], 'Ajmal Masroor');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard alone sorts: Tab to a header, then Enter or Space', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url);
  await page.waitForSelector(ready);
  // Tab through the page (its links, the view tabs, the headers) to Share.
  for (let i = 0; i < 40 && !/^Share/.test(await page.evaluate(() => document.activeElement.textContent)); i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Share/);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${widget} th[aria-sort="descending"] >> text=Share`);
  await page.keyboard.press('Space');
  await page.waitForSelector(`${widget} th[aria-sort="ascending"] >> text=Share`);
  assert.equal((await names(page))[0], 'Jon Mabbutt');
  await context.close();
});

test('screenshots at 360 px and 1280 px show the whole widget without sideways scrolling', async () => {
  const out = path.join(root, 'tests/e2e/artifacts');
  await mkdir(out, { recursive: true });
  for (const width of [360, 1280]) {
    const { page, context } = await strictPage(browser, { viewport: { width, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector(ready);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `page scrolls sideways at ${width} px`);
    await page.screenshot({ path: path.join(out, `demo-${width}.png`), fullPage: true });
    await context.close();
  }
});
