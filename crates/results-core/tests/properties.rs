//! Properties that hold for every input, checked on generated ones: sorting is a
//! stable permutation, shares add up, the majority is within bounds, and parsing
//! never panics, whatever text it is given.

use proptest::prelude::*;
use results_core::load::parse_unchecked;
use results_core::model::{Candidate, ResultsFile};
use serde_json::json;
use results_core::sort::{order_by, Key};
use results_core::locale::Numbers;
use results_core::{parse_results, Column, Direction, Row, SeatResult, Sort};

/// A real seat's file, with its history: the starting point for mutations.
const SEAT_FILE: &str = include_str!("../../../data/seats/E14001086.json");

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::Ascending), Just(Direction::Descending)]
}

/// Keys with many ties: small numbers, short texts, missing figures.
fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        Just(Key::Missing),
        (0u64..5).prop_map(Key::Number),
        "[ab]{0,2}".prop_map(Key::Text),
        proptest::collection::vec((0u64..3).prop_map(Key::Number), 0..3).prop_map(Key::Many),
    ]
}

fn row((name, party_name, votes): (String, String, u64)) -> Row {
    Row {
        name,
        party_id: party_name.to_ascii_lowercase(),
        party_name,
        party_abbreviation: String::new(),
        colour: "#767676".into(),
        dark_colour: None,
        votes,
        share: 0.0,
        rank: 0,
        elected: false,
        sitting: false,
        change: None,
        lost_deposit: false,
        stages: Vec::new(),
    }
}

/// Candidate rows with names that tie, differ only in case or accent, and votes that tie.
fn rows() -> impl Strategy<Value = Vec<Row>> {
    proptest::collection::vec(("[aAbBéÉ ]{0,3}", "[lLcC]{1,2}", 0u64..6).prop_map(row), 0..12)
}

/// Checks that `order` is a permutation of `0..len` that puts `keys` in `direction`
/// and keeps the given order among equal keys.
fn assert_stable_sort(keys: &[Key], direction: Direction, order: &[usize]) -> Result<(), TestCaseError> {
    let mut seen = order.to_vec();
    seen.sort_unstable();
    prop_assert_eq!(seen, (0..keys.len()).collect::<Vec<_>>(), "not a permutation");
    for pair in order.windows(2) {
        let (&a, &b) = match pair {
            [a, b] => (a, b),
            _ => continue,
        };
        let (Some(ka), Some(kb)) = (keys.get(a), keys.get(b)) else {
            return Err(TestCaseError::fail("an index out of range"));
        };
        // Blanks last whichever way.
        let in_order = match (ka, kb) {
            (Key::Missing, Key::Missing) | (_, Key::Missing) => true,
            (Key::Missing, _) => false,
            _ => match direction {
                Direction::Ascending => ka <= kb,
                Direction::Descending => ka >= kb,
            },
        };
        prop_assert!(in_order, "{ka:?} before {kb:?} {direction:?}");
        if ka == kb {
            prop_assert!(a < b, "equal keys out of their given order: {a} before {b}");
        }
    }
    Ok(())
}

