//! Seats side by side: a row per party, a column per seat.

use crate::chart::compare_parties;
use crate::derive::SeatResult;
use crate::sort::{collation_key, order_by, Direction, Key, Sort, TableColumn};
use crate::locale::Label;

/// One party's shares across the compared seats.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub party: String,
    pub colour: String,
    pub dark_colour: Option<String>,
    /// Share in each seat, in the seats' order; `None` where the party did not stand.
    pub shares: Vec<Option<f64>>,
}

/// The parties of the compared seats (see [`compare_parties`]), each with its shares.
pub fn compare_rows(results: &[&SeatResult]) -> Vec<CompareRow> {
    compare_parties(results)
        .into_iter()
        .map(|(id, name, colour)| CompareRow {
            dark_colour: results.iter().flat_map(|r| r.rows.iter()).find(|row| row.party_id == id).and_then(|row| row.dark_colour.clone()),
            party: name,
            colour,
            shares: results
                .iter()
                // No share before the count: a dash, not 0%.
                .map(|r| r.party_share(&id).filter(|_| r.summary.declared))
                .collect(),
        })
        .collect()
}

/// A column of the compare table: the party, or the n-th seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareColumn {
    Party,
    Seat(usize),
}

impl TableColumn for CompareColumn {
    fn label(self) -> Label {
        match self {
            CompareColumn::Party => Label::ColumnParty,
            CompareColumn::Seat(_) => Label::ColumnShare,
        }
    }

    fn first_direction(self) -> Direction {
        match self {
            CompareColumn::Party => Direction::Ascending,
            CompareColumn::Seat(_) => Direction::Descending,
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, CompareColumn::Seat(_))
    }
}

/// By the first seat's shares, largest first.
pub fn default_compare_sort() -> Sort<CompareColumn> {
    Sort { column: CompareColumn::Seat(0), direction: Direction::Descending }
}

/// Row indices in display order.
pub fn compare_order(rows: &[CompareRow], sort: Sort<CompareColumn>) -> Vec<usize> {
    order_by(rows, sort.direction, |row| match sort.column {
        CompareColumn::Party => Key::Text(collation_key(&row.party)),
        CompareColumn::Seat(i) => Key::fraction(row.shares.get(i).copied().flatten()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_results;

    /// A seat's latest result from the shipped data's folder `dir` ("" for 2024).
    fn load(dir: &str, code: &str) -> SeatResult {
        let text = std::fs::read_to_string(format!("{}/../../data/{dir}seats/{code}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let file = parse_results(&text).unwrap();
        SeatResult::new(&file, file.contest(code, None).unwrap())
    }

    #[test]
    fn three_tower_hamlets_seats() {
        let results = [load("", "E14001086"), load("", "E14001430"), load("", "E14001525")];
        let refs: Vec<&SeatResult> = results.iter().collect();
        let rows = compare_rows(&refs);
        assert_eq!(rows[0].party, "Labour");
        assert_eq!(rows[0].shares.len(), 3);
        let order = compare_order(&rows, default_compare_sort().pressed(CompareColumn::Party));
        assert_eq!(rows[order[0]].party, "Conservative", "A to Z");
        assert!(rows.iter().any(|r| r.party == "Independent"));
    }

    #[test]
    fn wards_electing_several_compare_each_partys_part_of_the_votes_cast() {
        let ward = |code: &str| load("tower-hamlets-2022/", code);
        let index: crate::model::Index = serde_json::from_str(&std::fs::read_to_string(format!("{}/../../data/tower-hamlets-2022/index.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap();
        let code = |name: &str| index.seats.iter().find(|r| r.name == name).unwrap().code.clone();
        let results = [ward(&code("Bow East")), ward(&code("Mile End"))];
        let refs: Vec<&SeatResult> = results.iter().collect();
        for row in compare_rows(&refs) {
            // Each party's part: never past the whole (Labour in Bow East was 141.9%).
            for share in row.shares.iter().flatten() {
                assert!((0.0..=1.0).contains(share), "{} {share}", row.party);
            }
        }
        for result in &results {
            let parties: Vec<&str> = result.rows.iter().map(|r| r.party_id.as_str()).collect();
            let total: f64 = parties.iter().enumerate().filter(|(i, p)| !parties[..*i].contains(p)).map(|(_, p)| result.party_share(p).unwrap()).sum();
            assert!((total - 1.0).abs() < 1e-9, "{}: {total}", result.name);
        }
        // One member, one vote: the candidate's own share, as the result view shows it.
        let bethnal = load("", "E14001086");
        assert_eq!(bethnal.party_share("lab"), Some(bethnal.rows[0].share));
        assert_eq!(bethnal.party_share("nobody"), None);
    }
}
