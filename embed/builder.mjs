// The embed builder: an editor picks the view, seats and theme, sees the live
// widget, and copies the script snippet or the iframe code.
import { mount } from './results-widget.js';
import { PARAMS } from './params.mjs';

const $ = (id) => document.getElementById(id);
const index = await fetch('data/index.json').then((r) => r.json());
const byName = new Map(index.seats.map((s) => [s.name.toLowerCase(), s.code]));
// Where the widget is hosted: where this page is, unless the editor says otherwise.
$('base').value = new URL('.', location.href).pathname;
$('seats').append(...index.seats.map((s) => Object.assign(document.createElement('option'), { value: s.name })));

const codeOf = (name) => byName.get(name.trim().toLowerCase());

/** The seats named in `text`, comma-separated, where a seat's own name may hold
 *  commas ("Ruislip, Northwood and Pinner"): from the left, the longest run of
 *  pieces that names a seat. Pieces that name none are left out. */
function seatsIn(text) {
  const pieces = text.split(',');
  const codes = [];
  for (let i = 0; i < pieces.length;) {
    let found = 0;
    for (let j = pieces.length; j > i && !found; j -= 1) {
      const code = codeOf(pieces.slice(i, j).join(','));
      if (code) { codes.push(code); found = j - i; }
    }
    i += found || 1;
  }
  return codes;
}
const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What the editor picked, as embed parameters (params.mjs) by name; and where the
 *  widget is hosted. */
function choices() {
  const view = $('view').value;
  const first = codeOf($('seat').value);
  const more = view === 'compare' ? seatsIn($('more').value) : [];
  const seats = view === 'national' ? [] : [first, ...more].filter(Boolean).slice(0, 4);
  const base = $('base').value.trim().replace(/\/?$/, '/');
  const params = { view, seat: seats.join(','), src: `${base}data/`, theme: $('theme').value, refresh: $('refresh').value.trim(), tools: $('tools').value };
  return { params, base };
}

/** The parent page's script that fits each results iframe to its height: the frame
 *  that sent the message is the one sized (so several iframes need no ids, and no
 *  other frame can size anything but itself), to a number of pixels. As the README
 *  gives it. */
const LISTENER = `<script>
  addEventListener('message', (e) => {
    if (e.data && e.data.type === 'results-widget:height') {
      for (const frame of document.querySelectorAll('iframe')) {
        if (frame.contentWindow === e.source) frame.style.height = Math.max(0, Number(e.data.height) || 0) + 'px';
      }
    }
  });
</script>`;

/** The parameters that have a value, in the list's order: [name, value]. */
const given = (params) => PARAMS.filter((name) => params[name]).map((name) => [name, params[name]]);

function update() {
  const { params, base } = choices();
  const attrs = given(params).map(([name, value]) => `data-${name}="${escape(value)}"`);
  $('snippet').value = `<div data-results-widget ${attrs.join(' ')}></div>\n<script type="module" src="${escape(base)}results-widget.js"></script>`;
  const query = new URLSearchParams(given(params));
  $('iframe').value = `<iframe title="Election results" src="${escape(base)}embed.html?${escape(query.toString())}"\n  width="100%" height="700" style="border:0"></iframe>\n${LISTENER}`;

  // The preview reads the data beside this page, wherever the widget will be hosted.
  const host = document.createElement('div');
  host.setAttribute('data-results-widget', '');
  for (const [name, value] of given({ ...params, src: 'data/' })) host.setAttribute(`data-${name}`, value);
  $('preview').replaceChildren(host);
  mount(host);
}

async function copy(id) {
  await navigator.clipboard?.writeText($(id).value).catch(() => {});
  $(id).select();
  $('copied').textContent = 'Copied.';
}

$('choices').addEventListener('change', update);
$('copy-snippet').addEventListener('click', () => copy('snippet'));
$('copy-iframe').addEventListener('click', () => copy('iframe'));
update();
