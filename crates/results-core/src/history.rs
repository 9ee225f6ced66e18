//! A seat across every election in its file, following predecessor seats back
//! through boundary changes.

use crate::locale::Locale;
use crate::derive::{Outcome, SeatResult};
use crate::model::{Constituency, ResultsFile};
use crate::locale::Label;

/// One contest in a seat's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub result: SeatResult,
    /// The seat had other boundaries (or another name) than the one the history is of.
    pub predecessor: bool,
    /// Boundaries changed after this election: the next one compares with notional figures.
    pub boundary_change_after: bool,
    /// An estimate, not a count: the previous election's shares on the seat's new
    /// boundaries (see [`notional_entry`]). It has no candidates, only parties.
    pub notional: bool,
}

/// The contests of a seat's history, newest first: the seat in the given (or latest)
/// election, then its predecessors in each earlier election.
pub fn seat_history(file: &ResultsFile, code: &str, election: Option<&str>) -> Vec<HistoryEntry> {
    let Some(start) = file.contest(code, election) else { return Vec::new() };
    let mut entries = vec![HistoryEntry { result: SeatResult::new(file, start), predecessor: false, boundary_change_after: false, notional: false }];
    let mut current: Vec<&Constituency> = vec![start];
    let mut election_id = start.election.clone();
    let mut seen = vec![election_id.clone()];
    while let Some(previous) = file.election(&election_id).and_then(|e| e.previous.clone()) {
        if seen.contains(&previous) {
            break; // a cycle in hand-made data
        }
        seen.push(previous.clone());
        let notional = current.iter().any(|c| c.previous.as_ref().is_some_and(|p| p.notional));
        let codes: Vec<String> = current
            .iter()
            // The main predecessor (listed first) carries the line back; the
            // others are named, with their shares, by `formed_from`.
            .filter_map(|c| match &c.previous {
                Some(p) if !p.seats.is_empty() => p.seats.first().cloned(),
                Some(p) if p.notional => None,
                _ => Some(c.code.clone()),
            })
            .collect();
        let found: Vec<&Constituency> =
            file.constituencies.iter().filter(|c| c.election == previous && codes.contains(&c.code)).collect();
        if found.is_empty() {
            break;
        }
        for contest in &found {
            entries.push(HistoryEntry {
                result: SeatResult::new(file, contest),
                predecessor: contest.code != start.code || contest.name != start.name,
                boundary_change_after: notional,
                notional: false,
            });
        }
        current = found;
        election_id = previous;
    }
    entries
}

/// The previous election on the seat's new boundaries, where they changed: the House
/// of Commons Library's notional shares (which the 2024 file's change column comes
/// from), as a history entry of parties without candidates, "2019 (notional)".
/// An estimate: told apart from the real result of the predecessor seat.
pub fn notional_entry(file: &ResultsFile, current: &SeatResult) -> Option<HistoryEntry> {
    let seat = file.contest(&current.code, Some(&current.election_id))?;
    let previous = seat.previous.as_ref().filter(|p| p.notional && !p.shares.is_empty())?;
    let before = file.election(file.election(&current.election_id)?.previous.as_deref()?)?;
    let mut contest = seat.clone();
    contest.election = before.id.clone();
    // Shares as votes per million: the derived shares are the notional ones.
    contest.candidates = previous
        .shares
        .iter()
        .map(|s| crate::model::Candidate { party: s.party.clone(), votes: (s.share.clamp(0.0, 1.0) * 1e6).round() as u64, ..Default::default() })
        .collect();
    // Of a million valid votes: the parties the source leaves out keep their part, so
    // the listed shares are the source's own (Chorley: the Speaker 67.3%, not 88.2%).
    (contest.valid_votes, contest.invalid_votes, contest.electorate, contest.ballots, contest.previous) = (Some(1_000_000), None, None, None, None);
    (contest.declared, contest.seats) = (None, 1);
    contest.stages.clear();
    Some(HistoryEntry { result: SeatResult::new(file, &contest), predecessor: false, boundary_change_after: false, notional: true })
}

/// Parts of a new seat smaller than this are counted, not named.
pub const SMALL_PART: f64 = 0.05;

