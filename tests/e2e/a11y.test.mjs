// Accessibility and styling end to end: axe-core on every view in light and dark at
// phone and desktop widths, a keyboard-only walk with a visible focus ring at every
// stop, contrast of the theme's colours, the data-theme override, reduced motion,
// no sideways scrolling from 320 px up and at 200% text. Screenshots go to
// tests/e2e/artifacts/ (a11y-<view>-<width>-<scheme>.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, strictPage, root } from './support.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const artifacts = path.join(root, 'tests/e2e/artifacts');

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

const widget = '[data-results-widget]';
const ready = `${widget}[data-state="ready"]`;
const views = {
  result: '?view=result&seat=E14001086',
  history: '?view=history&seat=E14001086',
  compare: '?view=compare&seat=E14001086,E14001430,E14001525',
  national: '?view=national',
  // A ward counted by the single transferable vote, and its council.
  ward: '?view=result&src=data/city-of-edinburgh/&seat=S13002919',
  council: '?view=national&src=data/city-of-edinburgh/',
};

/** Axe rules switched off, each with the change that lets it back on. None today. */
const skippedRules = [];

async function open(query, options = {}) {
  const opened = await strictPage(browser, { viewport: { width: 1280, height: 900 }, ...options });
  await opened.page.goto(server.url + query);
  await opened.page.waitForSelector(ready);
  return opened;
}

