// The cross-engine suite: what a reader does, with real clicks and key presses, in
// each engine (chromium.test.mjs, firefox.test.mjs and webkit.test.mjs run it). Each
// view loads and says it is ready; the result table sorts by mouse and by keyboard;
// the national view's search filters and its hex map opens a seat by click and by
// Enter; the article's three widgets start under the strict policy; the iframe embed
// fits its iframe to its content and redraws when narrowed; the light and dark themes
// at a phone's width have the colours and columns they have in Chromium; and no page
// shows an error on the way.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, readmeListener } from '../e2e/support.mjs';
import { launch, instrument, names } from './drivers.mjs';

const widget = '[data-results-widget]';
const ready = `${widget}[data-state="ready"]`;

// The policy the README promises the widget works under (article.html only).
const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// The documented listener, in the editor's page around an iframe embed; the page's
// own query is the embed's (`width` sets the iframe's width in pixels: WebKit's
// window cannot be made as narrow as a phone, an iframe can).
const parentPage = `<!doctype html>
<html lang="en-GB"><head><script src="__engine-errors.js"></script><link rel="icon" href="data:,"><title>Parent</title></head>
<body style="margin:0">
<iframe id="rw" title="Election results" style="width:100%;border:0;height:150px"></iframe>
<script src="__engines-parent.js"></script>
</body></html>
`;
const parentScript = `const query = new URLSearchParams(location.search);
const frame = document.getElementById('rw');
if (query.get('width')) frame.style.width = query.get('width') + 'px';
query.delete('width');
query.set('frame', 'rw');
frame.src = 'embed.html?' + query;
${readmeListener().replace(/^<script>\n|<\/script>$/g, '')}`;

/** The first table of the widget: its headers (label and aria-sort) and the text
 *  of each cell of each row. */
function readTable(host) {
  const table = document.querySelector(`${host} table`);
  if (!table) return null;
  return {
    headers: [...table.querySelectorAll('thead th')].map((th) => ({
      label: th.textContent.replace(/[↕▲▼]/g, '').trim(),
      sort: th.getAttribute('aria-sort'),
    })),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  };
}

const number = (text) => Number(text.replace(/[^0-9.]/g, ''));

