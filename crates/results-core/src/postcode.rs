//! Finding a 2024 seat by postcode: a postcode normalised and checked, and its seat
//! found in a piece of mySociety's range table (`pcon_2024_postcode_ranges.json`,
//! see `../shared/data/SOURCES.md`), or in one of the per-area files that
//! `results postcodes` writes from it (`postcodes/<AREA>.json`, docs/format.md).
//!
//! A postcode with its spaces removed, upper-cased and read as a base-36 number is
//! a key; the table is a list of ranges, each from its first key to the next
//! range's, and a key's range is the last one whose first key is not above it. A
//! range look-up puts any string in some range, so a postcode is checked first (its
//! shape; Northern Ireland; a GB postcode area) and its range must begin in its own
//! postcode area: otherwise the postcode is not known, never another area's seat.

use std::fmt;

use crate::load::LoadError;
use crate::locale::Locale;
use crate::model::{Election, ElectionKind};
use crate::validate::Problem;
use crate::locale::Label;

/// The format version of the per-area postcode files.
pub const POSTCODE_FORMAT_VERSION: u32 = 1;

/// Great Britain's 120 postcode areas, between spaces (Northern Ireland's BT is not
/// among them); [`gb_areas`] lists them and [`is_gb_area`] finds one.
/// A fixed list rather than the areas a file happens to hold, so that a widget
/// says "no GB postcode area" without fetching anything (a missing file would
/// not have to mean that). `results postcodes` refuses a range table whose areas
/// differ from it, and a test checks it against the shipped table.
pub const GB_AREAS: &str = "AB AL B BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE";

/// Great Britain's postcode areas, in order.
pub fn gb_areas() -> impl Iterator<Item = &'static str> {
    GB_AREAS.split(' ')
}

/// Whether these letters are a GB postcode area.
pub fn is_gb_area(letters: &str) -> bool {
    gb_areas().any(|area| area == letters)
}

/// Why a postcode has no seat, in a sentence a reader understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("No postcode was given: enter one such as E1 4NS.")]
    Empty,
    /// What was typed, trimmed.
    #[error("\"{0}\" is not shaped like a postcode, such as E1 4NS.")]
    Shape(String),
    /// The postcode, written with its space.
    #[error("{0} is in Northern Ireland: Northern Ireland's postcodes are not covered by this data (its licence differs).")]
    NorthernIreland(String),
    /// The postcode and its area letters.
    #[error("{0} is not a postcode in Great Britain: {1} is no GB postcode area.")]
    NotGb(String, String),
    /// Shaped like a GB postcode, but the data gives it no seat.
    #[error("{0} is not a known postcode.")]
    Unknown(String),
}

impl PostcodeError {
    /// The sentence in the locale's words (`postcode.*`): the widget's, where
    /// `Display` is the command line's.
    pub fn message(&self, locale: &Locale) -> String {
        let (postcode, area) = match self {
            PostcodeError::Empty => ("", ""),
            PostcodeError::Shape(text) | PostcodeError::NorthernIreland(text) | PostcodeError::Unknown(text) => (text.as_str(), ""),
            PostcodeError::NotGb(text, area) => (text.as_str(), area.as_str()),
        };
        locale.fill(self.label(), &[("postcode", postcode), ("area", area)])
    }

    /// The label naming the kind of error, for a widget to word it in its locale.
    pub fn label(&self) -> Label {
        match self {
            PostcodeError::Empty => Label::PostcodeEmpty,
            PostcodeError::Shape(_) => Label::PostcodeShape,
            PostcodeError::NorthernIreland(_) => Label::PostcodeNorthernIreland,
            PostcodeError::NotGb(..) => Label::PostcodeNotGb,
            PostcodeError::Unknown(_) => Label::PostcodeUnknown,
        }
    }
}

/// Whether the postcode files can find a seat of this election: they map
/// postcodes to the seats of the 2024 boundaries, so a general election fought on
/// them. (A council's wards, or a general election on older boundaries, are not
/// what a postcode opens.)
pub fn covers(election: &Election) -> bool {
    election.kind == ElectionKind::General && election.boundaries.as_deref() == Some("2024")
}

