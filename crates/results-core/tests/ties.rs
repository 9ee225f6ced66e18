//! A winner is named only where the count names one: ties for the last place
//! elected need the file's `elected` flags (lots are drawn), and a seat with no
//! vote counted awaits its declaration. On the real Bethnal Green and Stepney file,
//! and on generated seats.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use results_core::derive::{edge_tie, Outcome};
use results_core::history::spoken_summary;
use results_core::view::ResultLine;
use results_core::load::parse_unchecked;
use results_core::locale::Locale;
use results_core::model::{Candidate, Constituency, ResultsFile};
use results_core::{validate, SeatResult};

const SEAT_FILE: &str = include_str!("../../../data/seats/E14001086.json");

/// The shipped file, with `change` applied to its 2024 contest.
fn bethnal(change: impl FnOnce(&mut Constituency)) -> ResultsFile {
    let mut file = parse_unchecked(SEAT_FILE).unwrap();
    let seat = file.constituencies.iter_mut().find(|c| c.election == "ge2024").unwrap();
    change(seat);
    file
}

fn contest(file: &ResultsFile) -> &Constituency {
    file.constituencies.iter().find(|c| c.election == "ge2024").unwrap()
}

fn candidate<'a>(seat: &'a mut Constituency, name: &str) -> &'a mut Candidate {
    seat.candidates.iter_mut().find(|c| c.name == name).unwrap()
}

/// Ajmal Masroor given Rushanara Ali's 15,896 votes (valid votes kept consistent).
fn tied(seat: &mut Constituency) {
    let masroor = candidate(seat, "Ajmal Masroor");
    let added = 15_896 - masroor.votes;
    masroor.votes = 15_896;
    seat.valid_votes = seat.valid_votes.map(|v| v + added);
}

fn messages(file: &ResultsFile) -> Vec<String> {
    validate(file).iter().map(ToString::to_string).collect()
}

#[test]
fn a_tie_for_first_place_without_elected_is_refused_with_its_path() {
    let file = bethnal(tied);
    let index = file.constituencies.iter().position(|c| c.election == "ge2024").unwrap();
    assert_eq!(messages(&file), [format!(
        "constituencies[{index}].candidates: in Bethnal Green and Stepney, Ajmal Masroor and Rushanara Ali tie for first place with 15896 votes, and the seat elects 1: \
         the count alone does not say who was elected (the returning officer draws lots), so the file must mark the winner of the lot with \"elected\": true"
    )]);
}

#[test]
fn a_tie_settled_by_the_file_names_the_winner_elected_by_lot() {
    let file = bethnal(|seat| {
        tied(seat);
        candidate(seat, "Rushanara Ali").elected = Some(true);
    });
    assert_eq!(messages(&file), Vec::<String>::new());
    let result = SeatResult::new(&file, contest(&file));
    assert_eq!(result.rows[0].name, "Rushanara Ali");
    assert!(result.rows[0].elected && !result.rows[1].elected);
    assert_eq!(result.summary.outcome, Outcome::Hold { party: "Lab".into() });
    assert_eq!(result.summary.majority, 0);
    let tie = result.summary.tie.as_ref().unwrap();
    assert_eq!((tie.votes, tie.places, tie.place, tie.candidates.len()), (15_896, 1, 1, 2));
    let locale = Locale::default();
    let line = ResultLine::new(&result, &locale);
    assert_eq!(line.majority(), Some("Elected after a tie, decided by lot: 15,896 votes each."), "no \"Majority 0\"");
    assert_eq!(
        spoken_summary(&result, None, &locale),
        "Rushanara Ali (Labour) was elected for Bethnal Green and Stepney after a tie on 15,896 votes, decided by lot."
    );
    // Marking the other candidate settles it the other way: the file decides.
    let other = bethnal(|seat| {
        tied(seat);
        candidate(seat, "Ajmal Masroor").elected = Some(true);
    });
    let result = SeatResult::new(&other, contest(&other));
    assert_eq!((result.rows[0].name.as_str(), result.rows[0].elected), ("Ajmal Masroor", true));
    assert_eq!(result.summary.outcome, Outcome::Gain { party: "Ind".into(), from: "Lab".into() });
}

