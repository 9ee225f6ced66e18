// Editors embed it: the showcase article with three widgets from one script, lazy
// starts, widgets added later, the iframe embed, privacy and a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, strictPage, readmeListener } from './support.mjs';

const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server;
let browser;
before(async () => {
  server = await serve(undefined, { headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': policy } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const host = '[data-results-widget]';

// Collects CSP violations from the moment the page starts.
const recordViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
};

test('the article: three widgets from one script, all ready, under the strict policy, all requests to its own origin', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 1280, height: 4000 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(recordViolations);
  await page.goto(server.url + 'article.html');
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].filter((h) => h.dataset.state === 'ready').length === 3, host);
  assert.equal(await page.locator(`${host} svg[role="img"]`).count(), 3);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.ok(requests.length > 4);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:')), []);
  const cookies = await context.cookies();
  assert.deepEqual(cookies, []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  // One WebAssembly instance serves them all.
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the article shows its three results, with charts and party colours, under the strict policy', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 360, height: 900 }, javaScriptEnabled: false });
  await page.goto(server.url + 'article.html');
  assert.deepEqual(await page.locator(host).evaluateAll((hosts) => hosts.map((h) => `${h.dataset.view} ${h.dataset.state}`)), ['result static', 'compare static', 'history static']);
  const [result, compare, history] = ['result', 'compare', 'history'].map((view) => page.locator(`${host}[data-view="${view}"]`));
  const rows = await result.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 11);
  assert.deepEqual(rows[0].slice(0, 3), ['Rushanara Ali Elected', 'Labour', '15,896']);
  assert.equal(await compare.locator('thead th').count(), 4, 'a column a seat, after the party');
  assert.equal(await history.locator('tbody tr').count(), 7);
  assert.equal(await page.locator(`${host} svg[role="img"]`).count(), 3);
  // The colours come from data/colours.css, a stylesheet of the page's own origin
  // (an inline <style> would be refused): the swatch and the bar are Labour red.
  const swatch = await result.locator('tbody .rw-party-label').first().evaluate((label) => getComputedStyle(label, '::before').backgroundColor);
  assert.equal(swatch, 'rgb(228, 0, 59)');
  const bar = await result.locator('svg rect[class^="rw-c-e4003b"]').evaluate((rect) => getComputedStyle(rect).fill);
  assert.equal(bar, 'rgb(228, 0, 59)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the live widgets take over the static copies without moving anything (no layout shift), and then sort', async () => {
  for (const width of [360, 1280]) {
    const { page, context, problems } = await strictPage(browser, { viewport: { width, height: 800 } });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url + 'article.html');
    // Each widget starts as it comes near: scroll to each, and wait for it.
    for (let i = 0; i < 3; i += 1) {
      await page.locator(host).nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel)[n].dataset.state === 'ready', [host, i]);
    }
    assert.equal(await page.locator(`${host} .rw-static`).count(), 0, 'no static copy is left');
    // Two frames after the last take-over, for any shift it caused to be reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], `no layout shift at ${width} px`);
    const result = page.locator(`${host}[data-view="result"]`);
    await result.getByRole('button', { name: /^Votes/ }).click();
    await page.waitForSelector(`${host}[data-view="result"] th[aria-sort="ascending"]`);
    assert.match(await result.locator('tbody tr').first().textContent(), /Jon Mabbutt/);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('widgets below the fold start when they come near, and report ready by event', async () => {
  const { page, context } = await strictPage(browser, { viewport: { width: 360, height: 640 } });
  await page.goto(server.url + 'article.html');
  const first = page.locator(host).first();
  await page.waitForSelector(`${host}[data-state="ready"]`);
  assert.equal(await first.getAttribute('data-state'), 'ready');
  const last = page.locator(host).last();
  assert.equal(await last.getAttribute('data-state'), 'static', 'the history widget, far below, has not started: its static copy shows');
  const readyEvent = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('results-widget:ready', (e) => resolve(e.target.dataset.view), { once: false });
  }));
  await last.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].at(-1).dataset.state === 'ready', host);
  assert.ok(['history', 'compare'].includes(await readyEvent));
  await context.close();
});

test('a widget a CMS adds later is mounted, and one can be mounted by hand', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url + 'article.html');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  await page.evaluate(() => {
    const later = document.createElement('div');
    later.id = 'later';
    later.setAttribute('data-results-widget', '');
    later.dataset.seat = 'E14001430';
    later.dataset.src = 'data/';
    document.querySelector('article').prepend(later);
  });
  await page.waitForSelector('#later[data-state="ready"]');
  assert.match(await page.locator('#later .rw-title').textContent(), /Poplar and Limehouse/);

  const mounted = await page.evaluate(async () => {
    const manual = document.createElement('div');
    manual.id = 'manual';
    manual.dataset.seat = 'E14001525';
    manual.dataset.src = 'data/';
    document.querySelector('article').prepend(manual);
    return window.ResultsWidget.mount(manual);
  });
  assert.equal(mounted, true);
  await page.waitForSelector('#manual[data-state="ready"]');
  assert.match(await page.locator('#manual .rw-title').textContent(), /Stratford and Bow/);
  await context.close();
});

