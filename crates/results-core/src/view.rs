//! Typed view models: what a view shows, in the locale's words and numbers, with no
//! markup. The widget's components (`html!`) decide how it looks; `results render`
//! draws the same components on a server.

use crate::compare::CompareRow;
use crate::derive::SeatResult;
use crate::history::HistoryEntry;
use crate::html::swatch_class;
use crate::locale::Locale;
use crate::national::PartyTally;
use crate::locale::Label;

/// Who won, as the result line names them.
#[derive(Debug, Clone, PartialEq)]
pub enum Winners {
    /// One winner: the name (shown strong) and the party's name.
    One { name: String, party: String },
    /// Several elected: "Elected: A (Lab), B (Lab), C (Aspire)".
    Several(String),
}

/// The result at a glance, each part a sentence or part of one in the locale's
/// words.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultLine {
    /// The seat has no candidates: the sentence that says so.
    NoCandidates(String),
    /// Not declared yet: the outcome alone (`Outcome::Awaiting` in words).
    Awaiting(String),
    /// The winner or winners, the outcome (hold or gain), the majority, turnout and
    /// swing.
    Declared { winners: Winners, outcome: String, majority: String, turnout: Option<String>, swing: Option<String> },
}

impl ResultLine {
    pub fn new(result: &SeatResult, locale: &Locale) -> ResultLine {
        let (s, n) = (&result.summary, &locale.numbers);
        let Some(winner) = result.winner() else {
            return ResultLine::NoCandidates(locale.text(Label::ResultNoCandidates).to_string());
        };
        let outcome = locale.outcome(&s.outcome);
        if !s.declared {
            return ResultLine::Awaiting(outcome);
        }
        let winners = if s.seats > 1 {
            let elected: Vec<String> = result.rows.iter().filter(|r| r.elected).map(|r| format!("{} ({})", r.name, r.party_abbreviation)).collect();
            Winners::Several(locale.fill(Label::ResultElectedList, &[("names", &elected.join(", "))]))
        } else {
            Winners::One { name: winner.name.clone(), party: winner.party_name.clone() }
        };
        // A transferable vote's count says so, single seat or several: the widget
        // reads no margin from it.
        let majority = n.thousands(s.majority);
        let majority = match (&s.tie, s.seats > 1, s.stages.last()) {
            (Some(tie), _, _) => locale.fill(Label::ResultTie, &[("votes", &n.thousands(tie.votes))]),
            (None, _, _) if s.transferable => locale.text(Label::ResultTransferable).to_string(),
            (None, true, _) => locale.fill(Label::ResultMajorityMulti, &[("majority", &majority)]),
            (None, false, Some(stage)) => locale.fill(Label::ResultMajorityStage, &[("majority", &majority), ("stage", &crate::locale::in_sentence(stage))]),
            (None, false, None) => locale.fill(Label::ResultMajority, &[("majority", &majority), ("share", &n.percent(s.majority_share))]),
        };
        // A swing is told the way it went, so its figure has no sign.
        let swing = s.swing.as_ref().map(|swing| locale.fill(Label::ResultSwing, &[("points", &n.one_decimal(swing.points * 100.0)), ("from", &swing.from), ("to", &swing.to)]));
        let turnout = s.turnout.map(|turnout| locale.fill(Label::ResultTurnout, &[("turnout", &n.percent(turnout))]));
        ResultLine::Declared { winners, outcome, majority, turnout, swing }
    }

    /// The majority's sentence (or the tie's), where the seat has declared.
    pub fn majority(&self) -> Option<&str> {
        match self {
            ResultLine::Declared { majority, .. } => Some(majority),
            _ => None,
        }
    }
}

/// Why a results file shows nothing for `code` in `election` (the latest where
/// none): an election the file does not hold, or a seat it has no result for.
pub fn no_contest(file: &crate::ResultsFile, code: &str, election: Option<&str>, locale: &Locale) -> String {
    match election {
        Some(id) if file.election(id).is_none() => locale.fill(Label::ResultNoElection, &[("election", id)]),
        _ => locale.fill(Label::ResultNoSeat, &[("seat", code)]),
    }
}

/// A row of a short table as the reader sees it: its first cell says what the row
/// is about (the row's header), the rest are its figures and words, each already
/// in the locale's words and number style. (The national seats table, 650 rows, is
/// the one fast path instead: `html::seat_rows`.)
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub mark: Mark,
    pub cells: Vec<Cell>,
}

/// What sets a row apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// A candidate the count elected.
    Elected,
    /// An estimate, not a count (the notional result on new boundaries).
    Estimate,
    /// The table's header row: every cell heads a column.
    Head,
}

/// One cell of a [`Row`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words, and a note after them in smaller type ("Elected", "estimate").
    Text(String, Option<String>),
    /// A party's name beside its colour; `swatch` is the class that colours it
    /// (see [`swatch_class`]).
    Party { name: String, swatch: String },
    /// A figure, aligned right: "15,896", "34.1%", "+2.3".
    Figure(String),
    /// A figure that opens a list: "182", and the names of those 182 seats.
    List(String, String),
}

