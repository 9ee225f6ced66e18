// The embed builder: an editor picks the view, seats and theme, sees the live
// widget, and copies the script snippet or the iframe code.
import { mount } from './results-widget.js';

const $ = (id) => document.getElementById(id);
const index = await fetch('data/index.json').then((r) => r.json());
const byName = new Map(index.seats.map((s) => [s.name.toLowerCase(), s.code]));
$('seats').append(...index.seats.map((s) => Object.assign(document.createElement('option'), { value: s.name })));

const codeOf = (name) => byName.get(name.trim().toLowerCase());
const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function choices() {
  const view = $('view').value;
  const first = codeOf($('seat').value);
  const more = view === 'compare' ? $('more').value.split(',').map(codeOf).filter(Boolean) : [];
  const seats = view === 'national' ? [] : [first, ...more].filter(Boolean).slice(0, 4);
  return { view, seats, theme: $('theme').value, base: $('base').value.replace(/\/?$/, '/') };
}

function update() {
  const { view, seats, theme, base } = choices();
  const attrs = [`data-view="${view}"`];
  if (seats.length) attrs.push(`data-seat="${seats.join(',')}"`);
  attrs.push(`data-src="${escape(base)}data/"`);
  if (theme) attrs.push(`data-theme="${theme}"`);
  $('snippet').value = `<div data-results-widget ${attrs.join(' ')}></div>\n<script type="module" src="${escape(base)}results-widget.js"></script>`;
  const query = new URLSearchParams({ view, ...(seats.length ? { seat: seats.join(',') } : {}), ...(theme ? { theme } : {}), frame: 'results-embed' });
  $('iframe').value = `<iframe id="results-embed" title="Election results" src="${escape(base)}embed.html?${escape(query.toString())}"\n  width="100%" height="700" style="border:0"></iframe>\n<script>\n  addEventListener('message', (e) => {\n    if (e.data && e.data.type === 'results-widget:height') {\n      const frame = document.getElementById(e.data.frame);\n      if (frame) frame.style.height = e.data.height + 'px';\n    }\n  });\n</script>`;

  const host = document.createElement('div');
  host.setAttribute('data-results-widget', '');
  host.dataset.view = view;
  if (seats.length) host.dataset.seat = seats.join(',');
  host.dataset.src = 'data/';
  if (theme) host.dataset.theme = theme;
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
