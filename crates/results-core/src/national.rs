//! The national picture from an index: seats and votes per party, and the table of
//! every seat with its search, filters and sorts.

use crate::locale::Locale;
use crate::model::{Index, IndexRow, Party};
use crate::sort::{collation_key, order_by, sort_by_key_stable, Direction, Key, Sort, TableColumn};
use crate::locale::Label;

/// A party's national figures.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyTally {
    pub party: Party,
    pub seats: u32,
    pub votes: u64,
    /// Share of all valid votes, 0 to 1.
    pub share: f64,
}

/// Parties by seats won, then votes; parties with neither are left out.
pub fn tallies(index: &Index) -> Vec<PartyTally> {
    let all_votes = index.totals.iter().fold(0u64, |sum, t| sum.saturating_add(t.votes));
    let mut tallies: Vec<PartyTally> = index
        .totals
        .iter()
        .filter(|t| t.seats > 0 || t.votes > 0)
        .map(|t| PartyTally {
            party: index.parties.iter().find(|p| p.id == t.party).cloned().unwrap_or_else(|| Party::unknown(&t.party)),
            seats: t.seats,
            votes: t.votes,
            share: if all_votes == 0 { 0.0 } else { t.votes as f64 / all_votes as f64 },
        })
        .collect();
    sort_by_key_stable(&mut tallies, Direction::Descending, |t| Key::Many(vec![Key::Number(u64::from(t.seats)), Key::Number(t.votes)]));
    tallies
}

/// A column of the national seats table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeatColumn {
    Seat,
    Winner,
    Party,
    Result,
    Majority,
    MajorityShare,
    Turnout,
}

impl SeatColumn {
    pub const ALL: [SeatColumn; 7] = [
        SeatColumn::Seat,
        SeatColumn::Winner,
        SeatColumn::Party,
        SeatColumn::Result,
        SeatColumn::Majority,
        SeatColumn::MajorityShare,
        SeatColumn::Turnout,
    ];
}

impl TableColumn for SeatColumn {
    fn label(self) -> Label {
        match self {
            SeatColumn::Seat => Label::ColumnSeat,
            SeatColumn::Winner => Label::ColumnWinner,
            SeatColumn::Party => Label::ColumnParty,
            SeatColumn::Result => Label::ColumnResult,
            SeatColumn::Majority => Label::ColumnMajority,
            SeatColumn::MajorityShare => Label::ColumnMajorityShare,
            SeatColumn::Turnout => Label::ColumnTurnout,
        }
    }

    fn first_direction(self) -> Direction {
        match self {
            SeatColumn::Seat | SeatColumn::Winner | SeatColumn::Party | SeatColumn::Result => Direction::Ascending,
            SeatColumn::Majority | SeatColumn::MajorityShare | SeatColumn::Turnout => Direction::Descending,
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, SeatColumn::Majority | SeatColumn::MajorityShare | SeatColumn::Turnout)
    }
}

/// The national table starts in seat-name order.
pub fn default_sort() -> Sort<SeatColumn> {
    Sort { column: SeatColumn::Seat, direction: Direction::Ascending }
}

/// "Closest results": smallest majority (as a share) first.
pub fn closest_sort() -> Sort<SeatColumn> {
    Sort { column: SeatColumn::MajorityShare, direction: Direction::Ascending }
}

/// Every name a reader may know a seat by: its name, its Welsh name, and the
/// seats it was formed from ("Bethnal Green and Bow" finds Bethnal Green and
/// Stepney and Stratford and Bow).
pub fn names(row: &IndexRow) -> impl Iterator<Item = &str> {
    std::iter::once(row.name.as_str()).chain(row.name_cy.as_deref()).chain(row.formerly.iter().map(String::as_str))
}

/// What the reader narrowed the table to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SeatFilter {
    /// Matched against seat and winner names, ignoring case and accents.
    pub text: String,
    /// A nation or region name ("London", "Scotland").
    pub area: Option<String>,
    /// A winning party's id.
    pub party: Option<String>,
}

impl SeatFilter {
    pub fn matches(&self, row: &IndexRow) -> bool {
        let text = collation_key(self.text.trim());
        (text.is_empty() || names(row).chain(row.winner.as_deref()).any(|name| crate::text::contains(&collation_key(name), &text)))
            && self.area.as_ref().is_none_or(|area| row.region.as_ref() == Some(area) || row.nation.as_ref() == Some(area))
            // A ward electing several is the party's where it won any of them.
            && self.party.as_ref().is_none_or(|party| row.party.as_ref() == Some(party) || row.elected.contains(party))
    }
}

