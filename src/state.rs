//! One widget's state as a value: the route (view and seats), the files loaded for
//! it, and how each table is sorted and filtered. Every change is an [`Action`].

use std::rc::Rc;

use results_core::compare::{default_compare_sort, CompareColumn};
use results_core::history::{default_history_sort, HistoryColumn};
use results_core::locale::{Labels, Locale};
use results_core::national::{self, SeatColumn, SeatFilter};
use results_core::{Column, Route, Sort, View};
use yew::Reducible;

use crate::fetch::{index_url, is_single_file, postcode_url, seat_url, Data, FetchError, Kind};
use results_core::postcode::{Postcode, PostcodeError};
use results_core::locale::Label;

/// Why the postcode a reader gave opened no seat: the postcode itself, or its
/// area's file that could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum PostcodeMiss {
    Postcode(PostcodeError),
    Fetch(Failure),
}

impl PostcodeMiss {
    /// The sentence in the locale's words.
    pub fn message(&self, locale: &Locale) -> String {
        match self {
            PostcodeMiss::Postcode(err) => err.message(locale),
            PostcodeMiss::Fetch(err) => locale.fill(Label::PostcodeFailed, &[("why", &err.message(locale))]),
        }
    }
}

/// Shared data compared by pointer, not by value: props and memo keys that hold
/// 650 seats compare in no time, and new data is always new.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Why a file or a refresh failed, as the state keeps it: compared by pointer like
/// other shared data, so each failure is new. Comparing the errors' contents cost
/// 0.2 KB gzip of code and spared only the render of a refresh failing again just
/// as before, which draws the same page.
pub type Failure = Shared<FetchError>;

/// One file's loading state.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch {
    Loading,
    Ready(Data),
    Failed(Failure),
}

/// The state of one widget.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetState {
    /// Where the data lives unless the route says otherwise: a results directory
    /// or one results file.
    pub default_src: String,
    pub route: Route,
    /// Files by URL (a handful: a list is smaller code than a map).
    pub files: Vec<(String, Fetch)>,
    pub result_sort: Sort<Column>,
    pub history_sort: Sort<HistoryColumn>,
    pub compare_sort: Sort<CompareColumn>,
    pub national_sort: Sort<SeatColumn>,
    pub filter: SeatFilter,
    /// Why the last refresh failed, while the last good data stays on show.
    pub stale: Option<Failure>,
    /// Seats that declared in the last update, marked for a moment.
    pub fresh: Rc<Vec<String>>,
    /// The embed's words and number style (`data-labels`, `data-locale`).
    pub embed_locale: Rc<Locale>,
    /// What the widget speaks: the embed's locale, with the data's labels under the
    /// embed's own.
    pub locale: Rc<Locale>,
    /// A mistake in the embed itself (its `data-labels`), shown before anything else.
    pub embed_error: Option<Failure>,
    /// The compare view's seat search: what the reader typed.
    pub search: crate::components::Search,
    /// New declarations in words, for a polite live region (see `results_core::announce`).
    pub announcer: results_core::announce::Announcer,
    /// The postcode the reader last asked for, as typed, and why it opened no seat
    /// if it did not.
    pub postcode: Option<(String, Option<PostcodeMiss>)>,
}

/// Everything that changes a widget.
#[derive(Debug, Clone)]
pub enum Action {
    /// Show another view or other seats.
    Navigate(Route),
    /// Open the seat of the postcode a reader typed, in the view on show (the
    /// result, where that shows every seat).
    Postcode(String),
    Fetching(String),
    Fetched(String, Result<Data, FetchError>),
    /// Forget failed files, so that they are fetched again.
    Retry,
    SortResult(Column),
    SortHistory(HistoryColumn),
    SortCompare(CompareColumn),
    SortNational(SeatColumn),
    Filter(SeatFilter),
    /// The reader typed in the compare view's seat search, or moved in its list.
    Search(crate::components::Search),
    /// The national table's "closest results" order.
    Closest,
    /// A refresh brought new data for a file.
    Refreshed(String, Data),
    /// A refresh failed; the data on show stays.
    RefreshFailed(Failure),
    /// A refresh worked again after failing.
    RefreshRecovered,
    /// A poll is done, at this time in milliseconds: the declarations it brought (and
    /// any held back within ten seconds of the last) are announced, in one sentence.
    Announce(f64),
    /// The reader turned announcements off (`true`) or on again.
    AnnounceOff(bool),
}