test('a host copied from a page where its widget ran (cloneNode, or its outerHTML pasted) mounts as a fresh one', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url + 'article.html');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  await page.evaluate(() => {
    const original = document.querySelector('[data-results-widget][data-state="ready"]');
    const cloned = original.cloneNode(true);
    cloned.id = 'cloned';
    const holder = document.createElement('div');
    holder.innerHTML = original.outerHTML;
    const pasted = holder.firstElementChild;
    pasted.id = 'pasted';
    window.__ready = {};
    for (const copy of [cloned, pasted]) copy.addEventListener('results-widget:ready', () => { window.__ready[copy.id] = true; });
    document.querySelector('article').prepend(cloned, pasted);
  });
  // The second starts as it comes near, as any widget below the fold does.
  await page.locator('#pasted').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.__ready.cloned && window.__ready.pasted);
  for (const id of ['cloned', 'pasted']) {
    // The copied markup gave way to a live widget of its own, which answers a click.
    assert.equal(await page.locator(`#${id} section.rw`).count(), 1, id);
    const table = page.locator(`#${id} table`).first();
    await table.getByRole('button', { name: /^Votes/ }).click();
    await table.locator('th[aria-sort="ascending"]').waitFor();
  }
  // Nothing the loader keeps is in the page for a copy to carry.
  assert.equal(await page.locator('[data-results-widget-watched], [data-results-widget-mounted]').count(), 0);
  await context.close();
});

test('a results directory without its trailing slash, or with a space after it: data-src and the src parameter', async () => {
  const { page, context } = await strictPage(browser);
  await page.goto(server.url + 'article.html');
  await page.evaluate(() => {
    const add = (id, seat, src) => {
      const host = document.createElement('div');
      host.id = id;
      host.setAttribute('data-results-widget', '');
      Object.assign(host.dataset, { seat, src });
      document.querySelector('article').prepend(host);
    };
    add('bare', 'E14001430', 'data');
    // Pasted with spaces around, as the loader reads them: trimmed.
    add('spaced', ' E14001525 ', 'data/ ');
  });
  await page.waitForSelector('#bare[data-state="ready"]');
  assert.match(await page.locator('#bare .rw-title').textContent(), /Poplar and Limehouse/);
  await page.waitForSelector('#spaced[data-state="ready"]');
  assert.match(await page.locator('#spaced .rw-title').textContent(), /Stratford and Bow/);
  await page.goto(server.url + 'embed.html?view=national&src=data');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  await page.goto(server.url + 'embed.html?view=result&seat=E14001086&src=data');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  assert.match(await page.locator(`${host} .rw-title`).textContent(), /Bethnal Green and Stepney/);
  await context.close();
});

test('the iframe page takes its data from its own site only: a link naming another site shows the default data', async () => {
  const { page, context } = await strictPage(browser);
  const elsewhere = [];
  page.on('request', (request) => { if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) elsewhere.push(request.url()); });
  for (const src of ['https://example.invalid/data/', '//example.invalid/data/', '\\\\example.invalid\\data\\']) {
    await page.goto(server.url + `embed.html?view=result&seat=E14001430&src=${encodeURIComponent(src)}`);
    await page.waitForSelector(`${host}[data-state="ready"]`);
    assert.match(await page.locator(`${host} .rw-title`).textContent(), /Poplar and Limehouse/, src);
    assert.equal(await page.locator(host).getAttribute('data-src'), 'data/', src);
  }
  assert.deepEqual(elsewhere, []);
  await context.close();
});

test('code that fails to load leaves the host saying so, and a later mount loads it', async () => {
  const { page, context } = await strictPage(browser);
  // The wasm fails once (a network blip): the article's widgets say error.
  let failed = 0;
  await context.route(/_bg.*\.wasm$|\.wasm$/, (route) => (failed++ === 0 ? route.abort() : route.continue()));
  await page.goto(server.url + 'article.html');
  await page.waitForSelector(`${host}[data-state="error"]`);
  const errors = await page.evaluate(() => new Promise((resolve) => {
    const host = document.querySelector('[data-results-widget][data-state="error"]');
    host.addEventListener('results-widget:error', () => resolve('again'), { once: true });
    resolve(window.ResultsWidget.mount(host).then(() => 'mounted', () => 'failed'));
  }));
  assert.equal(errors, 'mounted', 'the second try loads the code');
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].some((h) => h.dataset.state === 'ready'), host);
  await context.close();
});