/// The nations and regions of the index, nations first, for the area filter.
pub fn areas(index: &Index) -> Vec<String> {
    // Each name once, as it first comes (a check against the few names so far is
    // smaller code than `dedup`), then in order (one key function for both lists:
    // one copy of the sort).
    let mut nations: Vec<String> = Vec::new();
    for nation in index.seats.iter().filter_map(|r| r.nation.as_ref()) {
        if !nations.contains(nation) {
            nations.push(nation.clone());
        }
    }
    let mut regions: Vec<String> = Vec::new();
    for region in index.seats.iter().filter_map(|r| r.region.as_ref()) {
        if !nations.contains(region) && !regions.contains(region) {
            regions.push(region.clone());
        }
    }
    let by_name = |name: &String| Key::Text(name.clone());
    sort_by_key_stable(&mut nations, Direction::Ascending, by_name);
    sort_by_key_stable(&mut regions, Direction::Ascending, by_name);
    nations.extend(regions);
    nations
}

/// Indices of the rows that pass `filter`, in `sort` order (stable: ties keep the
/// index's order). Results sort by their words in `locale`, as the table shows them.
pub fn seat_order(index: &Index, filter: &SeatFilter, sort: Sort<SeatColumn>, locale: &Locale) -> Vec<usize> {
    fn party_name<'a>(index: &'a Index, id: &'a Option<String>) -> &'a str {
        id.as_ref().map(|id| index.parties.iter().find(|p| &p.id == id).map_or(id.as_str(), |p| p.name.as_str())).unwrap_or("")
    }
    let order = order_by(&index.seats, sort.direction, |row| match sort.column {
        SeatColumn::Seat => Key::Text(collation_key(&row.name)),
        SeatColumn::Winner => Key::Text(collation_key(row.winner.as_deref().unwrap_or(""))),
        SeatColumn::Party => Key::Text(collation_key(party_name(index, &row.party))),
        SeatColumn::Result => Key::Text(collation_key(&locale.outcome(&index.outcome(row)))),
        SeatColumn::Majority => row.majority.map_or(Key::Missing, Key::Number),
        SeatColumn::MajorityShare => Key::fraction(row.majority_share),
        SeatColumn::Turnout => Key::fraction(row.turnout),
    });
    order.into_iter().filter(|&i| index.seats.get(i).is_some_and(|row| filter.matches(row))).collect()
}

/// A step on the hex map, as an arrow key moves the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Left,
    Right,
    Up,
    Down,
}

impl Step {
    /// The step a key names (`ArrowLeft` and so on), if it names one.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowLeft" => Some(Step::Left),
            "ArrowRight" => Some(Step::Right),
            "ArrowUp" => Some(Step::Up),
            "ArrowDown" => Some(Step::Down),
            _ => None,
        }
    }
}

/// A hex's centre in map units, x eastwards and y southwards: pointy-top hexes 100
/// units wide, rows 87 apart, odd rows half a hex to the east, rows counted
/// northwards (as `html::hex_map_svg` draws them).
pub(crate) fn hex_centre([q, r]: [i32; 2]) -> (i32, i32) {
    let shift = if r.rem_euclid(2) == 1 { 50 } else { 0 };
    (q.saturating_mul(100).saturating_add(shift), r.saturating_mul(-87))
}

