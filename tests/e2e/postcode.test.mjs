// Find your seat by postcode: a reader types a postcode in the box and presses Enter,
// and the widget opens the seat, having downloaded one postcode area's file; what
// opens no seat is said under the box, in words, while the view on show stays.
// On the shipped data (data/postcodes/, made by `results postcodes`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openReady, strictPage, widget, ready } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await serve(undefined, { gzip: true });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The bytes each postcode file the page downloads took on the wire (gzip, as a
 *  static host sends JSON), by path. */
function postcodeDownloads(page) {
  const sizes = new Map();
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/postcodes/')) return;
    const { responseBodySize } = await request.sizes();
    sizes.set(new URL(request.url()).pathname, responseBodySize);
  });
  return sizes;
}

/** Types `postcode` into the box and presses Enter. */
async function lookUp(page, postcode) {
  const box = page.getByLabel('Your postcode');
  await box.fill(postcode);
  await box.press('Enter');
}

const heading = (page) => page.locator(`${widget} h2`).first().textContent();
const said = (page) => page.locator(`${widget} .rw-postcode-said`).textContent();

test('typing e1 4ns and pressing Enter opens Bethnal Green and Stepney; SW1A 0AA opens Cities of London and Westminster', async () => {
  const { page, context, problems } = await openReady(browser, server, '?view=result&seat=E14001279');
  const sizes = postcodeDownloads(page);
  assert.match(await heading(page), /Hendon/);
  await lookUp(page, 'e1 4ns');
  await page.waitForFunction(() => document.querySelector('[data-results-widget] h2')?.textContent.includes('Bethnal Green and Stepney'));
  await page.waitForSelector(ready);
  assert.match(page.url(), /seat=E14001086/, 'the seat is in the address, to share or go back to');
  await lookUp(page, 'SW1A 0AA');
  await page.waitForFunction(() => document.querySelector('[data-results-widget] h2')?.textContent.includes('Cities of London and Westminster'));
  // Back goes to the seat before, not to a look-up.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-results-widget] h2')?.textContent.includes('Bethnal Green and Stepney'));
  assert.deepEqual([...sizes.keys()].sort(), ['/data/postcodes/E.json', '/data/postcodes/SW.json']);
  for (const [url, bytes] of sizes) assert.ok(bytes > 500 && bytes <= 10_000, `${url}: ${bytes} bytes`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('what opens no seat is said under the box, and the view on show stays', async () => {
  const { page, context, problems } = await openReady(browser, server, '?view=history&seat=E14001086');
  const sizes = postcodeDownloads(page);
  const cases = [
    ['BT1 1AA', /BT1 1AA is in Northern Ireland, which this look-up does not cover/],
    ['ZZ99 9ZZ', /ZZ99 9ZZ is not a GB postcode: there is no postcode area ZZ in Great Britain/],
    ['hello', /"hello" is not a GB postcode: a postcode looks like E1 4NS/],
    ['', /Enter a postcode, such as E1 4NS/],
    ['E0 1AA', /E0 1AA is not a postcode we know/],
  ];
  for (const [typed, sentence] of cases) {
    await lookUp(page, typed);
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.rw-postcode-said')?.textContent), sentence.source);
    assert.equal(await page.getByLabel('Your postcode').getAttribute('aria-invalid'), 'true', typed);
    assert.match(await heading(page), /Bethnal Green and Stepney/, `${typed}: the history stays`);
    assert.equal(await page.locator(`${widget} .rw-tab[aria-current="page"]`).textContent(), 'History');
  }
  // Only E0 1AA, shaped like a postcode of a GB area, needed a file.
  assert.deepEqual([...sizes.keys()], ['/data/postcodes/E.json']);
  // A postcode that does open a seat opens its history, the view on show.
  await lookUp(page, 'sw1a0aa');
  await page.waitForFunction(() => document.querySelector('[data-results-widget] h2')?.textContent.includes('Cities of London and Westminster'));
  assert.equal(await page.locator(`${widget} .rw-tab[aria-current="page"]`).textContent(), 'History');
  assert.equal(await said(page), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the national view has the box; postcode= in a link opens the seat; a council has no box', async () => {
  const national = await openReady(browser, server, '?view=national');
  await lookUp(national.page, 'E1 4NS');
  await national.page.waitForFunction(() => document.querySelector('[data-results-widget] h2')?.textContent.includes('Bethnal Green and Stepney'));
  assert.equal(await national.page.locator(`${widget} .rw-tab[aria-current="page"]`).textContent(), 'Result');
  assert.deepEqual(national.problems, []);
  await national.context.close();

  const linked = await openReady(browser, server, '?postcode=e1+4ns');
  assert.match(await heading(linked.page), /Bethnal Green and Stepney/);
  assert.match(linked.page.url(), /view=result&seat=E14001086/, 'the look-up gives way to the seat in the address');
  assert.deepEqual(linked.problems, []);
  await linked.context.close();

  const council = await openReady(browser, server, '?view=national&src=data/tower-hamlets-2022/');
  assert.equal(await council.page.locator(`${widget} .rw-postcode`).count(), 0, 'wards are not what a postcode opens');
  assert.deepEqual(council.problems, []);
  await council.context.close();
});

test('a link whose postcode opens no seat says why over the national view', async () => {
  const { page, context, problems } = await strictPage(browser);
  await page.goto(`${server.url}?postcode=BT1+1AA`);
  await page.waitForSelector(ready);
  assert.match(await said(page), /BT1 1AA is in Northern Ireland/);
  assert.equal(await page.locator(`${widget} .rw-tab[aria-current="page"]`).textContent(), 'All seats');
  assert.deepEqual(problems, []);
  await context.close();
});
