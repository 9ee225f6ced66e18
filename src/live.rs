//! Election night: re-reading the data every `refresh` seconds with conditional
//! requests, so an unchanged file costs a 304 and no render; only seat files whose
//! hash in the index changed are fetched again. Polling stops while the tab is
//! hidden, and backs off with jitter after a failure.

use std::cell::Cell;
use std::rc::Rc;

use results_core::model::TextMap;
use yew::UseReducerDispatcher;

use crate::fetch::{load_if_changed, Data, Kind, Limits, Versions};
use crate::state::{Action, WidgetState};

/// The longest wait between tries after failures, in milliseconds.
const MAX_BACKOFF_MS: f64 = 300_000.0;

/// What one widget polls: its files, and for files listed in an index, their seat.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Seconds between polls.
    pub refresh: u32,
    /// The index, where the view uses one: polled, and its hashes decide the rest.
    pub index: Option<String>,
    /// Other files: (url, kind, seat code when the index lists the file).
    pub files: Vec<(String, Kind, Option<String>)>,
    pub limits: Limits,
    /// The files' validators, from their first load on.
    pub versions: Versions,
}

/// Stops its poller when dropped.
pub struct Poller {
    stopped: Rc<Cell<bool>>,
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stopped.set(true);
    }
}

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Says on the host what the poller is doing (`data-poll`: `waiting`, `polling`,
/// `paused` while nobody can see it), for the page's scripts and the tests.
fn report(host: Option<&web_sys::Element>, what: &str) {
    if let Some(host) = host {
        let _ = host.set_attribute("data-poll", what);
    }
}

/// Waits `ms` milliseconds: a timer resolves a promise (no closure of ours for the
/// timer to call into, however late it fires).
pub(crate) async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, i32::try_from(ms).unwrap_or(i32::MAX));
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts polling for `plan`; the returned value stops it when dropped.
pub fn start(plan: Plan, dispatcher: UseReducerDispatcher<WidgetState>, host: Option<web_sys::Element>) -> Poller {
    let stopped = Rc::new(Cell::new(false));
    let flag = stopped.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // The seats' file hashes by code, in the map the labels use (a map type of its
        // own would add its code).
        let mut hashes = TextMap::new();
        // The seats whose hash changed since the last poll that read every file: a
        // poll that fails leaves them here, so the next one reads the widget's among
        // them even if the index has not changed again. (Kept whole, not filtered to
        // the widget's seats or their repeats: 0.2 KB gzip less code, and cleared by
        // the first poll that succeeds.)
        let mut stale: Vec<String> = Vec::new();
        let every = f64::from(plan.refresh) * 1000.0;
        let mut delay = every;
        // As if the last poll had failed: a "could not update" note that the widget's
        // poller before this one (another view's) left goes at this one's first
        // success, rather than stay over figures that are up to date. (The note from
        // a poll still in flight when that poller stopped goes the same way.)
        let mut failing = true;
        loop {
            // Nobody can see the widget while its tab is hidden, or while its host
            // takes no room: no longer in the page (the embed builder replaces its
            // preview at each change; a site's script may swap content), or hidden
            // by the page's styles. (Its width rather than `isConnected`: a call the
            // widget already makes.)
            if hidden() || host.as_ref().is_some_and(|host| host.get_bounding_client_rect().width() == 0.0) {
                // No requests while nobody looks; look again in a second, and poll
                // as soon as the tab is shown or the host is back.
                report(host.as_ref(), "paused");
                delay = 0.0;
                sleep(1000).await;
                if flag.get() {
                    break;
                }
                continue;
            }
            // ±20% jitter, so a million readers do not poll in step.
            let wait = delay * (0.8 + 0.4 * js_sys::Math::random());
            report(host.as_ref(), "waiting");
            sleep(wait as u32).await;
            if flag.get() {
                break;
            }
            if hidden() {
                continue;
            }
            report(host.as_ref(), "polling");
            match poll(&plan, &mut hashes, &mut stale, &dispatcher).await {
                Ok(()) => {
                    if failing {
                        dispatcher.dispatch(Action::RefreshRecovered);
                        failing = false;
                    }
                    delay = every;
                }
                Err(err) => {
                    dispatcher.dispatch(Action::RefreshFailed(crate::state::Shared(std::rc::Rc::new(err))));
                    failing = true;
                    delay = (delay * 2.0).min(MAX_BACKOFF_MS).max(every);
                }
            }
            if flag.get() {
                break;
            }
        }
    });
    Poller { stopped }
}

async fn poll(
    plan: &Plan,
    hashes: &mut TextMap,
    stale: &mut Vec<String>,
    dispatcher: &UseReducerDispatcher<WidgetState>,
) -> Result<(), crate::fetch::FetchError> {
    if let Some(index_url) = &plan.index {
        if let Some(data) = load_if_changed(index_url, Kind::Index, &plan.versions, plan.limits).await? {
            if let Data::Index(index) = &data {
                for row in &index.seats {
                    if let Some(hash) = &row.hash {
                        if hashes.insert(row.code.clone(), hash.clone()).as_ref() != Some(hash) {
                            stale.push(row.code.clone());
                        }
                    }
                }
            }
            dispatcher.dispatch(Action::Refreshed(index_url.clone(), data));
        }
    }
    for (url, kind, seat) in &plan.files {
        // With an index, a seat's file is read again only when its hash changed.
        if let (Some(code), true) = (seat, plan.index.is_some()) {
            if !stale.contains(code) {
                continue;
            }
        }
        if let Some(data) = load_if_changed(url, *kind, &plan.versions, plan.limits).await? {
            dispatcher.dispatch(Action::Refreshed(url.clone(), data));
        }
    }
    // Every file read (a failure returned above and leaves them stale).
    stale.clear();
    // New declarations in words, at most one sentence a poll (see `results_core::announce`).
    if plan.index.is_some() {
        dispatcher.dispatch(Action::Announce(js_sys::Date::now()));
    }
    Ok(())
}