/// Trims, upper-cases (ASCII) and removes every space: "e1 4ns", "E14NS" and
/// " E1  4NS " are all "E14NS".
pub fn normalise(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect()
}

/// A checked postcode: GB-shaped, normalised (no spaces, upper case), of a GB area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postcode {
    text: String,
    area: usize,
}

impl Postcode {
    /// Normalises and checks what a reader typed: its shape (outward code: an area
    /// of one or two letters and a district, a digit then maybe a digit or a
    /// letter; inward code: a digit and two letters), not Northern Ireland (BT),
    /// and a GB postcode area.
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let text = normalise(input);
        if text.is_empty() {
            return Err(PostcodeError::Empty);
        }
        let bytes = text.as_bytes();
        let area = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let (outward, inward) = bytes.split_at(bytes.len().saturating_sub(3));
        let district = match outward.get(area..) {
            Some([d]) => d.is_ascii_digit(),
            Some([d, e]) => d.is_ascii_digit() && (e.is_ascii_digit() || e.is_ascii_uppercase()),
            _ => false,
        };
        let inward = matches!(inward, [n, x, y] if n.is_ascii_digit() && x.is_ascii_uppercase() && y.is_ascii_uppercase());
        let shaped = (1..=2).contains(&area) && district && inward;
        if !shaped {
            return Err(PostcodeError::Shape(input.trim().to_string()));
        }
        let postcode = Postcode { text, area };
        match postcode.area() {
            "BT" => Err(PostcodeError::NorthernIreland(postcode.to_string())),
            letters if !is_gb_area(letters) => Err(PostcodeError::NotGb(postcode.to_string(), letters.to_string())),
            _ => Ok(postcode),
        }
    }

    /// Normalised: "E14NS".
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The postcode area: "E", "SW".
    pub fn area(&self) -> &str {
        self.text.get(..self.area).unwrap_or_default()
    }

    /// The outward code: "E1", "SW1A".
    pub fn outward(&self) -> &str {
        self.text.get(..self.text.len() - 3).unwrap_or_default()
    }

    /// The key: the normalised postcode read as a base-36 number.
    pub fn key(&self) -> u64 {
        key(&self.text).unwrap_or_default()
    }
}

/// Written as it is printed, with its space: "E1 4NS".
impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (outward, inward) = self.text.split_at(self.text.len() - 3);
        write!(f, "{outward} {inward}")
    }
}

/// A string of ASCII digits and upper-case letters (at most 12, which fit 64 bits)
/// read as a base-36 number.
pub fn key(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 12 {
        return None;
    }
    text.bytes().try_fold(0u64, |n, b| {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'A'..=b'Z' => b - b'A' + 10,
            _ => return None,
        };
        Some(n * 36 + u64::from(digit))
    })
}

/// A key written back in base 36: `key_text(key("E14NS")) == "E14NS"` (a key
/// starting with a letter has no leading zeros to lose).
pub fn key_text(mut key: u64) -> String {
    let mut digits = Vec::new();
    while key > 0 {
        let d = (key % 36) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'A' + d - 10 });
        key /= 36;
    }
    digits.iter().rev().map(|&b| char::from(b)).collect()
}

/// The postcode area of a key: its leading letters.
fn key_area(key: u64) -> String {
    key_text(key).chars().take_while(char::is_ascii_uppercase).collect()
}

/// One range of the table: from its first key to the next range's, one seat or none
/// (`seat` is an index into the seats of the table or file that holds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: u64,
    pub seat: Option<u32>,
}

/// The seat of a checked postcode in ranges sorted by `start`: the last range whose
/// first key is not above the postcode's key, if that range begins in the
/// postcode's own area and has a seat. Otherwise the postcode is not known (it is
/// before every range, in a gap of the data, or past the end of its area's
/// ranges, where a range of another area begins).
pub fn find(ranges: &[Range], postcode: &Postcode) -> Result<u32, PostcodeError> {
    let key = postcode.key();
    let holding = ranges.partition_point(|range| range.start <= key).checked_sub(1).and_then(|at| ranges.get(at));
    match holding {
        Some(Range { start, seat: Some(seat) }) if key_area(*start) == postcode.area() => Ok(*seat),
        _ => Err(PostcodeError::Unknown(postcode.to_string())),
    }
}

