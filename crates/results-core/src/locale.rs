//! How the widget speaks: its words ([`Labels`], English by default, replaceable by
//! the data or the embed) and how it writes numbers ([`Numbers`], en-GB by default:
//! 15,896 and 34.1%).


use crate::derive::Outcome;
use crate::model::TextMap;

/// The words and number style a widget uses.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Locale {
    /// A BCP 47 language tag for the widget's `lang` attribute, when not en-GB.
    pub lang: Option<String>,
    pub numbers: Numbers,
    pub labels: Labels,
}

impl Locale {
    /// The words of `label`: a replacement if one was given, else the English default.
    pub fn text(&self, label: Label) -> &str {
        self.labels.get(label)
    }

    /// The words of `label` with their `{placeholders}` filled in.
    pub fn fill(&self, label: Label, values: &[(&str, &str)]) -> String {
        fill(self.labels.get(label), values)
    }

    /// A list in words: "A", "A and B", "A, B and C" (the `history.and` label).
    pub fn and_list(&self, items: &[String]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => self.fill(Label::HistoryAnd, &[("list", &rest.join(", ")), ("last", last)]),
        }
    }

    /// Whether the widget speaks Welsh (`cy`, `cy-GB`).
    pub fn is_welsh(&self) -> bool {
        self.lang.as_deref().and_then(|lang| lang.split('-').next()).is_some_and(|primary| primary.eq_ignore_ascii_case("cy"))
    }

    /// The name a seat goes by in this locale: its Welsh name where the widget
    /// speaks Welsh and the seat has one (then `true`: the name is marked
    /// `lang="cy"`), else its name.
    pub fn seat_name<'a>(&self, name: &'a str, name_cy: Option<&'a str>) -> (&'a str, bool) {
        match name_cy {
            Some(welsh) if self.is_welsh() => (welsh, true),
            _ => (name, false),
        }
    }

    /// An outcome in words, through the `outcome.*` labels.
    pub fn outcome(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoCandidates => String::new(),
            Outcome::Awaiting => self.text(Label::NationalAwaiting).to_string(),
            Outcome::Hold { party } => self.fill(Label::OutcomeHold, &[("party", party)]),
            Outcome::Gain { party, from } => self.fill(Label::OutcomeGain, &[("party", party), ("from", from)]),
            Outcome::Win { party } => self.fill(Label::OutcomeWin, &[("party", party)]),
            Outcome::Seats(counts) => counts
                .iter()
                .map(|(party, seats)| self.fill(Label::OutcomeSeats, &[("party", party), ("seats", &self.numbers.thousands(*seats as u64))]))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Number style: the separators a locale writes. Grouping is by thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbers {
    /// Between groups of three digits: "," in en-GB, "." in de, a narrow space in fr.
    pub group: String,
    /// Before the decimals: "." in en-GB, "," in de and fr.
    pub decimal: String,
    /// Written before and after the figure of a percentage: "" and "%" in en-GB,
    /// "" and " %" (a no-break space) in de and fr.
    pub percent_prefix: String,
    pub percent_suffix: String,
    /// The minus sign of a change: U+2212, which screen readers read as "minus".
    pub minus: String,
}

impl Default for Numbers {
    fn default() -> Numbers {
        Numbers { group: ",".into(), decimal: ".".into(), percent_prefix: String::new(), percent_suffix: "%".into(), minus: "\u{2212}".into() }
    }
}

impl Numbers {
    /// The style of a few common locales, for where no browser is at hand to ask
    /// (`results render`); the widget asks the browser's `Intl.NumberFormat`.
    /// Unknown tags get en-GB.
    pub fn for_tag(tag: &str) -> Numbers {
        let language = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let (group, decimal, prefix, suffix) = match language.as_str() {
            "de" | "es" | "id" => (".", ",", "", "\u{a0}%"),
            "it" | "nl" | "pt" | "da" => (".", ",", "", "%"),
            "tr" => (".", ",", "%", ""),
            "fr" | "nb" | "no" | "sv" | "fi" | "pl" | "cs" | "sk" | "ru" | "uk" => ("\u{202f}", ",", "", "\u{a0}%"),
            _ => (",", ".", "", "%"),
        };
        Numbers { group: group.into(), decimal: decimal.into(), percent_prefix: prefix.into(), percent_suffix: suffix.into(), ..Numbers::default() }
    }

    /// A whole number with its digits grouped: `15896` → `15,896`.
    pub fn thousands(&self, value: u64) -> String {
        let digits = value.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * self.group.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        out
    }

    /// A fraction as a percentage with one decimal: `0.340772` → `34.1%`.
    pub fn percent(&self, fraction: f64) -> String {
        format!("{}{}{}", self.percent_prefix, self.one_decimal(fraction * 100.0), self.percent_suffix)
    }

    /// A fraction as a whole percentage: `0.87` → `87%`.
    pub fn whole_percent(&self, fraction: f64) -> String {
        format!("{}{}{}", self.percent_prefix, self.thousands((fraction * 100.0).round().max(0.0) as u64), self.percent_suffix)
    }

    /// A change in share in percentage points with its sign: `-0.394348` → `−39.4`.
    pub fn points_change(&self, fraction: f64) -> String {
        let points = fraction * 100.0;
        let text = self.one_decimal(points.abs());
        if text == self.one_decimal(0.0) {
            text
        } else if points < 0.0 {
            format!("{}{text}", self.minus)
        } else {
            format!("+{text}")
        }
    }

    /// One decimal place, rounded half away from zero as published tables are.
    pub fn one_decimal(&self, value: f64) -> String {
        let Some((negative, tenths)) = rounded_tenths(value) else {
            return "–".to_string();
        };
        let sign = if negative { "-" } else { "" };
        format!("{sign}{}{}{}", self.thousands(tenths / 10), self.decimal, tenths % 10)
    }
}

/// `value` in tenths, rounded half away from zero as published tables are: whether
/// it is below zero (and not rounded to zero), and its tenths; `None` where it is
/// not a number. Integers, not float formatting, which would cost the widget
/// kilobytes: the tables (`Numbers::one_decimal`) and the CSV files write from it.
pub fn rounded_tenths(value: f64) -> Option<(bool, u64)> {
    if !value.is_finite() {
        return None;
    }
    let tenths = (value.abs() * 10.0 + 0.5).trunc() as u64;
    Some((value < 0.0 && tenths > 0, tenths))
}

/// Replacement words by key, over the English defaults of [`defaults`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels {
    replaced: TextMap,
}

