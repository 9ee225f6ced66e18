// Bad data: every kind of invalid or inconsistent file the validator knows shows
// its validation message in the widget (path and what is wrong), never a result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, strictPage, root } from './support.mjs';
import { faultServer } from './fault-server.mjs';

let server;
let browser;
let good;
before(async () => {
  server = await faultServer();
  good = JSON.parse(await readFile(path.join(root, 'data/seats/E14001086.json'), 'utf8'));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const widget = '[data-results-widget]';
const latest = (file) => file.constituencies.find((c) => c.election === 'ge2024');

// Each kind: how to break the shipped file, and the message the widget must show.
const kinds = {
  'negative votes': [(f) => { latest(f).candidates[0].votes = -5; }, /candidates\[\d+\]\.votes: must be a whole number of at least 0, found -5/],
  'votes as text': [(f) => { latest(f).candidates[0].votes = 'many'; }, /votes: must be a whole number of at least 0, found string "many"/],
  'a missing field': [(f) => { delete latest(f).candidates[0].name; }, /the field `name` is required but missing/],
  'votes that do not add up': [(f) => { latest(f).valid_votes += 1; }, /valid_votes: is 46648, but the candidates' votes add up to 46647/],
  'an unknown party': [(f) => { latest(f).candidates[0].party = 'nobody'; }, /names party "nobody", which is not in `parties`/],
  'a duplicate party id': [(f) => { f.parties.push({ ...f.parties[0] }); }, /is used by an earlier party/],
  'an unknown election': [(f) => { latest(f).election = 'ge2099'; }, /names election "ge2099", which is not in `elections`/],
  'more votes than electors': [(f) => { latest(f).electorate = 100; }, /electorate: is 100, fewer than the 46967 votes cast/],
  'a seat without candidates': [(f) => { latest(f).candidates = []; }, /a seat must have at least one candidate/],
  'a colour that is not hex': [(f) => { f.parties[0].colour = 'red'; }, /colour: must be a hex colour such as #e4003b, found "red"/],
  'a share out of range': [(f) => { latest(f).previous.shares[0].share = 7; }, /share: must be a fraction between 0 and 1, found 7/],
  'a future format version': [(f) => { f.version = 2; }, /this widget reads format version 1, found 2/],
};

for (const [kind, [breakIt, message]] of Object.entries(kinds)) {
  test(`${kind}: the widget says what is wrong`, async () => {
    const file = structuredClone(good);
    breakIt(file);
    const name = kind.replace(/\W+/g, '-');
    server.put(`invalid/${name}/seats/E14001086.json`, JSON.stringify(file));
    const { page, context, problems } = await strictPage(browser);
    await page.goto(server.page({ src: `files/invalid/${name}/`, view: 'result', seat: 'E14001086' }));
    await page.waitForSelector(`${widget}[data-state="error"]`);
    const alert = await page.locator(`${widget} [role="alert"]`).textContent();
    assert.match(alert, message);
    assert.match(alert, /The results file has a problem, so nothing is shown rather than something wrong/);
    assert.equal(await page.locator(`${widget} table`).count(), 0, 'no result from a broken file');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