/// Why mySociety's range table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("postcode_keys and value_key differ in length ({0} and {1})")]
    Lengths(usize, usize),
    #[error("postcode_keys[{0}]: the keys do not rise (a difference of 0, or a sum past 64 bits)")]
    NotRising(usize),
}

/// Decodes mySociety's range table (SOURCES.md): `key_differences` are the first
/// keys as differences (running sums give them); `value_key` the value indices, the
/// first two as they are, then 0 meaning "the same as two before", each one more
/// than the real index. An index outside `values`, or of a null value, is a range
/// with no seat.
pub fn decode_table<T>(key_differences: &[u64], value_key: &[u64], values: &[Option<T>]) -> Result<Vec<Range>, TableError> {
    if key_differences.len() != value_key.len() {
        return Err(TableError::Lengths(key_differences.len(), value_key.len()));
    }
    let mut ranges: Vec<Range> = Vec::with_capacity(value_key.len());
    let mut raw: Vec<u64> = Vec::with_capacity(value_key.len());
    let mut start = 0u64;
    for (at, (&difference, &value)) in key_differences.iter().zip(value_key).enumerate() {
        start = match start.checked_add(difference) {
            Some(next) if at == 0 || difference > 0 => next,
            _ => return Err(TableError::NotRising(at)),
        };
        let value = match (at, value) {
            (2.., 0) => raw.get(at - 2).copied().unwrap_or_default(),
            _ => value,
        };
        raw.push(value);
        let index = value.checked_sub(1).and_then(|i| usize::try_from(i).ok());
        let seat = index.filter(|&i| values.get(i).is_some_and(Option::is_some)).and_then(|i| u32::try_from(i).ok());
        ranges.push(Range { start, seat });
    }
    Ok(ranges)
}

/// A seat as the postcode files name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// The ONS (GSS) code, as `seats/<code>.json` is named: "E14001086".
    pub code: String,
    pub name: String,
    /// The Welsh name, where the seat has one.
    pub name_cy: Option<String>,
}

/// One postcode area's file (`postcodes/<AREA>.json`): its seats, and the ranges
/// that begin in the area, each run of them followed by the range after it (which
/// begins in another area, so has no seat here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaFile {
    pub area: String,
    pub seats: Vec<Seat>,
    pub ranges: Vec<Range>,
}

impl AreaFile {
    /// The seat of a checked postcode of this file's area.
    pub fn find(&self, postcode: &Postcode) -> Result<&Seat, PostcodeError> {
        let unknown = || PostcodeError::Unknown(postcode.to_string());
        if postcode.area() != self.area {
            return Err(unknown());
        }
        let seat = find(&self.ranges, postcode)?;
        usize::try_from(seat).ok().and_then(|at| self.seats.get(at)).ok_or_else(unknown)
    }
}

/// The file a postcode's seat is in, relative to a results directory:
/// `postcodes/E.json`.
pub fn area_path(postcode: &Postcode) -> String {
    format!("postcodes/{}.json", postcode.area())
}