/// A single-seat contest with these votes, its valid votes given or left out. Built
/// through JSON, as files are, so that fields added to the format later take their
/// defaults here too.
fn contest(votes: &[u64], give_valid_votes: bool) -> Result<ResultsFile, serde_json::Error> {
    let parties = ["a", "b", "c", "d"];
    let candidates: Vec<serde_json::Value> = votes
        .iter()
        .enumerate()
        .map(|(i, &votes)| json!({ "name": format!("Candidate {i}"), "party": parties.get(i % parties.len()).copied().unwrap_or("a"), "votes": votes }))
        .collect();
    let total: u64 = votes.iter().sum();
    let seat = json!({
        "code": "E1", "name": "A seat", "election": "ge", "electorate": total * 2 + 1,
        "valid_votes": give_valid_votes.then_some(total), "candidates": candidates,
    });
    let file = json!({
        "version": 1,
        "elections": [{ "id": "ge", "name": "GE", "date": "2024-07-04", "kind": "general" }],
        "parties": parties.iter().map(|id| json!({ "id": id, "name": id.to_uppercase(), "abbreviation": id.to_uppercase(), "colour": "#123456" })).collect::<Vec<_>>(),
        "constituencies": [seat],
    });
    serde_json::from_value(file)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn order_by_is_a_stable_permutation(keys in proptest::collection::vec(key(), 0..24), direction in direction()) {
        let order = order_by(&keys, direction, Clone::clone);
        assert_stable_sort(&keys, direction, &order)?;
    }

    #[test]
    fn keys_in_order_already_sort_stably_both_ways(keys in proptest::collection::vec(key(), 0..24), direction in direction()) {
        // Put in order first (as a national index comes), then ordered again, either way.
        let sorted: Vec<Key> = order_by(&keys, direction, Clone::clone).into_iter().map(|i| keys[i].clone()).collect();
        let order = order_by(&sorted, direction, Clone::clone);
        prop_assert_eq!(&order, &(0..sorted.len()).collect::<Vec<_>>());
        for direction in [Direction::Ascending, Direction::Descending] {
            assert_stable_sort(&sorted, direction, &order_by(&sorted, direction, Clone::clone))?;
        }
    }

    #[test]
    fn reversing_reverses_the_groups_and_keeps_ties_in_order(keys in proptest::collection::vec(key(), 0..24)) {
        let up = order_by(&keys, Direction::Ascending, Clone::clone);
        let down = order_by(&keys, Direction::Descending, Clone::clone);
        // Grouping both orders by key: the groups come in opposite orders, each the same inside.
        let groups = |order: &[usize]| {
            let mut groups: Vec<(Key, Vec<usize>)> = Vec::new();
            for &i in order {
                let key = keys[i].clone();
                match groups.last_mut() {
                    Some((last, members)) if *last == key => members.push(i),
                    _ => groups.push((key, vec![i])),
                }
            }
            groups
        };
        // Blanks come last both ways, as one group.
        let (mut up, mut reversed) = (groups(&up), groups(&down));
        let blanks_up = up.pop_if(|g| g.0 == Key::Missing);
        let blanks_down = reversed.pop_if(|g| g.0 == Key::Missing);
        prop_assert_eq!(blanks_up, blanks_down);
        prop_assert!(up.iter().chain(&reversed).all(|g| g.0 != Key::Missing), "blanks inside the order");
        reversed.reverse();
        prop_assert_eq!(up, reversed);
    }

    #[test]
    fn every_result_column_sorts_stably(rows in rows(), direction in direction()) {
        for column in Column::ALL {
            let order = Sort { column, direction }.order(&rows);
            let keys: Vec<Key> = rows
                .iter()
                .map(|row| match column {
                    Column::Candidate => Key::Text(results_core::sort::collation_key(&row.name)),
                    Column::Party => Key::Text(results_core::sort::collation_key(&row.party_name)),
                    Column::Votes | Column::Share => Key::Number(row.votes),
                })
                .collect();
            assert_stable_sort(&keys, direction, &order)?;
        }
    }

    #[test]
    fn pressing_a_column_twice_comes_back(column in prop::sample::select(Column::ALL.to_vec())) {
        let start = Sort::default();
        let twice = start.pressed(column).pressed(column);
        prop_assert_eq!(twice.column, column);
        prop_assert_ne!(twice.direction, start.pressed(column).direction);
    }

    #[test]
    fn shares_add_up_to_one_hundred_percent(
        votes in proptest::collection::vec(0u64..2_000_000, 1..15),
        give_valid_votes in any::<bool>(),
    ) {
        let file = contest(&votes, give_valid_votes).unwrap();
        prop_assert!(results_core::validate(&file).is_empty(), "{:?}", results_core::validate(&file));
        let seat = &file.constituencies[0];
        let result = SeatResult::new(&file, seat);
        prop_assert_eq!(result.rows.len(), votes.len());
        let total: u64 = votes.iter().sum();
        let sum: f64 = result.rows.iter().map(|r| r.share).sum();
        if total == 0 {
            prop_assert_eq!(sum, 0.0);
        } else {
            prop_assert!((sum - 1.0).abs() < 1e-9, "shares add up to {sum}");
            // As shown, each share rounded to a tenth of a point: off by at most half
            // a tenth per candidate.
            let shown: f64 = result.rows.iter().map(|r| Numbers::default().percent(r.share).trim_end_matches('%').parse::<f64>().unwrap()).sum();
            prop_assert!((shown - 100.0).abs() <= 0.05 * votes.len() as f64 + 1e-9, "shown shares add up to {shown}");
        }
        for row in &result.rows {
            prop_assert!((0.0..=1.0).contains(&row.share), "share {}", row.share);
        }
    }

    #[test]
    fn the_majority_is_within_the_winners_votes(votes in proptest::collection::vec(0u64..100_000, 1..15)) {
        let file = contest(&votes, true).unwrap();
        let result = SeatResult::new(&file, &file.constituencies[0]);
        let winner = result.winner().unwrap();
        prop_assert!(result.summary.majority_known);
        let majority = result.summary.majority;
        prop_assert!(majority <= winner.votes, "majority {majority} over the winner's {}", winner.votes);
        let share = result.summary.majority_share;
        prop_assert!(share >= 0.0);
        prop_assert!(share <= winner.share + 1e-12);
        prop_assert_eq!(winner.votes, *votes.iter().max().unwrap());
        let mut sorted = votes.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        let runner_up = sorted.get(1).copied().unwrap_or(0);
        prop_assert_eq!(majority, winner.votes - runner_up);
        // Ranked by votes, most first.
        for pair in result.rows.windows(2) {
            prop_assert!(pair[0].votes >= pair[1].votes);
        }
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_unchecked(&text);
        let _ = parse_results(&text);
    }

    #[test]
    fn parsing_json_like_text_never_panics(text in r#"[\[\]{}":,0-9a-z\-. \\]{0,60}"#) {
        let _ = parse_unchecked(&text);
        let _ = parse_results(&text);
        let _ = parse_results(&format!(r#"{{"version":1,"elections":{text}}}"#));
    }

    #[test]
    fn parsing_a_mutated_file_never_panics(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = SEAT_FILE.as_bytes().to_vec();
        for (at, byte) in &flips {
            let at = at.index(bytes.len());
            bytes[at] = *byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_unchecked(&text);
        if let Ok(file) = parse_results(&text) {
            // A file that still validates can be shown: deriving its results must not panic either.
            for seat in &file.constituencies {
                let result = SeatResult::new(&file, seat);
                prop_assert_eq!(result.rows.len(), seat.candidates.len());
            }
        }
    }

    #[test]
    fn parsing_a_file_with_a_value_replaced_never_panics(
        at in any::<prop::sample::Index>(),
        value in prop_oneof![
            Just("null"), Just("-1"), Just("1e309"), Just("18446744073709551616"), Just("\"\""), Just("[]"),
            Just("{}"), Just("true"), Just("0.5"), Just("\"\\ud800\""), Just("\"#zzz\""), Just("18446744073709551615"), Just("4294967296"),
        ],
    ) {
        // Replace the value after one of the file's colons.
        let colons: Vec<usize> = SEAT_FILE.match_indices(':').map(|(i, _)| i).collect();
        let start = colons[at.index(colons.len())] + 1;
        let rest = &SEAT_FILE[start..];
        let end = start + rest.find([',', '}', ']']).unwrap_or(rest.len());
        let text = format!("{}{}{}", &SEAT_FILE[..start], value, &SEAT_FILE[end..]);
        let _ = parse_unchecked(&text);
        if let Ok(file) = parse_results(&text) {
            for seat in &file.constituencies {
                let _ = SeatResult::new(&file, seat);
            }
        }
    }
}

/// Numbers at the edges of what the format's `u64` fields hold.
fn edge_number() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0), Just(1), Just(u64::MAX), Just(u64::MAX - 1), Just(u64::MAX / 2 + 1), Just(u32::MAX as u64 + 1), 0u64..1000, any::<u64>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Vote counts are `u64`s: a file may hold any of them, and adding them up (valid
    /// votes, votes cast, totals) must neither panic nor wrap round.
    #[test]
    fn huge_numbers_never_panic(
        votes in proptest::collection::vec((edge_number(), proptest::collection::vec(edge_number(), 0..2)), 1..4),
        valid_votes in proptest::option::of(edge_number()),
        invalid_votes in proptest::option::of(edge_number()),
        electorate in proptest::option::of(edge_number()),
        ballots in proptest::option::of(edge_number()),
        seats in prop_oneof![Just(1u32), Just(2), Just(u32::MAX)],
        staged in any::<bool>(),
    ) {
        let mut file = contest(&[1], false).unwrap();
        let seat = &mut file.constituencies[0];
        seat.candidates = votes
            .iter()
            .enumerate()
            .map(|(i, (votes, stages))| Candidate {
                name: format!("C{i}"),
                party: "a".into(),
                votes: *votes,
                stages: if staged { stages.clone() } else { Vec::new() },
                ..Candidate::default()
            })
            .collect();
        seat.stages = if staged { vec!["Second".into()] } else { Vec::new() };
        seat.valid_votes = valid_votes;
        seat.invalid_votes = invalid_votes;
        seat.electorate = electorate;
        seat.ballots = ballots;
        seat.seats = seats;
        let _ = results_core::validate(&file);
        let result = SeatResult::new(&file, &file.constituencies[0]);
        for row in &result.rows {
            prop_assert!(row.share.is_finite() && row.share >= 0.0, "share {}", row.share);
        }
        // Through JSON too, as the widget reads it.
        let text = serde_json::to_string(&file).unwrap();
        let _ = parse_results(&text);
    }
}

#[test]
fn the_unmutated_file_parses() {
    let file = parse_results(SEAT_FILE).unwrap();
    assert!(file.constituencies.iter().any(|c| c.code == "E14001086"));
}
