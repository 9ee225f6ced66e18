//! The field-by-field reader (`results_core::json`, which the widget runs over the
//! browser's `JSON.parse`) reads every file the project ships exactly as serde's
//! derived code does, and refuses what serde refuses, with the path of each problem.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use results_core::load::{parse_index, parse_labels, parse_unchecked};
use results_core::model::Index;
use results_core::{LoadError, ResultsFile};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_shipped_file_reads_as_serde_reads_it() {
    let mut files = Vec::new();
    json_files(&data(), &mut files);
    let (mut indexes, mut results) = (0, 0);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        if path.file_name().is_some_and(|n| n == "index.json") {
            let by_serde: Index = serde_json::from_str(&text).unwrap();
            assert_eq!(parse_index(&text).unwrap(), by_serde, "{}", path.display());
            indexes += 1;
        } else {
            let by_serde: ResultsFile = serde_json::from_str(&text).unwrap();
            assert_eq!(parse_unchecked(&text).unwrap(), by_serde, "{}", path.display());
            results += 1;
        }
    }
    assert!(indexes >= 2 && results >= 650, "{indexes} indexes, {results} results files");
}

fn problems(result: Result<impl std::fmt::Debug, LoadError>) -> Vec<String> {
    match result {
        Err(LoadError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

const PARTY: &str = r##"{"id":"lab","name":"Labour","abbreviation":"Lab","colour":"#e4003b"}"##;

#[test]
fn absent_and_null_optional_fields_take_their_defaults() {
    let text = format!(
        r#"{{"version":1,"attribution":null,"parties":[{PARTY}],"constituencies":[
            {{"code":"E1","name":"A","election":"ge","region":null,"candidates":[{{"name":"X","party":"lab","votes":3,"elected":null}}]}}]}}"#
    );
    let file = parse_unchecked(&text).unwrap();
    let seat = &file.constituencies[0];
    assert_eq!((seat.declared, seat.seats, seat.region.as_deref(), seat.previous.is_none()), (None, 1, None, true));
    assert_eq!((seat.candidates[0].sitting, seat.candidates[0].elected), (false, None));
    assert!(file.elections.is_empty() && file.attribution.is_none() && file.labels.is_empty());
}

#[test]
fn wrong_types_are_named_with_their_paths() {
    let text = r#"{"version":1,"labels":{"view.result":7},"parties":[[]],"constituencies":[
        {"code":5,"name":"A","election":"ge","declared":"yes","seats":-1,"stages":[1],
         "candidates":[{"name":"X","party":"lab","votes":null,"stages":["a"]}],
         "previous":{"notional":1,"shares":[{"party":"lab","share":"half"}],"seats":"E0"}}]}"#;
    assert_eq!(
        problems(parse_unchecked(text)),
        vec![
            "labels.view.result: must be text, found 7",
            "parties[0]: must be an object, found sequence",
            "constituencies[0].code: must be text, found 5",
            "constituencies[0].declared: must be true or false, found string \"yes\"",
            "constituencies[0].seats: must be a whole number of at least 0, found -1",
            "constituencies[0].stages[0]: must be text, found 1",
            "constituencies[0].candidates[0].votes: must be a whole number of at least 0, found null",
            "constituencies[0].candidates[0].stages[0]: must be a whole number of at least 0, found string \"a\"",
            "constituencies[0].previous.seats: must be a list, found string \"E0\"",
            "constituencies[0].previous.notional: must be true or false, found 1",
            "constituencies[0].previous.shares[0].share: must be a number, found string \"half\"",
        ]
    );
}

#[test]
fn null_is_refused_where_a_field_has_a_default_but_is_not_optional() {
    // `declared` and `elected` are optional (left out, the count decides), so null is fine.
    let text = r#"{"version":1,"labels":null,"elections":null,"constituencies":[
        {"code":"E1","name":"A","election":"ge","declared":null,"seats":null,"stages":null,
         "candidates":[{"name":"X","party":"p","votes":1,"sitting":null,"elected":null}]}]}"#;
    assert_eq!(
        problems(parse_unchecked(text)),
        vec![
            "labels: must be a map, found null",
            "elections: must be a list, found null",
            "constituencies[0].seats: must be a whole number of at least 0, found null",
            "constituencies[0].stages: must be a list, found null",
            "constituencies[0].candidates[0].sitting: must be true or false, found null",
        ]
    );
}

#[test]
fn a_file_cut_off_anywhere_says_it_ends_too_soon() {
    for cut in [r#"{"a": tr"#, r#"{"a": nul"#, r#"{"a": -"#, r#"{"a": 1."#, r#"{"a": 1e"#, r#"{"a": "x\"#, r#"{"a": "x"#, r#"{"a": [1,"#, r#"{"a""#] {
        let err = results_core::json::parse(cut).unwrap_err();
        assert!(err.message.starts_with("the text ends"), "{cut}: {}", err.message);
        assert_eq!(err.offset, cut.len(), "{cut}");
    }
}

