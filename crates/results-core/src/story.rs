//! The national story around a seat: the seats that changed hands (from the party
//! that held each seat before, notional where boundaries changed, to its winner);
//! the House: seats by party against the line a majority needs; and "what if":
//! seats projected by uniform swing. The national view draws the House; the flows
//! and the swing have no view yet (issue 20: the code size budget has no room for
//! one today).

use crate::chart::dark_pairs;
use crate::locale::Locale;
use crate::model::{Index, Party};
use crate::national::PartyTally;
use crate::sort::{sort_by_key_stable, Direction, Key};
use crate::view::{Cell, Mark, Row};
use crate::locale::Label;

/// Seats that went from one party to another (or stayed: `from` is `to`).
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub from: Party,
    pub to: Party,
    /// The seats, as indices into the index's seats, in its order.
    pub seats: Vec<usize>,
}

/// Every declared seat electing one whose holder before is known, grouped by the
/// party that held it and the party that won it: most seats first, then as the
/// index first lists them. Empty where the index knows no holder before (a council
/// of wards electing several).
pub fn flows(index: &Index) -> Vec<Flow> {
    let party = |id: &str| index.parties.iter().find(|p| p.id == id).cloned().unwrap_or_else(|| Party::unknown(id));
    let mut flows: Vec<Flow> = Vec::new();
    for (i, row) in index.seats.iter().enumerate() {
        let (Some(from), Some(to), true) = (row.before.as_deref(), row.party.as_deref(), row.declared) else { continue };
        match flows.iter_mut().find(|f| f.from.id == from && f.to.id == to) {
            Some(flow) => flow.seats.push(i),
            None => flows.push(Flow { from: party(from), to: party(to), seats: vec![i] }),
        }
    }
    // Stable: equal counts keep the order the index first lists them in.
    sort_by_key_stable(&mut flows, Direction::Descending, |f| Key::Number(f.seats.len() as u64));
    flows
}

/// The flows' table: held before, won by, and the seats (their count, opening the
/// list of their names).
pub fn flow_rows(index: &Index, flows: &[Flow], locale: &Locale) -> Vec<Row> {
    flows
        .iter()
        .map(|flow| {
            let names: Vec<&str> = flow.seats.iter().filter_map(|&i| index.seats.get(i)).map(|row| locale.seat_name(&row.name, row.name_cy.as_deref()).0).collect();
            Row {
                mark: Mark::Plain,
                cells: vec![
                    Cell::party(&flow.from.name, &flow.from.colour, flow.from.dark_colour.as_deref()),
                    Cell::party(&flow.to.name, &flow.to.colour, flow.to.dark_colour.as_deref()),
                    Cell::List(locale.numbers.thousands(flow.seats.len() as u64), names.join(", ")),
                ],
            }
        })
        .collect()
}

/// The House (or council chamber): every seat won, by party in order of seats, and
/// the line a majority needs: half the seats and one more.
#[derive(Debug, Clone, PartialEq)]
pub struct House {
    /// (party, seats) for each party with a seat, most first.
    pub parties: Vec<(Party, u32)>,
    pub total: u32,
    /// The seats a majority needs.
    pub line: u32,
    /// Who controls it, the largest party against the line in words: "Labour: 411
    /// of 650 seats, a majority of 172."
    pub summary: String,
    /// The chart's accessible name, its heading ("650 seats: 326 for a majority"),
    /// and its description: every party's seats and share of the vote in words.
    pub title: String,
    pub heading: String,
    pub description: String,
    /// (colour, dark colour) pairs.
    pub dark: Vec<(String, String)>,
}

