//! "What if" swings (issue 20): uniform swing on every seat's shares. No change
//! projects every 2024 seat's real winner; a seat changes hands exactly when a
//! challenger's projected share passes its winner's; and `swing=` values read as
//! written, or say what is wrong.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use results_core::story::{project, SeatShares, Swing, SwingError};
use results_core::SeatResult;

/// Every 2024 seat's shares, from the shipped seat files.
fn seats() -> Vec<(String, SeatShares)> {
    let index = results_core::parse_index(include_str!("../../../data/index.json")).unwrap();
    index
        .seats
        .iter()
        .map(|row| {
            let path = format!("{}/../../data/seats/{}.json", env!("CARGO_MANIFEST_DIR"), row.code);
            let file = results_core::parse_results(&std::fs::read_to_string(path).unwrap()).unwrap();
            let contest = file.contest(&row.code, None).unwrap();
            (row.party.clone().unwrap(), SeatShares::of(&SeatResult::new(&file, contest)).unwrap())
        })
        .collect()
}

#[test]
fn no_change_projects_every_seats_winner_and_a_swing_moves_seats() {
    let seats = seats();
    assert_eq!(seats.len(), 650);
    for (winner, seat) in &seats {
        assert_eq!(project(seat, &Swing::default()), winner);
    }
    let count = |swing: &Swing, party: &str| seats.iter().filter(|(_, s)| project(s, swing) == party).count();
    assert_eq!(count(&Swing::default(), "lab"), 411);
    let back = Swing::parse("lab-10,con+10").unwrap();
    let labour = count(&back, "lab");
    assert!(labour < 411 && count(&back, "con") > 121, "Labour {labour}");
    // Each seat that moved did so because the Conservatives passed Labour there.
    for (winner, seat) in &seats {
        let now = project(seat, &back);
        if now != winner {
            assert!(winner == "lab" || now == "con", "{winner} to {now}");
        }
    }
}

/// A seat of two to six parties with shares that add up to at most 1, and its
/// winner the largest (the first of equals).
fn seat() -> impl Strategy<Value = SeatShares> {
    proptest::collection::vec(0.0f64..1.0, 2..6).prop_map(|raw| {
        let total: f64 = raw.iter().sum::<f64>().max(1.0);
        let shares: Vec<(String, f64)> = raw.iter().enumerate().map(|(i, s)| (format!("p{i}"), s / total)).collect();
        let winner = shares.iter().fold(&shares[0], |best, s| if s.1 > best.1 { s } else { best }).0.clone();
        SeatShares { shares, winner }
    })
}

fn swing() -> impl Strategy<Value = Swing> {
    proptest::collection::vec((0usize..6, -20.0f64..20.0), 0..4).prop_map(|changes| {
        let mut swing = Swing::default();
        for (party, points) in changes {
            let id = format!("p{party}");
            if !swing.0.iter().any(|(p, _)| *p == id) {
                swing.0.push((id, points));
            }
        }
        swing
    })
}

proptest! {
    #[test]
    fn a_seat_changes_hands_exactly_when_a_projected_share_passes_the_winners(seat in seat(), swing in swing()) {
        let moved = |party: &str| seat.shares.iter().find(|(p, _)| p == party).map(|(p, s)| (s + swing.0.iter().find(|(q, _)| q == p).map_or(0.0, |(_, c)| c / 100.0)).max(0.0)).unwrap();
        let held = moved(&seat.winner);
        let passed = seat.shares.iter().any(|(p, _)| moved(p) > held);
        let projected = project(&seat, &swing);
        prop_assert_eq!(projected != seat.winner, passed);
        // The projected winner has the largest projected share.
        prop_assert!(seat.shares.iter().all(|(p, _)| moved(p) <= moved(projected)));
        // No change, no change of hands.
        prop_assert_eq!(project(&seat, &Swing::default()), seat.winner.as_str());
    }

    #[test]
    fn a_swing_reads_back_from_its_link(swing in swing()) {
        let rounded = Swing(swing.0.iter().map(|(p, c)| (p.clone(), (c * 10.0).round() / 10.0)).collect());
        prop_assert_eq!(Swing::parse(&rounded.to_query()).unwrap(), rounded);
    }
}

#[test]
fn swing_values_read_as_written_or_say_what_is_wrong() {
    assert_eq!(Swing::parse("lab-5,con+3").unwrap(), Swing(vec![("lab".into(), -5.0), ("con".into(), 3.0)]));
    assert_eq!(Swing::parse(" ruk+2.5 , ").unwrap().to_query(), "ruk+2.5");
    assert_eq!(Swing::parse("").unwrap(), Swing::default());
    assert_eq!(Swing::parse("lab5"), Err(SwingError::Shape("lab5".into())));
    assert_eq!(Swing::parse("-5"), Err(SwingError::Shape("-5".into())));
    assert_eq!(Swing::parse("lab-5e2"), Err(SwingError::Shape("lab-5e2".into())));
    assert_eq!(Swing::parse("<b>+1"), Err(SwingError::Shape("<b>+1".into())));
    assert_eq!(Swing::parse("lab-101"), Err(SwingError::Range { party: "lab".into(), points: -101.0 }));
    assert_eq!(Swing::parse("lab-1,lab+2"), Err(SwingError::Twice("lab".into())));
    assert_eq!(Swing::parse("sinn-fein+2").unwrap(), Swing(vec![("sinn-fein".into(), 2.0)]), "an id with a hyphen");
    assert_eq!(SwingError::Shape("lab5".into()).to_string(), "\"lab5\" is not a party's change: write a party id and a signed number of points, such as lab-5 or con+3");
}

/// A seat's swing is told the way it went (never "a swing of −3 points from A to
/// B"): in Belfast North, Sinn Féin held on a higher share as the DUP's fell.
#[test]
fn every_2024_seats_swing_is_told_the_way_it_went() {
    let index = results_core::parse_index(include_str!("../../../data/index.json")).unwrap();
    let locale = results_core::locale::Locale::default();
    let mut swings = 0;
    for row in &index.seats {
        let path = format!("{}/../../data/seats/{}.json", env!("CARGO_MANIFEST_DIR"), row.code);
        let file = results_core::parse_results(&std::fs::read_to_string(path).unwrap()).unwrap();
        let result = SeatResult::new(&file, file.contest(&row.code, None).unwrap());
        let Some(swing) = &result.summary.swing else { continue };
        swings += 1;
        assert!(swing.points >= 0.0, "{}: {swing:?}", row.name);
        let line = results_core::view::ResultLine::new(&result, &locale);
        let results_core::view::ResultLine::Declared { swing: Some(words), .. } = line else { panic!("{}", row.name) };
        assert!(!words.contains('\u{2212}') && !words.contains('-'), "{}: {words}", row.name);
        if row.name == "Belfast North" {
            assert_eq!(words, "Swing 3.1 points from DUP to SF.");
        }
    }
    assert!(swings > 600, "{swings} seats with a swing");
}