/// The seat an arrow key moves to on the hex map from the seat `from`: the nearest
/// one within 60 degrees either side of the step's direction, by distance along that
/// line plus distance off it (so a neighbour comes first, and across a stretch of sea
/// the next seat along). Between neighbours Up then Down (or Down then Up) comes back
/// where it started: of two equally near seats Up takes the eastern and Down the
/// western. `None` at the map's edge, or for a seat not on the map.
pub fn hex_step<'a>(index: &'a Index, from: &str, step: Step) -> Option<&'a str> {
    let (x0, y0) = hex_centre(index.seats.iter().find(|row| row.code == from)?.hex?);
    let (ux, uy): (i64, i64) = match step {
        Step::Left => (-1, 0),
        Step::Right => (1, 0),
        Step::Up => (0, -1),
        Step::Down => (0, 1),
    };
    index
        .seats
        .iter()
        .filter_map(|row| {
            let (x, y) = hex_centre(row.hex?);
            let (dx, dy) = (i64::from(x) - i64::from(x0), i64::from(y) - i64::from(y0));
            let along = dx * ux + dy * uy;
            let across = (dx * uy - dy * ux).abs();
            let tie = match step {
                Step::Up => -dx,
                Step::Down => dx,
                Step::Left | Step::Right => dy,
            };
            (along > 0 && across <= 2 * along).then_some(((along + across, tie), row.code.as_str()))
        })
        .min_by_key(|(nearness, _)| *nearness)
        .map(|(_, code)| code)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The shipped national index (GE2024), for tests here and in `html`.
    pub(crate) fn index() -> Index {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/index.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn seats_add_up_to_650_and_labour_won_411() {
        let index = index();
        let tallies = tallies(&index);
        assert_eq!(tallies.iter().map(|t| t.seats).sum::<u32>(), 650);
        assert_eq!((tallies[0].party.id.as_str(), tallies[0].seats), ("lab", 411));
        assert!((tallies[0].share - 0.337).abs() < 0.001, "{}", tallies[0].share);
        assert_eq!(tallies.iter().map(|t| t.votes).sum::<u64>(), 28_809_340);
    }

    #[test]
    fn closest_results_put_bethnal_green_and_stepney_among_the_closest_labour_holds() {
        let index = index();
        let filter = SeatFilter { party: Some("lab".into()), ..SeatFilter::default() };
        let order = seat_order(&index, &filter, closest_sort(), &Locale::default());
        let holds: Vec<&str> = order.iter().map(|&i| &index.seats[i]).filter(|r| index.outcome(r) == crate::derive::Outcome::Hold { party: "Lab".into() }).map(|r| r.name.as_str()).take(10).collect();
        assert!(holds.contains(&"Bethnal Green and Stepney"), "{holds:?}");
    }

    /// The Assembly's constituencies whose count has no stages in the source as read
    /// (see `results import stv`) have no majority: blank, and last among the closest
    /// results, not "0" and first.
    #[test]
    fn a_count_without_its_stages_has_no_majority_and_comes_last_among_the_closest() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ni-assembly-2022/index.json")).unwrap();
        let index = crate::load::parse_index(&text).unwrap();
        let foyle = index.seats.iter().find(|r| r.code == "foyle").unwrap();
        assert_eq!((foyle.majority, foyle.majority_share), (None, None));
        let blank = index.seats.iter().filter(|r| r.majority.is_none()).count();
        assert_eq!(blank, 9);
        let order = seat_order(&index, &SeatFilter::default(), closest_sort(), &Locale::default());
        let majorities: Vec<Option<u64>> = order.iter().map(|&i| index.seats[i].majority).collect();
        assert_eq!(majorities[0], Some(532), "Belfast West, the closest count: {majorities:?}");
        assert!(majorities[..9].iter().all(Option::is_some) && majorities[9..].iter().all(Option::is_none), "{majorities:?}");
        let row = &crate::html::seat_rows(&index, &[], &Locale::default())[index.seats.iter().position(|r| r.code == "foyle").unwrap()].as_str().to_string();
        assert!(row.ends_with("<td></td><td></td><td>60.6%</td></tr>"), "{row}");
    }

    #[test]
    fn a_search_finds_a_seat_by_its_welsh_name_and_by_the_seats_it_was_formed_from() {
        let index = index();
        let found = |text: &str| -> Vec<&str> {
            let filter = SeatFilter { text: text.into(), ..SeatFilter::default() };
            seat_order(&index, &filter, default_sort(), &Locale::default()).iter().map(|&i| index.seats[i].name.as_str()).collect()
        };
        assert_eq!(found("Bethnal Green and Bow"), ["Bethnal Green and Stepney", "Stratford and Bow"]);
        assert_eq!(found("aberhonddu"), ["Brecon, Radnor and Cwm Tawe"]);
        assert_eq!(found("Brecon, Radnor"), ["Brecon, Radnor and Cwm Tawe"], "its English name still finds it");
        // Every seat formed from others names them, at least 5% each.
        // 23 Welsh names of their own (Caerfyrddin is its name in both languages).
        assert_eq!(index.seats.iter().filter(|row| row.name_cy.is_some()).count(), 23);
        let welsh = |code: &str| index.seats.iter().find(|row| row.code == code).and_then(|row| row.name_cy.as_deref());
        assert_eq!((welsh("W07000087"), welsh("W07000097"), welsh("W07000102")), (None, Some("Gŵyr"), Some("Maldwyn a Glyndŵr")));
        let hendon = index.seats.iter().find(|row| row.name == "Hendon").unwrap();
        assert!(!hendon.formerly.contains(&"Hendon".to_string()), "not its own name: {:?}", hendon.formerly);
    }

    #[test]
    fn filters_by_area_party_and_text() {
        let index = index();
        let london = SeatFilter { area: Some("London".into()), ..SeatFilter::default() };
        assert_eq!(seat_order(&index, &london, default_sort(), &Locale::default()).len(), 75);
        let text = SeatFilter { text: "bethnal green and step".into(), ..SeatFilter::default() };
        let found = seat_order(&index, &text, default_sort(), &Locale::default());
        assert_eq!(found.len(), 1);
        let by_winner = SeatFilter { text: "rushanara".into(), ..SeatFilter::default() };
        assert_eq!(seat_order(&index, &by_winner, default_sort(), &Locale::default()), found);
        assert!(areas(&index).starts_with(&["England".to_string(), "Northern Ireland".into(), "Scotland".into(), "Wales".into()]));
    }

    #[test]
    fn a_party_filter_finds_every_ward_where_the_party_won_a_seat() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/tower-hamlets-2022/index.json")).unwrap();
        let council: Index = serde_json::from_str(&text).unwrap();
        let wards = |party: &str| -> Vec<String> {
            let filter = SeatFilter { party: Some(party.into()), ..SeatFilter::default() };
            seat_order(&council, &filter, default_sort(), &Locale::default()).iter().map(|&i| council.seats[i].name.clone()).collect()
        };
        // Bow West elected a Green, below an Aspire councillor at the top of its count.
        assert_eq!(wards("green"), ["Bow West"]);
        // Labour also won seats in wards that Aspire topped.
        let labour = wards("lab");
        for ward in ["Island Gardens", "Stepney Green", "Weavers", "Whitechapel"] {
            assert!(labour.iter().any(|w| w == ward), "{ward} not in {labour:?}");
        }
        // Each ward a party's filter finds elected someone of it.
        for party in ["lab", "aspire", "green", "con"] {
            for name in wards(party) {
                let row = council.seats.iter().find(|r| r.name == name).unwrap();
                assert!(row.party.as_deref() == Some(party) || row.elected.iter().any(|p| p == party), "{party} {name}");
            }
        }
    }

    #[test]
    fn areas_are_the_nations_then_the_other_regions_each_once_in_order() {
        let index = index();
        let mut nations: Vec<String> = index.seats.iter().filter_map(|r| r.nation.clone()).collect();
        nations.sort();
        nations.dedup();
        let mut regions: Vec<String> = index.seats.iter().filter_map(|r| r.region.clone()).filter(|r| !nations.contains(r)).collect();
        regions.sort();
        regions.dedup();
        assert!(regions.len() > 5, "{regions:?}");
        nations.extend(regions);
        assert_eq!(areas(&index), nations);
    }

    #[test]
    fn every_sort_is_a_permutation_of_the_filtered_rows() {
        let index = index();
        for column in SeatColumn::ALL {
            for direction in [Direction::Ascending, Direction::Descending] {
                let mut order = seat_order(&index, &SeatFilter::default(), Sort { column, direction }, &Locale::default());
                order.sort_unstable();
                assert_eq!(order, (0..650).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn arrow_keys_step_to_neighbouring_hexes_and_back() {
        let index = index();
        let at = |code: &str| index.seats.iter().find(|r| r.code == code).and_then(|r| r.hex).unwrap();
        let start = "E14001086"; // Bethnal Green and Stepney
        for (step, back) in [(Step::Left, Step::Right), (Step::Right, Step::Left), (Step::Up, Step::Down), (Step::Down, Step::Up)] {
            let next = hex_step(&index, start, step).unwrap_or_else(|| panic!("{step:?}"));
            let ([q0, r0], [q1, r1]) = (at(start), at(next));
            match step {
                // A neighbour in the same row.
                Step::Left | Step::Right => {
                    assert_eq!((r1, (q1 - q0).abs()), (r0, 1), "{step:?} to {next}")
                }
                // A neighbour one row north or south (rows count northwards).
                Step::Up => assert_eq!(r1 - r0, 1, "{next}"),
                Step::Down => assert_eq!(r1 - r0, -1, "{next}"),
            }
            assert_eq!(hex_step(&index, next, back), Some(start), "{step:?} then {back:?}");
        }
        assert_eq!(Step::from_key("ArrowUp"), Some(Step::Up));
        assert_eq!(Step::from_key("Enter"), None);
    }

    #[test]
    fn every_hex_is_reachable_and_the_edges_stop() {
        let index = index();
        // From every seat, each step either stays on the map or stops at its edge, and
        // walking Right from the west-most seat of a row ends at the row's east end.
        let mut edges = 0;
        for row in &index.seats {
            for step in [Step::Left, Step::Right, Step::Up, Step::Down] {
                match hex_step(&index, &row.code, step) {
                    Some(next) => assert_ne!(next, row.code),
                    None => edges += 1,
                }
            }
        }
        assert!((4..650).contains(&edges), "{edges} steps off the map");
        // Every hex can be reached with the arrow keys from the north-west corner.
        let first = index.seats.iter().min_by_key(|r| r.hex.map(|h| (-h[1], h[0]))).unwrap();
        let mut seen = std::collections::BTreeSet::from([first.code.as_str()]);
        let mut todo = vec![first.code.as_str()];
        while let Some(code) = todo.pop() {
            for step in [Step::Left, Step::Right, Step::Up, Step::Down] {
                if let Some(next) = hex_step(&index, code, step) {
                    if seen.insert(next) {
                        todo.push(next);
                    }
                }
            }
        }
        assert_eq!(seen.len(), 650);
        assert_eq!(hex_step(&index, "nowhere", Step::Up), None);
    }
}
