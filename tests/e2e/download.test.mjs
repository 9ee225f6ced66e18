// Taking the numbers away: a reader presses "Download CSV" under a seat's
// candidates and gets the rows on screen, in the order on screen, as a file a
// spreadsheet reads (the core writes it: results_core::csv, tested natively). Under
// the article's strict Content Security Policy too, and without JavaScript in the
// article's static copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, strictPage, widget, cells, openReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (query, options) => openReady(browser, server, query, { acceptDownloads: true, ...options });

/** The fields of one CSV line: quoted text (a doubled quote is one) or a bare number. */
const fields = (line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2]).replace(/""/g, '"'));

/** Presses `link` (a locator) and returns the file it saved: its name, its text, and
 *  its records after the byte-order mark, each a list of fields. */
async function download(page, link) {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = await readFile(await saved.path(), 'utf8');
  const records = text.replace(/^\ufeff/, '').split('\r\n').filter((line) => line !== '').map(fields);
  return { name: saved.suggestedFilename(), text, records };
}

test('the result view saves its candidates as shown: a header, 11 rows, plain numbers, in the reader\'s order', async () => {
  const { page, context, problems } = await open('?view=result&seat=E14001086');
  const link = page.locator(`${widget} .rw-csv`);
  assert.equal(await link.textContent(), 'Download CSV');
  let file = await download(page, link);
  assert.equal(file.name, 'Bethnal Green and Stepney.csv');
  // A byte-order mark, so a spreadsheet reads names as UTF-8; lines end CRLF.
  assert.equal(file.text.charCodeAt(0), 0xfeff);
  assert.ok(file.text.endsWith('\r\n'));
  const [header, ...rows] = file.records;
  assert.deepEqual(header, ['Candidate', 'Party', 'Votes', 'Share', 'Change (notional)', 'Elected']);
  assert.equal(rows.length, 11);
  assert.deepEqual(rows[0], ['Rushanara Ali', 'Labour', '15896', '34.1', '-39.4', '1']);
  assert.ok(rows.slice(1).every((row) => row[5] === '0'));
  // The table's order, which the reader changes: by candidate, A to Z.
  await page.getByRole('button', { name: /^Candidate/ }).click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-sort') === 'ascending', `${widget} th:first-child`);
  const shown = (await cells(page, `${widget} .rw-table tbody tr`)).map((row) => row[0].replace(/\s*Elected$/, ''));
  file = await download(page, link);
  assert.deepEqual(file.records.slice(1).map((row) => row[0]), shown);
  assert.notEqual(shown[0], 'Rushanara Ali');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the article saves a CSV under its strict policy, with and without JavaScript, and a page can turn the links off', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const { page, context, problems } = await strictPage(browser, { acceptDownloads: true, javaScriptEnabled, viewport: { width: 1280, height: 4000 } });
    if (javaScriptEnabled) {
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
      });
    }
    await page.goto(server.url + 'article.html');
    const first = page.locator('[data-results-widget]').first();
    if (javaScriptEnabled) await page.locator('[data-results-widget][data-state="ready"]').first().waitFor();
    const file = await download(page, first.locator('.rw-csv:visible'));
    assert.equal(file.name, 'Bethnal Green and Stepney.csv');
    assert.equal(file.records.length, 12, file.text);
    assert.deepEqual(file.records[1].slice(0, 3), ['Rushanara Ali', 'Labour', '15896']);
    if (javaScriptEnabled) {
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      // data-tools="none": no link to see or to reach with the keyboard.
      await first.evaluate((host) => host.setAttribute('data-tools', 'none'));
      assert.equal(await first.locator('.rw-csv:visible').count(), 0);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});