impl Labels {
    /// Replacements over the defaults. Keys that are not labels are reported,
    /// so that a misspelt key does not fail in silence.
    pub fn new(replaced: TextMap) -> (Labels, Vec<String>) {
        let unknown = unknown_labels(&replaced).into_iter().map(String::from).collect();
        (Labels { replaced }, unknown)
    }

    /// These labels with `other`'s replacements on top.
    pub fn overlaid(&self, other: &Labels) -> Labels {
        let mut replaced = self.replaced.clone();
        for (key, text) in other.replaced.iter() {
            replaced.insert(key.to_string(), text.to_string());
        }
        Labels { replaced }
    }

    pub fn get(&self, label: Label) -> &str {
        let (key, text) = label.line();
        self.replaced.get(key).unwrap_or(text)
    }
}

/// A name from the data ("After second preferences") as it reads inside a sentence
/// ("after second preferences"): the first letter lowered, unless the word is an
/// abbreviation ("SV count" stays). Only ASCII letters change: Unicode case tables
/// would cost the widget 5 KB, and the stage names results data carries are English.
pub fn in_sentence(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && !second.is_ascii_uppercase() => {
            let mut out = String::with_capacity(text.len());
            out.push(first.to_ascii_lowercase());
            out.push_str(text.get(1..).unwrap_or_default());
            out
        }
        _ => text.to_string(),
    }
}

/// The keys of `labels` that are not labels the widget shows, for validation.
pub fn unknown_labels(labels: &TextMap) -> Vec<&str> {
    labels.iter().map(|(key, _)| key).filter(|key| default_of(key).is_none()).collect()
}

impl Label {
    /// Its key (`result.swing`) and English default: its line of the defaults.
    fn line(self) -> (&'static str, &'static str) {
        DEFAULTS_TEXT.lines().nth(self as usize).and_then(|line| line.split_once('\t')).unwrap_or_default()
    }

    /// Its key, as `data-labels` and the README name it.
    pub fn key(self) -> &'static str {
        self.line().0
    }
}

fn default_of(key: &str) -> Option<&'static str> {
    DEFAULTS_TEXT.lines().find_map(|line| line.strip_prefix(key)?.strip_prefix('\t'))
}

