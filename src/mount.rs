//! Mounting: one widget in every element that asks for one.

use results_core::Route;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::app::{route_from_location, Widget, WidgetProps};
use crate::fetch::Handover;
use crate::state::WidgetState;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-results-widget]";

/// The data directory the demo ships, used when an element names none.
pub const DEFAULT_SRC: &str = "data/";

thread_local! {
    static NEXT_INSTANCE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Whether the embed loader started the wasm (it sets `ResultsWidgetLoader`).
pub fn started_by_loader() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"ResultsWidgetLoader".into()).is_ok_and(|v| v.is_truthy())
}

/// Mounts a widget in every host element on the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    // (A selector finds elements only.)
    for node in (0..hosts.length()).filter_map(|i| hosts.item(i)) {
        mount_once(node.unchecked_into(), None);
    }
}

/// Mounts a widget in `host`; every widget gets its own ids. `handover` is the
/// loader's request for its first file, if it made one. The loader mounts each host
/// once (it keeps the hosts it mounted in memory, not in an attribute a copy of the
/// host would carry), and `mount_all` runs once.
pub fn mount_once(host: Element, handover: Option<Handover>) -> bool {
    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get() + 1));
    mount(host, instance, handover);
    true
}

/// Mounts one widget in `host`, reading what to show from its `data-` attributes
/// (`data-view`, `data-seat`, `data-election`, `data-postcode`, `data-src`,
/// `data-locale`, `data-labels`); with `data-sync-url`,
/// the page's query overrides them and follows the widget's view.
pub fn mount(host: Element, instance: usize, handover: Option<Handover>) {
    // Trimmed, as the loader reads them: `data-src="data/ "` is `data/`.
    let attr = |name: &str| host.get_attribute(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let sync_url = host.has_attribute("data-sync-url");
    let from_attributes = {
        let pairs: Vec<(&str, String)> = [("view", "data-view"), ("seat", "data-seat"), ("election", "data-election"), ("postcode", "data-postcode"), ("refresh", "data-refresh")]
            .into_iter()
            .filter_map(|(name, attribute)| attr(attribute).map(|v| (name, v)))
            .collect();
        Route::from_pairs(pairs.iter().map(|(n, v)| (*n, v.as_str())))
    };
    let route = if sync_url { route_from_location().unwrap_or(from_attributes) } else { from_attributes };
    // Static HTML from `results render` stays until the live widget is ready.
    let has_static = {
        let children = host.children();
        (0..children.length()).filter_map(|i| children.item(i)).any(|c| c.tag_name() != "NOSCRIPT")
    };
    let takeover = if has_static {
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok()).and_then(|live| {
            let _ = live.set_attribute("hidden", "");
            host.append_child(&live).ok().map(|_| live)
        })
    } else {
        None
    };
    let root = takeover.clone().unwrap_or_else(|| host.clone());
    let (locale, embed_error) = match crate::locale::from_attributes(attr("data-locale").as_deref(), attr("data-labels").as_deref()) {
        Ok(locale) => (locale, None),
        Err(why) => (Default::default(), Some(why)),
    };
    let width = probe_width(&host);
    let src = attr("data-src").unwrap_or_else(|| DEFAULT_SRC.to_string());
    let limits = crate::fetch::Limits::from_attributes(attr("data-timeout").as_deref(), attr("data-max-kb").as_deref());
    // The loader's file, if it has come and the view needs it (which also says what
    // kind of file it is), goes in with the first render: no loading state is drawn
    // only to be replaced in the same task.
    let versions = crate::fetch::Versions::default();
    let preloaded = handover.as_ref().and_then(|handed| {
        let needs = WidgetState::new(src.clone(), route.clone()).needs().ok()?;
        let (_, kind) = needs.into_iter().find(|(url, _)| *url == handed.url)?;
        handed.settled_data(kind, limits.max_bytes, &versions).map(|data| std::rc::Rc::new(vec![(handed.url.clone(), data)]))
    });
    let mut props = WidgetProps {
        src: src.into(),
        route,
        host: Some(host.clone()),
        instance,
        sync_url,
        preloaded,
        limits,
        takeover,
        locale: std::rc::Rc::new(locale),
        embed_error,
        handover,
        versions,
        width,
        first: None,
    };
    // The loader's file read in (for the national view, its table and map built) now,
    // rather than in the first render, which is the shorter for it: once its renders
    // have run 16 ms, Yew lets the browser draw a frame before their effects.
    if props.preloaded.is_some() {
        let first = crate::app::first_state(&props);
        props.first = Some(crate::state::Shared(std::rc::Rc::new(std::cell::RefCell::new(Some(first)))));
        props.preloaded = None;
    }
    let _ = host.set_attribute("data-state", "loading");
    yew::Renderer::<Widget>::with_root_and_props(root, props).render();
}

/// The width a widget's `<section class="rw">` will have in `host`, measured with an
/// empty one put in and taken out again, so that its charts are drawn at the right
/// width the first time. It costs a layout of the page as it is (often already
/// done, for the loader's `getBoundingClientRect`), not of the widget. Measured in
/// the host itself, since the element a widget taking over static HTML renders into
/// is hidden until it is ready. `None` where the host is not shown.
fn probe_width(host: &Element) -> Option<u32> {
    let probe = host.owner_document()?.create_element("section").ok()?;
    probe.set_class_name("rw");
    host.append_child(&probe).ok()?;
    // Whole pixels as the ResizeObserver that follows it reports them (see `app`).
    let width = probe.get_bounding_client_rect().width().floor();
    probe.remove();
    (width >= 1.0).then_some(width as u32)
}
