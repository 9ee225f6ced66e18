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

/// A CSV document being written: its text, and whether a field in the line being
/// written needs a comma before it.
struct Csv(String, bool);

impl Csv {
    fn new(header: &[&str]) -> Csv {
        let mut csv = Csv("\u{feff}".to_string(), false);
        for field in header {
            csv.text(field);
        }
        csv.end();
        csv
    }

    /// A text field from the data: quoted where it must be, and kept inert. (Bytes,
    /// not the standard library's searches for characters, which cost the widget
    /// their code.)
    fn text(&mut self, field: &str) {
        self.separate();
        let risky = matches!(field.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
        let quoted = field.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
        if quoted {
            self.0.push('"');
        }
        if risky {
            self.0.push('\'');
        }
        for c in field.chars() {
            // A quote in a quoted field is written twice.
            if c == '"' {
                self.0.push('"');
            }
            self.0.push(c);
        }
        if quoted {
            self.0.push('"');
        }
    }

    /// A number this module wrote.
    fn number(&mut self, field: &str) {
        self.separate();
        self.0.push_str(field);
    }

    fn empty(&mut self) {
        self.separate();
    }

    fn separate(&mut self) {
        if self.1 {
            self.0.push(',');
        }
        self.1 = true;
    }

    fn end(&mut self) {
        self.0.push_str("\r\n");
        self.1 = false;
    }
}

/// A fraction as a percentage to one decimal place, rounded as the tables round
/// it (`Numbers::one_decimal`): 0.3412 is 34.1, -0.0394 is -3.9. Written with
/// integers: float formatting would cost the widget kilobytes. Not a number is an
/// empty field.
fn percent(fraction: f64) -> String {
    let value = fraction * 100.0;
    if !value.is_finite() {
        return String::new();
    }
    let tenths = (value.abs() * 10.0 + 0.5).trunc() as u64;
    let sign = if value < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
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
        csv.number(&row.votes.to_string());
        csv.number(&percent(row.share));
        for k in 0..result.summary.stages.len() {
            match row.stages.get(k) {
                Some(votes) => csv.number(&votes.to_string()),
                None => csv.empty(),
            }
        }
        if has_change {
            match row.change {
                Some(change) => csv.number(&percent(change)),
                None => csv.empty(),
            }
        }
        csv.number(if row.elected { "1" } else { "0" });
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
        csv.number(&row.majority.to_string());
        csv.number(&percent(row.majority_share));
        match row.turnout {
            Some(turnout) => csv.number(&percent(turnout)),
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
    fn a_percentage_is_the_tables_without_its_sign_or_separators() {
        let n = crate::locale::Numbers::default();
        for i in -2000..=2000 {
            // Every tenth of a point, and the halves between them where rounding turns.
            for fraction in [f64::from(i) / 1000.0, (f64::from(i) + 0.5) / 1000.0, f64::from(i) / 1000.0 + 1e-9] {
                let table = n.points_change(fraction).replace('\u{2212}', "-").replace('+', "");
                assert_eq!(percent(fraction), table, "{fraction}");
            }
        }
        assert_eq!(percent(0.340772), "34.1");
        assert_eq!(percent(-0.394348), "-39.4");
        assert_eq!(percent(1.0), "100.0");
        assert_eq!(percent(f64::NAN), "");
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