impl Cell {
    pub(crate) fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into(), None)
    }

    pub(crate) fn party(name: &str, colour: &str, dark_colour: Option<&str>) -> Cell {
        Cell::Party { name: name.to_string(), swatch: swatch_class(colour, dark_colour) }
    }

    /// The cell's text as a reader sees it, note included.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(text, Some(note)) => format!("{text} {note}"),
            Cell::Text(text, None) | Cell::Figure(text) | Cell::Party { name: text, .. } => text.clone(),
            Cell::List(figure, list) => format!("{figure} {list}"),
        }
    }
}

/// The candidates of one contest, in rank order: name (and "Elected"), party,
/// votes, share, any later stages, and the change where any candidate has one.
pub fn result_rows(result: &SeatResult, locale: &Locale) -> Vec<Row> {
    let n = &locale.numbers;
    let has_change = result.rows.iter().any(|r| r.change.is_some());
    let stages = result.summary.stages.len();
    result
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                Cell::Text(row.name.clone(), row.elected.then(|| locale.text(Label::ResultElected).to_string())),
                Cell::party(&row.party_name, &row.colour, row.dark_colour.as_deref()),
                Cell::Figure(n.thousands(row.votes)),
                Cell::Figure(n.percent(row.share)),
            ];
            cells.extend((0..stages).map(|k| Cell::Figure(row.stages.get(k).map_or_else(|| "–".to_string(), |v| n.thousands(*v)))));
            if has_change {
                cells.push(Cell::Figure(row.change.map(|c| n.points_change(c)).unwrap_or_default()));
            }
            Row { mark: if row.elected { Mark::Elected } else { Mark::Plain }, cells }
        })
        .collect()
}

/// One row per contest of a seat's history, newest first: year, seat (as it was
/// then), winner, party, majority, turnout.
pub fn history_rows(entries: &[HistoryEntry], locale: &Locale) -> Vec<Row> {
    let n = &locale.numbers;
    entries
        .iter()
        .map(|entry| {
            let r = &entry.result;
            let winner = r.winner().filter(|_| r.summary.declared);
            let party = winner.map_or_else(|| Cell::text(""), |w| Cell::party(&w.party_name, &w.colour, w.dark_colour.as_deref()));
            let year = r.election_date.get(..4).unwrap_or(&r.election_name);
            if entry.notional {
                // An estimate of parties' shares: no candidate, majority or turnout.
                return Row {
                    mark: Mark::Estimate,
                    cells: vec![
                        Cell::text(locale.fill(Label::HistoryNotional, &[("year", year)])),
                        Cell::Text(r.name.clone(), Some(locale.text(Label::HistoryEstimate).to_string())),
                        Cell::text(""),
                        party,
                        Cell::Figure(String::new()),
                        Cell::Figure(String::new()),
                    ],
                };
            }
            let note = entry.boundary_change_after.then(|| locale.text(Label::HistoryOldBoundaries).to_string());
            // A transferable vote's margin needs its count, which the widget does not read.
            let majority = match (&r.summary.tie, r.summary.transferable) {
                (Some(_), _) => locale.text(Label::ResultTieShort).to_string(),
                (None, true) => "–".to_string(),
                (None, false) => n.thousands(r.summary.majority),
            };
            Row {
                mark: Mark::Plain,
                cells: vec![
                    Cell::text(year),
                    Cell::Text(r.name.clone(), note),
                    Cell::text(winner.map(|w| w.name.clone()).unwrap_or_default()),
                    party,
                    Cell::Figure(majority),
                    Cell::Figure(r.summary.turnout.map(|t| n.percent(t)).unwrap_or_default()),
                ],
            }
        })
        .collect()
}

/// One row per party of the compared seats: its share in each seat ("–" where it
/// did not stand).
pub fn compare_rows(rows: &[CompareRow], locale: &Locale) -> Vec<Row> {
    rows.iter()
        .map(|row| {
            let mut cells = vec![Cell::party(&row.party, &row.colour, row.dark_colour.as_deref())];
            cells.extend(row.shares.iter().map(|share| Cell::Figure(share.map_or_else(|| "–".to_string(), |s| locale.numbers.percent(s)))));
            Row { mark: Mark::Plain, cells }
        })
        .collect()
}

