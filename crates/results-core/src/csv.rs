//! Tables as CSV for a reader to take away: exactly the rows shown, in the order
//! shown, a header row in the locale's words, UTF-8 with a byte-order mark (so
//! spreadsheet programs read names such as "Ynys Môn" rightly), lines ended CRLF
//! (RFC 4180), text in quotes, and numbers as plain numbers: no thousands
//! separators, a point for decimals, shares in percent.
//!
//! A text field that a spreadsheet would take for a formula (one starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) starts with an apostrophe
//! instead, so it stays text (OWASP's advice on CSV injection). Numbers are written
//! by this module, never from the data's text, so a negative change stays a number.

use crate::derive::SeatResult;
use crate::locale::Locale;
use crate::model::Index;
use crate::locale::Label;

/// A CSV document being written: its text, and whether a field in the line being
/// written needs a comma before it.
struct Csv(String, bool);

impl Csv {
    /// A document whose header row starts with the labels of `keys`; the caller
    /// adds any other headings and ends the line.
    fn new(locale: &Locale, keys: &[Label]) -> Csv {
        let mut csv = Csv("\u{feff}".to_string(), false);
        for key in keys {
            csv.text(locale.text(*key));
        }
        csv
    }

    /// A text field: always quoted (so a spreadsheet that reads quoted fields as
    /// text keeps a code such as "E14001086" as it is, and the text and the numbers
    /// are told apart at a glance), and kept inert.
    fn text(&mut self, field: &str) {
        self.separate();
        self.0.push('"');
        if matches!(field.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')) {
            self.0.push('\'');
        }
        for c in field.chars() {
            // A quote in a quoted field is written twice.
            if c == '"' {
                self.0.push('"');
            }
            self.0.push(c);
        }
        self.0.push('"');
    }

    /// A whole number, or an empty field.
    fn count(&mut self, value: Option<u64>) {
        self.separate();
        if let Some(value) = value {
            self.0.push_str(&value.to_string());
        }
    }

    /// A fraction as a percentage to one decimal place, rounded as the tables round
    /// it: 0.3412 is 34.1, -0.0394 is -3.9; not a number is an empty field.
    fn share(&mut self, fraction: Option<f64>) {
        self.separate();
        // As `Numbers::one_decimal` writes it, without its separators.
        if let Some((negative, tenths)) = fraction.and_then(|f| crate::locale::rounded_tenths(f * 100.0)) {
            if negative {
                self.0.push('-');
            }
            self.0.push_str(&(tenths / 10).to_string());
            self.0.push('.');
            self.0.push(char::from(b'0' + (tenths % 10) as u8));
        }
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

/// `csv` as a `data:` URL, for a link that saves it: what a URL would lose or read
/// otherwise is escaped (`%`, `#`, line ends and tabs, which URL parsing drops); the
/// browser escapes the rest (spaces, letters beyond ASCII) as it parses the link.
pub fn data_url(csv: &str) -> String {
    let mut url = String::from("data:text/csv;charset=utf-8,");
    for c in csv.chars() {
        match c {
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            '\r' => url.push_str("%0D"),
            '\n' => url.push_str("%0A"),
            '\t' => url.push_str("%09"),
            c => url.push(c),
        }
    }
    url
}

/// A share as [`Csv::share`] writes it.
#[cfg(test)]
fn percent(fraction: f64) -> String {
    let mut csv = Csv(String::new(), false);
    csv.share(Some(fraction));
    csv.0
}

/// A seat's candidates, in `order` (indices into its rows, as the table shows
/// them): name, party, votes, share, any later stages, the change where any
/// candidate has one, and whether elected.
pub fn result_csv(result: &SeatResult, order: &[usize], locale: &Locale) -> String {
    let has_change = result.rows.iter().any(|r| r.change.is_some());
    let stages = &result.summary.stages;
    let mut csv = Csv::new(locale, &[Label::ColumnCandidate, Label::ColumnParty, Label::ColumnVotes, Label::ColumnShare]);
    for stage in stages {
        csv.text(stage);
    }
    if has_change {
        csv.text(locale.text(if result.summary.previous_notional { Label::ColumnChangeNotional } else { Label::ColumnChange }));
    }
    csv.text(locale.text(Label::ResultElected));
    csv.end();
    for row in order.iter().filter_map(|&i| result.rows.get(i)) {
        csv.text(&row.name);
        csv.text(&row.party_name);
        csv.count(Some(row.votes));
        csv.share(Some(row.share));
        for k in 0..stages.len() {
            csv.count(row.stages.get(k).copied());
        }
        if has_change {
            csv.share(row.change);
        }
        csv.count(Some(u64::from(row.elected)));
        csv.end();
    }
    csv.0
}

/// The national seats table's rows in `order` (indices into the index's seats, as
/// the reader filtered and sorted them): code, seat, winner, party, result,
/// majority, majority share and turnout.
pub fn seats_csv(index: &Index, order: &[usize], locale: &Locale) -> String {
    let mut csv = Csv::new(
        locale,
        &[Label::ColumnCode, Label::ColumnSeat, Label::ColumnWinner, Label::ColumnParty, Label::ColumnResult, Label::ColumnMajority, Label::ColumnMajorityShare, Label::ColumnTurnout],
    );
    csv.end();
    for row in order.iter().filter_map(|&i| index.seats.get(i)) {
        csv.text(&row.code);
        csv.text(locale.seat_name(&row.name, row.name_cy.as_deref()).0);
        csv.text(row.winner.as_deref().unwrap_or(""));
        csv.text(row.party.as_deref().and_then(|id| index.parties.iter().find(|p| p.id == id)).map_or("", |p| p.name.as_str()));
        csv.text(&locale.outcome(&index.outcome(row)));
        csv.count(row.majority);
        csv.share(row.majority_share);
        csv.share(row.turnout);
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
        assert!(text.starts_with("\u{feff}\"Candidate\",\"Party\",\"Votes\",\"Share\","), "{text}");
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
    fn a_data_url_keeps_every_character_a_url_would_lose_or_read() {
        let text = "\u{feff}\"Ynys Môn\",\"50% #1\"\r\n\"a\tb\",12\r\n";
        let url = data_url(text);
        let body = url.strip_prefix("data:text/csv;charset=utf-8,").unwrap();
        // URL parsing drops tabs and line ends, reads % as an escape and # as the
        // fragment: none is left bare.
        assert!(!body.contains(['\t', '\r', '\n', '#']), "{body}");
        assert!(body.split('%').skip(1).all(|escape| escape.len() >= 2 && u8::from_str_radix(&escape[..2], 16).is_ok()), "{body}");
        // Decoded, it is the text again.
        let mut bytes = Vec::new();
        let mut rest = body.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            if b == b'%' {
                bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
                rest = &tail[2..];
            } else {
                bytes.push(b);
                rest = tail;
            }
        }
        assert_eq!(String::from_utf8(bytes).unwrap(), text);
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