impl WidgetState {
    pub fn new(default_src: String, route: Route) -> WidgetState {
        WidgetState {
            default_src,
            route,
            files: Vec::new(),
            result_sort: Sort::default(),
            history_sort: default_history_sort(),
            compare_sort: default_compare_sort(),
            national_sort: national::default_sort(),
            filter: SeatFilter::default(),
            search: Default::default(),
            stale: None,
            fresh: Rc::default(),
            embed_locale: Rc::default(),
            locale: Rc::default(),
            embed_error: None,
            announcer: Default::default(),
            postcode: None,
        }
        .settled()
    }

    /// This state with the embed's words and number style.
    pub fn with_locale(self, locale: Rc<Locale>) -> WidgetState {
        WidgetState { embed_locale: locale.clone(), locale, ..self }
    }

    /// Takes the labels a file carries, under the embed's.
    fn take_labels(&mut self, data: &Data) {
        let labels = data.labels();
        if !labels.is_empty() {
            let (from_data, _) = Labels::new(labels.clone());
            let merged = from_data.overlaid(&self.embed_locale.labels);
            if merged != self.locale.labels {
                self.locale = Rc::new(Locale { labels: merged, ..(*self.embed_locale).clone() });
            }
        }
    }

    /// Where the data lives.
    pub fn src(&self) -> &str {
        self.route.src.as_deref().unwrap_or(&self.default_src)
    }

    /// The files the current view needs, or why it cannot have them.
    pub fn needs(&self) -> Result<Vec<(String, Kind)>, FetchError> {
        let single = is_single_file(self.src());
        let seat = || self.route.seat().ok_or(FetchError::NoSeat);
        let mut files = match self.route.view {
            // The seat is the postcode's, once it is found.
            View::Result | View::History if self.route.seat().is_none() && self.route.postcode.is_some() => Vec::new(),
            View::Result | View::History => vec![(seat_url(self.src(), seat()?), Kind::Results)],
            View::Compare if single => vec![(self.src().to_string(), Kind::Results)],
            View::Compare => {
                let mut files = vec![(index_url(self.src()), Kind::Index)];
                files.extend(self.route.seats.iter().map(|s| (seat_url(self.src(), s), Kind::Results)));
                files
            }
            View::National if single => return Err(FetchError::NeedsDirectory),
            View::National => vec![(index_url(self.src()), Kind::Index)],
        };
        // A postcode being looked up (in any view: one that compares seats adds its
        // seat). One that is no postcode, or asked of a single file, never waits here
        // (see `settled`).
        if let Some(postcode) = self.route.postcode.as_deref().and_then(|typed| Postcode::parse(typed).ok()) {
            files.push((postcode_url(self.src(), &postcode), Kind::Postcode));
        }
        Ok(files)
    }

    /// Whether the view on show can offer the postcode box: a results directory
    /// whose data is of a general election on the seats that postcodes find (see
    /// `results_core::postcode::covers`), or a postcode already asked for.
    pub fn offers_postcode(&self) -> bool {
        let covered = |elections: &[results_core::Election]| elections.iter().any(results_core::postcode::covers);
        let data = match self.route.view {
            View::Result | View::History => self.route.seat().and_then(|seat| self.results(&seat_url(self.src(), seat))).map(|file| covered(&file.elections)),
            View::National => self.index().map(|index| covered(&index.elections)),
            View::Compare => None,
        };
        !is_single_file(self.src()) && (data == Some(true) || self.postcode.is_some())
    }

