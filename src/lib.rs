//! The results widget: Yew components over the headless [`results_core`].
//!
//! `mount` finds the host elements on the page (their words and number style from
//! `locale`), `app` runs one widget (its reducer in `state`, its files from
//! `fetch`), and `views` map its state to HTML. All
//! results logic lives in `results_core`; nothing here computes a figure.

pub mod app;
pub mod components;
pub mod fetch;
pub mod live;
pub mod locale;
pub mod mount;
pub mod state;
pub mod swatches;
pub mod views;

pub use app::{Widget, WidgetProps};

/// The loader's entry point: mounts a widget in `host` (once). Returns whether it did.
/// With `url`, `answer` is the loader's request for that file (see [`fetch::Handover`]),
/// which `controller` aborts, and `settled` what it resolved to if it has.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: web_sys::Element,
    url: Option<String>,
    answer: Option<js_sys::Promise>,
    controller: Option<web_sys::AbortController>,
    settled: Option<js_sys::Array>,
) -> bool {
    let handover = url.zip(answer).map(|(url, answer)| fetch::Handover { url, answer, controller, settled });
    mount::mount_once(host, handover)
}
