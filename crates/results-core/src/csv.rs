//! Tables as CSV for a reader to take away: exactly the rows shown, in the order
//! shown, a header row in the locale's words, UTF-8 with a byte-order mark (so
//! spreadsheet programs read names such as "Ynys Môn" rightly), lines ended CRLF
//! (RFC 4180), and numbers as plain numbers: no thousands separators, a point for
//! decimals, shares in percent.
//!
//! A text field that a spreadsheet would take for a formula (one starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) starts with an apostrophe
//! instead, so it stays text (OWASP's advice on CSV injection). Numbers are written
//! by this module, never from the data's text, so a negative change stays a number.

use crate::derive::SeatResult;
use crate::locale::Locale;
use crate::model::Index;

/// A CSV document being written.
struct Csv(String);

impl Csv {
    fn new(header: &[&str]) -> Csv {
        let mut csv = Csv("\u{feff}".to_string());
        for field in header {
            csv.text(field);
        }
        csv.end();
        csv
    }

    /// A text field from the data: quoted where it must be, and kept inert.
    fn text(&mut self, field: &str) {
        self.separate();
        let risky = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let inert = if risky { format!("'{field}") } else { field.to_string() };
        if inert.contains([',', '"', '\n', '\r']) {
            self.0.push('"');
            self.0.push_str(&inert.replace('"', "\"\""));
            self.0.push('"');
        } else {
            self.0.push_str(&inert);
        }
    }

    /// A number this module wrote.
    fn number(&mut self, field: impl std::fmt::Display) {
        self.separate();
        self.0.push_str(&field.to_string());
    }

    fn empty(&mut self) {
        self.separate();
    }

    fn separate(&mut self) {
        if !self.0.ends_with('\n') && !self.0.ends_with('\u{feff}') {
            self.0.push(',');
        }
    }

    fn end(&mut self) {
        self.0.push_str("\r\n");
    }
}

/// A fraction as a percentage to one decimal place: 0.3412 is 34.1.
fn percent(fraction: f64) -> String {
    format!("{:.1}", fraction * 100.0)
}

/// A seat's candidates, in `order` (indices into its rows, as the table shows
/// them): name, party, votes, share, any later stages, the change where any
/// candidate has one, and whether elected.
pub fn result_csv(result: &SeatResult, order: &[usize], locale: &Locale) -> String {
    let has_change = result.rows.iter().any(|r| r.change.is_some());
    let mut header = vec![locale.text("column.candidate"), locale.text("column.party"), locale.text("column.votes"), locale.text("column.share")];
    header.extend(result.summary.stages.iter().map(String::as_str));
    if has_change {
        header.push(locale.text("column.change"));
    }
    header.push(locale.text("result.elected"));
    let mut csv = Csv::new(&header);
    for row in order.iter().filter_map(|&i| result.rows.get(i)) {
        csv.text(&row.name);
        csv.text(&row.party_name);
        csv.number(row.votes);
        csv.number(percent(row.share));
        for k in 0..result.summary.stages.len() {
            match row.stages.get(k) {
                Some(votes) => csv.number(votes),
                None => csv.empty(),
            }
        }
        if has_change {
            match row.change {
                Some(change) => csv.number(percent(change)),
                None => csv.empty(),
            }
        }
        csv.number(u8::from(row.elected));
        csv.end();
    }
    csv.0
}