impl House {
    /// The House of `tallies`, the seats won so far, in a chamber of `elects` seats
    /// where the index says (on election night, more than have declared).
    pub fn new(tallies: &[PartyTally], elects: Option<u32>, locale: &Locale) -> House {
        let parties: Vec<(Party, u32)> = tallies.iter().filter(|t| t.seats > 0).map(|t| (t.party.clone(), t.seats)).collect();
        // Whatever an index claims, no sum here overflows.
        let won = parties.iter().fold(0u32, |sum, (_, seats)| sum.saturating_add(*seats));
        let total = elects.unwrap_or(0).max(won);
        let line = (total / 2).saturating_add(1);
        let n = &locale.numbers;
        let summary = match parties.first() {
            Some((party, seats)) => {
                let (key, by) = if *seats >= line {
                    // A majority over all the others together, the seats still to
                    // declare among them.
                    (Label::NationalMajority, ("majority", 2 * u64::from(*seats) - u64::from(total)))
                } else if won < total {
                    // Seats still to declare: no one is short of a majority yet.
                    (Label::NationalLeading, ("line", u64::from(line)))
                } else {
                    (Label::NationalNoControl, ("short", u64::from(line - seats)))
                };
                let (seats, total, by_figure) = (n.thousands(u64::from(*seats)), n.thousands(u64::from(total)), n.thousands(by.1));
                locale.fill(key, &[("party", &party.name), ("seats", &seats), ("total", &total), (by.0, &by_figure)])
            }
            None => String::new(),
        };
        let described: Vec<String> = tallies
            .iter()
            .filter(|t| t.seats > 0)
            .map(|t| {
                let party = locale.fill(Label::ChartSeatsBar, &[("party", &t.party.name), ("share", &n.percent(t.share))]);
                let key = if t.seats == 1 { Label::ChartSeatDescribed } else { Label::ChartSeatsDescribed };
                locale.fill(key, &[("party", &party), ("seats", &n.thousands(u64::from(t.seats)))])
            })
            .collect();
        House {
            title: locale.text(Label::ChartSeatsTitle).to_string(),
            heading: locale.fill(Label::HouseTitle, &[("total", &n.thousands(u64::from(total))), ("line", &n.thousands(u64::from(line)))]),
            description: format!("{summary} {}.", described.join("; ")),
            dark: dark_pairs(&mut parties.iter().map(|(p, _)| (p.colour.as_str(), p.dark_colour.as_deref()))),
            parties,
            total,
            line,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::national::tests::index;
    use crate::national::tallies;

    fn council() -> Index {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/tower-hamlets-2022/index.json")).unwrap();
        crate::parse_index(&text).unwrap()
    }

    fn count(flows: &[Flow], from: &str, to: &str) -> usize {
        flows.iter().find(|f| f.from.id == from && f.to.id == to).map_or(0, |f| f.seats.len())
    }

    #[test]
    fn the_flows_of_2024_cover_every_seat_and_182_went_from_conservative_to_labour() {
        let index = index();
        let flows = flows(&index);
        assert_eq!(flows.iter().map(|f| f.seats.len()).sum::<usize>(), 650);
        assert_eq!(count(&flows, "con", "lab"), 182);
        assert!(flows.windows(2).all(|w| w[0].seats.len() >= w[1].seats.len()), "most seats first");
        // Every seat once, in the flow of its own holder and winner.
        let mut seen = vec![false; index.seats.len()];
        for flow in &flows {
            for &i in &flow.seats {
                assert!(!seen[i], "{} twice", index.seats[i].name);
                seen[i] = true;
                assert_eq!((index.seats[i].before.as_deref(), index.seats[i].party.as_deref()), (Some(flow.from.id.as_str()), Some(flow.to.id.as_str())));
            }
        }
        let changed: usize = flows.iter().filter(|f| f.from.id != f.to.id).map(|f| f.seats.len()).sum();
        assert_eq!(changed, 303, "the seats whose outcome is a gain (shipped.rs)");
    }

    #[test]
    fn the_table_of_the_flows() {
        let index = index();
        let flows = flows(&index);
        let rows = flow_rows(&index, &flows, &Locale::default());
        assert_eq!(rows.len(), flows.len());
        let con_lab = rows.iter().find(|r| matches!(&r.cells[..], [Cell::Party { name: from, .. }, Cell::Party { name: to, .. }, _] if from == "Conservative" && to == "Labour")).unwrap();
        let Cell::List(figure, names) = &con_lab.cells[2] else { panic!("a list") };
        assert_eq!(figure, "182");
        assert_eq!(names.split(", ").count(), 182);
        assert!(names.contains("Hendon"), "{names}");
    }

    #[test]
    fn a_council_of_wards_electing_several_has_no_flows() {
        assert!(flows(&council()).is_empty());
    }

    #[test]
    fn the_house_and_its_majority_line() {
        let house = House::new(&tallies(&index()), None, &Locale::default());
        assert_eq!((house.total, house.line), (650, 326));
        assert_eq!(house.parties[0].1, 411);
        assert_eq!(house.summary, "Labour: 411 of 650 seats, a majority of 172.");
        // One seat is a seat: the Speaker's, and the TUV's.
        assert!(house.description.contains("Green, 6.7% of the vote: 4 seats;"), "{}", house.description);
        assert!(house.description.ends_with("Speaker, 0.1% of the vote: 1 seat.") && !house.description.contains(" 1 seats"), "{}", house.description);
        let council = House::new(&tallies(&council()), None, &Locale::default());
        assert_eq!((council.total, council.line), (45, 23));
        assert_eq!(council.summary, "Aspire: 24 of 45 seats, a majority of 3.");
        // Short of the line.
        let mut hung = tallies(&index());
        hung[0].seats = 300;
        hung[1].seats += 111;
        let house = House::new(&hung, None, &Locale::default());
        assert_eq!(house.summary, "No overall control: Labour largest with 300 of 650 seats, 26 short of a majority.");
        // Election night, 100 of 650 seats declared: the chamber is still 650 and
        // its line 326, and no one has a majority, or is short of one, yet.
        let mut night = tallies(&index());
        night.truncate(2);
        (night[0].seats, night[1].seats) = (80, 20);
        let house = House::new(&night, Some(650), &Locale::default());
        assert_eq!((house.total, house.line, house.heading.as_str()), (650, 326, "650 seats: 326 for a majority"));
        assert_eq!(house.summary, "Labour leads with 80 of 650 seats; 326 win a majority.");
        // Past the line before the rest declare: a majority over all of them.
        night[0].seats = 330;
        assert_eq!(House::new(&night, Some(650), &Locale::default()).summary, "Labour: 330 of 650 seats, a majority of 10.");
        // The shipped index says how many seats its election fills.
        assert_eq!(index().elects, Some(650));
        assert_eq!(House::new(&tallies(&index()), index().elects, &Locale::default()).summary, "Labour: 411 of 650 seats, a majority of 172.");
        let empty = House::new(&[], None, &Locale::default());
        assert_eq!((empty.total, empty.line, empty.summary.as_str()), (0, 1, ""));
        assert!(crate::chart::house_svg(&empty, "x", 360).contains("<svg"));
        // An index that claims more seats than any chamber has: drawn, within reason.
        let mut huge = tallies(&index());
        huge[0].seats = u32::MAX;
        huge[1].seats = u32::MAX;
        let house = House::new(&huge, None, &Locale::default());
        assert_eq!(house.total, u32::MAX);
        let svg = crate::chart::house_svg(&house, "x", 360);
        let height: u32 = svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).and_then(|h| h.parse().ok()).unwrap();
        assert!(height < 2000, "{height}");
    }
}

/// "What if": national changes in vote share by party, in points, as a reader
/// writes them in a link: `lab-5,con+3` (Labour down five points, Conservatives up
/// three). Projected by uniform swing (see [`project`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Swing(pub Vec<(String, f64)>);

/// Why a `swing=` value is not a swing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SwingError {
    #[error("\"{0}\" is not a party's change: write a party id and a signed number of points, such as lab-5 or con+3")]
    Shape(String),
    #[error("{party} changes by {points} points: a change is at most 100 points either way")]
    Range { party: String, points: f64 },
    #[error("{0} is changed twice")]
    Twice(String),
}

