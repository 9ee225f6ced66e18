// Readable without JavaScript: `results render` writes a view's static HTML from the
// widget's own components; with JavaScript the live widget takes over from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, strictPage, root, dist } from './support.mjs';

const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server;
let browser;
before(async () => {
  for (const [view, file] of [['result', 'static-result.html'], ['history', 'static-history.html']]) {
    execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'results-cli', '--bin', 'results', '--', 'render', '--view', view,
      '--seat', 'E14001086', '--src', 'data/', '--data', path.join(root, 'data'), '--page', '--out', path.join(dist, file)], { cwd: root, stdio: 'inherit' });
  }
  // The iframe page of one view: the build's embed.html with the static copy in it.
  execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'results-cli', '--bin', 'results', '--', 'render', '--view', 'result',
    '--seat', 'E14001086', '--src', 'data/', '--data', path.join(root, 'data'), '--page', '--template', path.join(dist, 'embed.html'),
    '--out', path.join(dist, 'static-embed.html')], { cwd: root, stdio: 'inherit' });
  server = await serve(undefined, { headers: (p) => (p.endsWith('.html') ? { 'content-security-policy': policy } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const host = '[data-results-widget]';

test('without JavaScript the rendered result is a real table and an inline SVG chart', async () => {
  const { page, context } = await strictPage(browser, { javaScriptEnabled: false });
  await page.goto(server.url + 'static-result.html');
  assert.equal(await page.locator(`${host}`).getAttribute('data-state'), 'static');
  const rows = await page.locator(`${host} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 11);
  assert.deepEqual(rows[0].slice(1, 4), ['Labour', '15,896', '34.1%']);
  assert.match(await page.locator(`${host} .rw-summary`).textContent(), /Lab hold\. Majority 1,689/);
  const chart = page.locator(`${host} svg[role="img"]`);
  assert.equal(await chart.locator('rect').count(), 11);
  assert.match(await chart.locator('title').textContent(), /Vote share by candidate/);
  assert.ok((await chart.boundingBox()).height > 300, 'the chart is drawn and styled');
  await context.close();
});

test('the history renders too', async () => {
  const { page, context } = await strictPage(browser, { javaScriptEnabled: false });
  await page.goto(server.url + 'static-history.html');
  assert.equal(await page.locator(`${host} tbody tr`).count(), 7, 'six elections and 2019 on the new boundaries');
  assert.match(await page.locator(`${host} tbody tr:last-child`).textContent(), /G\. Galloway/);
  await context.close();
});

test('with JavaScript the live widget takes over from the static HTML', async () => {
  const { page, context, problems } = await strictPage(browser);
  await page.goto(server.url + 'static-result.html');
  await page.waitForSelector(`${host}[data-state="ready"]`);
  assert.equal(await page.locator(`${host} section.rw`).count(), 1, 'the static copy is gone');
  assert.equal(await page.locator(`${host} [hidden]`).count(), 0);
  await page.getByRole('button', { name: /^Votes/ }).click();
  await page.waitForSelector(`${host} th[aria-sort="ascending"]`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an iframe page of one view (results render --template embed.html) shows without JavaScript, and the live widget takes over without a shift', async () => {
  const off = await strictPage(browser, { javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  await off.page.goto(server.url + 'static-embed.html');
  assert.equal(await off.page.locator('#widget').getAttribute('data-state'), 'static');
  assert.equal(await off.page.locator('#widget tbody tr').count(), 11);
  assert.equal(await off.page.locator('#widget svg[role="img"] rect').count(), 11);
  assert.equal(await off.page.locator('#widget noscript').count(), 0, 'no word that JavaScript is needed');
  assert.equal(await off.page.locator('#widget tbody .rw-party-label').first().evaluate((l) => getComputedStyle(l, '::before').backgroundColor), 'rgb(228, 0, 59)');
  assert.deepEqual(off.problems, []);
  await off.context.close();

  const { page, context, problems } = await strictPage(browser, { viewport: { width: 360, height: 800 } });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url + 'static-embed.html');
  await page.waitForSelector('#widget[data-state="ready"]');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await page.locator('#widget .rw-static').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__shifts), []);
  await page.getByRole('button', { name: /^Votes/ }).click();
  await page.waitForSelector('#widget th[aria-sort="ascending"]');
  assert.deepEqual(problems, []);
  await context.close();
});
