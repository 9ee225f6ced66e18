//! Mounting: one widget in every element that asks for one.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::app::{Widget, WidgetProps};

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-results-widget]";

/// The data directory the demo ships, used when an element names none.
pub const DEFAULT_SRC: &str = "data/";

/// Mounts a widget in every host element on the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    for (instance, node) in (0..hosts.length()).filter_map(|i| hosts.item(i)).enumerate() {
        if let Ok(host) = node.dyn_into::<Element>() {
            mount(host, instance);
        }
    }
}

/// Mounts one widget in `host`, reading what to show from its `data-` attributes.
pub fn mount(host: Element, instance: usize) {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let props = WidgetProps {
        src: attr("data-src").unwrap_or_else(|| DEFAULT_SRC.to_string()).into(),
        seat: attr("data-seat").unwrap_or_default().into(),
        election: attr("data-election").map(Into::into),
        host: Some(host.clone()),
        instance,
        data: None,
    };
    let _ = host.set_attribute("data-state", "loading");
    yew::Renderer::<Widget>::with_root_and_props(host, props).render();
}