impl Swing {
    pub fn parse(text: &str) -> Result<Swing, SwingError> {
        let mut changes: Vec<(String, f64)> = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let at = part.rfind(['+', '-']).filter(|&at| at > 0).ok_or_else(|| SwingError::Shape(part.to_string()))?;
            let (party, points) = part.split_at(at);
            let id_like = party.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') && party.len() <= 32;
            let number = points[1..].chars().all(|c| c.is_ascii_digit() || c == '.');
            let points: f64 = points.parse().ok().filter(|_| id_like && number).ok_or_else(|| SwingError::Shape(part.to_string()))?;
            if !(-100.0..=100.0).contains(&points) {
                return Err(SwingError::Range { party: party.to_string(), points });
            }
            if changes.iter().any(|(p, _)| p == party) {
                return Err(SwingError::Twice(party.to_string()));
            }
            changes.push((party.to_string(), points));
        }
        Ok(Swing(changes))
    }

    /// The value for a link: `lab-5,con+3`.
    pub fn to_query(&self) -> String {
        self.0.iter().map(|(party, points)| format!("{party}{}{}", if *points < 0.0 { "-" } else { "+" }, crate::number::number(points.abs()))).collect::<Vec<_>>().join(",")
    }

    /// A party's change as a fraction of the vote: -0.05 for `lab-5`.
    fn of(&self, party: &str) -> f64 {
        self.0.iter().find(|(p, _)| p == party).map_or(0.0, |(_, points)| points / 100.0)
    }
}

/// One seat as a projection needs it: each candidate's party and share (a party may
/// have several, as independents do), and the party that won.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatShares {
    pub shares: Vec<(String, f64)>,
    pub winner: String,
}

impl SeatShares {
    /// A declared contest's shares; `None` for one not declared or electing several.
    pub fn of(result: &crate::SeatResult) -> Option<SeatShares> {
        let winner = result.winner().filter(|_| result.summary.declared && result.summary.seats <= 1)?;
        Some(SeatShares { shares: result.rows.iter().map(|r| (r.party_id.clone(), r.share)).collect(), winner: winner.party_id.clone() })
    }
}

/// Uniform swing: every candidate's share moves by their party's national change
/// (none below nothing), and the seat goes to the largest projected share. A tie
/// keeps the seat with its winner, so that no change projects the real result.
pub fn project<'a>(seat: &'a SeatShares, swing: &Swing) -> &'a str {
    let projected = |share: f64, party: &str| (share + swing.of(party)).max(0.0);
    let held = seat.shares.iter().filter(|(p, _)| *p == seat.winner).map(|(p, s)| projected(*s, p)).fold(f64::NEG_INFINITY, f64::max);
    seat.shares
        .iter()
        .map(|(party, share)| (party.as_str(), projected(*share, party)))
        .fold((seat.winner.as_str(), held), |best, (party, share)| if share > best.1 { (party, share) } else { best })
        .0
}