/// Every label key and its English default, in their order above.
pub fn defaults() -> impl Iterator<Item = (&'static str, &'static str)> {
    DEFAULTS_TEXT.lines().filter_map(|line| line.split_once('\t'))
}

/// Fills `{name}` placeholders; unknown ones stay as written, so a mistake shows.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let value = after.find('}').and_then(|close| {
            let name = after.get(1..close)?;
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// Writes the English defaults as one string, `DEFAULTS_TEXT`: a line a label, its
/// key, a tab, its text. One string rather than a table of pairs, whose pointers
/// did not compress: [`defaults`] reads it. And the [`Label`] of each, in the same
/// order, so that a label's line is its number: code names labels by these rather
/// than by their keys, which cost the widget each key a second time, in the code
/// that named it (1.2 KB gzip, measured on 2026-12-07).
macro_rules! defaults {
    ($(($label:ident, $key:literal, $text:literal),)*) => {
        const DEFAULTS_TEXT: &str = concat!($($key, "\t", $text, "\n"),*);

        /// A label the widget shows, named in code as in `data-labels` by its key:
        /// `Label::ResultSwing` is `result.swing`. A misspelt one does not compile.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label {
            $($label,)*
        }
    };
}

// Every label the widget shows, with its English default. The README lists them.
defaults! {
    // Views and tabs.
    (ViewResult, "view.result", "Result"),
    (ViewHistory, "view.history", "History"),
    (ViewCompare, "view.compare", "Compare"),
    (ViewNational, "view.national", "All seats"),
    (NavLabel, "nav.label", "Results views"),
    // Column headers.
    (ColumnCandidate, "column.candidate", "Candidate"),
    (ColumnParty, "column.party", "Party"),
    (ColumnVotes, "column.votes", "Votes"),
    (ColumnFirstPreferences, "column.first_preferences", "First preferences"),
    (ColumnShare, "column.share", "Share"),
    (ColumnChange, "column.change", "Change"),
    (ColumnChangeNotional, "column.change_notional", "Change (notional)"),
    (ColumnElection, "column.election", "Election"),
    (ColumnSeat, "column.seat", "Seat"),
    (ColumnCode, "column.code", "ONS code"),
    (ColumnWinner, "column.winner", "Winner"),
    (ColumnResult, "column.result", "Result"),
    (ColumnMajority, "column.majority", "Majority"),
    (ColumnMajorityShare, "column.majority_share", "Majority %"),
    (ColumnTurnout, "column.turnout", "Turnout"),
    (ColumnSeats, "column.seats", "Seats"),
    // What a reader takes away.
    (ToolsCsv, "tools.csv", "Download CSV"),
    // Outcomes.
    (OutcomeHold, "outcome.hold", "{party} hold"),
    (OutcomeGain, "outcome.gain", "{party} gain from {from}"),
    (OutcomeWin, "outcome.win", "{party} win"),
    (OutcomeSeats, "outcome.seats", "{party} {seats}"),
    // One seat's result.
    (ResultCaption, "result.caption", "Votes by candidate, {seat}, {election}"),
    (ResultElected, "result.elected", "Elected"),
    (ResultElectedList, "result.elected_list", "Elected: {names}."),
    (ResultMajority, "result.majority", "Majority {majority} ({share} of valid votes)."),
    (ResultMajorityStage, "result.majority_stage", "Majority {majority} {stage}."),
    (ResultMajorityMulti, "result.majority_multi", "{majority} votes between the last elected and the next candidate."),
    (ResultTransferable, "result.transferable", "Counted by the single transferable vote: the votes are first preferences."),
    (ResultTie, "result.tie", "Elected after a tie, decided by lot: {votes} votes each."),
    (ResultTieShort, "result.tie_short", "Tie"),
    (ResultTurnout, "result.turnout", "Turnout {turnout}."),
    (ResultSwing, "result.swing", "Swing {points} points from {from} to {to}."),
    (ResultNoCandidates, "result.no_candidates", "No candidates."),
    (ResultNoSeat, "result.no_seat", "The results file has no result for the seat \"{seat}\"."),
    (ResultNoElection, "result.no_election", "The results file has no election \"{election}\"."),
    (ResultChart, "result.chart", "Vote share by candidate, {seat}, {election}"),
    // An election whose name names the seat already ("Mayor of Tower Hamlets election 2022").
    (ResultCaptionElection, "result.caption_election", "Votes by candidate, {election}"),
    (ResultChartElection, "result.chart_election", "Vote share by candidate, {election}"),
    // A count by the single transferable vote, stage by stage.
    (CountHeading, "count.heading", "The count, stage by stage"),
    (CountQuota, "count.quota", "A candidate needed {quota} votes (the quota) to be elected."),
    (CountFirstOne, "count.first_one", "{names} was elected on first preferences"),
    (CountFirstMany, "count.first_many", "{names} were elected on first preferences"),
    (CountElectedOne, "count.elected_one", "{names} was elected at stage {stage}, after {moved}"),
    (CountElectedMany, "count.elected_many", "{names} were elected at stage {stage}, after {moved}"),
    (CountThenOne, "count.then_one", "{names} at stage {stage}, after {moved}"),
    (CountThenMany, "count.then_many", "{names} at stage {stage}, after {moved}"),
    (CountSurplusOne, "count.surplus_one", "{names}'s surplus was transferred"),
    (CountSurplusMany, "count.surplus_many", "the surpluses of {names} were transferred"),
    (CountExcludedOne, "count.excluded_one", "{names} was excluded"),
    (CountExcludedMany, "count.excluded_many", "{names} were excluded"),
    (CountNoStages, "count.no_stages", "The data gives the count's quota and who was elected, not its stages."),
    (CountUnreadable, "count.unreadable", "The count cannot be shown stage by stage: its stage {stage} does not fit the contest's {candidates} candidates."),
    (CountStage, "count.stage", "Stage {stage}"),
    (CountElectedAt, "count.elected_at", "Elected at stage {stage}"),
    (CountDeemedAt, "count.deemed_at", "Deemed elected at stage {stage}"),
    (CountExcludedAt, "count.excluded_at", "Excluded at stage {stage}"),
    (CountExcludedWord, "count.excluded_word", "Excluded"),
    (CountChart, "count.chart", "Each candidate's highest total against the quota"),
    (CountQuotaLine, "count.quota_line", "Quota {quota}"),
    // The sentence read first.
    (SpokenHeld, "spoken.held", "{party} held {seat} with a majority of {majority}"),
    (SpokenGained, "spoken.gained", "{party} gained {seat} with a majority of {majority}"),
    (SpokenWon, "spoken.won", "{party} won {seat} with a majority of {majority}"),
    (SpokenIndependentWinner, "spoken.independent_winner", "{name}, an independent,"),
    (SpokenOver, "spoken.over", " over {party}"),
    (SpokenOverIndependent, "spoken.over_independent", " over an independent"),
    (SpokenOverTied, "spoken.over_tied", " over {party} and {other}, level in second place"),
    (SpokenTie, "spoken.tie", "{name} ({party}) was elected for {seat} after a tie on {votes} votes, decided by lot."),
    (SpokenDown, "spoken.down", ", down from {before} in {year}"),
    (SpokenUp, "spoken.up", ", up from {before} in {year}"),
    (SpokenEnd, "spoken.end", "."),
    (SpokenElected, "spoken.elected", "{seat} elected {seats}: {result}."),
    (SpokenNoCandidates, "spoken.no_candidates", "{seat} has no candidates."),
    (SpokenNotDeclared, "spoken.not_declared", "{seat} has not declared yet."),
    // Charts.
    (ChartFirstPreferences, "chart.first_preferences", "first preferences"),
    (ChartOthers, "chart.others", "Others"),
    (ChartSeatsTitle, "chart.seats_title", "Seats won by party"),
    (ChartSeatsBar, "chart.seats_bar", "{party}, {share} of the vote"),
    (ChartSeatsDescribed, "chart.seats_described", "{party}: {seats} seats"),
    (ChartSeatDescribed, "chart.seat_described", "{party}: {seats} seat"),
    // History.
    (HistoryTitle, "history.title", "{seat}: results since {year}"),
    (HistoryNote, "history.note", "Earlier results are of the predecessor seats, on their own boundaries."),
    (HistoryCaption, "history.caption", "Winners by election, {seat} and predecessor seats"),
    (HistoryChart, "history.chart", "Vote share by election, {seat} and predecessor seats"),
    (HistoryOldBoundaries, "history.old_boundaries", "(old boundaries)"),
    (HistoryNotional, "history.notional", "{year} (notional)"),
    (HistoryEstimate, "history.estimate", "(estimate on these boundaries)"),
    (HistoryFormedFrom, "history.formed_from", "Formed in {year} from {parts}."),
    (HistoryFormedFromSmall, "history.formed_from_small", "Formed in {year} from {parts}, and smaller parts (under 5% each) of {count} more seats."),
    (HistoryFormedFromSmallOne, "history.formed_from_small_one", "Formed in {year} from {parts}, and a smaller part (under 5%) of {count} more seat."),
    (HistoryPart, "history.part", "{seat} ({share})"),
    (HistoryFormedCredit, "history.formed_credit", "Population shares: mySociety (CC BY 4.0)."),
    (HistoryAnd, "history.and", "{list} and {last}"),
    // Compare.
    (CompareTitle, "compare.title", "Compare seats"),
    (ComparePicked, "compare.picked", "Seats compared"),
    (CompareRemove, "compare.remove", "Remove {seat}"),
    (ComparePickTwo, "compare.pick_two", "Pick at least two seats to compare them."),
    (CompareCaption, "compare.caption", "Vote share by party, {seats}"),
    (CompareSearch, "compare.search", "Add a seat to compare"),
    (CompareList, "compare.list", "Matching seats"),
    (CompareMatches, "compare.matches", "{count} seats match"),
    (CompareMatch, "compare.match", "{count} seat matches"),
    // National.
    (NationalTitle, "national.title", "{election}: all {count} {areas}"),
    (NationalSeats, "national.seats", "seats"),
    (NationalWards, "national.wards", "wards"),
    (NationalConstituencies, "national.constituencies", "constituencies"),
    (NationalMajority, "national.majority", "{party}: {seats} of {total} seats, a majority of {majority}."),
    (NationalLeading, "national.leading", "{party} leads with {seats} of {total} seats; {line} win a majority."),
    (NationalNoControl, "national.no_control", "No overall control: {party} largest with {seats} of {total} seats, {short} short of a majority."),
    (NationalDeclared, "national.declared", "{declared} of {total} declared"),
    (NationalPartiesCaption, "national.parties_caption", "Seats and votes by party ({total} seats)"),
    (NationalSeatsCaption, "national.seats_caption", "Every seat: winner, result and majority"),
    (NationalFilters, "national.filters", "Filter seats"),
    (NationalSearch, "national.search", "Search seats or winners"),
    (NationalArea, "national.area", "Nation or region"),
    (NationalParty, "national.party", "Winning party"),
    (NationalAll, "national.all", "All"),
    (NationalClosest, "national.closest", "Closest results"),
    (NationalShowing, "national.showing", "Showing {shown} of {total} seats"),
    (NationalAwaiting, "national.awaiting", "Awaiting declaration"),
    (NationalHexMap, "national.hex_map", "Hex map: one hexagon per seat, coloured by the winning party. Each opens its seat."),
    // The House, and who controls it (`national.majority`, `national.no_control`).
    (HouseTitle, "house.title", "{total} seats: {line} for a majority"),
    (NationalHexCredit, "national.hex_credit", "Hex map layout: Open Innovations (MIT licence)."),
    // Find your seat by postcode.
    (PostcodeLabel, "postcode.label", "Your postcode"),
    (PostcodeFind, "postcode.find", "Find your seat"),
    (PostcodeLooking, "postcode.looking", "Looking up {postcode}…"),
    (PostcodeEmpty, "postcode.empty", "Enter a postcode, such as E1 4NS."),
    (PostcodeShape, "postcode.shape", "\"{postcode}\" is not a GB postcode: a postcode looks like E1 4NS."),
    (PostcodeNorthernIreland, "postcode.northern_ireland", "{postcode} is in Northern Ireland, which this look-up does not cover (its data is licensed separately)."),
    (PostcodeNotGb, "postcode.not_gb", "{postcode} is not a GB postcode: there is no postcode area {area} in Great Britain."),
    (PostcodeUnknown, "postcode.unknown", "{postcode} is not a postcode we know: check it and try again."),
    (PostcodeFailed, "postcode.failed", "Your seat could not be looked up: {why}"),
    // Status and messages.
    (StatusLoading, "status.loading", "Loading results…"),
    (StatusUpdated, "status.updated", "Updated {time}"),
    (StatusStale, "status.stale", "Could not update: {why} Showing the last results received."),
    (StatusTryAgain, "status.try_again", "Try again"),
    // Election night, for screen readers (a polite live region).
    (AnnounceOne, "announce.one", "1 more seat declared: {seats}; {declared} of {total}."),
    (AnnounceMany, "announce.many", "{count} more seats declared: {seats}; {declared} of {total}."),
    (AnnounceSeat, "announce.seat", "{result} in {seat}"),
    (AnnounceOthers, "announce.others", "and {count} more"),
    (AnnounceToggle, "announce.toggle", "Announce declarations"),
    (ErrorNetwork, "error.network", "The results could not be loaded: the connection failed ({detail}). Check your connection and try again."),
    (ErrorNotFound, "error.not_found", "The results were not found: the server answered {status} for {url}. Is the address right?"),
    (ErrorRefused, "error.refused", "The results server refused access to {url} (error {status})."),
    (ErrorBusy, "error.busy", "The results server is busy (error {status} for {url}). Try again in a moment."),
    (ErrorServer, "error.server", "The results server had a problem (error {status} for {url}). Try again in a moment."),
    (ErrorStatus, "error.status", "The results could not be loaded: the server answered {status} for {url}."),
    (ErrorTimeout, "error.timeout", "The results server did not answer within {time}."),
    (ErrorOneSecond, "error.one_second", "1 second"),
    (ErrorSeconds, "error.seconds", "{n} seconds"),
    (ErrorTooLarge, "error.too_large", "The results file is too large to load ({size}; the widget's limit is {limit})."),
    (ErrorWebPage, "error.web_page", "The server sent a web page instead of results data (is the address right?)"),
    (ErrorContentType, "error.content_type", "The server sent a file of type \"{type}\" instead of results data (JSON), so nothing is shown."),
    (ErrorNotText, "error.not_text", "The results file is not UTF-8 text, so it cannot be read (was it saved in another encoding?)"),
    (ErrorData, "error.data", "The results file has a problem, so nothing is shown rather than something wrong: {problem}"),
    (ErrorIndex, "error.index", "The results index could not be read: {problem}"),
    (ErrorPostcodeFile, "error.postcode_file", "The postcode file could not be read: {problem}"),
    (ErrorNoSeat, "error.no_seat", "This view needs a seat: add data-seat with the seat's ONS code, such as E14001086."),
    (ErrorNeedsDirectory, "error.needs_directory", "This view needs a results directory (with index.json), not a single file."),
    (ErrorEmbed, "error.embed", "The widget's embed code has a mistake: {problem}"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_welsh_locale_names_welsh_seats_in_welsh() {
        let speaking = |lang: &str| Locale { lang: Some(lang.into()), ..Locale::default() };
        for welsh in ["cy", "cy-GB", "CY-gb"] {
            assert_eq!(speaking(welsh).seat_name("Carmarthen", Some("Caerfyrddin")), ("Caerfyrddin", true), "{welsh}");
            assert_eq!(speaking(welsh).seat_name("Cardiff East", None), ("Cardiff East", false));
        }
        for other in ["en-GB", "cym", "de-DE", "c"] {
            assert_eq!(speaking(other).seat_name("Carmarthen", Some("Caerfyrddin")), ("Carmarthen", false), "{other}");
        }
        assert_eq!(Locale::default().seat_name("Carmarthen", Some("Caerfyrddin")), ("Carmarthen", false));
    }

    #[test]
    fn names_from_the_data_read_inside_a_sentence() {
        assert_eq!(in_sentence("After second preferences"), "after second preferences");
        assert_eq!(in_sentence("Stage 3"), "stage 3");
        assert_eq!(in_sentence("SV count"), "SV count");
        assert_eq!(in_sentence("final count"), "final count");
        assert_eq!(in_sentence("A"), "A");
        assert_eq!(in_sentence(""), "");
        assert_eq!(in_sentence("Étape 2"), "Étape 2");
    }

    #[test]
    fn thousands_separators() {
        let n = Numbers::default();
        for (value, text) in [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (15896, "15,896"), (37524, "37,524"), (1234567, "1,234,567"), (28809340, "28,809,340")] {
            assert_eq!(n.thousands(value), text);
        }
    }

    #[test]
    fn percentages_to_one_decimal() {
        let n = Numbers::default();
        for (fraction, text) in [(0.340772, "34.1%"), (0.304564, "30.5%"), (0.00746, "0.7%"), (0.004995, "0.5%"), (1.0, "100.0%"), (0.0, "0.0%"), (0.0362, "3.6%"), (0.0225, "2.3%")] {
            assert_eq!(n.percent(fraction), text, "{fraction}");
        }
    }

    #[test]
    fn changes_carry_a_sign() {
        let n = Numbers::default();
        assert_eq!(n.points_change(-0.394348), "\u{2212}39.4");
        assert_eq!(n.points_change(0.094947), "+9.5");
        assert_eq!(n.points_change(0.0001), "0.0");
        assert_eq!(n.points_change(-0.0001), "0.0");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let n = Numbers::default();
        assert_eq!(n.one_decimal(2.25), "2.3");
        assert_eq!(n.one_decimal(-2.25), "-2.3");
        assert_eq!(n.one_decimal(-0.04), "0.0");
        assert_eq!(n.one_decimal(99.95), "100.0");
        assert_eq!(n.one_decimal(1234.5678), "1,234.6");
    }

    #[test]
    fn nonsense_is_not_a_number() {
        assert_eq!(Numbers::default().percent(f64::NAN), "–%");
    }

    #[test]
    fn other_locales_write_their_own_separators() {
        let de = Numbers::for_tag("de-DE");
        assert_eq!(de.thousands(28_809_340), "28.809.340");
        assert_eq!(de.percent(0.340772), "34,1\u{a0}%");
        assert_eq!(de.points_change(-0.394348), "\u{2212}39,4");
        let fr = Numbers::for_tag("fr");
        assert_eq!(fr.thousands(15_896), "15\u{202f}896");
        assert_eq!(fr.percent(0.036), "3,6\u{a0}%");
        assert_eq!(Numbers::for_tag("tr").percent(0.5), "%50,0");
        assert_eq!(Numbers::for_tag("cy-GB"), Numbers::default());
        assert_eq!(Numbers::for_tag(""), Numbers::default());
    }

    #[test]
    fn labels_default_to_english_and_take_replacements() {
        let (labels, unknown) = Labels::new(TextMap::from_iter([("column.votes".to_string(), "Pleidleisiau".to_string()), ("column.vote".to_string(), "x".to_string())]));
        assert_eq!(unknown, vec!["column.vote".to_string()]);
        assert_eq!(labels.get(Label::ColumnVotes), "Pleidleisiau");
        assert_eq!(labels.get(Label::ColumnParty), "Party");
        let (embed, _) = Labels::new(TextMap::from_iter([("column.party".to_string(), "Plaid".to_string())]));
        let both = labels.overlaid(&embed);
        assert_eq!((both.get(Label::ColumnVotes), both.get(Label::ColumnParty)), ("Pleidleisiau", "Plaid"));
    }

    #[test]
    fn every_column_and_tab_has_a_label_and_the_readme_lists_every_key() {
        use crate::sort::TableColumn;
        let keys = crate::sort::Column::ALL.iter().map(|c| c.label())
            .chain(crate::national::SeatColumn::ALL.iter().map(|c| c.label()))
            .chain(crate::history::HistoryColumn::ALL.iter().map(|c| c.label()))
            .chain([crate::compare::CompareColumn::Party.label(), crate::compare::CompareColumn::Seat(0).label()])
            .chain(crate::route::View::ALL.iter().map(|v| v.label()));
        for key in keys {
            assert!(default_of(key.key()).is_some(), "{key:?} has no default");
        }
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
        for (key, _) in defaults() {
            assert!(readme.contains(&format!("| `{key}` |")), "the README does not list {key}");
        }
    }

    #[test]
    fn every_key_is_unique_and_every_default_fills() {
        assert_eq!(defaults().count(), DEFAULTS_TEXT.lines().count(), "a text holds a line end");
        assert!(defaults().count() > 100);
        for (i, (key, _)) in defaults().enumerate() {
            assert!(defaults().skip(i + 1).all(|(k, _)| k != key), "{key} twice");
            assert!(!key.is_empty() && !key.contains(char::is_whitespace), "{key:?}");
        }
        assert_eq!(fill("Majority {majority} ({share} of valid votes).", &[("majority", "1,689"), ("share", "3.6%")]), "Majority 1,689 (3.6% of valid votes).");
        assert_eq!(fill("{a}{b} {", &[("a", "x")]), "x{b} {");
        assert_eq!(fill("{}{seat", &[("seat", "x")]), "{}{seat");
        assert_eq!(fill("héllo {n}é", &[("n", "ü")]), "héllo üé");
    }
}
