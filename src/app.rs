//! One widget: its state in one reducer, the files its view needs fetched, its
//! `data-state` on the host element, and (on a page that asks) its view in the URL.

use std::cell::RefCell;
use std::rc::Rc;

use results_core::locale::Locale;
use results_core::{Route, View};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::fetch::{load_within, seat_url, Data, Handover, Kind, Limits, Versions};
use crate::live;
use crate::state::{Action, Shared, WidgetState};
use crate::views;
use results_core::locale::Label;

/// What a widget shows, as the host element's `data-` attributes (or the page's
/// query) say.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// Where the data lives: a results directory or one results file.
    pub src: AttrValue,
    /// The view and seats to start with.
    pub route: Route,
    /// The element the widget is mounted in; it gets `data-state`.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Makes element ids unique when several widgets share a page.
    #[prop_or_default]
    pub instance: usize,
    /// Keep the view in the page's URL (the demo page; not an embed in an article).
    #[prop_or_default]
    pub sync_url: bool,
    /// Files already in hand, by URL (tests, server rendering): not fetched.
    #[prop_or_default]
    pub preloaded: Option<Rc<Vec<(String, Data)>>>,
    /// Time and size limits on what the widget fetches.
    #[prop_or_default]
    pub limits: Limits,
    /// Where the host holds static HTML (from `results render`): the hidden element
    /// the live widget renders into, shown in place of the static HTML once ready.
    #[prop_or_default]
    pub takeover: Option<web_sys::Element>,
    /// The embed's words and number style (`data-labels`, `data-locale`).
    #[prop_or_default]
    pub locale: Rc<Locale>,
    /// What is wrong with the embed's own attributes, if anything.
    #[prop_or_default]
    pub embed_error: Option<String>,
    /// The loader's request for the first file, if it made one.
    #[prop_or_default]
    pub handover: Option<Handover>,
    /// The validators of its files, from their first load on (see [`Versions`]).
    #[prop_or_default]
    pub versions: Versions,
    /// The widget's width in CSS pixels when it mounts, if known.
    #[prop_or_default]
    pub width: Option<u32>,
    /// Its first state, built before it mounts (see [`first_state`]); otherwise
    /// built in its first render.
    #[prop_or_default]
    pub first: Option<Shared<RefCell<Option<WidgetState>>>>,
}

/// A widget's first state: its route and words, and the files already in hand read in.
pub fn first_state(props: &WidgetProps) -> WidgetState {
    let mut state = WidgetState::new(props.src.to_string(), props.route.clone()).with_locale(props.locale.clone());
    state.embed_error = props.embed_error.clone().map(|why| Shared(Rc::new(crate::fetch::FetchError::Embed(why))));
    for (url, data) in props.preloaded.iter().flat_map(|files| files.iter()) {
        state = state.apply(Action::Fetched(url.clone(), Ok(data.clone())));
    }
    state
}