/// The national seats table's rows in `order` (indices into the index's seats, as
/// the reader filtered and sorted them): code, seat, winner, party, result,
/// majority, majority share and turnout.
pub fn seats_csv(index: &Index, order: &[usize], locale: &Locale) -> String {
    let mut csv = Csv::new(&[
        locale.text("column.code"),
        locale.text("column.seat"),
        locale.text("column.winner"),
        locale.text("column.party"),
        locale.text("column.result"),
        locale.text("column.majority"),
        locale.text("column.majority_share"),
        locale.text("column.turnout"),
    ]);
    for row in order.iter().filter_map(|&i| index.seats.get(i)) {
        csv.text(&row.code);
        csv.text(locale.seat_name(&row.name, row.name_cy.as_deref()).0);
        csv.text(row.winner.as_deref().unwrap_or(""));
        csv.text(row.party.as_deref().and_then(|id| index.parties.iter().find(|p| p.id == id)).map_or("", |p| p.name.as_str()));
        csv.text(&locale.outcome(&index.outcome(row)));
        csv.number(row.majority);
        csv.number(percent(row.majority_share));
        match row.turnout {
            Some(turnout) => csv.number(percent(turnout)),
            None => csv.empty(),
        }
        csv.end();
    }
    csv.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::national::{seat_order, SeatFilter};

    fn bethnal() -> SeatResult {
        let file = crate::parse_results(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap()).unwrap();
        SeatResult::new(&file, &file.constituencies[0])
    }

    /// The records of a CSV document, read back with the csv crate.
    fn records(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
        csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes()).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
    }

    #[test]
    fn bethnal_green_and_stepney_2024_as_csv() {
        let result = bethnal();
        let order: Vec<usize> = (0..result.rows.len()).collect();
        let text = result_csv(&result, &order, &Locale::default());
        assert!(text.starts_with("\u{feff}Candidate,Party,Votes,Share,"), "{text}");
        assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "every line ends CRLF");
        let rows = records(&text);
        assert_eq!(rows.len(), 12, "a header and 11 candidates");
        assert_eq!(rows[1][..4], ["Rushanara Ali", "Labour", "15896", "34.1"]);
        assert_eq!(rows[1].last().map(String::as_str), Some("1"));
        assert!(rows[2..].iter().all(|r| r.last().map(String::as_str) == Some("0")));
        // No thousands separators, whatever the locale writes.
        let german = Locale { numbers: crate::locale::Numbers::for_tag("de"), ..Locale::default() };
        assert_eq!(records(&result_csv(&result, &order, &german))[1][2], "15896");
        // The order shown: reversed, the last candidate first.
        let reversed: Vec<usize> = order.iter().rev().copied().collect();
        assert_eq!(records(&result_csv(&result, &reversed, &Locale::default()))[1][0], rows[11][0]);
    }

    #[test]
    fn a_field_a_spreadsheet_would_run_stays_text() {
        let mut result = bethnal();
        result.rows[0].name = "=HYPERLINK(\"http://x\",\"y\")".into();
        result.rows[1].name = "+1".into();
        result.rows[2].name = "@SUM(A1)".into();
        result.rows[3].name = "-2, \"quoted\"\nand a line".into();
        let order: Vec<usize> = (0..result.rows.len()).collect();
        let rows = records(&result_csv(&result, &order, &Locale::default()));
        assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(rows[2][0], "'+1");
        assert_eq!(rows[3][0], "'@SUM(A1)");
        assert_eq!(rows[4][0], "'-2, \"quoted\"\nand a line");
        // A number stays a number, negative or not: the changes are this module's.
        assert!(rows[1..].iter().any(|r| r[4].starts_with('-') && r[4].parse::<f64>().is_ok()), "{rows:?}");
    }

    #[test]
    fn the_filtered_national_table_in_the_order_shown() {
        let index = crate::national::tests::index();
        let locale = Locale::default();
        let filter = SeatFilter { area: Some("London".into()), ..SeatFilter::default() };
        let order = seat_order(&index, &filter, crate::national::closest_sort(), &locale);
        assert!(!order.is_empty() && order.len() < 650);
        let rows = records(&seats_csv(&index, &order, &locale));
        assert_eq!(rows.len(), order.len() + 1);
        assert_eq!(rows[0], ["ONS code", "Seat", "Winner", "Party", "Result", "Majority", "Majority %", "Turnout"]);
        let codes: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        let shown: Vec<&str> = order.iter().map(|&i| index.seats[i].code.as_str()).collect();
        assert_eq!(codes, shown);
        let every = seats_csv(&index, &(0..650).collect::<Vec<_>>(), &locale);
        let bethnal = records(&every).into_iter().find(|r| r[0] == "E14001086").unwrap();
        assert_eq!(bethnal[1..], ["Bethnal Green and Stepney", "Rushanara Ali", "Labour", &locale.outcome(&crate::derive::Outcome::Hold { party: "Lab".into() }), "1689", "3.6", "57.3"]);
    }
}
