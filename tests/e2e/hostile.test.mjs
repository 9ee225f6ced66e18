// Results files are data from elsewhere: every name in them is shown as text, never
// run as markup. Each string field of a valid file below is a script, HTML, SVG or
// CSS injection; every view must show it as text, open no dialog and put no
// element or attribute of the payload's into the page (the chart's SVG included).
// Colours, the one field that reaches an attribute as it is, must be refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, strictPage } from './support.mjs';
import { faultServer } from './fault-server.mjs';

let server;
let browser;
before(async () => { server = await faultServer(); putFiles(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const widget = '[data-results-widget]';

// Each payload tagged with the field it stands in, so that a test can find it.
const payloads = [
  (tag) => `${tag} <img src=x onerror=alert(1)>`,
  (tag) => `${tag} <script>alert(1)</script>`,
  (tag) => `${tag} "><svg onload=alert(1)>`,
  (tag) => `${tag} </title><script>alert(1)</script>`,
  (tag) => `${tag} ]]></desc></svg><img src=x onerror=alert(1)>`,
  (tag) => `javascript:alert(1)//${tag}`,
  (tag) => `${tag} '><iframe src="javascript:alert(1)"></iframe>`,
  (tag) => `${tag} <style>*{background:url(x)}</style>`,
  (tag) => `${tag} &lt;b&gt; &amp; {{alert(1)}} \${alert(1)}`,
];
let next = 0;
const hostile = (tag) => payloads[next++ % payloads.length](tag);

// Two seats, each with a result in 2024 and its predecessor's in 2019.
const S1 = 'E14000001';
const S2 = 'E14000002';
const elections = [
  { id: 'ge2019', name: hostile('election-2019'), date: '2019-12-12', kind: 'general' },
  { id: 'ge2024', name: hostile('election-2024'), date: '2024-07-04', kind: 'general', previous: 'ge2019' },
];
const partyIds = [hostile('party-id-a'), hostile('party-id-b'), hostile('party-id-c')];
const parties = partyIds.map((id, i) => ({
  id, name: hostile(`party-${i}`), abbreviation: hostile(`abbr-${i}`), colour: ['#e4003b', '#0087dc', '#faa61a'][i], dark_colour: '#ff5c7a',
}));
const attribution = hostile('attribution');

function contests(code) {
  const predecessor = `${code}-old ${hostile('old-code')}`;
  return [
    {
      code, name: hostile(`seat-${code}`), election: 'ge2024', region: hostile('region'), nation: hostile('nation'),
      electorate: 1000, valid_votes: 600, invalid_votes: 3, declared_at: hostile('declared-at'),
      candidates: [
        { name: hostile(`cand-${code}-0`), party: partyIds[0], votes: 300, sitting: true },
        { name: hostile(`cand-${code}-1`), party: partyIds[1], votes: 200 },
        { name: hostile(`cand-${code}-2`), party: partyIds[2], votes: 100 },
      ],
      previous: { seats: [predecessor], notional: true, shares: [{ party: partyIds[0], share: 0.5 }, { party: partyIds[1], share: 0.4 }] },
    },
    {
      code: predecessor, name: hostile(`old-seat-${code}`), election: 'ge2019', electorate: 900, valid_votes: 500,
      candidates: [
        { name: hostile(`old-cand-${code}-0`), party: partyIds[1], votes: 260 },
        { name: hostile(`old-cand-${code}-1`), party: partyIds[0], votes: 240 },
      ],
    },
  ];
}

const seatFile = (code) => ({ version: 1, attribution, elections, parties, constituencies: contests(code) });
const files = { [S1]: seatFile(S1), [S2]: seatFile(S2) };
const indexRow = (code, hex) => ({
  code, name: files[code].constituencies[0].name, region: hostile('index-region'), nation: hostile('index-nation'),
  winner: hostile(`index-winner-${code}`), party: partyIds[0], second: partyIds[1],
  // The party held the seat before: an id no party has, so its words are the id.
  majority: 100, majority_share: 100 / 600, turnout: 0.6, before: hostile(`index-before-${code}`),
  file: 'javascript:alert(1)', hex,
});
const index = {
  version: 1, attribution, elections, parties, election: 'ge2024',
  totals: [{ party: partyIds[0], votes: 600, seats: 2 }, { party: partyIds[1], votes: 400, seats: 0 }],
  hex_layout: hostile('hex-layout'),
  seats: [indexRow(S1, [0, 0]), indexRow(S2, [1, 0])],
};

/** Serves the files above, and two whose colours are CSS. */
function putFiles() {
  server.put(`hostile/seats/${S1}.json`, JSON.stringify(files[S1]));
  server.put(`hostile/seats/${S2}.json`, JSON.stringify(files[S2]));
  server.put('hostile/index.json', JSON.stringify(index));
  // Colours that are CSS, not colours: refused by validation, in a seat file and an index.
  const badColours = structuredClone(files[S1]);
  badColours.parties[0].colour = 'red;background:url(x)';
  badColours.parties[1].dark_colour = '#fff" onload="alert(1)';
  server.put(`colours/seats/${S1}.json`, JSON.stringify(badColours));
  const badIndex = structuredClone(index);
  badIndex.parties[0].colour = 'red;background:url(x)';
  server.put('colours/index.json', JSON.stringify(badIndex));
}

/** Opens a view of the hostile files; resolves once it is ready, with the dialogs seen. */
async function open(view, seat, src = 'files/hostile/') {
  const opened = await strictPage(browser);
  const dialogs = [];
  opened.page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  await opened.page.goto(server.page({ src, view, seat }));
  return { ...opened, dialogs };
}

/** What inside the widget came from markup rather than from the widget's own code. */
function injected(page) {
  return page.locator(widget).evaluate((host) => {
    const found = [];
    for (const el of host.querySelectorAll('script, img, iframe, style, object, embed, foreignObject, link, meta, base')) {
      found.push(`<${el.localName}>`);
    }
    for (const el of host.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value) && /^(href|src|xlink:href|action|formaction|data)$/i.test(attr.name)) {
          found.push(`${el.localName}[${attr.name}=${attr.value}]`);
        }
        if (attr.name === 'style' && /url\(/i.test(attr.value)) found.push(`${el.localName}[style=${attr.value}]`);
      }
    }
    return found;
  });
}

async function assertSafe({ page, dialogs, problems }, texts) {
  assert.deepEqual(await injected(page), [], 'no element or handler from the data');
  const shown = await page.locator(widget).innerText();
  for (const text of texts) assert.ok(shown.includes(text), `shown as text: ${text}\n--- widget text:\n${shown}`);
  // Nothing fetched the payloads' `x` or ran their alert.
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(server.requests.filter((p) => /\/x$/.test(p)).length, 0, 'no request for a payload\'s url(x) or src=x');
  assert.deepEqual(problems, [], 'no page error or console error');
}

test('result: every name is text, in the table, the summary and the chart', async () => {
  const opened = await open('result', S1);
  const { page, context } = opened;
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  const seat = files[S1].constituencies[0];
  await assertSafe(opened, [
    seat.name, elections[1].name, attribution,
    ...seat.candidates.map((c) => c.name), parties[0].name, parties[1].name, parties[2].name,
  ]);
  // The chart's SVG (built as a string) carries the names as text too.
  const chart = page.locator(`${widget} svg[role="img"]`);
  assert.equal(await chart.count(), 1);
  assert.ok((await chart.locator('title').textContent()).includes(seat.name));
  const desc = await chart.locator('desc').textContent();
  for (const c of seat.candidates) assert.ok(desc.includes(c.name), `chart description names ${c.name}`);
  assert.equal(await chart.locator('rect').count() >= 3, true);
  // Sorting by name and party moves the payloads around without running them.
  await page.getByRole('button', { name: /^Candidate/ }).click();
  await page.getByRole('button', { name: /^Party/ }).click();
  await page.waitForSelector(`${widget} th[aria-sort] >> text=Party`);
  await assertSafe(opened, seat.candidates.map((c) => c.name));
  await context.close();
});

test('history: predecessor seats and old candidates are text', async () => {
  const opened = await open('history', S1);
  const { page, context } = opened;
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  const [now, before] = files[S1].constituencies;
  await assertSafe(opened, [now.name, now.candidates[0].name, before.candidates[0].name, attribution]);
  await context.close();
});

test('compare: two hostile seats side by side', async () => {
  const opened = await open('compare', `${S1},${S2}`);
  const { page, context } = opened;
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  await assertSafe(opened, [files[S1].constituencies[0].name, files[S2].constituencies[0].name, parties[0].name]);
  await context.close();
});

test('national: the index\'s names, results and regions are text; opening a seat too', async () => {
  const opened = await open('national', '');
  const { page, context } = opened;
  await page.waitForSelector(`${widget}[data-state="ready"]`);
  // Rows out of view are not rendered (content-visibility), so not in innerText.
  await page.locator(`${widget} .rw-seats`).scrollIntoViewIfNeeded();
  await page.waitForFunction((w) => document.querySelector(`${w} .rw-seats tbody`).innerText.includes('seat-'), widget);
  await assertSafe(opened, [index.seats[0].name, index.seats[0].winner, index.seats[1].before, parties[0].name, parties[0].abbreviation]);
  // The hex map names each seat for assistive technology: the name as an attribute value, not markup.
  const labels = await page.locator(`${widget} .rw-hex`).evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes(index.seats[0].name)), labels.join('\n'));
  await page.locator(`${widget} tbody th button`).first().click();
  await page.waitForSelector(`${widget}[data-state="ready"] .rw-summary`);
  await assertSafe(opened, [files[S1].constituencies[0].candidates[0].name]);
  await context.close();
});

test('a colour that is CSS is refused by validation, its message shown as text', async () => {
  const opened = await open('result', S1, 'files/colours/');
  const { page, context } = opened;
  await page.waitForSelector(`${widget}[data-state="error"]`);
  const message = await page.locator(`${widget} [role="alert"] p`).textContent();
  assert.match(message, /^The results file has a problem, so nothing is shown rather than something wrong: /);
  assert.ok(message.includes('parties[0].colour: must be a hex colour such as #e4003b, found "red;background:url(x)"'), message);
  assert.ok(message.includes('parties[1].dark_colour: must be a hex colour such as #ff5a7a, found "#fff" onload="alert(1)"'), message);
  assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);
  await assertSafe(opened, []);
  await context.close();
});

test('an index whose colour is CSS is refused the same way', async () => {
  const opened = await open('national', '', 'files/colours/');
  const { page, context } = opened;
  await page.waitForSelector(`${widget}[data-state="error"]`);
  const message = await page.locator(`${widget} [role="alert"] p`).textContent();
  assert.equal(message, 'The results index could not be read: parties[0].colour: must be a hex colour such as #e4003b, found "red;background:url(x)"');
  await assertSafe(opened, []);
  await context.close();
});