test('a broken widget stays alone: the others keep working', async () => {
  const { page, context } = await strictPage(browser, { viewport: { width: 1280, height: 4000 } });
  await page.goto(server.url + 'article.html');
  await page.evaluate(() => {
    for (const [id, seat, src] of [['bad-seat', 'E00000000', 'data/'], ['bad-src', 'E14001086', 'nowhere/']]) {
      const el = document.createElement('div');
      el.id = id;
      el.setAttribute('data-results-widget', '');
      el.dataset.seat = seat;
      el.dataset.src = src;
      document.querySelector('article').prepend(el);
    }
  });
  await page.waitForSelector('#bad-seat[data-state="error"]');
  await page.waitForSelector('#bad-src[data-state="error"]');
  assert.match(await page.locator('#bad-seat [role="alert"]').textContent(), /server answered 404/);
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].filter((h) => h.dataset.state === 'ready').length === 3, `article > ${host}:not([id])`);
  // The good ones still respond to the reader.
  const table = page.locator(`article > ${host}[data-view="result"]`);
  await table.getByRole('button', { name: /^Votes/ }).click();
  await table.locator('th[aria-sort="ascending"]').waitFor();
  await context.close();
});

test('the iframe embed tells its parent its height, and the listener fits each iframe, and only it', async () => {
  const { page, context } = await strictPage(browser, { viewport: { width: 800, height: 900 } });
  // The parent page is the editor's (no policy of ours): the README's listener, two
  // results iframes without ids, and another site's frame (an advert, say) that
  // posts a height of its own.
  const listener = readmeListener();
  await page.route(server.url + 'parent.html', (route) => route.fulfill({ contentType: 'text/html', body: `
    <iframe src="${server.url}embed.html?view=result&seat=E14001086" title="Election results" style="width:100%;border:0;height:150px"></iframe>
    <iframe src="${server.url}embed.html?view=history&seat=E14001430" title="Election results" style="width:100%;border:0;height:150px"></iframe>
    <iframe id="advert" srcdoc="<script>addEventListener('message', () => parent.postMessage({ type: 'results-widget:height', frame: '', height: 1 }, '*'))<\/script>" style="border:0;height:90px"></iframe>
    ${listener}` }));
  await page.goto(server.url + 'parent.html');
  const heights = () => page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().height));
  await page.waitForFunction(() => [...document.querySelectorAll('iframe:not(#advert)')].every((f) => f.getBoundingClientRect().height > 400));
  for (const i of [1, 2]) {
    await page.frames()[i].locator(`${host}[data-state="ready"]`).waitFor();
    const inner = await page.frames()[i].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction(([n, want]) => Math.abs(document.querySelectorAll('iframe')[n].getBoundingClientRect().height - want) <= 2, [i - 1, inner]);
  }
  const [result, history] = await heights();
  assert.notEqual(Math.round(result), Math.round(history), 'each iframe its own height');
  // The other frame posts a height: it sizes itself, and nothing else.
  await page.evaluate(() => document.getElementById('advert').contentWindow.postMessage('go', '*'));
  await page.waitForFunction(() => document.getElementById('advert').getBoundingClientRect().height === 1);
  assert.deepEqual(await heights(), [result, history, 1]);
  await context.close();
});

