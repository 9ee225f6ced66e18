//! What a widget shows, in one vocabulary for the page's URL query, an embed's
//! `data-` attributes and an iframe's query: `view`, `seat`, `election`, `src`.

use crate::locale::Label;

/// Which view a widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// One seat's result in one election.
    #[default]
    Result,
    /// One seat across every election in the data.
    History,
    /// Two to four seats side by side.
    Compare,
    /// Every seat and every party.
    National,
}

impl View {
    pub const ALL: [View; 4] = [View::Result, View::History, View::Compare, View::National];

    /// The parameter value: `result`, `history`, `compare`, `national`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Result => "result",
            View::History => "history",
            View::Compare => "compare",
            View::National => "national",
        }
    }

    /// The label of the tab a reader sees.
    pub fn label(self) -> Label {
        match self {
            View::Result => Label::ViewResult,
            View::History => Label::ViewHistory,
            View::Compare => Label::ViewCompare,
            View::National => Label::ViewNational,
        }
    }

    fn parse(text: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// The most seats the compare view shows side by side.
pub const MAX_COMPARE: usize = 4;

/// A widget's view and what it is of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Route {
    pub view: View,
    /// ONS codes; the first is the seat of the result and history views.
    pub seats: Vec<String>,
    /// An election id; the latest in the data where not given.
    pub election: Option<String>,
    /// Where the data lives, when the page's query names it (a path on the same
    /// site: a results directory or one `.json` file).
    pub src: Option<String>,
    /// Re-read the data every this many seconds (election night), at least
    /// [`MIN_REFRESH`].
    pub refresh: Option<u32>,
    /// A postcode whose 2024 seat the widget is to open, as the reader typed it (at
    /// most 20 characters): the widget checks it and looks it up, then puts the seat
    /// in `seats` and clears this.
    pub postcode: Option<String>,
}

/// The longest postcode text a route carries (a postcode has at most 8 characters
/// with its space; the rest is room for spaces a reader typed).
pub const MAX_POSTCODE_TEXT: usize = 20;

/// The shortest refresh interval, in seconds.
pub const MIN_REFRESH: u32 = 1;

/// Whether `src` is a path on the page's own site: relative or rooted, without a
/// scheme, a host or `..` (a shared link must not point the widget elsewhere).
pub fn is_local_src(src: &str) -> bool {
    !src.is_empty()
        && src.len() <= 200
        && !src.starts_with("//")
        && !crate::text::contains(src, "..")
        && !src.contains(':')
        && !src.contains('\\')
        && src.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
}