/// The results widget.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || props.first.as_ref().and_then(|first| first.0.take()).unwrap_or_else(|| first_state(&props)))
    };

    // Fetch what the view needs and nobody has asked for yet; the loader's request,
    // if it made one, the first time its URL is needed.
    {
        let (dispatcher, limits, versions) = (state.dispatcher(), props.limits, props.versions.clone());
        let handover = use_mut_ref(|| props.handover.clone());
        use_effect_with(state.missing(), move |missing| {
            for (url, kind) in missing.iter().cloned() {
                dispatcher.dispatch(Action::Fetching(url.clone()));
                let dispatcher = dispatcher.clone();
                let handed = handover.borrow_mut().take_if(|handed| handed.url == url);
                let versions = versions.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = load_within(&url, kind, limits, handed, &versions).await;
                    dispatcher.dispatch(Action::Fetched(url, loaded));
                });
            }
            // A request for a file the view does not start with (an embed the loader
            // read otherwise) is not left open.
            if let Some(Handover { controller: Some(controller), .. }) = handover.borrow_mut().take() {
                controller.abort();
            }
        });
    }

    // On election night, re-read the data every `refresh` seconds.
    {
        let plan = state.route.refresh.and_then(|refresh| {
            let needs = state.needs().ok()?;
            let index = needs.iter().find(|(_, kind)| *kind == Kind::Index).map(|(url, _)| url.clone());
            let files = needs
                .into_iter()
                .filter(|(_, kind)| *kind == Kind::Results)
                .map(|(url, kind)| {
                    let seat = state.route.seats.iter().find(|code| seat_url(state.src(), code) == url).cloned();
                    (url, kind, seat)
                })
                .collect();
            Some(live::Plan { refresh, index, files, limits: props.limits, versions: props.versions.clone() })
        });
        let (dispatcher, host) = (state.dispatcher(), props.host.clone());
        use_effect_with(plan, move |plan| {
            let poller = plan.clone().map(|plan| live::start(plan, dispatcher, host));
            move || drop(poller)
        });
    }

    // Keep the view in the URL, and follow the back button.
    {
        let sync = props.sync_url;
        let first = use_mut_ref(|| true);
        use_effect_with(state.route.clone(), move |route| {
            // A postcode being looked up is not a view of its own: the seat it
            // opens is (so the back button never goes to the look-up again).
            if sync && route.postcode.is_none() {
                // The view the page opened with replaces its entry; later ones are
                // new entries, so the back button returns to them.
                push_route(route, first.replace(false));
            }
        });
        let dispatcher = state.dispatcher();
        use_effect_with(sync, move |sync| {
            let listener = (*sync).then(|| {
                web_sys::window().map(|window| {
                    gloo_events::EventListener::new(&window, "popstate", move |_| {
                        dispatcher.dispatch(Action::Navigate(route_from_location().unwrap_or_default()));
                    })
                })
            });
            move || drop(listener)
        });
    }

    let id = format!("rw{}", props.instance);
    // An empty line across the widget, whose width the charts are drawn at: its size
    // does not change when they are redrawn (the widget's own height would, which a
    // ResizeObserver reports as an error on the page).
    let measure = use_node_ref();
    let width = use_width(&measure, props.width);
    let dispatcher = state.dispatcher();
    // The compare view's seats to pick from, kept while the data and words they are
    // made of stay (see `views::compare::Kept`).
    let single = crate::fetch::is_single_file(state.src()).then(|| state.results(state.src()).cloned()).flatten().map(Shared);
    let picks = use_memo((state.index().cloned().map(Shared), single, Shared(state.locale.clone())), |_| views::compare::Kept::new());
    let phase = state.data_state();
    use_report(phase, &props.host, &props.takeover);
    let body = match state.error() {
        Some(err) => {
            html! {
                <div class="rw-error" role="alert">
                    <p>{ err.message(&state.locale) }</p>
                    <button type="button" class="rw-retry" onclick={views::send(&dispatcher, |_: MouseEvent| Action::Retry)}>{ state.locale.text(Label::StatusTryAgain) }</button>
                </div>
            }
        }
        None => match state.route.view {
            View::Result => views::result::view(&state, &dispatcher, &id, width),
            View::History => views::history::view(&state, &dispatcher, &id, width),
            View::Compare => views::compare::view(&state, &dispatcher, &id, width, &picks),
            View::National => views::national::view(&state, &dispatcher, &id, width),
        },
    };

    html! {
        <section class="rw" lang={state.locale.lang.clone()} aria-labelledby={crate::views::part_id(&id, "heading")} aria-busy={if phase == "loading" { "true" } else { "false" }}>
            <div ref={measure}></div>
            { views::nav(&state, &dispatcher, &id) }
            { views::postcode_box(&state, &dispatcher, &id) }
            { views::stale(&state) }
            { views::announcer(&state, &dispatcher) }
            <div class="rw-body">{ body }</div>
        </section>
    }
}

