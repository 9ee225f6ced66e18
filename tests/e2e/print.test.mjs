// Printing, as a reader's "Print" or "Save as PDF" does it: Chromium's own PDF of the
// page (print media, backgrounds off as in a print dialog's default), read back with
// poppler's pdftotext and pdftoppm (scripts/setup installs poppler-utils).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, openReady, widget, dist } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const scratch = mkdtempSync(path.join(tmpdir(), 'rw-print-'));

/** The page printed to a PDF file (A4 unless `options` say otherwise). */
async function print(page, name, options = { format: 'A4' }) {
  const file = path.join(scratch, `${name}.pdf`);
  writeFileSync(file, await page.pdf(options));
  return file;
}

/** The PDF's text in the order it was drawn, each run of white space as one space
 *  (a name wrapped over two lines reads as one). */
const text = (file) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString().replace(/-\s+/g, '-').replace(/\s+/g, ' ');

/** The PDF's first page as pixels at 96 dots an inch (one per CSS pixel): `at(x, y)`
 *  gives [r, g, b]. */
function pixels(file) {
  const out = path.join(scratch, path.basename(file, '.pdf'));
  execFileSync('pdftoppm', ['-r', '96', '-f', '1', '-l', '1', '-singlefile', file, out]);
  const ppm = readFileSync(`${out}.ppm`);
  // P6, width, height, 255, then three bytes a pixel.
  const [header, width] = ppm.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  return {
    at: (x, y) => { const i = header.length + (Math.round(y) * Number(width) + Math.round(x)) * 3; return [ppm[i], ppm[i + 1], ppm[i + 2]]; },
  };
}

const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);

test('the national view prints every one of its 650 seats, the hex map whole, and no controls', async () => {
  const { page, context, problems } = await openReady(browser, server, '?view=national', { viewport: { width: 800, height: 900 } });
  // On screen the seats table is a scroll box, and the map fills in as it nears.
  assert.equal(await page.locator(`${widget} .rw-hex`).count(), 0);
  const printed = text(await print(page, 'national'));
  const index = JSON.parse(readFileSync(path.join(dist, 'data/index.json'), 'utf8'));
  const names = index.seats.map((seat) => seat.name);
  assert.equal(names.length, 650);
  const missing = names.filter((name) => !printed.includes(name.replace(/\s+/g, ' ')));
  assert.deepEqual(missing, [], 'every seat name is in the printed text');
  assert.match(printed, /Showing 650 of 650 seats/);
  assert.match(printed, /Labour: 411 of 650 seats, a majority of 172\./);
  // The map was filled before the page printed.
  assert.equal(await page.locator(`${widget} .rw-hex`).count(), 650);
  // No tabs, postcode box or filters on paper; the source line stays.
  for (const control of ['All seats', 'Your postcode', 'Find your seat', 'Search seats or winners']) {
    assert.ok(!printed.includes(control), `"${control}" is not printed`);
  }
  assert.match(printed, /Contains Parliamentary information licensed under the Open Parliament Licence v3\.0/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a printed result keeps its party colours, on white even where the page is dark', async () => {
  // One tall page, as wide as the window, so the page's layout is the PDF's pixel
  // for pixel (no margins, no page breaks).
  const { page, context, problems } = await openReady(browser, server, 'embed.html?view=result&seat=E14001086&src=data/&theme=dark', { viewport: { width: 800, height: 900 } });
  const file = await print(page, 'result', { width: '800px', height: '3000px', margin: { top: 0, right: 0, bottom: 0, left: 0 } });
  await page.emulateMedia({ media: 'print' });
  // Each party's swatch in the table: where it is, and the colour it is drawn in.
  const swatches = await page.locator(`${widget} tbody .rw-party-label`).evaluateAll((labels) => labels.map((label) => {
    const box = label.getBoundingClientRect();
    const before = getComputedStyle(label, '::before');
    const size = parseFloat(before.width);
    return { party: label.textContent, x: box.left + size / 2, y: box.top + parseFloat(before.marginTop) + size / 2, colour: before.backgroundColor };
  }));
  const background = await page.locator(`${widget} .rw`).evaluate((rw) => ({ colour: getComputedStyle(rw).backgroundColor, x: rw.getBoundingClientRect().right - 3, y: rw.getBoundingClientRect().top + 3 }));
  const image = pixels(file);
  assert.equal(swatches.length, 11);
  for (const { party, x, y, colour } of swatches) {
    assert.ok(near(image.at(x, y), rgb(colour)), `${party}'s swatch is printed in ${colour}, not rgb(${image.at(x, y)})`);
  }
  assert.deepEqual(rgb(swatches[0].colour), [0xe4, 0x00, 0x3b], 'Labour red');
  // The light scheme on paper: white, whatever the screen's.
  assert.deepEqual(rgb(background.colour), [255, 255, 255]);
  assert.ok(near(image.at(background.x, background.y), [255, 255, 255]));
  const printed = text(file);
  assert.match(printed, /Rushanara Ali/);
  assert.match(printed, /15,896/);
  assert.deepEqual(problems, []);
  await context.close();
});