/// What a seat on new boundaries was formed from, in one sentence: "Formed in 2024
/// from Bethnal Green and Bow (87%) and Poplar and Limehouse (13%)." Parts under 5%
/// of its population are counted rather than named. `None` where the data does not say.
pub fn formed_from(contest: &SeatResult, file: &ResultsFile, locale: &Locale) -> Option<String> {
    let seat = file.contest(&contest.code, Some(&contest.election_id))?;
    let from = &seat.previous.as_ref()?.from;
    let named: Vec<String> = from
        .iter()
        .filter(|p| p.share >= SMALL_PART)
        .map(|p| locale.fill(Label::HistoryPart, &[("seat", &p.name), ("share", &locale.numbers.whole_percent(p.share))]))
        .collect();
    if named.is_empty() {
        return None;
    }
    let parts = locale.and_list(&named);
    let year = contest.election_date.get(..4).unwrap_or(&contest.election_name);
    let small = from.len() - named.len();
    Some(if small == 0 {
        locale.fill(Label::HistoryFormedFrom, &[("year", year), ("parts", &parts)])
    } else {
        let key = if small == 1 { Label::HistoryFormedFromSmallOne } else { Label::HistoryFormedFromSmall };
        locale.fill(key, &[("year", year), ("parts", &parts), ("count", &small.to_string())])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_results;

    fn shipped() -> ResultsFile {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap();
        parse_results(&text).unwrap()
    }

    #[test]
    fn bethnal_green_and_stepney_back_to_2005() {
        let history = seat_history(&shipped(), "E14001086", None);
        let years: Vec<&str> = history.iter().map(|e| e.result.election_id.as_str()).collect();
        assert_eq!(years, ["ge2024", "ge2019", "ge2017", "ge2015", "ge2010", "ge2005"]);
        assert_eq!(history[0].result.summary.majority, 1689);
        assert!(!history[0].predecessor);
        assert!(history[1].predecessor, "2019 was Bethnal Green and Bow");
        assert!(history[1].boundary_change_after);
        assert_eq!(history[1].result.summary.majority, 37524);
        let respect = &history[5];
        assert_eq!(respect.result.winner().unwrap().party_name, "Respect");
        assert_eq!(respect.result.summary.majority, 823);
        assert!(history[5].boundary_change_after, "2010 compared with 2005 notionally");
    }

    #[test]
    fn what_a_seat_was_formed_from() {
        let file = shipped();
        let history = seat_history(&file, "E14001086", None);
        let locale = Locale::default();
        assert_eq!(formed_from(&history[0].result, &file, &locale).as_deref(), Some("Formed in 2024 from Bethnal Green and Bow (87%) and Poplar and Limehouse (13%)."));
        assert_eq!(formed_from(&history[1].result, &file, &locale), None, "2019 was on its own boundaries");
        let mut small = file.clone();
        let part = |seat: &str, name: &str, share| crate::model::PreviousPart { seat: seat.into(), name: name.into(), share };
        if let Some(p) = small.constituencies.iter_mut().find(|c| c.election == "ge2024").and_then(|c| c.previous.as_mut()) {
            p.from = vec![part("A", "Aa", 0.80), part("B", "Bb", 0.12), part("C", "Cc", 0.05), part("D", "Dd", 0.02), part("E", "Ee", 0.01)];
        }
        assert_eq!(
            formed_from(&history[0].result, &small, &locale).as_deref(),
            Some("Formed in 2024 from Aa (80%), Bb (12%) and Cc (5%), and smaller parts (under 5% each) of 2 more seats.")
        );
        if let Some(p) = small.constituencies.iter_mut().find(|c| c.election == "ge2024").and_then(|c| c.previous.as_mut()) {
            p.from.pop();
        }
        assert_eq!(
            formed_from(&history[0].result, &small, &locale).as_deref(),
            Some("Formed in 2024 from Aa (80%), Bb (12%) and Cc (5%), and a smaller part (under 5%) of 1 more seat.")
        );
    }

    #[test]
    fn the_notional_2019_result_on_the_new_boundaries() {
        let file = shipped();
        let history = seat_history(&file, "E14001086", None);
        let notional = notional_entry(&file, &history[0].result).unwrap();
        assert!(notional.notional && !notional.predecessor);
        assert_eq!((notional.result.election_id.as_str(), notional.result.name.as_str()), ("ge2019", "Bethnal Green and Stepney"));
        let lab = notional.result.winner().unwrap();
        assert_eq!(lab.party_id, "lab");
        // The notional share is the 2024 share less the change.
        let now = history[0].result.rows.iter().find(|r| r.party_id == "lab").unwrap();
        assert!((lab.share - (now.share - now.change.unwrap())).abs() < 1e-3, "{} {}", lab.share, now.share);
        assert_eq!(notional_entry(&file, &history[1].result), None, "2019's own seat has no notional figures");
    }

    #[test]
    fn an_unknown_seat_has_no_history() {
        assert!(seat_history(&shipped(), "E00000000", None).is_empty());
    }
}

/// A column of the history table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HistoryColumn {
    Election,
    Seat,
    Winner,
    Party,
    Majority,
    Turnout,
}

impl HistoryColumn {
    pub const ALL: [HistoryColumn; 6] =
        [HistoryColumn::Election, HistoryColumn::Seat, HistoryColumn::Winner, HistoryColumn::Party, HistoryColumn::Majority, HistoryColumn::Turnout];
}

impl crate::sort::TableColumn for HistoryColumn {
    fn label(self) -> Label {
        match self {
            HistoryColumn::Election => Label::ColumnElection,
            HistoryColumn::Seat => Label::ColumnSeat,
            HistoryColumn::Winner => Label::ColumnWinner,
            HistoryColumn::Party => Label::ColumnParty,
            HistoryColumn::Majority => Label::ColumnMajority,
            HistoryColumn::Turnout => Label::ColumnTurnout,
        }
    }

    fn first_direction(self) -> crate::sort::Direction {
        match self {
            HistoryColumn::Election | HistoryColumn::Majority | HistoryColumn::Turnout => crate::sort::Direction::Descending,
            HistoryColumn::Seat | HistoryColumn::Winner | HistoryColumn::Party => crate::sort::Direction::Ascending,
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, HistoryColumn::Majority | HistoryColumn::Turnout)
    }
}

/// Newest election first.
pub fn default_history_sort() -> crate::sort::Sort<HistoryColumn> {
    crate::sort::Sort { column: HistoryColumn::Election, direction: crate::sort::Direction::Descending }
}

/// Entry indices in display order.
pub fn history_order(entries: &[HistoryEntry], sort: crate::sort::Sort<HistoryColumn>) -> Vec<usize> {
    use crate::sort::{collation_key, order_by, Key};
    order_by(entries, sort.direction, |entry| {
        let r = &entry.result;
        let winner = r.winner();
        match sort.column {
            HistoryColumn::Election => Key::Text(r.election_date.clone()),
            HistoryColumn::Seat => Key::Text(collation_key(&r.name)),
            HistoryColumn::Winner => Key::Text(collation_key(winner.map_or("", |w| w.name.as_str()))),
            HistoryColumn::Party => Key::Text(collation_key(winner.map_or("", |w| w.party_name.as_str()))),
            HistoryColumn::Majority => Key::Number(r.summary.majority),
            HistoryColumn::Turnout => Key::fraction(r.summary.turnout),
        }
    })
}

/// The result `seat`'s contest (the latest in `history`, newest first, from
/// [`seat_history`]) is compared with: the one before it, where the seat had one
/// seat then (not several predecessors in the same election) and, across a boundary
/// change, where that predecessor is most of the new seat (Bethnal Green and Bow,
/// 87% of Bethnal Green and Stepney; not the old Newcastle upon Tyne North, 37% of
/// the new).
pub fn previous<'a>(seat: &crate::Constituency, history: &'a [HistoryEntry]) -> Option<&'a SeatResult> {
    let one = history.get(1)?;
    if history.get(2).is_some_and(|next| next.result.election_id == one.result.election_id) {
        return None;
    }
    let mostly = seat.previous.as_ref().is_none_or(|p| p.from.is_empty() || p.from.iter().any(|part| part.share > 0.5));
    mostly.then_some(&one.result)
}