/// Reports where the widget stands on its host element (`data-state`, and the
/// `results-widget:ready` or `results-widget:error` event) once for each new phase,
/// as soon as the view of that phase is in the page. It is queued from the widget's
/// render as a task, which runs once Yew's scheduler has finished its pass: the
/// view's content (its tables' rows, its map's frame) is made in the renders of
/// that pass, and Yew stops to let the browser paint only when no component is
/// left to create or render, so a view that comes new (every view after loading,
/// with its data) is whole by then. (A component kept from the view before and
/// given new props could still be waiting: Yew does not count those.) It is not an
/// effect: once the renders have run 16 ms, Yew lets the browser paint before it
/// runs the effects, and the widget would say it is ready a frame after it was.
#[hook]
fn use_report(phase: &'static str, host: &Option<web_sys::Element>, takeover: &Option<web_sys::Element>) {
    let reported = use_mut_ref(|| None);
    if reported.replace(Some(phase)) != Some(phase) {
        let (host, takeover) = (host.clone(), takeover.clone());
        #[cfg(not(feature = "ssr"))]
        wasm_bindgen_futures::spawn_local(async move { report(phase, host.as_ref(), takeover.as_ref()) });
        #[cfg(feature = "ssr")]
        let _ = (host, takeover);
    }
}

/// `data-state` and the event on the host; on leaving the loading phase, the live
/// widget in place of any static HTML, in one step, so nothing jumps.
#[cfg(not(feature = "ssr"))]
fn report(phase: &'static str, host: Option<&web_sys::Element>, takeover: Option<&web_sys::Element>) {
    if let (Some(host), Some(live), true) = (host, takeover, phase != "loading") {
        let children = host.children();
        let stale: Vec<web_sys::Element> = (0..children.length()).filter_map(|i| children.item(i)).filter(|c| c != live).collect();
        for child in stale {
            child.remove();
        }
        let _ = live.remove_attribute("hidden");
    }
    if let Some(host) = host {
        let _ = host.set_attribute("data-state", phase);
        // `results-widget:ready` and `results-widget:error`, for the page's scripts.
        if phase != "loading" {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("results-widget:{phase}"), &init) {
                let _ = host.dispatch_event(&event);
            }
        }
    }
}

/// The width of `element` in whole CSS pixels: `initial` until it is laid out, then
/// whenever it changes (the window turning, the page's column narrowing, hidden
/// static HTML giving way). A ResizeObserver reports it after the browser's own
/// layout, so reading it never makes the browser lay the page out early.
#[hook]
fn use_width(element: &NodeRef, initial: Option<u32>) -> Option<u32> {
    let width = use_state_eq(|| initial);
    {
        let (element, width) = (element.clone(), width.clone());
        use_effect_with((), move |()| {
            let observer = element.cast::<web_sys::Element>().and_then(|element| {
                let report = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                        return;
                    };
                    // Hidden (static HTML still showing) it measures nothing: the
                    // width it will have stays.
                    let measured = entry.content_rect().width().floor();
                    if measured >= 1.0 {
                        // Set after this callback, not in it: the redraw changes the
                        // page's height, which an observer of an ancestor (the iframe
                        // page's, a host page's own) would then be told of a frame late,
                        // and browsers report that as an error on the page.
                        let width = width.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            crate::live::sleep(0).await;
                            width.set(Some(measured as u32));
                        });
                    }
                });
                let observer = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, report))
            });
            move || {
                if let Some((observer, _report)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}

/// The route in the page's query, if it names one.
pub fn route_from_location() -> Option<Route> {
    let search = web_sys::window()?.location().search().ok()?;
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        return None;
    }
    let pairs: Vec<(String, String)> = search
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, value)| {
            let value = js_sys::decode_uri_component(value).ok().and_then(|v| v.as_string()).unwrap_or_default();
            (name.to_string(), value)
        })
        .collect();
    if !pairs.iter().any(|(name, _)| ["view", "seat", "postcode"].contains(&name.as_str())) {
        return None;
    }
    Some(Route::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))))
}

fn push_route(route: &Route, replace: bool) {
    let Some(window) = web_sys::window() else { return };
    let query = route.to_query();
    if window.location().search().ok().as_deref() == Some(query.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&query))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&query))
        };
    }
}