/// The national tally, one row per party: seats, votes, share.
pub fn party_rows(tallies: &[&PartyTally], locale: &Locale) -> Vec<Row> {
    let n = &locale.numbers;
    tallies
        .iter()
        .map(|t| Row {
            mark: Mark::Plain,
            cells: vec![
                Cell::party(&t.party.name, &t.party.colour, t.party.dark_colour.as_deref()),
                Cell::Figure(n.thousands(u64::from(t.seats))),
                Cell::Figure(n.thousands(t.votes)),
                Cell::Figure(n.percent(t.share)),
            ],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_results;

    fn bethnal() -> SeatResult {
        let file = parse_results(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap()).unwrap();
        SeatResult::new(&file, &file.constituencies[0])
    }

    #[test]
    fn the_result_line_of_bethnal_green_and_stepney() {
        let line = ResultLine::new(&bethnal(), &Locale::default());
        assert_eq!(
            line,
            ResultLine::Declared {
                winners: Winners::One { name: "Rushanara Ali".into(), party: "Labour".into() },
                outcome: Locale::default().outcome(&crate::derive::Outcome::Hold { party: "Lab".into() }),
                majority: "Majority 1,689 (3.6% of valid votes).".into(),
                turnout: Some("Turnout 57.3%.".into()),
                swing: match &line { ResultLine::Declared { swing, .. } => swing.clone(), _ => None },
            }
        );
    }

    #[test]
    fn an_election_the_file_does_not_hold_is_named_as_such() {
        let file = parse_results(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap()).unwrap();
        let said = no_contest(&file, "E14001086", Some("2024"), &Locale::default());
        assert_eq!(said, "The results file has no election \"2024\".");
        assert_eq!(no_contest(&file, "E14000001", None, &Locale::default()), "The results file has no result for the seat \"E14000001\".");
        assert_eq!(no_contest(&file, "E14000001", Some("ge2024"), &Locale::default()), "The results file has no result for the seat \"E14000001\".");
    }

    #[test]
    fn every_part_is_in_the_locales_words() {
        let mut locale = Locale { numbers: crate::locale::Numbers::for_tag("de"), ..Locale::default() };
        let map = [(Label::OutcomeHold, "{party} behält"), (Label::ResultMajority, "Mehrheit {majority} ({share})."), (Label::ResultTurnout, "Beteiligung {turnout}.")];
        locale.labels = crate::locale::Labels::new(map.iter().map(|(k, v)| (k.key().to_string(), v.to_string())).collect()).0;
        let ResultLine::Declared { outcome, majority, turnout, .. } = ResultLine::new(&bethnal(), &locale) else { panic!("declared") };
        assert_eq!((outcome.as_str(), majority.as_str(), turnout.as_deref()), ("Lab behält", "Mehrheit 1.689 (3,6\u{a0}%).", Some("Beteiligung 57,3\u{a0}%.")));
    }

    fn texts(row: &Row) -> Vec<String> {
        row.cells.iter().map(Cell::plain).collect()
    }

    #[test]
    fn the_candidates_of_bethnal_green_and_stepney() {
        let result = bethnal();
        let rows = result_rows(&result, &Locale::default());
        assert_eq!(rows.len(), 11);
        assert_eq!(rows[0].mark, Mark::Elected);
        assert_eq!(texts(&rows[0])[..4], ["Rushanara Ali Elected", "Labour", "15,896", "34.1%"]);
        assert_eq!(rows[0].cells[1], Cell::Party { name: "Labour".into(), swatch: "rw-c-e4003b-ff5c7a".into() });
        assert!(rows[1..].iter().all(|r| r.mark == Mark::Plain && matches!(&r.cells[0], Cell::Text(_, None))));
        assert!(rows.iter().all(|r| r.cells.len() == rows[0].cells.len()), "every row has every column");
    }

    #[test]
    fn rows_use_the_locales_numbers_and_words() {
        let index = crate::national::tests::index();
        let tallies = crate::national::tallies(&index);
        let shown: Vec<&PartyTally> = tallies.iter().take(1).collect();
        let mut locale = Locale { numbers: crate::locale::Numbers::for_tag("de"), ..Locale::default() };
        assert_eq!(texts(&party_rows(&shown, &locale)[0]), ["Labour", "411", "9.708.716", "33,7\u{a0}%"]);
        locale.labels = crate::locale::Labels::new([("result.elected".to_string(), "Gewählt".to_string())].into_iter().collect()).0;
        assert_eq!(texts(&result_rows(&bethnal(), &locale)[0])[..3], ["Rushanara Ali Gewählt", "Labour", "15.896"]);
    }

    #[test]
    fn a_history_row_per_contest_and_the_estimate_marked() {
        let file = parse_results(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap()).unwrap();
        let mut entries = crate::history::seat_history(&file, "E14001086", None);
        let notional = crate::history::notional_entry(&file, &entries[0].result).expect("new boundaries in 2024");
        entries.insert(1, notional);
        let rows = history_rows(&entries, &Locale::default());
        assert_eq!(rows.len(), entries.len());
        assert_eq!(texts(&rows[0]), ["2024", "Bethnal Green and Stepney", "Rushanara Ali", "Labour", "1,689", "57.3%"]);
        assert_eq!(rows[1].mark, Mark::Estimate);
        assert_eq!(texts(&rows[1])[..3], ["2019 (notional)", "Bethnal Green and Stepney (estimate on these boundaries)", ""]);
        assert!(rows.iter().all(|r| r.cells.len() == 6));
    }
}