/// The result in one plain sentence, for a screen reader to read first: "Labour held
/// Bethnal Green and Stepney with a majority of 1,689 over an independent, down from
/// 37,524 in 2019." `before` is the seat's (or its one predecessor's) previous result.
pub fn spoken_summary(result: &SeatResult, before: Option<&SeatResult>, locale: &Locale) -> String {
    let n = &locale.numbers;
    let seat = result.name.as_str();
    let Some(winner) = result.winner() else { return locale.fill(Label::SpokenNoCandidates, &[("seat", seat)]) };
    let s = &result.summary;
    let key = match &s.outcome {
        Outcome::NoCandidates | Outcome::Awaiting => return locale.fill(Label::SpokenNotDeclared, &[("seat", seat)]),
        Outcome::Seats(_) => {
            let mut sentence = locale.fill(Label::SpokenElected, &[("seat", seat), ("seats", &s.seats.to_string()), ("result", &locale.outcome(&s.outcome))]);
            if let Some(tie) = &s.tie {
                sentence.push(' ');
                sentence.push_str(&locale.fill(Label::ResultTie, &[("votes", &n.thousands(tie.votes))]));
            }
            return sentence;
        }
        _ if s.tie.is_some() => {
            let votes = n.thousands(s.tie.as_ref().map_or(0, |t| t.votes));
            return locale.fill(Label::SpokenTie, &[("name", &winner.name), ("party", &winner.party_name), ("seat", seat), ("votes", &votes)]);
        }
        Outcome::Hold { .. } => Label::SpokenHeld,
        Outcome::Gain { .. } => Label::SpokenGained,
        Outcome::Win { .. } => Label::SpokenWon,
    };
    let party = if winner.party_id == "ind" { locale.fill(Label::SpokenIndependentWinner, &[("name", &winner.name)]) } else { winner.party_name.clone() };
    let mut sentence = locale.fill(key, &[("party", &party), ("seat", seat), ("majority", &n.thousands(s.majority))]);
    match (result.rows.get(1), result.rows.get(2)) {
        // Two level in second place: the majority is over both.
        (Some(r), Some(other)) if r.final_votes() == other.final_votes() && r.stages.len() == other.stages.len() => {
            sentence.push_str(&locale.fill(Label::SpokenOverTied, &[("party", &r.party_name), ("other", &other.party_name)]));
        }
        (Some(r), _) => {
            sentence.push_str(&if r.party_id == "ind" { locale.text(Label::SpokenOverIndependent).to_string() } else { locale.fill(Label::SpokenOver, &[("party", &r.party_name)]) });
        }
        (None, _) => {}
    }
    // Up or down from last time: for a hold only (a gain's majority is over another
    // party than last time's).
    if let Some(before) = before.filter(|b| matches!(s.outcome, Outcome::Hold { .. }) && b.winner().is_some_and(|w| w.party_id == winner.party_id)) {
        let year = before.election_date.get(..4).unwrap_or(&before.election_name);
        let key = if before.summary.majority > result.summary.majority { Label::SpokenDown } else { Label::SpokenUp };
        sentence.push_str(&locale.fill(key, &[("before", &n.thousands(before.summary.majority)), ("year", year)]));
    }
    sentence.push_str(locale.text(Label::SpokenEnd));
    sentence
}

