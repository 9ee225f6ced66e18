// A seat by any name a reader knows it by: the national search and the compare
// picker find the 2024 seats by the names of the seats they were formed from, and a
// widget speaking Welsh names Welsh seats in Welsh (lang="cy"), and finds them by
// either name. On the shipped data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openReady, cells, widget, ready } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const rows = `${widget} .rw-seats tbody tr`;

test('the national search and the compare picker find new seats by an old seat\'s name', async () => {
  const { page, context, problems } = await openReady(browser, server, '?view=national');
  await page.getByLabel('Search seats or winners', { exact: true }).fill('Bethnal Green and Bow');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, rows);
  assert.deepEqual((await cells(page, rows)).map((r) => r[0]), ['Bethnal Green and Stepney', 'Stratford and Bow']);

  await page.goto(`${server.url}?view=compare&seat=E14001279`);
  await page.waitForSelector(ready);
  const box = page.getByRole('combobox', { name: 'Add a seat to compare' });
  await box.fill('bethnal green and bow');
  await page.waitForSelector(`${widget} [role="option"]`);
  assert.deepEqual(await page.locator(`${widget} [role="option"]`).allTextContents(), ['Bethnal Green and Stepney', 'Stratford and Bow']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with data-locale="cy" a Welsh seat is named in Welsh, marked lang="cy", and found by either name', async () => {
  const result = await openReady(browser, server, 'embed.html?view=result&seat=W07000085&locale=cy');
  const heading = result.page.locator(`${widget} h2`);
  assert.equal(await heading.textContent(), 'Aberhonddu, Maesyfed a Chwm Tawe');
  assert.equal(await heading.getAttribute('lang'), 'cy');
  assert.deepEqual(result.problems, []);
  await result.context.close();

  const english = await openReady(browser, server, 'embed.html?view=result&seat=W07000085');
  assert.equal(await english.page.locator(`${widget} h2`).textContent(), 'Brecon, Radnor and Cwm Tawe');
  await english.context.close();

  const national = await openReady(browser, server, 'embed.html?view=national&locale=cy-GB');
  const search = national.page.getByLabel('Search seats or winners', { exact: true });
  for (const name of ['Brecon, Radnor', 'Aberhonddu']) {
    await search.fill(name);
    await national.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, rows);
    const seat = national.page.locator(`${rows} th [lang="cy"]`);
    assert.equal(await seat.textContent(), 'Aberhonddu, Maesyfed a Chwm Tawe', name);
  }
  assert.deepEqual(national.problems, []);
  await national.context.close();
});