    /// This state with its postcode look-up moved on: a postcode that is no GB
    /// postcode is refused at once; one whose area's file has come opens its seat
    /// or says why it cannot. Until then the route holds it.
    fn settled(mut self) -> WidgetState {
        let Some(typed) = self.route.postcode.clone() else { return self };
        let outcome = match Postcode::parse(&typed) {
            _ if is_single_file(self.src()) => Err(PostcodeMiss::Fetch(Shared(Rc::new(FetchError::NeedsDirectory)))),
            Err(err) => Err(PostcodeMiss::Postcode(err)),
            Ok(postcode) => {
                let url = postcode_url(self.src(), &postcode);
                match self.file(&url) {
                    Some(Fetch::Ready(Data::Postcode(area))) => area.find(&postcode).map(|seat| seat.code.clone()).map_err(PostcodeMiss::Postcode),
                    Some(Fetch::Failed(err)) => {
                        let err = err.clone();
                        // Asked for again at the next look-up, not refused from memory.
                        self.files.retain(|(u, _)| *u != url);
                        Err(PostcodeMiss::Fetch(err))
                    }
                    _ => return self,
                }
            }
        };
        self.route.postcode = None;
        match outcome {
            Ok(code) => {
                let view = self.route.view;
                self.route = self.route.for_seat(&code);
                if matches!(view, View::History | View::Compare) {
                    self.route.view = view;
                }
                self.postcode = Some((typed, None));
            }
            Err(miss) => {
                // A view that needed the postcode's seat shows every seat instead.
                if self.route.seats.is_empty() && !is_single_file(self.src()) {
                    self.route.view = View::National;
                }
                self.postcode = Some((typed, Some(miss)));
            }
        }
        self
    }

    /// The needed files not yet asked for.
    pub fn missing(&self) -> Vec<(String, Kind)> {
        self.needs().unwrap_or_default().into_iter().filter(|(url, _)| self.file(url).is_none()).collect()
    }

    /// The first problem in the way of the current view, if any.
    pub fn error(&self) -> Option<Failure> {
        if let Some(err) = &self.embed_error {
            return Some(err.clone());
        }
        match self.needs() {
            Err(err) => Some(Shared(Rc::new(err))),
            Ok(needs) => needs.iter().find_map(|(url, _)| match self.file(url) {
                Some(Fetch::Failed(err)) => Some(err.clone()),
                _ => None,
            }),
        }
    }