// WCAG relative luminance and contrast of computed colours ("rgb(r, g, b)").
function rgb(colour) {
  const m = colour.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
  assert.ok(m, `a colour: ${colour}`);
  assert.ok(m[4] === undefined || Number(m[4]) === 1, `an opaque colour: ${colour}`);
  return [m[1], m[2], m[3]].map(Number);
}
const isTransparent = (colour) => /rgba\(.*,\s*0\)$/.test(colour);
function luminance(colour) {
  const [r, g, b] = rgb(colour).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The widget's colours as the browser resolves them, for the scheme in force. */
function themeColours(page) {
  return page.evaluate((sel) => {
    const rw = document.querySelector(`${sel} .rw`);
    const probe = document.createElement('span');
    rw.append(probe);
    const resolve = (prop) => {
      probe.style.color = `var(${prop})`;
      return getComputedStyle(probe).color;
    };
    const colours = Object.fromEntries(['text', 'muted', 'background', 'accent', 'focus', 'outline', 'error']
      .map((name) => [name, resolve(`--_rw-${name}`)]));
    probe.remove();
    colours.scheme = getComputedStyle(rw).colorScheme;
    colours.rendered = getComputedStyle(rw).backgroundColor;
    return colours;
  }, widget);
}

function checkContrast(c, label) {
  for (const name of ['text', 'muted', 'accent', 'error']) {
    const ratio = contrast(c[name], c.background);
    assert.ok(ratio >= 4.5, `${label}: ${name} ${c[name]} on ${c.background} is ${ratio.toFixed(2)}:1, under 4.5:1`);
  }
  for (const name of ['focus', 'outline', 'muted']) {
    const ratio = contrast(c[name], c.background);
    assert.ok(ratio >= 3, `${label}: ${name} ${c[name]} on ${c.background} is ${ratio.toFixed(2)}:1, under 3:1`);
  }
  // The active option and a hovered one: background on accent.
  assert.ok(contrast(c.background, c.accent) >= 4.5, `${label}: text on the accent`);
}

for (const scheme of ['light', 'dark']) {
  for (const width of [320, 360, 1280]) {
    for (const [name, query] of Object.entries(views)) {
      test(`axe finds nothing on ${name}, ${scheme}, ${width} px; screenshot`, async () => {
        const { page, context, problems } = await open(query, { viewport: { width, height: 900 }, colorScheme: scheme });
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async ({ sel, skipped }) => {
          const rules = Object.fromEntries(skipped.map(({ rule }) => [rule, { enabled: false }]));
          const result = await window.axe.run(document.querySelector(sel), { rules, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5)
            .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}`);
        }, { sel: widget, skipped: skippedRules });
        assert.deepEqual(violations, [], violations.join('\n'));

        const colours = await themeColours(page);
        assert.equal(colours.rendered, colours.background, 'the widget paints its own background');
        assert.equal(luminance(colours.background) < 0.2, scheme === 'dark', `a ${scheme} background: ${colours.background}`);
        // Chart labels follow the text colour; bars carry an outline at 3:1.
        const [label, bar] = await page.evaluate((sel) => {
          const svg = document.querySelector(`${sel} .rw-chart-svg`);
          const rect = getComputedStyle(svg.querySelector('rect'));
          return [getComputedStyle(svg.querySelector('text')).fill, parseFloat(rect.strokeWidth) >= 1 ? rect.stroke : 'none'];
        }, widget);
        assert.ok(contrast(label, colours.background) >= 4.5, `chart label ${label} on ${colours.background}`);
        assert.ok(contrast(bar, colours.background) >= 3, `bar outline ${bar} on ${colours.background}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'the page does not scroll sideways');
        await page.screenshot({ path: path.join(artifacts, `a11y-${name}-${width}-${scheme}.png`), fullPage: true });
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}

// The seats table's rows are laid out only near the viewport (content-visibility):
// axe sees their targets' sizes once the table is scrolled into view.
for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the national seats table scrolled into view, ${scheme}, 1280 px; its seat buttons are 24 px targets`, async () => {
    const { page, context, problems } = await open(views.national, { colorScheme: scheme });
    await page.addScriptTag({ path: axePath });
    const table = page.locator(`${widget} .rw-seats .rw-table`);
    await table.scrollIntoViewIfNeeded();
    await page.locator(`${widget} .rw-seats .rw-link`).nth(10).scrollIntoViewIfNeeded();
    const sizes = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} .rw-seats .rw-link`)]
      .map((b) => b.getBoundingClientRect())
      .filter((box) => box.bottom > 0 && box.top < innerHeight && box.height > 0)
      .map((box) => [box.width, box.height]), widget);
    assert.ok(sizes.length >= 10, `seat buttons laid out in view: ${sizes.length}`);
    for (const [width, height] of sizes) assert.ok(width >= 24 && height >= 24, `a seat button of ${width} by ${height} px`);
    const violations = await page.evaluate(async (sel) => {
      const result = await window.axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, ${v.nodes.slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('; ')}`);
    }, widget);
    assert.deepEqual(violations, [], violations.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the colours keep 4.5:1 for text and 3:1 for outlines and focus, light and dark, default and sample theme', async () => {
  const theme = await readFile(path.join(root, 'styles/theme-bethnal-green.css'), 'utf8');
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await open(views.result, { colorScheme: scheme });
    const defaults = await themeColours(page);
    assert.equal(defaults.scheme, 'light dark');
    checkContrast(defaults, `default ${scheme}`);
    await page.addStyleTag({ content: theme });
    const themed = await themeColours(page);
    assert.notEqual(themed.accent, defaults.accent, 'the sample theme applies');
    checkContrast(themed, `theme-bethnal-green ${scheme}`);
    assert.match(await page.locator(`${widget} .rw-title`).evaluate((h) => getComputedStyle(h).fontFamily), /serif/);
    // The sample theme passes axe too.
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async (sel) => (await window.axe.run(document.querySelector(sel))).violations.map((v) => v.id), widget);
    assert.deepEqual(violations, []);
    await context.close();
  }
});

test('data-theme on the host or an ancestor forces a scheme; the nearest wins', async () => {
  const { page, context } = await open(views.history, { colorScheme: 'light' });
  const host = page.locator(widget);
  const background = () => themeColours(page).then((c) => c.rendered);
  const light = await background();
  await host.evaluate((h) => h.setAttribute('data-theme', 'dark'));
  const dark = await background();
  assert.ok(luminance(dark) < 0.05 && luminance(light) > 0.9, `${light} then ${dark}`);
  // The chart's labels follow the text colour.
  const label = await page.locator(`${widget} .rw-chart-svg text`).first().evaluate((t) => getComputedStyle(t).fill);
  assert.ok(contrast(label, dark) >= 4.5, `chart text ${label} on ${dark}`);
  await host.evaluate((h) => { h.removeAttribute('data-theme'); document.body.setAttribute('data-theme', 'dark'); });
  assert.equal(await background(), dark, 'an ancestor forces dark');
  await host.evaluate((h) => h.setAttribute('data-theme', 'light'));
  assert.equal(await background(), light, 'the host, nearer, forces light');
  await context.close();

  const opened = await open(views.history, { colorScheme: 'dark' });
  assert.equal(await opened.page.evaluate(() => getComputedStyle(document.querySelector('.rw')).backgroundColor), dark, 'dark follows the reader');
  await opened.page.locator(widget).evaluate((h) => h.setAttribute('data-theme', 'light'));
  assert.equal(await themeColours(opened.page).then((c) => c.rendered), light, 'light forced in a dark browser');
  await opened.context.close();
});

test('reduced motion: no transitions or animations, even ones a theme adds', async () => {
  const { page, context } = await open(views.result, { reducedMotion: 'reduce' });
  await page.addStyleTag({ content: '.rw-tab { transition: border-color 0.3s; } .rw-title { animation: 1s infinite alternate rw-test; } @keyframes rw-test { to { opacity: 0.5; } }' });
  const timing = await page.evaluate(() => [...document.querySelectorAll('.rw-tab, .rw-title')].map((e) => {
    const s = getComputedStyle(e);
    return `${s.transitionDuration} ${s.animationName}`;
  }));
  assert.ok(timing.every((t) => t === '0s none'), timing.join(', '));
  await context.close();
});

// The keyboard alone: Tab from just before the widget to just after it reaches
// every control of the view in document order, and each shows a focus ring that
// contrasts with the background.
for (const scheme of ['light', 'dark']) {
  for (const [name, query] of Object.entries(views)) {
    test(`keyboard walk through ${name}, ${scheme}: every control in order, focus always visible`, async () => {
      const { page, context, problems } = await open(query, { colorScheme: scheme });
      if (name === 'national') {
        // The hex map's hexes go in as it comes near (a test of its own covers
        // tabbing onto it before): here they are in, and the map is one stop.
        await page.locator(`${widget} .rw-hexmap`).scrollIntoViewIfNeeded();
        await page.waitForSelector(`${widget} .rw-hex`);
      }
      const expected = await page.evaluate((sel) => {
        const host = document.querySelector(sel);
        const before = Object.assign(document.createElement('button'), { id: 'walk-before', textContent: 'before' });
        const after = Object.assign(document.createElement('button'), { id: 'walk-after', textContent: 'after' });
        host.before(before);
        host.after(after);
        const controls = [...host.querySelectorAll('button, a[href], input, select, textarea, [tabindex]')]
          .filter((e) => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true }));
        controls.forEach((e, i) => { e.dataset.walk = i; });
        const background = getComputedStyle(host.querySelector('.rw')).backgroundColor;
        window.walk = [];
        document.addEventListener('focusin', (event) => {
          const e = event.target;
          if (!host.contains(e)) return;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineColor : null;
          const shadow = s.boxShadow !== 'none' ? s.boxShadow : null;
          // A hex draws its ring as a thick border in the text colour.
          const hex = e.matches('.rw-hex') ? s : null;
          const hexRing = hex && parseFloat(hex.strokeWidth) >= 20 ? hex.stroke : null;
          window.walk.push({
            index: Number(e.dataset.walk ?? -1), what: e.outerHTML.slice(0, 80),
            outline, shadow, fill: s.backgroundColor, hexRing, hexFill: hex?.fill, background,
          });
        });
        before.focus();
        return controls.length;
      }, widget);
      assert.ok(expected > 3, `${expected} controls`);
      for (let i = 0; i <= expected; i += 1) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'walk-after', 'Tab leaves the widget after its last control');
      const walk = await page.evaluate(() => window.walk);
      assert.deepEqual(walk.map((w) => w.index), [...Array(expected).keys()], 'every control, in document order');
      for (const stop of walk) {
        if (stop.hexRing) {
          assert.ok(contrast(stop.hexRing, stop.background) >= 3, `hex ring ${stop.hexRing}: ${stop.what}`);
        } else if (stop.outline && !isTransparent(stop.outline)) {
          assert.ok(contrast(stop.outline, stop.background) >= 3, `focus ring ${stop.outline} on ${stop.background}: ${stop.what}`);
        } else {
          // In a table the control is filled (its wrapper would clip a ring).
          assert.ok(stop.shadow && !isTransparent(stop.fill), `no visible focus on ${stop.what}`);
          assert.ok(contrast(stop.fill, stop.background) >= 3, `focus fill ${stop.fill} on ${stop.background}: ${stop.what}`);
        }
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

/** Sideways overflow of the page, and of each table's scrolling wrapper. (A count's
 * stages scroll by design, in a region of their own that keeps the names and the
 * last stage in view: stv.test.mjs.) */
const overflows = (page) => page.evaluate(() => ({
  page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  tables: [...document.querySelectorAll('.rw-table-wrap')].map((w) => w.scrollWidth - w.clientWidth),
}));

test('from 1280 px down to 320 px: no sideways page scrolling, and tables fit', async () => {
  for (const [name, query] of Object.entries(views)) {
    const { page, context } = await open(query);
    for (let width = 1280; width >= 320; width -= 40) {
      for (const w of width === 360 ? [width, 320] : [width]) {
        await page.setViewportSize({ width: w, height: 900 });
        const o = await overflows(page);
        assert.equal(o.page, 0, `${name} at ${w} px: the page scrolls sideways`);
        // Three seats side by side need 360 px; narrower, the comparison scrolls
        // inside its wrapper, its party column held in place.
        if (name !== 'compare' || w >= 360) {
          assert.deepEqual(o.tables, o.tables.map(() => 0), `${name} at ${w} px: a table scrolls sideways`);
        }
      }
    }
    await context.close();
  }
});

test('200% text at 640 px: no sideways scrolling and no table loses its key columns', async () => {
  for (const [name, query] of Object.entries(views)) {
    const { page, context, problems } = await open(query, { viewport: { width: 640, height: 900 } });
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.rw-title')).fontSize), '40px');
    const o = await overflows(page);
    assert.equal(o.page, 0, `${name}: the page scrolls sideways`);
    if (name !== 'compare') assert.deepEqual(o.tables, o.tables.map(() => 0), `${name}: a table scrolls sideways`);
    // The first column (the row's name) and the last figure stay visible.
    const visible = await page.locator(`${widget} .rw-table`).last().evaluate((t) =>
      [...t.tHead.rows[0].cells].filter((c) => c.checkVisibility()).map((c) => c.textContent.replace(/[↕▲▼]/g, '').trim()));
    const key = { result: ['Candidate', 'Party', 'Votes', 'Share'], history: ['Election', 'Party', 'Majority', 'Turnout'], national: ['Seat', 'Result', 'Majority'] }[name];
    if (key) assert.deepEqual(visible.filter((h) => key.includes(h)), key, `${name}: ${visible.join(', ')}`);
    await page.screenshot({ path: path.join(artifacts, `a11y-${name}-text200.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// SVG text does not wrap: chart.rs shortens labels wider than the chart (the full
// label stays in the chart's description and the table beside it).
test('chart labels fit inside their chart from 320 px', async () => {
  for (const [name, query] of Object.entries(views)) {
    const { page, context } = await open(query, { viewport: { width: 320, height: 900 } });
    const cut = await page.evaluate(() => [...document.querySelectorAll('.rw-chart-svg')].flatMap((svg) => {
      const width = svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].filter((t) => {
        const box = t.getBBox();
        return box.x < -0.5 || box.x + box.width > width + 0.5;
      }).map((t) => t.textContent.trim());
    }));
    await context.close();
    assert.deepEqual(cut, [], `${name}: labels cut off`);
  }
});
