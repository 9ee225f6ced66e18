// One small set of operations over three browser engines, so that the cross-engine
// suite says each step once: Debian's Chromium driven by playwright-core (as the
// end-to-end tests are), Firefox ESR by puppeteer-core over WebDriver BiDi, and
// WebKitGTK (the engine of Safari) by selenium-webdriver through WebKitWebDriver,
// which needs a display (run it under `xvfb-run -a`).
//
// A page offers: goto, evaluate, waitFor (a condition polled until a timeout, never
// a fixed sleep), click, focus, press, type, text, attr and errors. Every engine
// loads pages from `instrument()`'s copy of dist/, whose HTML pages first run a
// small script that records errors (uncaught exceptions, unhandled rejections,
// console.error calls, resources that failed to load, policy violations): WebKit's
// driver has no event for console messages, so that record is the one that serves
// all three alike. Chromium and Firefox also add what their drivers report.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile, symlink, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dist, launch as launchChromium } from '../e2e/support.mjs';

export const names = (process.env.ENGINES || 'chromium,firefox,webkit').split(',').map((n) => n.trim()).filter(Boolean);

/** How long a condition may take to hold before a wait fails. */
export const TIMEOUT = Number(process.env.ENGINE_TIMEOUT_MS || 20000);

const errorScript = `// Added by tests/engines/drivers.mjs: records errors for the cross-engine suite.
(() => {
  const list = [];
  window.__engineErrors = list;
  const store = (text) => {
    list.push(text);
    try { if (window.top !== window && window.top.__engineErrors) window.top.__engineErrors.push('in a frame: ' + text); } catch (e) { /* another origin */ }
  };
  addEventListener('error', (e) => {
    const t = e.target;
    if (t && t !== window && t.tagName) store('failed to load ' + t.tagName.toLowerCase() + ' ' + (t.src || t.href || ''));
    else store('page error: ' + e.message);
  }, true);
  addEventListener('unhandledrejection', (e) => store('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => store('policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
  const error = console.error;
  console.error = function (...args) { store('console error: ' + args.map(String).join(' ')); return error.apply(this, args); };
})();
`;

/** A copy of dist/ for the suite: each HTML page runs the error recorder first
 *  (a same-origin file, so any policy that allows the widget allows it), then any
 *  of `extra`'s files named in `first` (the benchmark's timer); the rest are links
 *  to the built files. `extra` adds files by name. Resolves to the directory and a
 *  function that removes it. */
