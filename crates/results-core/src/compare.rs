//! Seats side by side: a row per party, a column per seat.

use crate::chart::compare_parties;
use crate::derive::SeatResult;
use crate::sort::{collation_key, order_by, Direction, Key, Sort, TableColumn};

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
                .map(|r| {
                    let rows: Vec<_> = r.rows.iter().filter(|row| row.party_id == id).collect();
                    // No share before the count: a dash, not 0%.
                    (!rows.is_empty() && r.summary.declared).then(|| rows.iter().map(|row| row.share).sum())
                })
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
    fn label(self) -> &'static str {
        match self {
            CompareColumn::Party => "column.party",
            CompareColumn::Seat(_) => "column.share",
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

    #[test]
    fn three_tower_hamlets_seats() {
        let load = |code: &str| {
            let text = std::fs::read_to_string(format!("{}/../../data/seats/{code}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let file = parse_results(&text).unwrap();
            let seat = file.contest(code, None).unwrap().clone();
            SeatResult::new(&file, &seat)
        };
        let results = [load("E14001086"), load("E14001430"), load("E14001525")];
        let refs: Vec<&SeatResult> = results.iter().collect();
        let rows = compare_rows(&refs);
        assert_eq!(rows[0].party, "Labour");
        assert_eq!(rows[0].shares.len(), 3);
        let order = compare_order(&rows, default_compare_sort().pressed(CompareColumn::Party));
        assert_eq!(rows[order[0]].party, "Conservative", "A to Z");
        assert!(rows.iter().any(|r| r.party == "Independent"));
    }
}