/// Whether a seat code is safe to put in a URL path: letters, digits, `-` and `_`.
pub fn is_seat_code(code: &str) -> bool {
    !code.is_empty() && code.len() <= 40 && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Route {
    /// Reads `view`, `seat` (comma separated) and `election` from name-value pairs,
    /// ignoring anything else and any value that is not well formed.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Route {
        Route::read(&mut pairs.into_iter())
    }

    /// [`Route::from_pairs`] for any iterator, compiled once rather than once for
    /// each kind of iterator a caller has (the page's query, an element's attributes).
    fn read<'a>(pairs: &mut dyn Iterator<Item = (&'a str, &'a str)>) -> Route {
        let mut route = Route::default();
        let mut view = None;
        for (name, value) in pairs {
            match name {
                "view" => view = View::parse(value),
                "seat" => {
                    route.seats = value
                        .split(',')
                        .map(str::trim)
                        .filter(|code| is_seat_code(code))
                        .map(str::to_string)
                        .fold(Vec::new(), |mut seats, code| {
                            if !seats.contains(&code) {
                                seats.push(code);
                            }
                            seats
                        });
                }
                "election" if is_seat_code(value.trim()) => route.election = Some(value.trim().to_string()),
                "src" if is_local_src(value.trim()) => route.src = Some(value.trim().to_string()),
                // `+` is a space in a query a form sent (no postcode has one).
                "postcode" if !value.trim().is_empty() => route.postcode = Some(value.replace('+', " ").trim().chars().take(MAX_POSTCODE_TEXT).collect()),
                "refresh" => route.refresh = value.trim().parse::<u64>().ok().and_then(|s| u32::try_from(s).ok()).filter(|s| *s > 0).map(|s| s.max(MIN_REFRESH)),
                _ => {}
            }
        }
        // A postcode stands for the seat it will open.
        route.view = view.unwrap_or(match route.seats.len() + usize::from(route.postcode.is_some()) {
            0 => View::National,
            1 => View::Result,
            _ => View::Compare,
        });
        route
    }

    /// The seat the result and history views show.
    pub fn seat(&self) -> Option<&str> {
        self.seats.first().map(String::as_str)
    }

    /// The same route showing another view.
    pub fn with_view(&self, view: View) -> Route {
        Route { view, ..self.clone() }
    }

    /// The result view of one seat, keeping the election. A postcode still being
    /// looked up is dropped: the reader chose this seat since, and the look-up's
    /// answer must not take them elsewhere.
    pub fn for_seat(&self, code: &str) -> Route {
        let mut seats = vec![code.to_string()];
        seats.extend(self.seats.iter().filter(|s| *s != code).cloned());
        Route { view: View::Result, seats, postcode: None, ..self.clone() }
    }

    /// The query string for this route, such as `?view=history&seat=E14001086`.
    pub fn to_query(&self) -> String {
        let mut query = format!("?view={}", self.view.as_str());
        if !self.seats.is_empty() {
            query.push_str("&seat=");
            query.push_str(&self.seats.join(","));
        }
        if let Some(election) = &self.election {
            query.push_str("&election=");
            query.push_str(election);
        }
        if let Some(src) = &self.src {
            query.push_str("&src=");
            query.push_str(src);
        }
        if let Some(refresh) = self.refresh {
            query.push_str(&format!("&refresh={refresh}"));
        }
        if let Some(postcode) = &self.postcode {
            query.push_str("&postcode=");
            query.push_str(&postcode.replace(|c: char| !c.is_ascii_alphanumeric(), "+"));
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_vocabulary() {
        let route = Route::from_pairs([("view", "history"), ("seat", "E14001086"), ("utm_source", "x")]);
        assert_eq!(route, Route { view: View::History, seats: vec!["E14001086".into()], ..Route::default() });
        assert_eq!(route.to_query(), "?view=history&seat=E14001086");
    }

    #[test]
    fn the_view_follows_from_the_seats_when_not_given() {
        assert_eq!(Route::from_pairs([("seat", "E1")]).view, View::Result);
        assert_eq!(Route::from_pairs([("seat", "E1,E2,E3")]).view, View::Compare);
        assert_eq!(Route::from_pairs([]).view, View::National);
        assert_eq!(Route::from_pairs([("view", "nonsense"), ("seat", "E1")]).view, View::Result);
        assert_eq!(Route::from_pairs([("view", "NATIONAL")]).view, View::National);
    }

    #[test]
    fn hostile_codes_are_dropped() {
        let route = Route::from_pairs([("seat", "E1,../../secrets,<script>,E1, E2 "), ("election", "ge2024/../x")]);
        assert_eq!(route.seats, ["E1", "E2"]);
        assert_eq!(route.election, None);
    }

    #[test]
    fn refresh_is_whole_seconds() {
        assert_eq!(Route::from_pairs([("refresh", "30")]).refresh, Some(30));
        for bad in ["0", "-5", "soon", "1e9"] {
            assert_eq!(Route::from_pairs([("refresh", bad)]).refresh, None, "{bad}");
        }
    }

    #[test]
    fn only_local_sources_are_taken_from_a_link() {
        for good in ["data/", "data/tower-hamlets-2022/", "/widgets/results/data/seats/E1.json", "mayor.json"] {
            assert!(is_local_src(good), "{good}");
        }
        for bad in ["https://evil.test/x.json", "//evil.test/x.json", "../secrets/", "javascript:alert(1)", "data/<x>", ""] {
            assert!(!is_local_src(bad), "{bad}");
        }
        assert_eq!(Route::from_pairs([("src", "https://evil.test/")]).src, None);
    }

    #[test]
    fn round_trips_through_the_query() {
        let route = Route { view: View::Compare, seats: vec!["E1".into(), "E2".into()], election: Some("ge2019".into()), src: Some("data/tower-hamlets-2022/".into()), refresh: Some(30), postcode: None };
        let query = route.to_query();
        let pairs: Vec<(&str, &str)> = query.trim_start_matches('?').split('&').filter_map(|p| p.split_once('=')).collect();
        assert_eq!(Route::from_pairs(pairs), route);
    }

    #[test]
    fn a_postcode_stands_for_a_seat() {
        let route = Route::from_pairs([("postcode", " e1 4ns ")]);
        assert_eq!((route.view, route.postcode.as_deref()), (View::Result, Some("e1 4ns")));
        assert_eq!(Route::from_pairs([("postcode", "E1 4NS"), ("view", "history")]).view, View::History);
        assert_eq!(Route::from_pairs([("postcode", "E1 4NS"), ("seat", "E2")]).view, View::Compare);
        assert_eq!(Route::from_pairs([("postcode", "  ")]).postcode, None);
        let long = "x".repeat(500);
        assert_eq!(Route::from_pairs([("postcode", long.as_str())]).postcode.map(|p| p.len()), Some(MAX_POSTCODE_TEXT));
        assert_eq!(Route::from_pairs([("postcode", "E1 4NS")]).to_query(), "?view=result&postcode=E1+4NS");
        assert_eq!(Route::from_pairs([("postcode", "sw1a+0aa")]).postcode.as_deref(), Some("sw1a 0aa"));
    }

    #[test]
    fn opening_a_seat_keeps_the_others() {
        let route = Route { view: View::National, seats: vec!["E1".into(), "E2".into()], ..Route::default() };
        assert_eq!(route.for_seat("E2").seats, ["E2", "E1"]);
        assert_eq!(route.for_seat("E2").view, View::Result);
        // A postcode still being looked up when the reader opens a seat is dropped.
        let looking = Route { postcode: Some("E1 4NS".into()), ..route };
        assert_eq!(looking.for_seat("E2").postcode, None);
    }
}