export async function instrument(extra = {}, first = []) {
  const built = await readdir(dist).catch(() => []);
  if (!built.includes('embed.html')) throw new Error(`${dist} holds no build: run make build first (make test does)`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rw-engines-'));
  for (const name of built) {
    const from = path.join(dist, name);
    if (name.endsWith('.html')) {
      const html = await readFile(from, 'utf8');
      const scripts = ['__engine-errors.js', ...first].map((src) => `<script src="${src}"></script>`).join('');
      await writeFile(path.join(dir, name), html.replace(/<head>/i, `<head>${scripts}`));
    } else {
      await symlink(from, path.join(dir, name));
    }
  }
  await writeFile(path.join(dir, '__engine-errors.js'), errorScript);
  for (const [name, body] of Object.entries(extra)) await writeFile(path.join(dir, name), body);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The source of a call of `fn` with `args`, for any engine's evaluate: an
 *  argument that is a function goes as its source, so that a page-side helper can
 *  be handed to another (no eval in the page, which a strict policy forbids). */
const call = (fn, args) => `(${fn})(${args.map((a) => (typeof a === 'function' ? `(${a})` : JSON.stringify(a))).join(', ')})`;

const freePort = () => new Promise((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/** What each engine's page has in common: waiting, reading and the error record. */
class Page {
  constructor(engine) {
    this.engine = engine;
    this.reported = [];
  }

  /** Polls `fn(...args)` in the page until it returns something truthy, and
   *  resolves to that; fails saying `what` was expected in this engine. */
  async waitFor(what, fn, ...args) {
    const deadline = Date.now() + TIMEOUT;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, ...args);
        if (last) return last;
      } catch (err) {
        // A navigation in flight destroys the context the script ran in: ask again.
        last = err.message;
      }
      if (Date.now() > deadline) throw new Error(`${this.engine}: expected ${what} within ${TIMEOUT} ms; the last answer was ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The text of the first element matching `selector`, or null. */
  text(selector) { return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector); }

  /** An attribute of the first element matching `selector`, or null. */
  attr(selector, name) { return this.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name); }

  /** Moves the focus to the first element matching `selector` (WebDriver has no
   *  command for it; the page's own focus() is what a Tab would end in). */
  async focus(selector) {
    const found = await this.evaluate((s) => { const el = document.querySelector(s); el?.focus(); return !!el && document.activeElement === el; }, selector);
    if (!found) throw new Error(`${this.engine}: expected ${selector} to take the focus`);
  }

  /** Every error this page recorded since it was opened, across navigations. */
  async errors() {
    await this.harvest();
    return [...this.reported];
  }

  async harvest() {
    try {
      const found = await this.evaluate(() => { const l = window.__engineErrors || []; const copy = l.slice(); l.length = 0; return copy; });
      if (Array.isArray(found)) this.reported.push(...found);
    } catch { /* no page yet, or one going away */ }
  }
}

/** A page driven by playwright-core (Chromium), and, through PuppeteerPage, by
 *  puppeteer-core (Firefox over WebDriver BiDi): the same events and calls. */
class PlaywrightPage extends Page {
  constructor(engine, page) {
    super(engine);
    this.page = page;
    page.on('pageerror', (err) => this.reported.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') this.reported.push(`console error: ${msg.text()} (${msg.location()?.url ?? 'no address'})`); });
  }

  async goto(url) { await this.harvest(); await this.page.goto(url); }
  evaluate(fn, ...args) { return this.page.evaluate(call(fn, args)); }
  click(selector) { return this.page.click(selector); }
  press(key) { return this.page.keyboard.press(key); }
  type(selector, text) { return this.page.type(selector, text); }
  close() { return this.page.context().close(); }
}

// Puppeteer's page has Playwright's calls for all this suite does, but two.
class PuppeteerPage extends PlaywrightPage {
  // Puppeteer's BiDi keyboard names the space bar by its character.
  press(key) { return this.page.keyboard.press(key === 'Space' ? ' ' : key); }
  close() { return this.page.close(); }
}

class SeleniumPage extends Page {
  constructor(engine, driver, webdriver) {
    super(engine);
    this.driver = driver;
    this.webdriver = webdriver;
  }

  async goto(url) { await this.harvest(); await this.driver.get(url); }
  evaluate(fn, ...args) { return this.driver.executeScript(`return ${call(fn, args)}`); }
  async click(selector) { await (await this.driver.findElement(this.webdriver.By.css(selector))).click(); }
  press(key) {
    const { Key } = this.webdriver;
    const keys = { Enter: Key.ENTER, Space: Key.SPACE, Tab: Key.TAB, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN };
    if (!(key in keys)) throw new Error(`${this.engine}: no key named ${key} here`);
    return this.driver.actions().sendKeys(keys[key]).perform();
  }

  async type(selector, text) { await (await this.driver.findElement(this.webdriver.By.css(selector))).sendKeys(text); }
  /** The one window of the session stays for the next test, at a blank page. */
  async close() { await this.harvest(); await this.driver.get('about:blank'); }
}

/** Starts an engine. Resolves to { name, version, page(size), close }: `page`
 *  opens a page `size.width` by `size.height` CSS pixels (Chromium, Firefox) or a
 *  window of that size (WebKit, whose one window serves a page at a time). */
export async function launch(name) {
  if (name === 'chromium') {
    const browser = await launchChromium();
    return {
      name,
      version: `Chromium ${browser.version()}`,
      async page({ width = 1280, height = 900 } = {}) {
        const context = await browser.newContext({ viewport: { width, height } });
        return new PlaywrightPage(name, await context.newPage());
      },
      close: () => browser.close(),
    };
  }
  if (name === 'firefox') {
    const puppeteer = (await import('puppeteer-core')).default;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
      headless: true,
      protocol: 'webDriverBiDi',
    });
    return {
      name,
      version: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
      async page({ width = 1280, height = 900 } = {}) {
        const page = await browser.newPage();
        await page.setViewport({ width, height });
        return new PuppeteerPage(name, page);
      },
      close: () => browser.close(),
    };
  }
  if (name === 'webkit') {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      throw new Error('webkit: WebKitGTK needs a display; run the suite under `xvfb-run -a` (make test-engines does)');
    }
    const webdriver = await import('selenium-webdriver');
    const port = await freePort();
    const server = spawn(process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    server.stderr.on('data', (d) => { said += d; });
    const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    // The driver is up when its port answers.
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
      if (up) break;
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`webkit: WebKitWebDriver did not start on port ${port}: ${said}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const capabilities = new webdriver.Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    });
    let driver;
    try {
      driver = await new webdriver.Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
    } catch (err) {
      server.kill();
      throw new Error(`webkit: no session from WebKitWebDriver: ${err.message} ${said}`);
    }
    const caps = await driver.getCapabilities();
    let size;
    return {
      name,
      version: `WebKitGTK ${caps.get('browserVersion')}`,
      async page({ width = 1280, height = 900 } = {}) {
        // The window is set, then grown by what its frame takes, so that the page
        // gets the size asked for.
        if (size !== `${width}x${height}`) {
          await driver.manage().window().setRect({ width, height });
          const [w, h] = await driver.executeScript('return [innerWidth, innerHeight]');
          if (w !== width || h !== height) await driver.manage().window().setRect({ width: 2 * width - w, height: 2 * height - h });
          size = `${width}x${height}`;
        }
        return new SeleniumPage(name, driver, webdriver);
      },
      async close() {
        await driver.quit().catch(() => {});
        server.kill();
        await exited;
      },
    };
  }
  throw new Error(`no engine named ${name}: chromium, firefox or webkit`);
}
