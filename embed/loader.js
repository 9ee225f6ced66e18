// results-widget.js: the one script an article needs. It mounts a results widget in
// every element with `data-results-widget` (one WebAssembly instance for them all),
// starting each when it comes near the viewport, picking up elements a CMS adds
// later, and offering `ResultsWidget.mount(element)` to mount one by hand.
// Its name never changes; the files it loads are content-hashed. Written into the
// build by scripts/write-loader from embed/loader.js.
const selector = '[data-results-widget]';
let started;
// The hosts this loader watches, and those any copy of it (another URL) mounted: in
// memory, not in attributes, which a copy of a host (cloneNode, outerHTML pasted by a
// CMS) would carry, so that a copied host mounts as a fresh one does.
const watched = new WeakSet();
const mounted = (globalThis[Symbol.for('results-widget.mounted')] ??= new WeakSet());

function start() {
  if (!started) {
    globalThis.ResultsWidgetLoader = true;
    if (!document.querySelector('link[data-results-widget-css]')) {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = new URL('results-widget.css', import.meta.url).href;
      css.setAttribute('data-results-widget-css', '');
      document.head.append(css);
    }
    // The wasm is fetched while the glue loads, and compiled as it streams in.
    const wasm = fetch(new URL('__WASM__', import.meta.url));
    // A literal specifier, resolved beside this file: a bundler (the iframe page's
    // embed.mjs, see scripts/write-loader) can take the glue in.
    started = import('__GLUE__').then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
  }
  return started;
}

/** The file a widget shows first (a seat's file, or the index), asked for now, while
 *  the wasm loads, rather than once the widget runs: `[url, answer, controller]`.
 *  `answer` resolves to the response and its body, read here so that a widget whose
 *  file came first draws it at once; the widget checks both as it checks its own
 *  requests, and its time limit aborts this one. */
function prefetch(element) {
  if (element.hasAttribute('data-sync-url')) return [];
  const src = element.dataset.src?.trim() || 'data/';
  const view = element.dataset.view?.trim() || 'result';
  const seat = element.dataset.seat ?? '';
  const dir = src.replace(/\/*$/, '/');
  const code = seat.split(',')[0].trim();
  let url;
  if (src.endsWith('.json')) url = src;
  else if (view === 'national') url = `${dir}index.json`;
  else if (['result', 'history'].includes(view) && /^[A-Za-z0-9]+$/.test(code)) url = `${dir}seats/${code}.json`;
  if (!url) return [];
  const controller = new AbortController();
  // A body over the widget's limit (`data-max-kb`, 1 to 50,000, or 5 MB) by its
  // Content-Length is left unread: the widget refuses it, and the download stops.
  const kb = Number(element.dataset.maxKb);
  const limit = Number.isInteger(kb) && kb >= 1 && kb <= 50000 ? kb * 1000 : 5e6;
  const answer = fetch(url, { signal: controller.signal }).then((response) => (
    Number(response.headers.get('content-length')) > limit ? [response] : response.arrayBuffer().then((body) => [response, body])
  ));
  // Not an unhandled rejection if no widget reads it; the widget sees it as it is.
  answer.catch(() => {});
  return [url, answer, controller];
}

/** Resolves to what `answer` resolved to, if it does within a tenth of a second;
 *  otherwise (not yet, or failed) to nothing, then. */
function answerOrSoon(answer) {
  return new Promise((resolve) => {
    answer.then(resolve, () => resolve());
    setTimeout(resolve, 100);
  });
}

/** Mounts a widget in `element` now (once). Resolves to true when it mounted.
 *  Once the code is ready, a widget whose file is still on its way waits for it a
 *  moment (a tenth of a second at most, too short for a reader to notice): the file
 *  comes almost always by then, and the widget's first render draws its view rather
 *  than a loading state, laid out and painted only to be replaced. */
function mount(element) {
  if (!(element instanceof Element) || mounted.has(element)) return Promise.resolve(false);
  mounted.add(element);
  const handover = prefetch(element);
  return start().then(async (module) => {
    const settled = handover.length ? await answerOrSoon(handover[1]) : undefined;
    return module.mountWidget(element, ...handover, settled);
  }, (error) => {
    // The code did not load: the host says so, as a widget that failed would (its
    // static copy, if it has one, stays), and a later call (a widget coming into
    // view, ResultsWidget.mount) loads it again.
    mounted.delete(element);
    started = undefined;
    element.dataset.state = 'error';
    element.dispatchEvent(new CustomEvent('results-widget:error', { bubbles: true }));
    throw error;
  });
}

const nearby = 'IntersectionObserver' in globalThis
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearby.unobserve(entry.target);
        mount(entry.target);
      }
    }
  }, { rootMargin: '400px 0px' })
  : null;

/** Whether `host` is on screen (or within the margin) now: such widgets start at
 *  once rather than a frame later, when the observer would first report. */
function inView(host) {
  const box = host.getBoundingClientRect();
  return box.bottom > -400 && box.top < innerHeight + 400;
}

function watch(root) {
  const hosts = root.matches?.(selector) ? [root] : [...(root.querySelectorAll?.(selector) ?? [])];
  for (const host of hosts) {
    if (watched.has(host)) continue;
    watched.add(host);
    if (nearby && !inView(host)) nearby.observe(host); else mount(host);
  }
}

watch(document);
new MutationObserver((changes) => {
  for (const change of changes) for (const node of change.addedNodes) if (node.nodeType === 1) watch(node);
}).observe(document.documentElement, { childList: true, subtree: true });

globalThis.ResultsWidget = { mount };
export { mount };
