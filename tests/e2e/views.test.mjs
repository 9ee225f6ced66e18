// The views end to end, with real data: history, compare, national, moving between
// them by URL, by tabs and with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, strictPage, widget, ready, cells, openReady, house } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


const open = (query, options) => openReady(browser, server, query, options);

test('history: any seat, Hendon, Conservative from 2010 to 2019 and Labour by 15 in 2024', async () => {
  const { page, context, problems } = await open('?view=history&seat=E14001279');
  const rows = await cells(page, `${widget} tbody tr`);
  assert.deepEqual(rows.map((r) => r[0]), ['2024', '2019 (notional)', '2019', '2017', '2015', '2010', '2005']);
  assert.deepEqual(rows[0].slice(0, 5), ['2024', 'Hendon', 'David Pinto-Duschinsky', 'Labour', '15']);
  // The estimate on the new boundaries, told apart from the count on the old ones.
  assert.deepEqual(rows[1], ['2019 (notional)', 'Hendon (estimate on these boundaries)', '', 'Conservative', '', '']);
  for (const row of rows.slice(2, 6)) assert.equal(row[3], 'Conservative', row.join(' | '));
  assert.match(await page.locator(`${widget} svg[role="img"] desc`).textContent(), /2019 \(notional\): Conservative/);
  assert.match(await page.locator(`${widget} .rw-formed`).textContent(), /^Formed in 2024 from Hendon \(100%\)\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('history: Bethnal Green and Stepney from the 2005 Respect win to 2024', async () => {
  const { page, context, problems } = await open('?view=history&seat=E14001086');
  const rows = await cells(page, `${widget} tbody tr`);
  assert.deepEqual(rows.map((r) => r[0]), ['2024', '2019 (notional)', '2019', '2017', '2015', '2010', '2005']);
  assert.deepEqual(rows[0].slice(0, 5), ['2024', 'Bethnal Green and Stepney', 'Rushanara Ali', 'Labour', '1,689']);
  assert.deepEqual(rows[1].slice(1, 4), ['Bethnal Green and Stepney (estimate on these boundaries)', '', 'Labour']);
  assert.deepEqual(rows[2].slice(1, 5), ['Bethnal Green and Bow (old boundaries)', 'Rushanara Ali', 'Labour', '37,524']);
  assert.deepEqual(rows[6].slice(1, 5), ['Bethnal Green & Bow (old boundaries)', 'G. Galloway', 'Respect', '823']);
  assert.match(await page.locator(`${widget} .rw-header`).textContent(), /Earlier results are of the predecessor seats, on their own boundaries\./);
  const chart = page.locator(`${widget} svg[role="img"]`);
  assert.match(await chart.locator('title').textContent(), /Vote share by election/);
  assert.match(await chart.locator('desc').textContent(), /Respect 35\.9%/);
  assert.equal(
    (await page.locator(`${widget} .rw-formed`).textContent()).trim(),
    'Formed in 2024 from Bethnal Green and Bow (87%) and Poplar and Limehouse (13%). Population shares: mySociety (CC BY 4.0).',
  );
  // Sorting the history by majority puts 2019's 37,524 first.
  await page.getByRole('button', { name: /^Majority/ }).click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('2019'), `${widget} tbody tr:first-child th`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare: the three Tower Hamlets seats, and a fourth picked with the keyboard', async () => {
  const { page, context, problems } = await open('?view=compare&seat=E14001086,E14001430,E14001525');
  const headers = await page.locator(`${widget} thead th`).allTextContents();
  assert.deepEqual(headers.map((h) => h.replace(/[↕▲▼]/g, '').trim()),
    ['Party', 'Bethnal Green and Stepney', 'Poplar and Limehouse', 'Stratford and Bow']);
  const labour = (await cells(page, `${widget} tbody tr`)).find((r) => r[0] === 'Labour');
  assert.deepEqual(labour, ['Labour', '34.1%', '43.1%', '44.1%']);
  assert.match(await page.locator(`${widget} svg[role="img"] title`).textContent(), /Bethnal Green and Stepney, Poplar and Limehouse, Stratford and Bow/);

  const box = page.getByRole('combobox', { name: 'Add a seat to compare' });
  await box.focus();
  // Screen readers hear how many match: one seat is "1 seat".
  const status = page.locator(`${widget} .rw-picker [role="status"]`);
  await page.keyboard.type('orkney');
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '1 seat matches', `${widget} .rw-picker [role="status"]`);
  assert.equal(await page.locator(`${widget} [role="option"]`).count(), 1);
  await box.fill('');
  await page.keyboard.type('hackney s');
  await page.waitForSelector(`${widget} [role="option"]`);
  assert.equal(await status.textContent(), '3 seats match');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), await page.locator(`${widget} [role="option"]`).first().getAttribute('id'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('seat')?.split(',').length === 4);
  await page.waitForSelector(ready);
  assert.equal(await page.locator(`${widget} thead th`).count(), 5);
  assert.match(await page.locator(`${widget} thead`).textContent(), /Hackney South and Shoreditch/);
  assert.equal(await box.isDisabled(), true, 'four seats is the most');
  assert.deepEqual(problems, []);
  await context.close();
});

test('national: 650 seats, closest results, filters, and a seat opens its result', async () => {
  const { page, context, problems } = await open('?view=national');
  const seats = `${widget} .rw-seats tbody tr`;
  assert.equal(await page.locator(seats).count(), 650);
  const parties = await cells(page, `${widget} table:first-of-type tbody tr`);
  assert.deepEqual(parties[0].slice(0, 2), ['Labour', '411']);

  await page.getByLabel('Winning party', { exact: true }).selectOption('lab');
  await page.getByRole('button', { name: 'Closest results' }).click();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 411, seats);
  const closest = await cells(page, seats);
  const holds = closest.filter((r) => r[3] === 'Lab hold').slice(0, 10).map((r) => r[0]);
  assert.ok(holds.includes('Bethnal Green and Stepney'), holds.join(', '));
  const shares = closest.map((r) => Number(r[5].replace('%', '')));
  assert.deepEqual(shares, [...shares].sort((a, b) => a - b));

  await page.getByLabel('Winning party', { exact: true }).selectOption('');
  await page.getByLabel('Nation or region', { exact: true }).selectOption('London');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 75, seats);
  await page.getByLabel('Search seats or winners', { exact: true }).fill('stepney');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, seats);
  assert.match(await page.locator(`${widget} .rw-count`).textContent(), /Showing 1 of 650 seats/);
  // The groups a filter leaves empty take no room: in view, the box holds its one row
  // with nothing to scroll (out of view, a group keeps the height it last had shown).
  await page.locator(`${widget} .rw-seats`).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => { const box = document.querySelector(sel); return box.scrollHeight <= box.clientHeight; }, `${widget} .rw-seats`);

  await page.getByRole('button', { name: 'Bethnal Green and Stepney' }).click();
  await page.waitForSelector(`${widget} .rw-summary`);
  assert.match(page.url(), /view=result&seat=E14001086/);
  assert.match(await page.locator(`${widget} .rw-summary`).textContent(), /Lab hold/);
  await page.goBack();
  await page.waitForSelector(`${widget} .rw-seats`);
  assert.match(page.url(), /view=national/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('national: the House with its majority line at 326 of 650, and Labour 411 in words', async () => {
  const { page, context, problems } = await open('?view=national', { viewport: { width: 320, height: 800 } });
  assert.equal(await page.locator(`${widget} .rw-control`).textContent(), 'Labour: 411 of 650 seats, a majority of 172.');
  const drawn = await house(page);
  assert.equal(drawn.heading, '650 seats: 326 for a majority');
  assert.equal(drawn.before, 326);
  // Each party after its seats: at 320 px a long name is cut short, its figure never.
  assert.equal(drawn.legend[0], '411 Labour');
  assert.match(drawn.legend[1], /^121 Conserv/);
  assert.equal(drawn.legend.length, 15);
  assert.match(drawn.description, /^Labour: 411 of 650 seats, a majority of 172\. Labour, 33\.7% of the vote: 411 seats; Conservative, 23\.7% of the vote: 121 seats;/);
  // At 320 px nothing is wider than the widget.
  assert.ok(await page.locator(widget).evaluate((w) => w.scrollWidth <= w.clientWidth));
  assert.deepEqual(problems, []);
  await context.close();
});

test('national: the view is whole when it says it is ready, and no frame shows it before', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 360, height: 800 } });
  // What the page holds at the moment data-state turns "ready", and how many frames
  // were drawn before then with the view in the page (Yew may let the browser draw
  // one between a render and its effects).
  await page.addInitScript(() => {
    window.__atReady = new Promise((resolve) => {
      let early = 0;
      const state = () => document.querySelector('[data-results-widget]')?.dataset.state;
      const frame = () => requestAnimationFrame(() => {
        if (document.querySelector('.rw-seats') && state() !== 'ready') early += 1;
        frame();
      });
      frame();
      new MutationObserver((records, observer) => {
        if (state() !== 'ready') return;
        observer.disconnect();
        resolve({
          rows: document.querySelectorAll('.rw-seats tbody tr').length,
          parties: document.querySelectorAll('.rw-table-wrap:not(.rw-seats) tbody tr').length,
          mapFrame: !!document.querySelector('.rw-hexmap .rw-hexmap-map > svg'),
          early,
        });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
  });
  // The iframe page: the loader hands the index over, and the first render is the view.
  await page.goto(server.url + 'embed.html?view=national&src=data/');
  const at = await page.evaluate(() => window.__atReady);
  const parties = await page.locator(`${widget} .rw-table-wrap:not(.rw-seats) tbody tr`).count();
  assert.ok(parties > 10);
  assert.deepEqual(at, { rows: 650, parties, mapFrame: true, early: 0 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('national: the hex map fills in as it comes near, is one stop for the Tab key, and the arrows and Enter work it', async () => {
  const { page, context, problems } = await open('?view=national', { viewport: { width: 360, height: 800 } });
  const frame = page.locator(`${widget} .rw-hexmap svg`);
  const hexes = page.locator(`${widget} .rw-hex`);
  // Below the fold on a phone: the map's frame is in, at the map's size, its hexes not yet.
  assert.equal(await hexes.count(), 0);
  assert.ok((await frame.boundingBox()).height > 300);
  // Tabbing onto the map puts the hexes in, and the north-west one takes the focus.
  await frame.focus();
  await page.waitForFunction(() => document.activeElement?.classList.contains('rw-hex'));
  assert.equal(await hexes.count(), 650);
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(await focused(), /^Orkney and Shetland: /);
  const labels = await hexes.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.ok(labels.every((l) => /: /.test(l)));
  // The focused hex is the map's one tab stop; the arrows move it between
  // neighbours, and back.
  const poplar = page.locator(`${widget} .rw-hex[data-code="E14001430"]`);
  assert.match(await poplar.getAttribute('aria-label'), /^Poplar and Limehouse: Labour, Lab hold/);
  await poplar.focus();
  const stops = () => page.locator(`${widget} .rw-hex[tabindex="0"]`).evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.deepEqual(await stops(), [await focused()]);
  for (const [there, back] of [['ArrowRight', 'ArrowLeft'], ['ArrowUp', 'ArrowDown']]) {
    await page.keyboard.press(there);
    const next = await focused();
    assert.doesNotMatch(next, /^Poplar and Limehouse/, there);
    assert.deepEqual(await stops(), [next]);
    await page.keyboard.press(back);
    assert.match(await focused(), /^Poplar and Limehouse/, `${there} then ${back}`);
  }
  // A hex opens its seat with Enter.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('seat=E14001430'));
  await page.waitForSelector(`${widget} .rw-summary`);
  assert.match(await page.locator(`${widget} .rw-title`).textContent(), /Poplar and Limehouse/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a narrower widget redraws its chart at its new width, with no error on the page', async () => {
  const { page, context, problems } = await open('?view=result&seat=E14001086', { viewport: { width: 1280, height: 900 } });
  // A ResizeObserver whose callback changes what it observes reports an error on the
  // window (no exception), which a host page's error monitoring would pick up.
  await page.evaluate(() => { window.__errors = []; addEventListener('error', (e) => window.__errors.push(e.message)); });
  const chartWidth = () => page.locator(`${widget} svg[role="img"]`).getAttribute('width').then(Number);
  const wide = await chartWidth();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.waitForFunction((w) => Number(document.querySelector(`${w} svg[role="img"]`).getAttribute('width')) < 400, widget);
  assert.ok(wide > 500, `drawn at ${wide} px first`);
  // The chart is as wide as the widget, which is as wide as the page allows.
  const [drawn, shown] = await page.evaluate((w) => [Number(document.querySelector(`${w} svg[role="img"]`).getAttribute('width')), Math.floor(document.querySelector(`${w} .rw`).getBoundingClientRect().width)], widget);
  assert.equal(drawn, shown);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('national: scrolled near, the hex map fills in by itself', async () => {
  const { page, context, problems } = await open('?view=national', { viewport: { width: 360, height: 800 } });
  assert.equal(await page.locator(`${widget} .rw-hex`).count(), 0);
  await page.locator(`${widget} .rw-hexmap`).scrollIntoViewIfNeeded();
  await page.waitForFunction((w) => document.querySelectorAll(`${w} .rw-hex`).length === 650, widget);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard alone moves between views and keeps the reader\'s sort', async () => {
  const { page, context } = await open('?view=result&seat=E14001086');
  await page.getByRole('button', { name: /^Votes/ }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${widget} th[aria-sort="ascending"]`);
  await page.getByRole('button', { name: 'History' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('view=history'));
  await page.waitForSelector(`${widget} [aria-current="page"] >> text=History`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('view=result'));
  await page.waitForSelector(`${widget} th[aria-sort="ascending"] >> text=Votes`);
  await context.close();
});

test('a shared link opens its view in place: the back button is not needed twice', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url + '?seat=E14001086,E14001430');
  await page.waitForSelector(ready);
  assert.match(page.url(), /\?view=compare&seat=E14001086,E14001430$/);
  const opened = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'All seats' }).click();
  await page.waitForFunction(() => location.search.startsWith('?view=national'));
  assert.equal(await page.evaluate(() => history.length), opened + 1);
  // One step back is the compare view the link opened, not the link as typed.
  await page.goBack();
  await page.waitForFunction(() => location.search.startsWith('?view=compare'));
  await page.waitForSelector(`${widget} .rw-picked`);
  await context.close();
});
