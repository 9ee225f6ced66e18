// The iframe embed: reads the view from the page's query, mounts the widget, and
// tells the parent page its height whenever it changes, so the iframe can fit it.
// The build bundles the loader and the wasm's glue into this file
// (scripts/write-loader): the page asks for one script, one stylesheet, the wasm
// and its data, and each request a page makes at the start costs it a connection.
import { PARAMS } from './params.mjs';

const host = document.getElementById('widget');
const query = new URLSearchParams(location.search);
// Every embed parameter (params.mjs) from the query onto the host, as a script embed has them.
for (const name of PARAMS) {
  const value = query.get(name);
  if (value) host.setAttribute(`data-${name}`, value);
}
// Which iframe this is, so a parent with several can tell them apart.
const frame = query.get('frame') ?? '';

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    parent.postMessage({ type: 'results-widget:height', frame, height }, '*');
  }
}).observe(document.documentElement);

await import('./results-widget.js');