test('the embed builder shows the live widget and the snippet for what the editor picked', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 1280, height: 2000 } });
  await page.addInitScript(recordViolations);
  await page.goto(server.url + 'builder.html');
  await page.waitForSelector(`#preview ${host}[data-state="ready"]`);
  await page.getByLabel('View', { exact: true }).selectOption('history');
  await page.waitForSelector(`#preview ${host}[data-view="history"][data-state="ready"]`);
  assert.equal(await page.locator(`#preview ${host} tbody tr`).count(), 7, 'six elections and 2019 on the new boundaries');
  // The widget is where the builder is, unless the editor says otherwise.
  let snippet = await page.getByLabel('Script embed snippet').inputValue();
  assert.match(snippet, /<div data-results-widget data-view="history" data-seat="E14001086" data-src="\/data\/"><\/div>/);
  assert.match(snippet, /<script type="module" src="\/results-widget.js"><\/script>/);
  await page.getByLabel(/Where the widget is hosted/).fill(' /widgets/results ');
  await page.getByLabel(/Where the widget is hosted/).dispatchEvent('change');
  snippet = await page.getByLabel('Script embed snippet').inputValue();
  assert.match(snippet, /data-src="\/widgets\/results\/data\/"><\/div>\n<script type="module" src="\/widgets\/results\/results-widget.js"><\/script>/);
  await page.getByLabel('View', { exact: true }).selectOption('compare');
  await page.waitForSelector(`#preview ${host}[data-view="compare"][data-state="ready"]`);
  assert.match(await page.getByLabel('Iframe embed code').inputValue(), /embed\.html\?view=compare&amp;seat=E14001086%2CE14001430%2CE14001525/);
  // Seats whose names hold commas.
  await page.getByLabel(/More seats to compare/).fill('Ruislip, Northwood and Pinner, Ynys Môn');
  await page.getByLabel(/More seats to compare/).dispatchEvent('change');
  const iframe = await page.getByLabel('Iframe embed code').inputValue();
  assert.match(iframe, /seat=E14001086%2CE14001454%2CW07000112/);
  // The README's listener, which sizes the frame that sent the message: no ids to keep apart.
  assert.ok(iframe.endsWith(`\n${readmeListener()}`), iframe);
  assert.doesNotMatch(iframe, / id=/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hosted under another path, the built files still work', async () => {
  const { mkdtemp, cp, mkdir } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const { dist } = await import('./support.mjs');
  const site = await mkdtemp(path.join(os.tmpdir(), 'rw-site-'));
  await mkdir(path.join(site, 'widgets'), { recursive: true });
  await cp(dist, path.join(site, 'widgets', 'results'), { recursive: true });
  const other = await serve(site);
  const { page, context } = await strictPage(browser, { viewport: { width: 1280, height: 4000 } });
  await page.goto(other.url + 'widgets/results/article.html');
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].filter((h) => h.dataset.state === 'ready').length === 3, host);
  assert.ok(other.requests.every((p) => p.startsWith('/widgets/results/')), other.requests.join(' '));
  await context.close();
  await other.close();
});

test('every integrity hash in the built pages is the hash of its file, after the build rewrote the files', async () => {
  const { readFile, readdir } = await import('node:fs/promises');
  const { createHash } = await import('node:crypto');
  const path = await import('node:path');
  const { dist } = await import('./support.mjs');
  let checked = 0;
  for (const name of (await readdir(dist)).filter((n) => n.endsWith('.html'))) {
    const html = await readFile(path.join(dist, name), 'utf8');
    for (const [, href, integrity] of html.matchAll(/href="\.?\/?([^"]+)"[^>]*integrity="(sha384-[^"]+)"/g)) {
      const digest = `sha384-${createHash('sha384').update(await readFile(path.join(dist, href))).digest('base64')}`;
      assert.equal(integrity, digest, `${name}: ${href}`);
      checked += 1;
    }
  }
  // The demo page names its two stylesheets, the glue and the wasm.
  assert.ok(checked >= 4, `${checked} hashes`);
  // A hashed name is the hash of what the file holds now, after the build changed it.
  const hashed = (await readdir(dist)).filter((n) => /-[0-9a-f]{16}[._]/.test(n));
  assert.ok(hashed.length >= 4, hashed.join(' '));
  for (const name of hashed) {
    const digest = createHash('sha256').update(await readFile(path.join(dist, name))).digest('hex').slice(0, 16);
    assert.ok(name.includes(`-${digest}`), `${name} holds ${digest}`);
  }
});

test('a widget whose file came before the code draws its view in its first render: no loading line is ever put in', async () => {
  const { page, context, problems } = await strictPage(browser, { viewport: { width: 360, height: 800 } });
  // The code waits until the file's answer is in, so the loader hands it over settled.
  let fileServed;
  const served = new Promise((resolve) => { fileServed = resolve; });
  page.on('requestfinished', (r) => { if (r.url().endsWith('/seats/E14001086.json')) fileServed(); });
  await page.route('**/*.wasm', async (route) => { await served; await route.continue(); });
  await page.addInitScript(() => {
    window.__seen = { loadingLine: false, states: [] };
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === 'attributes') window.__seen.states.push(change.target.dataset.state);
        for (const node of change.addedNodes) if (node.nodeType === 1 && (node.matches('.rw-status') || node.querySelector('.rw-status'))) window.__seen.loadingLine = true;
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  const from = server.requests.length;
  await page.goto(server.url + 'embed.html?view=result&seat=E14001086&src=data/');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  const seen = await page.evaluate(() => window.__seen);
  assert.equal(seen.loadingLine, false, 'the loading line was put in');
  assert.deepEqual(seen.states, ['loading', 'ready']);
  assert.match(await page.locator('h2').textContent(), /Bethnal Green and Stepney/);
  // The file was asked for once: the loader's request served the widget.
  assert.equal(server.requests.slice(from).filter((p) => p.endsWith('/seats/E14001086.json')).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});