/// Reads a postcode area file (docs/format.md, "Postcode files"): its version, its
/// types (`crate::json::postcode_area`), and that its area is a GB one and its
/// ranges rise and name seats it has.
pub fn parse_area(text: &str) -> Result<AreaFile, LoadError> {
    let (area, seats, raw) = crate::json::postcode_area(&crate::load::parse_json(text)?)?;
    let mut problems = Vec::new();
    if !is_gb_area(&area) {
        problems.push(Problem { path: "area".into(), message: format!("must be a GB postcode area such as \"E\", found \"{area}\"") });
    }
    for (at, seat) in seats.iter().enumerate() {
        if !crate::route::is_seat_code(&seat.code) {
            problems.push(Problem { path: format!("seats[{at}].code"), message: format!("must be a seat code (letters, digits, - and _), found \"{}\"", seat.code) });
        }
    }
    let mut ranges: Vec<Range> = Vec::with_capacity(raw.len());
    for (at, (start, seat)) in raw.into_iter().enumerate() {
        let seat = seat.map(|seat| u32::try_from(seat).ok().filter(|&seat| (seat as usize) < seats.len()).ok_or(seat)).transpose();
        let (part, message) = match (key(&start), seat) {
            (None, _) => ("[0]", format!("must be a postcode in capitals without spaces, found \"{start}\"")),
            (_, Err(seat)) => ("[1]", format!("must be the index of one of the file's {} seats, found {seat}", seats.len())),
            (Some(start), _) if ranges.last().is_some_and(|last| last.start >= start) => ("", "must begin after the range before it".into()),
            (Some(start), Ok(seat)) => {
                ranges.push(Range { start, seat });
                continue;
            }
        };
        problems.push(Problem { path: format!("ranges[{at}]{part}"), message });
    }
    if problems.is_empty() {
        Ok(AreaFile { area, seats, ranges })
    } else {
        Err(LoadError::Invalid(problems))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn normalising_ignores_case_and_spaces() {
        for input in ["e1 4ns", "E14NS", " E1  4NS ", "e1\t4ns\u{a0}"] {
            assert_eq!(Postcode::parse(input).unwrap().as_str(), "E14NS", "{input:?}");
        }
        let pc = Postcode::parse("sw1a0aa").unwrap();
        assert_eq!((pc.to_string().as_str(), pc.area(), pc.outward()), ("SW1A 0AA", "SW", "SW1A"));
    }

    #[test]
    fn every_shape_of_outward_code() {
        for good in ["M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "CF10 1EP"] {
            assert!(Postcode::parse(good).is_ok(), "{good}");
        }
        for bad in ["hello", "E1", "E1 4N", "E1 4NSS", "1E 4NS", "EEE1 4NS", "E1AA 4NS", "E 4NS", "E1 NS4", "E1 44S", "E1-4NS", "É1 4NS", "SW1AA 0AA"] {
            assert!(matches!(Postcode::parse(bad), Err(PostcodeError::Shape(_))), "{bad}");
        }
    }

    #[test]
    fn sentences() {
        assert_eq!(Postcode::parse("  ").unwrap_err().to_string(), "No postcode was given: enter one such as E1 4NS.");
        assert_eq!(Postcode::parse(" hello ").unwrap_err().to_string(), "\"hello\" is not shaped like a postcode, such as E1 4NS.");
        assert_eq!(
            Postcode::parse("bt1 1aa").unwrap_err().to_string(),
            "BT1 1AA is in Northern Ireland: Northern Ireland's postcodes are not covered by this data (its licence differs)."
        );
        assert_eq!(Postcode::parse("ZZ99 9ZZ").unwrap_err().to_string(), "ZZ99 9ZZ is not a postcode in Great Britain: ZZ is no GB postcode area.");
        assert_eq!(Postcode::parse("JE2 3AB").unwrap_err().label(), Label::PostcodeNotGb);
    }

    #[test]
    fn sentences_in_the_locales_words() {
        let english = Locale::default();
        let said = |input: &str| Postcode::parse(input).unwrap_err().message(&english);
        assert_eq!(said(""), "Enter a postcode, such as E1 4NS.");
        assert_eq!(said("hello"), "\"hello\" is not a GB postcode: a postcode looks like E1 4NS.");
        assert_eq!(said("bt1 1aa"), "BT1 1AA is in Northern Ireland, which this look-up does not cover (its data is licensed separately).");
        assert_eq!(said("zz99 9zz"), "ZZ99 9ZZ is not a GB postcode: there is no postcode area ZZ in Great Britain.");
        assert_eq!(PostcodeError::Unknown("E99 9ZZ".into()).message(&english), "E99 9ZZ is not a postcode we know: check it and try again.");
        let (labels, _) = crate::locale::Labels::new([("postcode.not_gb".to_string(), "{area}? {postcode}!".to_string())].into_iter().collect());
        let relabelled = Locale { labels, ..Locale::default() };
        assert_eq!(Postcode::parse("ZZ99 9ZZ").unwrap_err().message(&relabelled), "ZZ? ZZ99 9ZZ!");
    }

    #[test]
    fn keys_are_base_36() {
        assert_eq!(key("E14NS"), Some((((14 * 36 + 1) * 36 + 4) * 36 + 23) * 36 + 28));
        assert_eq!(key_text(key("SW1A0AA").unwrap()), "SW1A0AA");
        assert_eq!(key("e1"), None);
        assert_eq!(key(""), None);
        assert_eq!(key("ZZZZZZZZZZZZZ"), None);
        assert_eq!(key_area(key("SW1A0AA").unwrap()), "SW");
    }

    #[test]
    fn a_range_must_begin_in_the_postcodes_area() {
        let k = |s: &str| key(s).unwrap();
        let ranges = [Range { start: k("E14AA"), seat: Some(0) }, Range { start: k("E15AA"), seat: None }, Range { start: k("G11AA"), seat: Some(1) }, Range { start: k("E1W1AA"), seat: Some(2) }];
        let find = |s: &str| find(&ranges, &Postcode::parse(s).unwrap());
        assert_eq!(find("E1 4NS"), Ok(0));
        assert_eq!(find("E1 3ZZ"), Err(PostcodeError::Unknown("E1 3ZZ".into())));
        assert_eq!(find("E1 5AB"), Err(PostcodeError::Unknown("E1 5AB".into())));
        // Past G1 1AA, where a range of another area begins.
        assert_eq!(find("M1 1AA"), Err(PostcodeError::Unknown("M1 1AA".into())));
        assert_eq!(find("E1W 1AB"), Ok(2));
        // Six characters, after every E range of five and before E1W 1AA: G's range.
        assert!(find("E10 1AA").is_err());
    }

    #[test]
    fn the_table_decodes_by_its_rules() {
        let values = [None, Some("A"), Some("B")];
        let ranges = decode_table(&[10, 5, 1, 1, 1], &[2, 3, 0, 0, 4], &values).unwrap();
        let starts: Vec<u64> = ranges.iter().map(|r| r.start).collect();
        let seats: Vec<Option<u32>> = ranges.iter().map(|r| r.seat).collect();
        assert_eq!(starts, [10, 15, 16, 17, 18]);
        assert_eq!(seats, [Some(1), Some(2), Some(1), Some(2), None]);
        assert_eq!(decode_table(&[10, 0], &[2, 2], &values), Err(TableError::NotRising(1)));
        assert_eq!(decode_table(&[1], &[0], &values).unwrap()[0].seat, None);
    }

    #[test]
    fn area_files_are_checked() {
        let good = r#"{"version":1,"area":"E","seats":[{"code":"E14001086","name":"Bethnal Green and Stepney","name_cy":null}],"ranges":[["E14AA",0],["G11AA",null]]}"#;
        let file = parse_area(good).unwrap();
        assert_eq!(file.find(&Postcode::parse("E1 4NS").unwrap()).unwrap().code, "E14001086");
        assert!(file.find(&Postcode::parse("M1 4NS").unwrap()).is_err());
        let problems = |text: &str| match parse_area(text) {
            Err(LoadError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        // Types first, each problem with its path.
        assert_eq!(
            problems(r#"{"version":1,"area":"E","seats":[{"code":"E1"}],"ranges":[["E14AA"],[1,null]]}"#),
            [
                "seats[0]: the field `name` is required but missing",
                "ranges[0]: must be a pair of a first postcode and a seat's index (or null), found sequence",
                "ranges[1][0]: must be text, found 1",
            ]
        );
        // Then what the types do not say.
        let bad = r#"{"version":1,"area":"ZZ","seats":[{"code":"../x","name":"X"}],"ranges":[["E14AA",3],["E1",null],["E1",null],["e1",0]]}"#;
        assert_eq!(
            problems(bad),
            [
                "area: must be a GB postcode area such as \"E\", found \"ZZ\"",
                "seats[0].code: must be a seat code (letters, digits, - and _), found \"../x\"",
                "ranges[0][1]: must be the index of one of the file's 1 seats, found 3",
                "ranges[2]: must begin after the range before it",
                "ranges[3][0]: must be a postcode in capitals without spaces, found \"e1\"",
            ]
        );
        assert!(matches!(parse_area(r#"{"version":2}"#), Err(LoadError::Version { found: 2 })));
        assert!(matches!(parse_area("<html>"), Err(LoadError::Syntax { .. })));
    }
}
