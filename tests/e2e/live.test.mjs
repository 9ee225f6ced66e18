// Election night: `results simulate` replays 2024 into dist/night/ while the
// widget polls it; the static data/ stands for a night where nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { rm, access, cp, mkdtemp, readFile, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, strictPage, root, dist } from './support.mjs';

let server;
let browser;
let night;
const nightDir = path.join(dist, 'night');
const host = '[data-results-widget]';

before(async () => {
  execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'results-cli', '--bin', 'results'], { cwd: root, stdio: 'inherit' });
  // The night replays the imported data that `make data-check` leaves in
  // target/results-data (this file run on its own imports it first).
  try { await access(path.join(root, 'target/results-data/elections')); } catch {
    execFileSync(path.join(root, 'scripts/make-data'), ['--check'], { cwd: root, stdio: 'inherit' });
  }
  await rm(nightDir, { recursive: true, force: true });
  night = spawn(path.join(root, 'target/release/results'), ['simulate', '--from', path.join(root, 'target/results-data'),
    '--out', nightDir, '--interval', '1', '--batch', '15', '--seed', '2024'], { stdio: 'ignore' });
  // The first write (every seat awaiting its declaration) comes at once.
  for (let i = 0; i < 200; i += 1) {
    try { await access(path.join(nightDir, 'index.json')); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  server = await serve();
  browser = await launch();
});
after(async () => { night?.kill(); await browser?.close(); await server?.close(); });

const declared = (page) => page.locator(`${host} .rw-declared`).textContent().then((t) => Number(t.split(' ')[0]));
const indexAnswers = (status, from = 0, dir = '/night/') => server.log.slice(from).filter((e) => e.path === `${dir}index.json` && e.status === status).length;

