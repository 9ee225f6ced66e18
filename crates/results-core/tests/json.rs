//! The field-by-field reader (`results_core::json`, which the widget runs over the
//! browser's `JSON.parse`) reads every file the project ships exactly as serde's
//! derived code does, and refuses what serde refuses, with the path of each problem.

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
    assert_eq!((seat.declared, seat.seats, seat.region.as_deref(), seat.previous.is_none()), (true, 1, None, true));
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
fn a_top_level_that_is_not_an_object_says_so() {
    assert_eq!(problems(parse_unchecked("[1, 2]")), vec!["(top level): must be an object, found sequence"]);
    assert_eq!(problems(parse_unchecked("\"results\"")), vec!["(top level): must be an object, found string \"results\""]);
    assert_eq!(problems(parse_unchecked("{}")), vec!["(top level): the field `version` is required but missing"]);
    assert_eq!(problems(parse_unchecked(r#"{"version":"1"}"#)), vec!["version: must be a whole number of at least 0, found string \"1\""]);
}

#[test]
fn numbers_beyond_their_types_are_refused() {
    let seat = |votes: &str| format!(r#"{{"version":1,"constituencies":[{{"code":"E1","name":"A","election":"ge","seats":4294967296,"candidates":[{{"name":"X","party":"p","votes":{votes}}}]}}]}}"#);
    assert_eq!(
        problems(parse_unchecked(&seat("1e3"))),
        vec![
            "constituencies[0].seats: must be a whole number of at least 0, found 4294967296",
            "constituencies[0].candidates[0].votes: must be a whole number of at least 0, found 1000",
        ]
    );
    assert!(parse_unchecked(&seat("18446744073709551615")).is_err());
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
        "labels":{"nope":"x"},"seats":[{"code":"E1","name":"A","majority":5,"majority_share":0.1,"result":"Lab hold","file":"seats/E1.json","hex":[1,"2"]}]}"##;
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
    assert_eq!(parse_labels(r#"{"view.result":"Canlyniad"}"#).unwrap().get("view.result").map(String::as_str), Some("Canlyniad"));
    assert_eq!(problems(parse_labels("[\"x\"]")), vec!["(top level): must be a map, found sequence"]);
    assert_eq!(problems(parse_labels(r#"{"a":true}"#)), vec!["a: must be text, found boolean true"]);
    assert!(matches!(parse_labels("{"), Err(LoadError::Syntax { at: Some((1, 1)), .. })));
}
