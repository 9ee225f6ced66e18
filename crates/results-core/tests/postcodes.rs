//! Finding a seat by postcode, on mySociety's real range table
//! (`../shared/data/mysociety`) and on the shipped per-area files (`data/postcodes/`):
//! named postcodes, every range's first postcode, and generated strings, which never
//! panic and never come out as a seat whose range begins in another postcode area.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use results_core::postcode::{self, decode_table, key, key_text, parse_area, AreaFile, Postcode, PostcodeError, Range};

const MYSOCIETY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/mysociety");
const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/postcodes");

struct Table {
    ranges: Vec<Range>,
    /// ONS code and name by `value_values` index.
    seats: Vec<Option<(String, String)>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let read = |file: &str| serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(Path::new(MYSOCIETY).join(file)).unwrap()).unwrap();
        let json = read("pcon_2024_postcode_ranges.json");
        let codes = read("pcon_2024_codes.json");
        let numbers = |name: &str| json[name].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect::<Vec<u64>>();
        let values: Vec<Option<String>> = json["value_values"].as_array().unwrap().iter().map(|v| v.as_str().map(String::from)).collect();
        let ranges = decode_table(&numbers("postcode_keys"), &numbers("value_key"), &values).unwrap();
        let seats = values
            .iter()
            .map(|v| v.as_ref().map(|short| (codes[short]["parlcon_2024_gss_code"].as_str().unwrap().to_string(), codes[short]["parlcon_2024_name"].as_str().unwrap().to_string())))
            .collect();
        Table { ranges, seats }
    })
}

fn files() -> &'static BTreeMap<String, AreaFile> {
    static FILES: OnceLock<BTreeMap<String, AreaFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        postcode::gb_areas()
            .map(|area| {
                let text = std::fs::read_to_string(Path::new(SHIPPED).join(format!("{area}.json"))).expect("data/postcodes is shipped: run scripts/make-data");
                (area.to_string(), parse_area(&text).unwrap())
            })
            .collect()
    })
}

/// The seat in the whole table, as (ONS code, name).
fn in_table(input: &str) -> Result<(String, String), PostcodeError> {
    let postcode = Postcode::parse(input)?;
    let at = postcode::find(&table().ranges, &postcode)?;
    Ok(table().seats[at as usize].clone().unwrap())
}

/// The seat in the shipped files, as the widget finds it.
fn in_files(input: &str) -> Result<(String, String), PostcodeError> {
    let postcode = Postcode::parse(input)?;
    let seat = files()[postcode.area()].find(&postcode)?;
    Ok((seat.code.clone(), seat.name.clone()))
}

fn area_of_key(key: u64) -> String {
    key_text(key).chars().take_while(char::is_ascii_uppercase).collect()
}

#[test]
fn named_postcodes() {
    let bethnal = ("E14001086".to_string(), "Bethnal Green and Stepney".to_string());
    let cases = [
        ("e1 4ns", "E14001086", "Bethnal Green and Stepney"),
        ("E1 4NS", "E14001086", "Bethnal Green and Stepney"),
        ("E14NS", "E14001086", "Bethnal Green and Stepney"),
        ("  e1   4NS ", "E14001086", "Bethnal Green and Stepney"),
        ("E2 0AA", "E14001086", "Bethnal Green and Stepney"),
        ("SW1A 0AA", "E14001172", "Cities of London and Westminster"),
        ("SW1A 2AA", "E14001172", "Cities of London and Westminster"),
        ("E14 5AB", "E14001430", "Poplar and Limehouse"),
        ("M1 1AE", "E14001352", "Manchester Central"),
        ("CF10 1EP", "W07000091", "Cardiff South and Penarth"),
    ];
    for (input, code, name) in cases {
        let expected = Ok((code.to_string(), name.to_string()));
        assert_eq!(in_table(input), expected, "{input} in the table");
        assert_eq!(in_files(input), expected, "{input} in the files");
    }
    assert_eq!(in_files("e14ns"), Ok(bethnal));
}