#[test]
fn flags_that_name_nobody_in_the_tie_do_not_settle_it() {
    let file = bethnal(|seat| {
        tied(seat);
        seat.candidates.iter_mut().for_each(|c| c.elected = Some(false));
    });
    assert_eq!(messages(&file).len(), 1);
    let both = bethnal(|seat| {
        tied(seat);
        candidate(seat, "Ajmal Masroor").elected = Some(true);
        candidate(seat, "Rushanara Ali").elected = Some(true);
    });
    assert_eq!(messages(&both).len(), 1, "two winners of a lot for one seat");
}

#[test]
fn a_tie_for_second_place_is_no_tie_for_the_seat() {
    let file = bethnal(|seat| {
        let masroor = candidate(seat, "Ajmal Masroor").votes;
        let before = candidate(seat, "Phoebe Gill").votes;
        candidate(seat, "Phoebe Gill").votes = masroor;
        seat.valid_votes = seat.valid_votes.map(|v| v + masroor - before);
    });
    assert_eq!(messages(&file), Vec::<String>::new());
    let result = SeatResult::new(&file, contest(&file));
    assert!(result.summary.tie.is_none());
    assert_eq!(result.summary.majority, 1_689);
    assert_eq!(result.summary.outcome, Outcome::Hold { party: "Lab".into() });
    let spoken = spoken_summary(&result, None, &Locale::default());
    assert!(spoken.ends_with("with a majority of 1,689 over Independent and Green, level in second place."), "{spoken}");
}

#[test]
fn a_file_made_before_the_count_awaits_its_declaration() {
    let file = bethnal(|seat| {
        seat.candidates.iter_mut().for_each(|c| c.votes = 0);
        seat.valid_votes = None;
        seat.invalid_votes = None;
    });
    assert_eq!(messages(&file), Vec::<String>::new());
    let result = SeatResult::new(&file, contest(&file));
    assert_eq!(result.summary.outcome, Outcome::Awaiting);
    assert!(!result.summary.declared);
    assert!(result.rows.iter().all(|r| !r.elected), "nobody is elected before the count");
    assert_eq!(result.rows.len(), 11, "the candidates are still listed");
    assert_eq!((result.summary.majority, result.summary.turnout, result.summary.swing.as_ref()), (0, None, None));
    assert!(!result.summary.majority_known, "no majority before the count");
    assert!(result.summary.tie.is_none(), "all on nought is no tie");
    let locale = Locale::default();
    assert_eq!(ResultLine::new(&result, &locale), ResultLine::Awaiting("Awaiting declaration".into()), "no winner, majority or turnout");
    assert_eq!(spoken_summary(&result, None, &locale), "Bethnal Green and Stepney has not declared yet.");
    // The history's chart has no bar of Others for it, and a comparison no shares.
    let history = results_core::history::seat_history(&file, "E14001086", None);
    let chart = results_core::chart::StackedChart::history("Bethnal Green and Stepney", &history, &locale);
    let (label, segments) = chart.rows.last().unwrap();
    assert_eq!(label, "2024");
    assert!(segments.iter().all(|s| s.share == 0.0), "{segments:?}");
    assert!(chart.description.contains("2024: Awaiting declaration"), "{}", chart.description);
    let rows = results_core::compare::compare_rows(&[&result]);
    assert!(rows.iter().all(|row| row.shares == [None]));
    // Marked declared with no vote counted: an error.
    let marked = bethnal(|seat| {
        seat.candidates.iter_mut().for_each(|c| c.votes = 0);
        seat.valid_votes = None;
        seat.declared = Some(true);
    });
    let found = messages(&marked);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with(".declared: is true, but no candidate has a vote: a seat awaiting its count is `\"declared\": false` (or leaves it out)"), "{found:?}");
    // Marked not declared, with votes: awaiting too.
    let undeclared = bethnal(|seat| seat.declared = Some(false));
    let result = SeatResult::new(&undeclared, contest(&undeclared));
    assert_eq!(result.summary.outcome, Outcome::Awaiting);
    assert!(result.rows.iter().all(|r| !r.elected));
}

