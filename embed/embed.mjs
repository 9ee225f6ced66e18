// The iframe embed: reads the view from the page's query, mounts the widget, and
// tells the parent page its height whenever it changes, so the iframe can fit it.
// The build bundles the loader and the wasm's glue into this file
// (scripts/write-loader): the page asks for one script, one stylesheet, the wasm
// and its data, and each request a page makes at the start costs it a connection.
import { PARAMS } from './params.mjs';

const host = document.getElementById('widget');
const query = new URLSearchParams(location.search);
// Every embed parameter (params.mjs) from the query onto the host, as a script embed
// has them; but data from this site only (no scheme, no `//host`, no backslash, which
// a browser reads as a slash): a shared link must not show another site's figures
// under this one's name.
for (const name of PARAMS) {
  const value = query.get(name);
  if (value && !(name === 'src' && /[:\\]|\/\//.test(value))) host.setAttribute(`data-${name}`, value);
}
// Which iframe this is, so a parent with several can tell them apart.
const frame = query.get('frame') ?? '';

// The page's height is measured in the frame after anything that can change it (the
// widget's markup, the iframe's width, a font arriving), rather than by a
// ResizeObserver of the whole page: WebKit tells such an observer of a change only
// after a deeper one (the widget's own, or its own for content-visibility) in the
// same frame, a frame late, and reports that as an error on the page.
let last = 0;
let queued = false;
const measure = () => {
  queued = false;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    parent.postMessage({ type: 'results-widget:height', frame, height }, '*');
  }
};
const soon = () => {
  if (!queued) {
    queued = true;
    requestAnimationFrame(measure);
  }
};
new MutationObserver(soon).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
addEventListener('resize', soon);
document.fonts?.addEventListener('loadingdone', soon);
soon();

await import('./results-widget.js');