test('the national view counts declarations as they come, keeping the reader\'s sort, filter and focus through ten updates', async () => {
  const { page, context, problems } = await strictPage(browser);
  await page.goto(server.url + '?view=national&src=night/&refresh=1');
  await page.waitForSelector(`${host}[data-state="ready"] .rw-declared`);
  const first = await declared(page);
  assert.ok(first < 650);
  // Mid-night the chamber is the whole House, 650 seats and 326 for a majority,
  // not the seats declared so far; no one has a majority, or is short of one, yet.
  await page.waitForFunction((sel) => /leads with/.test(document.querySelector(`${sel} .rw-control`)?.textContent), host);
  assert.match(await page.locator(`${host} .rw-control`).textContent(), /^[A-Z].* leads with \d+ of 650 seats; 326 win a majority\.$/);
  // The night has its hex map (the simulator carries the layout over): a hex for
  // every seat, those still to declare marked as awaiting.
  await page.locator(`${host} .rw-hexmap`).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .rw-hex`).length === 650, host);
  const awaiting = await page.locator(`${host} .rw-hex[aria-label$=": Awaiting declaration"]`).count();
  assert.ok(awaiting > 0 && awaiting <= 650 - first, `${awaiting} awaiting, ${first} declared`);
  await page.getByRole('button', { name: /^Majority %/ }).click();
  await page.getByLabel('Nation or region', { exact: true }).selectOption('London');
  await page.getByRole('button', { name: /^Majority %/ }).focus();
  const start = server.log.length;
  // Ten updates: ten new versions of the index, each shown.
  await page.evaluate(countPolls, host);
  // Polls come about once a second and a batch declares every second: wait for ten
  // polls that brought a new index.
  for (let done = 1; indexAnswers(200, start) < 10 && done < 30; done += 1) await polls(page, 'done', done);
  assert.ok(indexAnswers(200, start) >= 10, `${indexAnswers(200, start)} updates`);
  assert.ok((await declared(page)) > first, 'declarations rose');
  assert.equal(await page.locator(`${host} th[aria-sort]`).textContent().then((t) => t.replace(/[↕▲▼]/g, '').trim()), 'Majority %');
  assert.equal(await page.getByLabel('Nation or region', { exact: true }).inputValue(), 'London');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Majority %/);
  assert.match(await page.locator(`${host} .rw-updated`).textContent(), /^Updated \d\d:\d\d$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a live update keeps the reader\'s place on the hex map: the focused hex keeps the focus and the one tab stop', async () => {
  // To say which seat declares when, the shipped index is served from a copy of
  // dist/, first with Poplar and Limehouse awaiting its result, then declared.
  const copy = await mkdtemp(path.join(tmpdir(), 'rw-live-'));
  await cp(dist, copy, { recursive: true, filter: (src) => !src.startsWith(nightDir) });
  const file = path.join(copy, 'data/index.json');
  const declaredIndex = await readFile(file, 'utf8');
  const index = JSON.parse(declaredIndex);
  index.seats.find((s) => s.code === 'E14001430').declared = false;
  await writeFile(file, JSON.stringify(index));
  const local = await serve(copy);
  const { page, context, problems } = await strictPage(browser);
  try {
    await page.goto(local.url + '?view=national&refresh=1');
    await page.waitForSelector(`${host}[data-state="ready"] .rw-declared`);
    await page.locator(`${host} .rw-hexmap`).scrollIntoViewIfNeeded();
    const hex = page.locator(`${host} .rw-hex[data-code="E14001430"]`);
    await hex.focus();
    // The count and the seat still to declare are in the theme's muted text.
    const muted = 'rgb(85, 85, 85)';
    assert.equal(await page.locator(`${host} .rw-declared`).evaluate((p) => getComputedStyle(p).color), muted);
    assert.equal(await page.locator(`${host} tr.rw-awaiting > td`).first().evaluate((td) => getComputedStyle(td).color), muted);
    await page.evaluate(countPolls, host);
    await writeFile(file, declaredIndex);
    // The declaration is drawn: the hex is marked as just declared.
    await page.waitForSelector(`${host} .rw-hex.rw-fresh[data-code="E14001430"]`, { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'E14001430');
    // Its row is marked too, in the theme's accent.
    const mark = await page.locator(`${host} tr.rw-fresh[class] > th`).first().evaluate((th) => getComputedStyle(th).backgroundColor);
    assert.notEqual(mark, 'rgba(0, 0, 0, 0)');
    const stops = await page.locator(`${host} .rw-hex[tabindex="0"]`).evaluateAll((gs) => gs.map((g) => g.dataset.code));
    assert.deepEqual(stops, ['E14001430']);
    assert.equal(await page.locator(`${host} .rw-hex`).count(), 650);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await local.close();
    await rm(copy, { recursive: true, force: true });
  }
});

// Counts the poller's steps on the host's data-poll attribute: `done` polls
// finished (polling → waiting) and `paused` looks while hidden.
const countPolls = (sel) => {
  const el = document.querySelector(sel);
  window.__polls = { done: 0, paused: 0 };
  const step = (from, to) => {
    if (from === 'polling' && to !== 'polling') window.__polls.done += 1;
    if (to === 'paused') window.__polls.paused += 1;
  };
  // Records come in batches: each holds the value before it, so the values in
  // between are the next record's old value, and the last is the current one.
  new MutationObserver((records) => {
    records.forEach((r, i) => step(r.oldValue, i + 1 < records.length ? records[i + 1].oldValue : el.dataset.poll));
  }).observe(el, { attributes: true, attributeFilter: ['data-poll'], attributeOldValue: true });
};
const polls = (page, kind, n) => page.waitForFunction(([k, count]) => window.__polls[k] >= count, [kind, n], { timeout: 10000 });

test('a 304 changes nothing on the page', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url + '?view=national&refresh=1');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  await page.evaluate(countPolls, host);
  // Every poll is a 304, the first too (see the test of every embed path below).
  await polls(page, 'done', 1);
  await page.evaluate((sel) => {
    window.__mutations = 0;
    new MutationObserver((list) => { window.__mutations += list.filter((m) => m.attributeName !== 'data-poll').length; })
      .observe(document.querySelector(sel), { subtree: true, childList: true, attributes: true, characterData: true });
  }, host);
  const from = server.log.length;
  await polls(page, 'done', 3);
  assert.ok(indexAnswers(304, from, '/data/') >= 2);
  assert.equal(indexAnswers(200, from, '/data/'), 0);
  assert.equal(await page.evaluate(() => window.__mutations), 0);
  await context.close();
});

test('a failed poll keeps the last good data and says so, then recovers', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url + '?view=national&refresh=1');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  server.failing.add('/data/index.json');
  await page.waitForSelector(`${host} .rw-stale`);
  assert.match(await page.locator(`${host} .rw-stale`).textContent(), /Could not update: The results server had a problem/);
  assert.equal(await page.locator(`${host} .rw-seats tbody tr`).count(), 650);
  assert.equal(await page.locator(host).getAttribute('data-state'), 'ready');
  server.failing.delete('/data/index.json');
  await page.waitForSelector(`${host} .rw-stale`, { state: 'detached', timeout: 15000 });
  await context.close();
});

/** On a server of its own (only this page's requests are counted), a national view
 *  polling every second: after `away(page)` the poller pauses and makes no request
 *  in three looks; after `back(page)` it polls the index again. */
async function pausesWhileAway(away, back) {
  const own = await serve();
  const { page, context } = await strictPage(browser);
  try {
    await page.goto(own.url + '?view=national&refresh=1');
    await page.waitForSelector(`${host}[data-state="ready"]`);
    await page.evaluate(countPolls, host);
    await away(page);
    await polls(page, 'paused', 1);
    const from = own.log.length;
    await polls(page, 'paused', 3);
    assert.deepEqual(own.log.slice(from), [], 'no request while nobody can see it');
    await back(page);
    const done = await page.evaluate(() => window.__polls.done);
    await polls(page, 'done', done + 1);
    assert.ok(own.log.length > from);
    assert.ok(own.log.slice(from).some((e) => e.path === '/data/index.json'));
  } finally {
    await context.close();
    await own.close();
  }
}

const visibility = (state) => (page) => page.evaluate((to) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => to });
  document.dispatchEvent(new Event('visibilitychange'));
}, state);

test('with the tab hidden no request is made; shown again, polling resumes', () => pausesWhileAway(visibility('hidden'), visibility('visible')));

// The embed builder replaces its preview at each change; a site's script may swap content.
test('a widget taken out of the page asks for nothing; put back, it polls again', () => pausesWhileAway(
  async (page) => {
    await polls(page, 'done', 1);
    await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      window.__away = [el, el.parentNode, el.nextSibling];
      el.remove();
    }, host);
  },
  (page) => page.evaluate(() => { const [el, parent, next] = window.__away; parent.insertBefore(el, next); }),
));

test('a note that the data could not update goes when the reader opens a view whose polls succeed', async () => {
  // A server of its own, whose index fails on purpose.
  const own = await serve();
  const { page, context } = await strictPage(browser);
  try {
    await page.goto(own.url + '?view=national&refresh=1');
    await page.waitForSelector(`${host}[data-state="ready"]`);
    own.failing.add('/data/index.json');
    await page.waitForSelector(`${host} .rw-stale`, { timeout: 15000 });
    // The reader opens a seat: its view polls the seat's file, which answers.
    await page.getByRole('button', { name: 'Bethnal Green and Stepney' }).click();
    await page.waitForSelector(`${host} .rw-summary`);
    await page.waitForSelector(`${host} .rw-stale`, { state: 'detached', timeout: 15000 });
    assert.ok(own.log.some((e) => e.path === '/data/seats/E14001086.json' && e.status === 304), 'the seat was polled');
  } finally {
    await context.close();
    await own.close();
  }
});

/** A copy of dist/ whose index can be rewritten with chosen seats awaiting their
 *  declaration: { dir, awaiting(codes), close }. */
async function copyOfDist() {
  const dir = await mkdtemp(path.join(tmpdir(), 'rw-live-'));
  await cp(dist, dir, { recursive: true, filter: (src) => !src.startsWith(nightDir) });
  const file = path.join(dir, 'data/index.json');
  const shipped = JSON.parse(await readFile(file, 'utf8'));
  const awaiting = (codes) => {
    const index = structuredClone(shipped);
    for (const seat of index.seats) if (codes.includes(seat.code)) seat.declared = false;
    // Whole, as `results` writes it: a poll never reads half a file.
    return writeFile(`${file}.new`, JSON.stringify(index)).then(() => rename(`${file}.new`, file));
  };
  return { dir, awaiting, close: () => rm(dir, { recursive: true, force: true }) };
}

/** A page of the test's own at `name` on `on` (a server), holding `html`. */
const pageAt = (context, on, name, html) => context.route(on.url + name, (route) => route.fulfill({ contentType: 'text/html', body: html }));

// Records what the live region at `sel` says, each time it changes.
const recordAnnouncements = (sel) => {
  const region = document.querySelector(sel);
  window.__said = [];
  new MutationObserver(() => { if (region.textContent) window.__said.push(region.textContent); })
    .observe(region, { childList: true, characterData: true, subtree: true });
};

const POPLAR = 'E14001430';
const STRATFORD = 'E14001525';

test('the iframe embed with refresh=2 polls, shows a new declaration and announces it once; a reader can turn announcements off', async () => {
  const copy = await copyOfDist();
  await copy.awaiting([POPLAR, STRATFORD]);
  const local = await serve(copy.dir);
  const { page, context, problems } = await strictPage(browser);
  try {
    await pageAt(context, local, 'article.html', '<!doctype html><meta charset="utf-8"><title>Live</title>'
      + '<iframe id="live" title="Election results" width="800" height="700" src="embed.html?view=national&refresh=2&frame=live"></iframe>');
    await page.goto(local.url + 'article.html');
    const frame = await (await page.$('#live')).contentFrame();
    await frame.waitForSelector(`${host}[data-state="ready"][data-poll] .rw-declared`);
    assert.equal(await frame.locator(`${host} .rw-declared`).textContent(), '648 of 650 declared');
    // The live region is there and says nothing at the first load.
    const region = `${host} .rw-announce [aria-live="polite"]`;
    assert.equal(await frame.locator(region).textContent(), '');
    await frame.evaluate(recordAnnouncements, region);
    await frame.evaluate(countPolls, host);
    await copy.awaiting([STRATFORD]);
    await frame.waitForSelector(`${host} tr.rw-fresh`, { timeout: 10000 });
    assert.equal(await frame.locator(`${host} .rw-declared`).textContent(), '649 of 650 declared');
    await frame.waitForFunction(() => window.__said.length > 0);
    // Two more polls: still said once.
    const done = await frame.evaluate(() => window.__polls.done);
    await polls(frame, 'done', done + 2);
    const said = await frame.evaluate(() => window.__said);
    assert.equal(said.length, 1, said.join(' | '));
    assert.match(said[0], /^1 more seat declared: .+ in Poplar and Limehouse; 649 of 650\.$/);
    // Turned off, the next declaration is shown and not announced.
    await frame.getByLabel('Announce declarations').uncheck();
    assert.equal(await frame.locator(region).textContent(), '');
    await copy.awaiting([]);
    await frame.waitForSelector(`${host}:not(:has(.rw-declared))`, { timeout: 10000 });
    const after = await frame.evaluate(() => window.__polls.done);
    await polls(frame, 'done', after + 1);
    assert.deepEqual(await frame.evaluate(() => window.__said), said);
    // Every request for the index after the first load was a 304 but for the two
    // that brought a new version.
    const answers = local.log.filter((e) => e.path === '/data/index.json').map((e) => e.status);
    assert.deepEqual(answers.filter((s) => s !== 304), [200, 200, 200], answers.join(' '));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await local.close();
    await copy.close();
  }
});

test('a seat\'s file that fails after its hash changed is read at the next poll, and the note goes only when the seat is up to date', async () => {
  const copy = await copyOfDist();
  const local = await serve(copy.dir);
  const { page, context, problems } = await strictPage(browser);
  const BGS = 'E14001086';
  const seatFile = path.join(copy.dir, `data/seats/${BGS}.json`);
  const labour = () => page.locator(`${host} .rw-table tbody tr`, { hasText: 'Labour' }).first().textContent();
  try {
    await page.goto(local.url + `?view=compare&seat=${BGS},${POPLAR}&refresh=1`);
    await page.waitForSelector(`${host}[data-state="ready"][data-poll] .rw-table`);
    assert.match(await labour(), /34\.1%/);
    // A recount moves 100 votes from Labour to the Greens (34.1% to 33.9%): the seat's
    // file and its hash in the index change, and the file fails when first asked for.
    local.failing.add(`/data/seats/${BGS}.json`);
    const seat = JSON.parse(await readFile(seatFile, 'utf8'));
    const contest = seat.constituencies.find((c) => c.election === 'ge2024');
    contest.candidates.find((c) => c.party === 'lab').votes -= 100;
    contest.candidates.find((c) => c.party === 'green').votes += 100;
    await writeFile(`${seatFile}.new`, JSON.stringify(seat));
    await rename(`${seatFile}.new`, seatFile);
    const indexFile = path.join(copy.dir, 'data/index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    index.seats.find((s) => s.code === BGS).hash = 'recounted';
    await writeFile(`${indexFile}.new`, JSON.stringify(index));
    await rename(`${indexFile}.new`, indexFile);
    await page.waitForSelector(`${host} .rw-stale`, { timeout: 15000 });
    assert.match(await labour(), /34\.1%/, 'the last good figures stay while the file fails');
    // The file is back; the index has not changed since. The next poll reads the seat.
    local.failing.delete(`/data/seats/${BGS}.json`);
    await page.waitForSelector(`${host} .rw-stale`, { state: 'detached', timeout: 15000 });
    assert.match(await labour(), /33\.9%/, 'the note went with the seat up to date');
    // The browser reports the failures the test made, and nothing else.
    assert.deepEqual(problems.filter((p) => !p.includes('status of 500')), []);
  } finally {
    await context.close();
    await local.close();
    await copy.close();
  }
});

test('on every embed path the first poll is already conditional: after the first load, every request for an unchanged file is a 304', async () => {
  const script = (attrs) => `<!doctype html><meta charset="utf-8"><title>Script embed</title><div data-results-widget ${attrs}></div><script type="module" src="results-widget.js"></script>`;
  const paths = [
    { name: 'the demo page (the widget\'s own request)', url: '?view=national&refresh=1', file: '/data/index.json' },
    { name: 'a script embed, the loader\'s file handed over whole', page: script('data-view="national" data-refresh="1"'), file: '/data/index.json' },
    { name: 'a script embed, a seat\'s file handed over as the loader asked', page: script(`data-seat="${POPLAR}" data-refresh="1"`), file: `/data/seats/${POPLAR}.json` },
    { name: 'a script embed, the loader\'s request handed over before its answer', page: script(`data-seat="${STRATFORD}" data-refresh="1"`), file: `/data/seats/${STRATFORD}.json`, hold: true },
    { name: 'the iframe embed', page: '<!doctype html><meta charset="utf-8"><title>Iframe</title><iframe title="Results" width="800" height="600" src="embed.html?view=national&refresh=1"></iframe>', file: '/data/index.json', frame: true },
  ];
  for (const [i, embed] of paths.entries()) {
    const { page, context, problems } = await strictPage(browser);
    const start = server.log.length;
    let release = () => {};
    if (embed.hold) {
      // The file is held until the widget has mounted without it.
      const held = new Promise((resolve) => { release = resolve; });
      await context.route(server.url + embed.file.slice(1), async (route) => { await held; await route.continue(); }, { times: 1 });
    }
    if (embed.page) await pageAt(context, server, `embed-path-${i}.html`, embed.page);
    await page.goto(server.url + (embed.page ? `embed-path-${i}.html` : embed.url));
    const frame = embed.frame ? await (await page.$('iframe')).contentFrame() : page;
    if (embed.hold) {
      await frame.waitForSelector(`${host}[data-state="loading"]`);
      release();
    }
    await frame.waitForSelector(`${host}[data-state="ready"][data-poll]`);
    await frame.evaluate(countPolls, host);
    await polls(frame, 'done', 2);
    const answers = server.log.slice(start).filter((e) => e.path === embed.file).map((e) => e.status);
    assert.deepEqual(answers, [200, ...answers.slice(1).map(() => 304)], `${embed.name}: ${answers.join(' ')}`);
    assert.ok(answers.length >= 3, `${embed.name}: ${answers.join(' ')}`);
    assert.deepEqual(problems, [], embed.name);
    await context.close();
  }
});