const COUNCIL: &str = r##"{"version":1,
  "elections":[{"id":"c","name":"Council","date":"2022-05-05","kind":"local"}],
  "parties":[{"id":"asp","name":"Aspire","abbreviation":"Aspire","colour":"#8b0000"},
             {"id":"lab","name":"Labour","abbreviation":"Lab","colour":"#e4003b"}],
  "constituencies":[SEATS]}"##;

fn council(seat: &str) -> ResultsFile {
    parse_unchecked(&COUNCIL.replace("SEATS", seat)).unwrap()
}

#[test]
fn a_tie_for_the_last_seat_of_a_three_member_ward() {
    let ward = |flags: [&str; 5]| {
        council(&format!(
            r#"{{"code":"W","name":"Ward","election":"c","seats":3,"candidates":[
              {{"name":"A","party":"lab","votes":2395{}}},{{"name":"B","party":"lab","votes":2166{}}},
              {{"name":"C","party":"asp","votes":2112{}}},{{"name":"D","party":"asp","votes":2112{}}},
              {{"name":"E","party":"asp","votes":900{}}}]}}"#,
            flags[0], flags[1], flags[2], flags[3], flags[4]
        ))
    };
    let unsettled = ward(["", "", "", "", ""]);
    assert_eq!(messages(&unsettled), ["constituencies[0].candidates: in Ward, C and D tie for place 3 with 2112 votes, and the seat elects 3: \
        the count alone does not say who was elected (the returning officer draws lots), so the file must mark the winner of the lot with \"elected\": true"]);
    let yes = r#","elected":true"#;
    let no = r#","elected":false"#;
    let settled = ward([yes, yes, no, yes, no]);
    assert_eq!(messages(&settled), Vec::<String>::new());
    let result = SeatResult::new(&settled, &settled.constituencies[0]);
    let elected: Vec<_> = result.rows.iter().filter(|r| r.elected).map(|r| r.name.as_str()).collect();
    assert_eq!(elected, ["A", "B", "D"]);
    assert_eq!(result.summary.outcome, Outcome::Seats(vec![("Lab".into(), 2), ("Aspire".into(), 1)]));
    assert!(result.summary.tie.is_some());
    assert_eq!(ResultLine::new(&result, &Locale::default()).majority(), Some("Elected after a tie, decided by lot: 2,112 votes each."));
    // A tie below the last seat (fourth and fifth place) is no tie for the ward.
    let below = council(r#"{"code":"W","name":"Ward","election":"c","seats":2,"candidates":[
        {"name":"A","party":"lab","votes":30},{"name":"B","party":"lab","votes":20},{"name":"C","party":"asp","votes":10},{"name":"D","party":"asp","votes":10}]}"#);
    assert!(edge_tie(&below.constituencies[0]).is_none());
    assert_eq!(messages(&below), Vec::<String>::new());
}