/** Defines the suite for one engine. */
export function suite(name) {
  describe(name, { skip: !names.includes(name) && `${name} is not in ENGINES` }, () => {
    let engine;
    let server;
    let site;
    before(async () => {
      site = await instrument({ '__engines-parent.html': parentPage, '__engines-parent.js': parentScript });
      server = await serve(site.dir, { headers: (p) => (p.endsWith('/article.html') ? { 'content-security-policy': policy } : {}) });
      engine = await launch(name);
      process.stdout.write(`${name}: ${engine.version}\n`);
    });
    after(async () => {
      await engine?.close();
      await server?.close();
      await site?.remove();
    });

    /** A new page; `body` gets it and the test ends with no error recorded in it. */
    const withPage = async (body, size) => {
      const page = await engine.page(size);
      try {
        await body(page);
        assert.deepEqual(await page.errors(), [], `${name}: expected no console errors or page errors`);
      } finally {
        await page.close();
      }
    };

    /** Opens `query` on the demo page and waits for its widget to be ready. */
    const open = async (page, query, what) => {
      await page.goto(server.url + query);
      await page.waitFor(`${what} to be ready (data-state="ready")`, (s) => !!document.querySelector(s), ready);
    };

    /** The selector of the sort button of the column labelled `label` in the
     *  widget's first table. */
    const sortButton = async (page, label) => {
      const table = await page.evaluate(readTable, widget);
      const index = table.headers.findIndex((h) => h.label === label);
      assert.ok(index >= 0, `${name}: expected a column "${label}" in ${table.headers.map((h) => h.label).join(', ')}`);
      return `${widget} table thead th:nth-child(${index + 1}) button`;
    };

    /** Waits until the column labelled `label` carries aria-sort `direction`,
     *  and resolves to the table then. */
    const sortedBy = (page, label, direction, how) => page.waitFor(
      `the "${label}" column to be sorted ${direction} after ${how}`,
      (host, l, d, read) => {
        const table = read(host);
        const header = table?.headers.find((h) => h.label === l);
        return header?.sort === d && table;
      },
      widget, label, direction, readTable,
    );

    test('the result view loads, and its table sorts by mouse and by keyboard', () => withPage(async (page) => {
      await open(page, '?view=result&seat=E14001086', 'the result view of E14001086');
      assert.match(await page.text(`${widget} .rw-title`), /Bethnal Green and Stepney/, `${name}: expected the seat's name as the title`);
      const first = await page.evaluate(readTable, widget);
      const votes = first.headers.findIndex((h) => h.label === 'Votes');
      const candidate = first.headers.findIndex((h) => h.label === 'Candidate');
      assert.ok(first.rows.length > 5, `${name}: expected the candidates' rows, got ${first.rows.length}`);
      assert.equal(first.headers[votes].sort, 'descending', `${name}: expected the table sorted by votes, most first, when it opens`);
      const byVotes = (rows) => rows.map((r) => number(r[votes]));

      // The mouse: Votes again puts the fewest first.
      await page.click(await sortButton(page, 'Votes'));
      const fewest = await sortedBy(page, 'Votes', 'ascending', 'a click on its button');
      assert.deepEqual(byVotes(fewest.rows), [...byVotes(first.rows)].sort((a, b) => a - b), `${name}: expected the rows in ascending order of votes after a click`);
      assert.deepEqual(fewest.rows.map((r) => r[candidate]), [...first.rows.map((r) => r[candidate])].reverse(),
        `${name}: expected the rows in the reverse of their first order after a click`);
      assert.ok(fewest.headers.filter((h) => h.sort).length === 1, `${name}: expected aria-sort on one header only`);

      // The keyboard: Enter on Candidate sorts by name, Space reverses it.
      const candidates = (table) => table.rows.map((r) => r[candidate]);
      const alphabetical = [...candidates(first)].sort((a, b) => a.localeCompare(b, 'en-GB'));
      const button = await sortButton(page, 'Candidate');
      await page.focus(button);
      await page.press('Enter');
      const byName = await sortedBy(page, 'Candidate', 'ascending', 'Enter on its button');
      assert.deepEqual(candidates(byName), alphabetical, `${name}: expected the candidates A to Z after Enter`);
      assert.equal(byName.headers[votes].sort, null, `${name}: expected Votes to lose aria-sort`);
      assert.ok(await page.evaluate((s) => document.activeElement === document.querySelector(s), button),
        `${name}: expected the focus to stay on the Candidate button after Enter`);
      await page.press('Space');
      const reversed = await sortedBy(page, 'Candidate', 'descending', 'Space on its button');
      assert.deepEqual(candidates(reversed), [...alphabetical].reverse(), `${name}: expected the candidates Z to A after Space`);
    }));

    test('the history view loads', () => withPage(async (page) => {
      await open(page, '?view=history&seat=E14001086', 'the history view of E14001086');
      const table = await page.evaluate(readTable, widget);
      assert.deepEqual(table.rows.map((r) => r[0]), ['2024', '2019 (notional)', '2019', '2017', '2015', '2010', '2005'],
        `${name}: expected one row an election in the history`);
      assert.match(await page.text(`${widget} svg[role="img"] desc`), /Respect 35\.9%/, `${name}: expected the history chart`);
    }));

    test('the compare view loads', () => withPage(async (page) => {
      await open(page, '?view=compare&seat=E14001086,E14001430,E14001525', 'the compare view of three seats');
      const table = await page.evaluate(readTable, widget);
      assert.deepEqual(table.headers.map((h) => h.label), ['Party', 'Bethnal Green and Stepney', 'Poplar and Limehouse', 'Stratford and Bow'],
        `${name}: expected a column a seat`);
      assert.deepEqual(table.rows.find((r) => r[0] === 'Labour'), ['Labour', '34.1%', '43.1%', '44.1%'], `${name}: expected Labour's shares`);
    }));

    test('the national view loads, and its search box filters the seats', () => withPage(async (page) => {
      await open(page, '?view=national', 'the national view');
      const rows = `${widget} .rw-seats tbody tr`;
      const shown = (s) => [...document.querySelectorAll(s)]
        .filter((tr) => !tr.closest('[hidden]') && getComputedStyle(tr).display !== 'none')
        .map((tr) => tr.children[0].textContent.trim());
      assert.equal((await page.evaluate(shown, rows)).length, 650, `${name}: expected 650 seats in the table`);
      await page.click(`${widget} .rw-filters input[type="search"]`);
      await page.type(`${widget} .rw-filters input[type="search"]`, 'bethnal');
      const found = await page.waitFor('the search "bethnal" to leave fewer than 650 rows', (s, read) => {
        const seen = read(s);
        return seen.length < 650 && seen;
      }, rows, shown);
      assert.ok(found.includes('Bethnal Green and Stepney'), `${name}: expected Bethnal Green and Stepney among ${found.join(', ')}`);
      assert.match(await page.text(`${widget} .rw-count`), new RegExp(`Showing ${found.length} of 650 seats`), `${name}: expected the count to say what is shown`);
    }));

    test('the hex map opens a seat by click and by Enter', () => withPage(async (page) => {
      await open(page, '?view=national', 'the national view');
      const hexes = `${widget} .rw-hex`;
      const fillIn = async () => {
        await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), `${widget} .rw-hexmap`);
        await page.waitFor('the hex map to fill in with 650 hexes once in view', (s) => document.querySelectorAll(s).length === 650, hexes);
      };
      await fillIn();
      await page.click(`${hexes}[data-code="E14001430"]`);
      await page.waitFor('a click on Poplar and Limehouse\'s hex to open its result', (s) =>
        location.search.includes('view=result') && location.search.includes('seat=E14001430')
        && /Poplar and Limehouse/.test(document.querySelector(`${s}[data-state="ready"] .rw-title`)?.textContent), widget);

      await page.evaluate(() => history.back());
      await page.waitFor('the back button to return to the national view', (s) =>
        location.search.includes('view=national') && !!document.querySelector(`${s}[data-state="ready"] .rw-hexmap`), widget);
      await fillIn();
      await page.focus(`${hexes}[data-code="E14001525"]`);
      await page.press('Enter');
      await page.waitFor('Enter on Stratford and Bow\'s hex to open its result', (s) =>
        location.search.includes('view=result') && location.search.includes('seat=E14001525')
        && /Stratford and Bow/.test(document.querySelector(`${s}[data-state="ready"] .rw-title`)?.textContent), widget);
    }));

    test('the article\'s three widgets start under the strict policy', () => withPage(async (page) => {
      await page.goto(server.url + 'article.html');
      // Widgets below the fold start as they come near: each is brought into view.
      for (let i = 0; i < 3; i += 1) {
        await page.evaluate((s, n) => document.querySelectorAll(s)[n].scrollIntoView({ block: 'center' }), widget, i);
        await page.waitFor(`the article's widget ${i + 1} of 3 to be ready`, (s, n) => document.querySelectorAll(s)[n].dataset.state === 'ready', widget, i);
      }
      const views = await page.evaluate((s) => [...document.querySelectorAll(s)].map((h) => `${h.dataset.view} ${h.dataset.state}`), widget);
      assert.deepEqual(views, ['result ready', 'compare ready', 'history ready'], `${name}: expected the three widgets ready`);
    }));

    /** Opens the iframe embed with `query` in a parent page and waits for its
     *  widget to be ready and the iframe to fit it. */
    const openFrame = async (page, query, what) => {
      await page.goto(`${server.url}__engines-parent.html?${query}`);
      await page.waitFor(`${what} in the iframe to be ready`, (s) => !!document.getElementById('rw').contentDocument?.querySelector(s), ready);
      return fitted(page, `the iframe to take the height of ${what} (within 2 px)`);
    };
    const fitted = (page, what) => page.waitFor(what, () => {
      const frame = document.getElementById('rw');
      const inside = Math.ceil(frame.contentDocument.documentElement.getBoundingClientRect().height);
      const outside = frame.getBoundingClientRect().height;
      return outside > 300 && Math.abs(inside - outside) <= 2 && [inside, outside];
    });

    test('the iframe embed fits its iframe to its content, and redraws when the iframe narrows', () => withPage(async (page) => {
      const [inner] = await openFrame(page, 'view=result&seat=E14001086', 'the result view');
      assert.ok(inner > 600, `${name}: expected the result's content taller than 600 px, got ${inner}`);
      // A phone turning, or the parent's column narrowing: the chart is drawn again at
      // the widget's new width, and the iframe takes the new height.
      await page.evaluate(() => { document.getElementById('rw').style.width = '360px'; });
      await page.waitFor('the chart redrawn at the widget\'s width after the iframe narrowed to 360 px', () => {
        const inside = document.getElementById('rw').contentDocument;
        const drawn = Number(inside.querySelector('svg[role="img"]').getAttribute('width'));
        return drawn === Math.floor(inside.querySelector('.rw').getBoundingClientRect().width) && drawn < 360;
      });
      await fitted(page, 'the iframe to take its content\'s new height after narrowing (within 2 px)');
    }, { width: 800, height: 900 }));

    // What a reader sees at a phone's width, as Chromium shows it: the theme's colours
    // (light-dark(), or its fallback where an engine lacks it), party colours in
    // swatches, bars and hexes, the columns kept by the container queries, and
    // nothing wider than the screen.
    const looks = () => {
      const doc = document.getElementById('rw').contentDocument;
      const style = (el, pseudo) => getComputedStyle(el, pseudo);
      const rw = doc.querySelector('.rw');
      const shown = (selector) => [...doc.querySelectorAll(selector)].filter((el) => style(el).display !== 'none')
        .map((el) => el.textContent.replace(/[↕▲▼]/g, '').trim());
      const labour = [...doc.querySelectorAll('.rw-party-label')].find((el) => el.textContent.trim() === 'Labour');
      const hex = doc.querySelector('.rw-hex[data-code="E14001086"]');
      return {
        text: style(rw).color,
        background: style(rw).backgroundColor,
        swatch: labour && style(labour, '::before').backgroundColor,
        bar: style(doc.querySelector('.rw-chart-svg rect')).fill,
        hex: hex && style(hex).stroke,
        columns: shown('.rw-table-wrap:not(.rw-seats) thead th').join(', '),
        seats: shown('.rw-seats thead th').join(', '),
        overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
      };
    };

    for (const [theme, text, background, labour, hexStroke] of [
      ['light', 'rgb(26, 26, 26)', 'rgb(255, 255, 255)', 'rgb(228, 0, 59)', 'rgb(255, 255, 255)'],
      ['dark', 'rgb(236, 236, 236)', 'rgb(22, 22, 22)', 'rgb(255, 92, 122)', 'rgb(143, 143, 143)'],
    ]) {
      test(`the ${theme} theme at a phone's width: colours, columns, nothing too wide`, () => withPage(async (page) => {
        await openFrame(page, `view=result&seat=E14001086&theme=${theme}&width=360`, `the ${theme} result view`);
        const result = await page.evaluate(looks);
        const expected = (what) => `${name}: expected ${what} in the ${theme} theme at 360 px`;
        assert.equal(result.text, text, expected('the text colour'));
        assert.equal(result.background, background, expected('the background'));
        assert.equal(result.swatch, labour, expected('Labour\'s swatch colour'));
        assert.equal(result.bar, labour, expected('Labour\'s bar colour'));
        assert.equal(result.columns, 'Candidate, Party, Votes, Share', expected('the result table\'s columns'));
        assert.ok(result.overflow <= 0, expected(`nothing wider than the iframe (${result.overflow} px over)`));

        await openFrame(page, `view=national&theme=${theme}&width=360`, `the ${theme} national view`);
        await page.evaluate(() => document.getElementById('rw').contentDocument.querySelector('.rw-hexmap').scrollIntoView({ block: 'center' }));
        await page.waitFor('the hex map to fill in', () => document.getElementById('rw').contentDocument.querySelectorAll('.rw-hex').length === 650);
        const national = await page.evaluate(looks);
        assert.equal(national.hex, hexStroke, expected('the hexes\' stroke'));
        assert.equal(national.columns, 'Party, Seats, Votes, Share', expected('the party table\'s columns'));
        assert.equal(national.seats, 'Seat, Result, Majority, Turnout', expected('the seats table\'s columns'));
        assert.ok(national.overflow <= 0, expected(`nothing wider than the iframe (${national.overflow} px over)`));
      }));
    }
  });
}