    /// The value of the host element's `data-state` attribute.
    pub fn data_state(&self) -> &'static str {
        if self.error().is_some() {
            return "error";
        }
        let ready = self.needs().unwrap_or_default().iter().all(|(url, _)| matches!(self.file(url), Some(Fetch::Ready(_))));
        if ready { "ready" } else { "loading" }
    }

    /// A file's loading state.
    pub fn file(&self, url: &str) -> Option<&Fetch> {
        self.files.iter().find(|(u, _)| u == url).map(|(_, fetch)| fetch)
    }

    fn set_file(&mut self, url: String, fetch: Fetch) {
        match self.files.iter_mut().find(|(u, _)| *u == url) {
            Some(entry) => entry.1 = fetch,
            None => self.files.push((url, fetch)),
        }
    }

    /// A loaded results file.
    pub fn results(&self, url: &str) -> Option<&Rc<results_core::ResultsFile>> {
        match self.file(url) {
            Some(Fetch::Ready(Data::Results(file))) => Some(file),
            _ => None,
        }
    }

    /// The loaded index.
    pub fn index(&self) -> Option<&Rc<results_core::model::Index>> {
        match self.file(&index_url(self.src())) {
            Some(Fetch::Ready(Data::Index(index))) => Some(index),
            _ => None,
        }
    }

    /// The state after an action.
    pub fn apply(&self, action: Action) -> WidgetState {
        let mut next = self.clone();
        match action {
            Action::Navigate(route) => next.route = route,
            Action::Postcode(typed) => {
                next.route.postcode = Some(typed.trim().chars().take(results_core::route::MAX_POSTCODE_TEXT).collect());
                next.postcode = None;
            }
            Action::Fetching(url) => next.set_file(url, Fetch::Loading),
            // The poller brought the file while the first request was still out (an
            // interval shorter than the time limit): what that request answers, late,
            // is older news, and a late failure must not put an error over good data.
            Action::Fetched(url, _) if matches!(self.file(&url), Some(Fetch::Ready(_))) => {}
            Action::Fetched(url, Ok(data)) => {
                next.take_labels(&data);
                next.set_file(url, Fetch::Ready(data));
            }
            Action::Fetched(url, Err(err)) => next.set_file(url, Fetch::Failed(Shared(Rc::new(err)))),
            Action::Retry => next.files.retain(|(_, fetch)| !matches!(fetch, Fetch::Failed(_))),
            Action::SortResult(column) => next.result_sort = self.result_sort.pressed(column),
            Action::SortHistory(column) => next.history_sort = self.history_sort.pressed(column),
            Action::SortCompare(column) => next.compare_sort = self.compare_sort.pressed(column),
            Action::SortNational(column) => next.national_sort = self.national_sort.pressed(column),
            Action::Filter(filter) => next.filter = filter,
            Action::Search(search) => next.search = search,
            Action::Closest => next.national_sort = national::closest_sort(),
            Action::Refreshed(url, data) => {
                next.fresh = Rc::new(match (self.file(&url), &data) {
                    (Some(Fetch::Ready(Data::Index(before))), Data::Index(after)) => results_core::announce::new_declarations(before, after),
                    _ => Vec::new(),
                });
                // A compare view speaks of its own seats only.
                let compared = self.route.view == View::Compare;
                let news: Vec<String> = next.fresh.iter().filter(|code| !compared || self.route.seats.contains(code)).cloned().collect();
                next.announcer.declared(&news);
                next.take_labels(&data);
                next.set_file(url, Fetch::Ready(data));
                next.stale = None;
            }
            Action::RefreshFailed(why) => next.stale = Some(why),
            Action::RefreshRecovered => next.stale = None,
            Action::Announce(now) => {
                if let Some(index) = self.index() {
                    next.announcer.speak(now, index, &self.locale);
                }
            }
            Action::AnnounceOff(off) => next.announcer.set_off(off),
        }
        next.settled()
    }
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // An unchanged state (a repeated click, a refetch of the same data) costs no render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use results_core::Direction;

    fn state(view: View, seats: &[&str]) -> WidgetState {
        WidgetState::new("data/".into(), Route { view, seats: seats.iter().map(|s| s.to_string()).collect(), ..Route::default() })
    }

    #[test]
    fn each_view_needs_its_files() {
        assert_eq!(state(View::Result, &["E1"]).needs().unwrap(), [("data/seats/E1.json".to_string(), Kind::Results)]);
        assert_eq!(state(View::National, &[]).needs().unwrap(), [("data/index.json".to_string(), Kind::Index)]);
        assert_eq!(state(View::Compare, &["E1", "E2"]).needs().unwrap().len(), 3);
        assert_eq!(state(View::History, &[]).needs(), Err(FetchError::NoSeat));
        let single = WidgetState::new("by-election.json".into(), Route { view: View::National, ..Route::default() });
        assert_eq!(single.needs(), Err(FetchError::NeedsDirectory));
    }

    #[test]
    fn loading_then_error_then_retry() {
        let s = state(View::Result, &["E1"]);
        assert_eq!(s.data_state(), "loading");
        let url = "data/seats/E1.json".to_string();
        let failed = s.apply(Action::Fetching(url.clone())).apply(Action::Fetched(url.clone(), Err(FetchError::Status { status: 404, url: url.clone() })));
        assert_eq!(failed.data_state(), "error");
        assert!(failed.missing().is_empty());
        let retried = failed.apply(Action::Retry);
        assert_eq!(retried.missing().len(), 1);
    }

    #[test]
    fn a_refresh_marks_new_declarations_and_a_failure_keeps_the_data() {
        use results_core::model::{Index, IndexRow};
        let row = |code: &str, declared: bool| IndexRow {
            code: code.into(), name: code.into(), name_cy: None, formerly: vec![], region: None, nation: None, declared, winner: None, party: None,
            majority: None, tie: false, majority_share: None, turnout: None, before: None, elected: Vec::new(), hex: None, hash: None,
        };
        let index = |rows: Vec<IndexRow>| Data::Index(Rc::new(Index {
            version: 1, attribution: None, updated: None, labels: Default::default(), elections: vec![], parties: vec![], election: "e".into(), totals: vec![], elects: None, seats: rows,
        }));
        let url = "data/index.json".to_string();
        let s = state(View::National, &[]).apply(Action::Fetched(url.clone(), Ok(index(vec![row("A", true), row("B", false)]))));
        let sorted = s.apply(Action::SortNational(SeatColumn::Majority));
        let updated = sorted.apply(Action::Refreshed(url.clone(), index(vec![row("A", true), row("B", true)])));
        assert_eq!(*updated.fresh, ["B"]);
        assert_eq!(updated.national_sort, sorted.national_sort, "the reader's sort survives");
        let failed = updated.apply(Action::RefreshFailed(Shared(Rc::new(FetchError::Timeout { timeout_ms: 8000 }))));
        assert_eq!(failed.data_state(), "ready", "the last good data stays");
        assert_eq!(failed.stale.as_deref(), Some(&FetchError::Timeout { timeout_ms: 8000 }));
        assert_eq!(failed.apply(Action::RefreshRecovered).stale, None);
    }

    #[test]
    fn a_late_answer_to_the_first_request_does_not_replace_what_the_poller_brought() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/index.json")).unwrap();
        let index = Data::Index(Rc::new(results_core::parse_index(&text).unwrap()));
        let url = "data/index.json".to_string();
        // Refresh every 10 s, a time limit of 15 s: the poller's copy comes first.
        let live = WidgetState::new("data/".into(), Route { view: View::National, refresh: Some(10), ..Route::default() });
        let polled = live.apply(Action::Fetching(url.clone())).apply(Action::Refreshed(url.clone(), index.clone()));
        assert_eq!(polled.data_state(), "ready");
        let timed_out = polled.apply(Action::Fetched(url.clone(), Err(FetchError::Timeout { timeout_ms: 15_000 })));
        assert_eq!(timed_out.data_state(), "ready", "a late failure puts no error over good data");
        assert_eq!(timed_out, polled);
        let older = polled.apply(Action::Fetched(url.clone(), Ok(index)));
        assert_eq!(older, polled);
        // A file not yet in hand still takes its answer, as the first load and a
        // preloaded file do.
        assert_eq!(live.apply(Action::Fetching(url.clone())).apply(Action::Fetched(url, Err(FetchError::Timeout { timeout_ms: 15_000 }))).data_state(), "error");
    }

    #[test]
    fn declarations_are_announced_after_an_update_never_at_the_first_load() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/index.json")).unwrap();
        let declared = results_core::parse_index(&text).unwrap();
        let mut night = declared.clone();
        for row in night.seats.iter_mut().filter(|row| row.name == "Hendon" || row.name == "Putney") {
            row.declared = false;
        }
        let url = "data/index.json".to_string();
        let live = WidgetState::new("data/".into(), Route { view: View::National, refresh: Some(2), ..Route::default() });
        let loaded = live.apply(Action::Fetched(url.clone(), Ok(Data::Index(Rc::new(night.clone()))))).apply(Action::Announce(0.0));
        assert_eq!(loaded.announcer.message, "", "nothing is announced at the first load");
        let mut hendon = night.clone();
        if let Some(row) = hendon.seats.iter_mut().find(|row| row.name == "Hendon") {
            row.declared = true;
        }
        let updated = loaded.apply(Action::Refreshed(url.clone(), Data::Index(Rc::new(hendon)))).apply(Action::Announce(20_000.0));
        assert_eq!(updated.announcer.message, "1 more seat declared: Lab gain from Con in Hendon; 649 of 650.");
        let again = updated.apply(Action::Announce(40_000.0));
        assert_eq!(again, updated, "said once: a poll that brings nothing changes nothing");
        let off = updated.apply(Action::AnnounceOff(true)).apply(Action::Refreshed(url.clone(), Data::Index(Rc::new(declared.clone())))).apply(Action::Announce(60_000.0));
        assert_eq!(off.announcer.message, "", "turned off");
        // A compare view speaks of its own seats.
        let compare = Route { view: View::Compare, seats: vec!["E14001086".into(), "E14001279".into()], refresh: Some(2), ..Route::default() };
        let compared = WidgetState::new("data/".into(), compare).apply(Action::Fetched(url.clone(), Ok(Data::Index(Rc::new(night)))));
        let putney_only = compared.apply(Action::Refreshed(url, Data::Index(Rc::new(declared)))).apply(Action::Announce(0.0));
        assert_eq!(putney_only.announcer.message, "1 more seat declared: Lab gain from Con in Hendon; 650 of 650.");
    }

    /// The postcode file of E, as `make data` ships it.
    fn postcode_file(area: &str) -> Data {
        let text = std::fs::read_to_string(format!("{}/data/postcodes/{area}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        crate::fetch::data_from_text(&text, Kind::Postcode).unwrap()
    }

    #[test]
    fn a_postcode_opens_its_seat_in_the_view_on_show() {
        let url = "data/postcodes/E.json".to_string();
        // From a link: only the postcode's file is needed until the seat is known.
        let linked = WidgetState::new("data/".into(), Route::from_pairs([("postcode", "e1 4ns")]));
        assert_eq!(linked.needs().unwrap(), [(url.clone(), Kind::Postcode)]);
        assert_eq!(linked.data_state(), "loading");
        let found = linked.apply(Action::Fetched(url.clone(), Ok(postcode_file("E"))));
        assert_eq!((found.route.view, found.route.seats.as_slice(), found.route.postcode.as_deref()), (View::Result, ["E14001086".to_string()].as_slice(), None));
        assert_eq!(found.needs().unwrap(), [("data/seats/E14001086.json".to_string(), Kind::Results)]);
        // Typed in the history of another seat: the history of the postcode's seat.
        let history = state(View::History, &["E14001279"]).apply(Action::Postcode(" sw1a 0aa ".into()));
        assert_eq!(history.needs().unwrap().len(), 2, "the seat on show stays while the look-up runs");
        let opened = history.apply(Action::Fetched("data/postcodes/SW.json".into(), Ok(postcode_file("SW"))));
        assert_eq!((opened.route.view, opened.route.seat()), (View::History, Some("E14001172")));
        assert_eq!(opened.postcode, Some(("sw1a 0aa".to_string(), None)));
        // From the national view: the seat's result.
        let national = state(View::National, &[]).apply(Action::Postcode("E1 4NS".into())).apply(Action::Fetched(url.clone(), Ok(postcode_file("E"))));
        assert_eq!((national.route.view, national.route.seat()), (View::Result, Some("E14001086")));
        // In a comparison (a link with both): the postcode's seat joins the others.
        let compared = state(View::Compare, &["E14001279"]).apply(Action::Postcode("E1 4NS".into()));
        assert!(compared.needs().unwrap().contains(&(url.clone(), Kind::Postcode)), "looked up in a comparison too");
        let compared = compared.apply(Action::Fetched(url, Ok(postcode_file("E"))));
        assert_eq!((compared.route.view, compared.route.seats.as_slice()), (View::Compare, ["E14001086".to_string(), "E14001279".to_string()].as_slice()));
    }

    #[test]
    fn a_postcode_that_opens_no_seat_says_why_and_the_view_stays() {
        let on_show = state(View::Result, &["E14001086"]);
        for (typed, key) in [("hello", Label::PostcodeShape), ("BT1 1AA", Label::PostcodeNorthernIreland), ("ZZ99 9ZZ", Label::PostcodeNotGb), ("", Label::PostcodeEmpty)] {
            let missed = on_show.apply(Action::Postcode(typed.into()));
            assert_eq!(missed.route, on_show.route, "{typed}: nothing fetched, the view stays");
            match &missed.postcode {
                Some((_, Some(PostcodeMiss::Postcode(err)))) => assert_eq!(err.label(), key, "{typed}"),
                other => panic!("{typed}: {other:?}"),
            }
        }
        // Shaped like a postcode, before the first range of its area.
        let unknown = on_show.apply(Action::Postcode("E0 1AA".into())).apply(Action::Fetched("data/postcodes/E.json".into(), Ok(postcode_file("E"))));
        assert_eq!(unknown.route.seat(), Some("E14001086"));
        assert!(matches!(&unknown.postcode, Some((_, Some(PostcodeMiss::Postcode(PostcodeError::Unknown(_)))))));
        // A failed fetch is said, and asked for again at the next look-up.
        let url = "data/postcodes/E.json".to_string();
        let failed = on_show.apply(Action::Postcode("E1 4NS".into())).apply(Action::Fetched(url.clone(), Err(FetchError::Status { status: 404, url: url.clone() })));
        assert_eq!((failed.route.clone(), failed.error()), (on_show.route.clone(), None), "the seat on show is not lost");
        assert!(matches!(&failed.postcode, Some((_, Some(PostcodeMiss::Fetch(_))))));
        assert!(failed.apply(Action::Postcode("E1 4NS".into())).missing().contains(&(url, Kind::Postcode)));
        // A link whose postcode opens nothing shows every seat.
        let linked = WidgetState::new("data/".into(), Route::from_pairs([("postcode", "hello")]));
        assert_eq!(linked.route.view, View::National);
        assert!(linked.offers_postcode());
    }

    #[test]
    fn sorts_survive_navigation() {
        let s = state(View::Result, &["E1"]).apply(Action::SortResult(Column::Votes));
        assert_eq!(s.result_sort.direction, Direction::Ascending);
        let back = s.apply(Action::Navigate(s.route.with_view(View::History))).apply(Action::Navigate(s.route.clone()));
        assert_eq!(back.result_sort, s.result_sort);
    }
}