#[test]
fn a_top_level_that_is_not_an_object_says_so() {
    assert_eq!(problems(parse_unchecked("[1, 2]")), vec!["(top level): must be an object, found sequence"]);
    assert_eq!(problems(parse_unchecked("\"results\"")), vec!["(top level): must be an object, found string \"results\""]);
    assert_eq!(problems(parse_unchecked("{}")), vec!["(top level): the field `version` is required but missing"]);
    assert_eq!(problems(parse_unchecked(r#"{"version":"1"}"#)), vec!["version: must be a whole number of at least 0, found string \"1\""]);
}

#[test]
fn numbers_beyond_their_types_are_refused() {
    let seat = |seats: &str, votes: &str| {
        format!(r#"{{"version":1,"constituencies":[{{"code":"E1","name":"A","election":"ge","seats":{seats},"candidates":[{{"name":"X","party":"p","votes":{votes}}}]}}]}}"#)
    };
    assert_eq!(
        problems(parse_unchecked(&seat("4294967296", "2.5"))),
        vec![
            "constituencies[0].seats: must be a whole number of at least 0, found 4294967296",
            "constituencies[0].candidates[0].votes: must be a whole number of at least 0, found 2.5",
        ]
    );
    // A whole number written with an exponent is that number, as in JavaScript.
    assert_eq!(parse_unchecked(&seat("2", "1e3")).unwrap().constituencies[0].candidates[0].votes, 1000);
    // Counts beyond 2^53, which a double cannot hold, are read exactly (a seed of the
    // fuzz target for the 1918-2017 importer has such votes).
    assert_eq!(parse_unchecked(&seat("1", "18446744073709551615")).unwrap().constituencies[0].candidates[0].votes, u64::MAX);
    assert_eq!(parse_unchecked(&seat("1", "9007199254740993")).unwrap().constituencies[0].candidates[0].votes, 9_007_199_254_740_993);
    assert!(parse_unchecked(&seat("1", "18446744073709551616")).is_err(), "beyond 64 bits");
    assert!(parse_unchecked(&seat("1", "-9007199254740993")).is_err());
}

#[test]
fn an_index_needs_its_lists_and_valid_colours() {
    assert_eq!(
        problems(parse_index(r#"{"version":1,"election":"ge"}"#)),
        vec![
            "(top level): the field `elections` is required but missing",
            "(top level): the field `parties` is required but missing",
            "(top level): the field `seats` is required but missing",
        ]
    );
    let index = r##"{"version":1,"election":"ge","elections":[],"parties":[{"id":"a","name":"A","abbreviation":"A","colour":"red","dark_colour":"#12"}],
        "labels":{"nope":"x"},"seats":[{"code":"E1","name":"A","majority":5,"majority_share":0.1,"before":"lab","file":"seats/E1.json","hex":[1,"2"]}]}"##;
    assert_eq!(
        problems(parse_index(index)),
        vec!["seats[0].hex: must be a list of two whole numbers, found sequence"]
    );
    let index = index.replace(r#"[1,"2"]"#, "[-3,2]");
    let err = problems(parse_index(&index));
    assert_eq!(
        err,
        vec![
            "labels.nope: is not a label the widget shows (the README lists them)",
            "parties[0].colour: must be a hex colour such as #e4003b, found \"red\"",
            "parties[0].dark_colour: must be a hex colour such as #ff5a7a, found \"#12\"",
        ]
    );
    let fixed = index.replace("\"red\"", "\"#e4003b\"").replace("\"#12\"", "\"#123\"").replace(r#""nope":"x""#, r#""view.result":"Result""#);
    let read = parse_index(&fixed).unwrap();
    assert_eq!((read.seats[0].hex, read.seats[0].declared, read.seats[0].turnout), (Some([-3, 2]), true, None));
}

#[test]
fn labels_are_an_object_of_texts() {
    assert_eq!(parse_labels(r#"{"view.result":"Canlyniad"}"#).unwrap().get("view.result"), Some("Canlyniad"));
    assert_eq!(problems(parse_labels("[\"x\"]")), vec!["(top level): must be a map, found sequence"]);
    assert_eq!(problems(parse_labels(r#"{"a":true}"#)), vec!["a: must be text, found boolean true"]);
    assert!(matches!(parse_labels("{"), Err(LoadError::Syntax { line: 1, column: 2, .. })));
}

/// serde_json's tree, in ours.
fn from_serde(value: &serde_json::Value) -> results_core::json::Value<'_> {
    use results_core::json::Value;
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_u64().filter(|&n| n > 1 << 53) {
            Some(whole) => Value::Whole(whole),
            // serde_json keeps no text of a number: `close` compares the values.
            None => Value::Number(n.as_f64().unwrap(), ""),
        },
        serde_json::Value::String(s) => Value::String(s.as_str().into()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(members) => Value::Object(members.iter().map(|(k, v)| (k.as_str().into(), from_serde(v))).collect()),
    }
}

/// Our parser accepts what serde_json accepts, with the same values, and refuses
/// what it refuses.
fn agrees(text: &str) {
    match (results_core::json::parse(text), serde_json::from_str::<serde_json::Value>(text)) {
        (Ok(ours), Ok(theirs)) => {
            let mut ours = ours;
            sort_members(&mut ours);
            assert!(close(&ours, &from_serde(&theirs)), "{text:?}: ours {ours:?}, serde_json {theirs:?}");
        }
        (Err(err), Err(_)) => assert!(err.offset <= text.len(), "{text:?}"),
        (ours, theirs) => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

/// Equal, numbers to within a few units in the last place (exactly, for every
/// number of up to 15 significant digits and a power of ten within ±22).
fn close(a: &results_core::json::Value, b: &results_core::json::Value) -> bool {
    use results_core::json::Value;
    match (a, b) {
        (Value::Number(x, _), Value::Number(y, _)) => x == y || (x - y).abs() <= x.abs().max(y.abs()) * 8.0 * f64::EPSILON,
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().zip(y).all(|((k, x), (l, y))| k == l && close(x, y)),
        _ => a == b,
    }
}

/// serde_json's objects are sorted maps (and keep the last of a repeated name).
fn sort_members(value: &mut results_core::json::Value) {
    use results_core::json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(sort_members),
        Value::Object(members) => {
            let mut last: Vec<(std::borrow::Cow<str>, Value)> = Vec::new();
            for (k, mut v) in std::mem::take(members) {
                sort_members(&mut v);
                last.retain(|(name, _)| *name != k);
                last.push((k, v));
            }
            last.sort_by(|a, b| a.0.cmp(&b.0));
            *members = last;
        }
        _ => {}
    }
}

#[test]
fn the_parser_agrees_with_serde_json() {
    for text in [
        "", " ", "null", " true ", "false", "nul", "True", "0", "-0", "01", "-", "1.", ".5", "1.5", "-2.25e3", "1e", "1e+5", "1E-2",
        "1e400", "-1e-400", "123456789012345678901234567890", "9007199254740993", "-9007199254740993",
        r#""a\u00e9\ud83d\ude00""#, r#""\ud83d""#, r#""\ude00x""#, r#""\x""#, "\"tab\there\"", "\"new\nline\"", r#""\/\b\f\n\r\t\"\\""#,
        "\"unterminated", "\"ends in escape\\", r#""\u12""#, "\"é ü 😀\"",
        "[]", "[1,]", "[,1]", "[1 2]", "[1]x", " [ 1 , [ ] , { } ] ", "{}", r#"{"a":1,}"#, r#"{"a" 1}"#, "{a:1}", r#"{"a":1 "b":2}"#,
        r#"{"a":{"b":[null,true,"x"]},"a":2}"#, r#"{"":0}"#, "[\"a\",]", "{\"a\"}", "{\"a\":}", "[", "{", "{\"a\":", "\u{feff}{}",
        "[1] // comment", "NaN", "Infinity", "+1", "0x10", "[0.0e-0]",
    ] {
        agrees(text);
    }
    agrees(&format!("{}{}", "[".repeat(100), "]".repeat(100)));
    assert!(results_core::json::parse(&"[".repeat(100_000)).is_err(), "deep nesting is refused, not a stack overflow");
    assert!(results_core::json::parse(&format!("{}{}", "{\"a\":".repeat(5_000), "}".repeat(5_000))).is_err());
}

#[test]
fn syntax_errors_say_where() {
    let err = results_core::parse_results("{\"version\": 1,\n  \"parties\": [1 2]}").unwrap_err();
    assert_eq!(err.to_string(), "the file is not valid JSON: expected `,` or `]` (line 2, column 17)");
    let err = results_core::parse_results("{\"version\": 1").unwrap_err();
    assert_eq!(err.to_string(), "the file is not valid JSON: the text ends before the data does (line 1, column 14)");
    let err = results_core::parse_results("{\"name\": \"Ynys Môn\" x}").unwrap_err();
    assert_eq!(err.to_string(), "the file is not valid JSON: expected `,` or `}` (line 1, column 21)", "columns count characters");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// Text made of JSON's own pieces, well-formed or not.
    #[test]
    fn any_text_of_json_pieces(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "{", "}", "[", "]", ",", ":", " ", "\"a\"", "\"b\\n\"", "\"\\u00e9\"", "1", "-2.5", "0", "1e3", "true", "null", "\"", "\\", "x", "é",
    ]), 0..24)) {
        agrees(&pieces.concat());
    }
}

#[test]
fn long_numbers_are_within_a_few_units_in_the_last_place() {
    for text in ["0.1", "0.73512", "-0.000001", "46647", "1e22", "123456789012345e-22", "0.081124"] {
        assert_eq!(results_core::json::parse(text).unwrap(), results_core::json::Value::Number(text.parse().unwrap(), text), "{text} is exact");
    }
    for text in ["0.30000000000000004", "0.1234567890123456789", "2.2250738585072014e-308", "1.5e308", "4.9406564584124654e-300", "123456789.123456789e-5"] {
        let exact: f64 = text.parse().unwrap();
        let ours = match results_core::json::parse(text).unwrap() {
            results_core::json::Value::Number(n, _) => n,
            other => panic!("{other:?}"),
        };
        assert!((ours - exact).abs() <= exact.abs() * 8.0 * f64::EPSILON, "{text}: {ours} against {exact}");
    }
}