#[test]
fn bad_postcodes_get_their_sentences() {
    let sentence = |input: &str| in_files(input).unwrap_err().to_string();
    assert_eq!(sentence("BT1 1AA"), "BT1 1AA is in Northern Ireland: Northern Ireland's postcodes are not covered by this data (its licence differs).");
    assert_eq!(sentence("bt7 1nn"), "BT7 1NN is in Northern Ireland: Northern Ireland's postcodes are not covered by this data (its licence differs).");
    assert_eq!(sentence("ZZ99 9ZZ"), "ZZ99 9ZZ is not a postcode in Great Britain: ZZ is no GB postcode area.");
    assert_eq!(sentence("JE2 3AB"), "JE2 3AB is not a postcode in Great Britain: JE is no GB postcode area.");
    assert_eq!(sentence("hello"), "\"hello\" is not shaped like a postcode, such as E1 4NS.");
    assert_eq!(sentence(""), "No postcode was given: enter one such as E1 4NS.");
    assert_eq!(sentence("   "), "No postcode was given: enter one such as E1 4NS.");
    assert_eq!(sentence("E1"), "\"E1\" is not shaped like a postcode, such as E1 4NS.");
    // Before the table's first range (B1 1AY), and in one of its gaps (no seat).
    assert_eq!(sentence("AB1 0AA"), "AB1 0AA is not a known postcode.");
    assert_eq!(sentence("B1 1AA"), "B1 1AA is not a known postcode.");
    let gap = table().ranges.iter().find(|r| r.seat.is_none() || table().seats[r.seat.unwrap() as usize].is_none()).unwrap();
    assert!(matches!(in_files(&key_text(gap.start)), Err(PostcodeError::Unknown(_))));
}

#[test]
fn the_gb_areas_are_the_tables() {
    let areas: BTreeSet<String> = table().ranges.iter().map(|r| area_of_key(r.start)).collect();
    let listed: BTreeSet<String> = postcode::gb_areas().map(ToString::to_string).collect();
    assert_eq!(listed.len(), 120);
    assert_eq!(areas, listed);
    assert!(!areas.contains("BT"));
}

#[test]
fn every_range_start_finds_its_own_seat_in_the_table_and_the_files() {
    let table = table();
    assert_eq!(table.ranges.len(), 54_076);
    for range in &table.ranges {
        let text = key_text(range.start);
        let postcode = Postcode::parse(&text).unwrap();
        let expected = range.seat.and_then(|at| table.seats[at as usize].clone());
        assert_eq!(in_table(&text).ok(), expected, "{text}");
        assert_eq!(in_files(&text).ok(), expected, "{text}");
        // And the key just before it: the range before, if that begins in the same area.
        if let Ok(before) = Postcode::parse(&key_text(range.start - 1)) {
            assert_eq!(in_table(&before.to_string()), in_files(&before.to_string()), "{before}");
        }
        assert_eq!(postcode.key(), range.start);
    }
}

/// Strings that look like postcodes more often than not: an area (GB or not), a
/// district, an inward code, in any case and spacing; and any text at all.
fn postcodes() -> impl Strategy<Value = String> {
    let area = prop_oneof![proptest::sample::select(postcode::gb_areas().collect::<Vec<_>>()).prop_map(String::from), "[A-Z]{1,2}", Just("BT".to_string())];
    let shaped = (area, "[0-9][0-9A-Z]?", "[0-9][A-Z]{2}", " {0,2}", any::<bool>()).prop_map(|(area, district, inward, space, lower)| {
        let text = format!("{area}{district}{space}{inward}");
        if lower {
            text.to_lowercase()
        } else {
            text
        }
    });
    prop_oneof![4 => shaped, 1 => "[A-Za-z0-9 ]{0,9}", 1 => any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn never_a_seat_of_another_area_and_never_a_panic(input in postcodes()) {
        let table = table();
        let found = in_table(&input);
        prop_assert_eq!(&found, &in_files(&input));
        if found.is_ok() {
            let postcode = Postcode::parse(&input).unwrap();
            let holding = table.ranges.partition_point(|r| r.start <= postcode.key()) - 1;
            prop_assert_eq!(area_of_key(table.ranges[holding].start), postcode.area());
            prop_assert!(postcode.area() != "BT");
            prop_assert_eq!(key(postcode.as_str()), Some(postcode.key()));
        }
    }
}