#[cfg(test)]
mod spoken_tests {
    use super::*;
    use crate::locale::Locale;
    use crate::load::parse_results;

    #[test]
    fn bethnal_green_and_stepney_in_one_sentence() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap();
        let file = parse_results(&text).unwrap();
        let history = seat_history(&file, "E14001086", None);
        let sentence = spoken_summary(&history[0].result, Some(&history[1].result), &Locale::default());
        assert_eq!(sentence, "Labour held Bethnal Green and Stepney with a majority of 1,689 over an independent, down from 37,524 in 2019.");
        let respect = spoken_summary(&history[5].result, None, &Locale::default());
        assert_eq!(respect, "Respect gained Bethnal Green & Bow with a majority of 823 over Labour.");
        assert_eq!(latest_previous(&file, &history).map(|r| r.name.as_str()), Some("Bethnal Green and Bow"), "87% of the new seat");
    }

    /// [`previous`] for the latest contest in `history`.
    fn latest_previous<'a>(file: &ResultsFile, history: &'a [HistoryEntry]) -> Option<&'a SeatResult> {
        previous(file.contest(&history[0].result.code, None).unwrap(), history)
    }

    /// A seat's shipped file and its history.
    fn seat(code: &str) -> (ResultsFile, Vec<HistoryEntry>) {
        let text = std::fs::read_to_string(format!("{}/../../data/seats/{code}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let file = parse_results(&text).unwrap();
        let history = seat_history(&file, code, None);
        (file, history)
    }

    #[test]
    fn a_gain_is_not_compared_with_the_winners_majority_last_time() {
        // Westmorland and Lonsdale: the Liberal Democrats took it from the Conservatives on
        // the notional figures, where the old seat was the Liberal Democrats' by 1,934.
        let (file, history) = seat("E14001580");
        let sentence = spoken_summary(&history[0].result, latest_previous(&file, &history), &Locale::default());
        assert_eq!(sentence, "Liberal Democrat gained Westmorland and Lonsdale with a majority of 21,472 over Conservative.");
    }

    #[test]
    fn a_predecessor_that_is_not_most_of_the_seat_is_not_compared_with() {
        // Newcastle upon Tyne North: its main predecessor is 37% of it.
        let (file, history) = seat("E14001379");
        assert!(history[0].result.summary.previous_notional);
        assert_eq!(latest_previous(&file, &history), None);
        let sentence = spoken_summary(&history[0].result, latest_previous(&file, &history), &Locale::default());
        assert!(!sentence.contains("from 5,765"), "{sentence}");
    }

    #[test]
    fn the_notional_result_keeps_the_sources_shares_where_it_leaves_parties_out() {
        // Chorley: the source gives the Speaker 67.3% and the Greens 9.0% of 2019 on
        // the new boundaries (2024's share less its change), and no other party.
        let (file, history) = seat("E14001170");
        let notional = notional_entry(&file, &history[0].result).unwrap();
        let share = |party: &str| notional.result.rows.iter().find(|r| r.party_id == party).map(|r| (r.share * 1000.0).round() / 10.0);
        assert_eq!((share("spk"), share("green")), (Some(67.3), Some(9.0)));
    }
}