#[test]
fn a_tie_at_the_last_stage_of_a_supplementary_vote_count() {
    let mayor = |flag: &str| {
        council(&format!(
            r#"{{"code":"M","name":"Mayor of Somewhere","election":"c","stages":["After second preferences"],"candidates":[
              {{"name":"A","party":"asp","votes":39533,"stages":[40804]{flag}}},{{"name":"B","party":"lab","votes":37000,"stages":[40804]}},
              {{"name":"C","party":"lab","votes":41000}}]}}"#
        ))
    };
    let found = messages(&mayor(""));
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("A and B tie for first place with 40804 votes at the last stage of the count"), "{found:?}");
    let settled = mayor(r#","elected":true"#);
    assert_eq!(messages(&settled), Vec::<String>::new());
    let result = SeatResult::new(&settled, &settled.constituencies[0]);
    assert_eq!((result.rows[0].name.as_str(), result.rows[0].elected, result.summary.majority), ("A", true, 0));
    assert!(result.summary.tie.is_some());
    // First preferences level but the final stage not: no tie.
    let ahead = council(r#"{"code":"M","name":"M","election":"c","stages":["After second preferences"],"candidates":[
        {"name":"A","party":"asp","votes":100,"stages":[150]},{"name":"B","party":"lab","votes":100,"stages":[120]},{"name":"C","party":"lab","votes":90}]}"#);
    assert!(edge_tie(&ahead.constituencies[0]).is_none());
}

#[test]
fn an_uncontested_seat_is_elected_without_a_poll() {
    let file = council(r#"{"code":"W","name":"Ward","election":"c","seats":2,"candidates":[
        {"name":"A","party":"lab","votes":0},{"name":"B","party":"asp","votes":0}]}"#);
    assert_eq!(messages(&file), Vec::<String>::new());
    let result = SeatResult::new(&file, &file.constituencies[0]);
    assert!(result.summary.declared && result.rows.iter().all(|r| r.elected));
}

/// A seat of generated candidates: few distinct vote counts (so ties are common),
/// some with `elected` flags, some all on nought.
fn generated() -> impl Strategy<Value = (Vec<(u64, Option<bool>)>, u32)> {
    (proptest::collection::vec((prop_oneof![Just(0u64), 1u64..4], proptest::option::of(any::<bool>())), 1..7), 1u32..4)
}

proptest! {
    /// The widget names a winner only where the votes, or the file's flags where
    /// the votes tie, say who won; and a file it accepts never leaves that open.
    #[test]
    fn a_winner_is_named_only_where_the_count_or_the_flags_name_one((candidates, seats) in generated()) {
        let list: Vec<String> = candidates.iter().enumerate().map(|(i, (votes, elected))| {
            let flag = elected.map(|e| format!(r#","elected":{e}"#)).unwrap_or_default();
            format!(r#"{{"name":"C{i}","party":"{}","votes":{votes}{flag}}}"#, if i % 2 == 0 { "lab" } else { "asp" })
        }).collect();
        let file = council(&format!(r#"{{"code":"W","name":"W","election":"c","seats":{seats},"candidates":[{}]}}"#, list.join(",")));
        let seat = &file.constituencies[0];
        let result = SeatResult::new(&file, seat);
        let valid = validate(&file).is_empty();
        let all_nought = candidates.iter().all(|(v, _)| *v == 0);
        let uncontested = candidates.len() <= seats as usize;
        if all_nought && !uncontested {
            prop_assert!(result.rows.iter().all(|r| !r.elected), "nobody elected before the count");
            prop_assert_eq!(&result.summary.outcome, &Outcome::Awaiting);
        }
        let mut sorted: Vec<u64> = candidates.iter().map(|(v, _)| *v).collect();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        let k = seats as usize;
        let tie_at_edge = sorted.len() > k && sorted[k - 1] == sorted[k] && sorted[k - 1] > 0;
        prop_assert_eq!(edge_tie(seat).is_some(), tie_at_edge);
        if tie_at_edge && valid {
            // Accepted only because the flags settle the lot: the elected are those flagged.
            for row in &result.rows {
                let flagged = seat.candidates.iter().find(|c| c.name == row.name).and_then(|c| c.elected) == Some(true);
                prop_assert_eq!(row.elected, flagged, "{} elected against the file's flags", row.name);
            }
            prop_assert_eq!(result.summary.majority, 0);
        }
        if tie_at_edge && candidates.iter().all(|(_, e)| e.is_none()) {
            prop_assert!(!valid, "a tie with no flags is refused");
        }
    }
}
