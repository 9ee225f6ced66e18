//! Inputs on which the fuzz targets (`fuzz/`, `make fuzz`) made an importer panic or
//! run out of memory, minimised, each with what the importer must do instead. The
//! inputs are the files of `fuzz/regressions/TARGET/`, in the fuzz targets' layout:
//! parts (files and options) separated by a line `~~~`.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use results_cli::import::{ec, local, longrun, ImportError};

/// The parts of a regression input.
fn parts(input: &str) -> Vec<&str> {
    input.split("\n~~~\n").collect()
}

/// Writes each part to a file of this test process's own, runs `import` on their
/// paths and removes the files.
fn with_files<T>(parts: &[&str], import: impl FnOnce(&[PathBuf]) -> T) -> T {
    let paths: Vec<PathBuf> = (0..parts.len())
        .map(|i| std::env::temp_dir().join(format!("results-fuzz-regression-{}-{i}-{:?}", std::process::id(), std::thread::current().id())))
        .collect();
    for (path, text) in paths.iter().zip(parts) {
        std::fs::write(path, text).unwrap();
    }
    let outcome = import(&paths);
    for path in &paths {
        let _ = std::fs::remove_file(path);
    }
    outcome
}

/// The problems an import reports as inconsistent data.
fn problems(outcome: Result<results_core::ResultsFile, ImportError>) -> Vec<String> {
    match outcome {
        Err(ImportError::Invalid(problems)) => problems,
        other => panic!("expected inconsistent data, got {other:?}"),
    }
}

/// Two candidates with 10^19 votes each: adding up the seat's votes, to compare them
/// with CONSTITUENCY.csv's valid votes, overflowed.
#[test]
fn ec2015_votes_adding_up_past_the_largest_count_are_reported_not_a_panic() {
    let input = include_str!("../../../fuzz/regressions/ec2015/votes-add-up-past-u64-max.csv");
    let outcome = with_files(&parts(input), |paths| ec::convert_2015(&paths[0], &paths[1]));
    assert_eq!(problems(outcome), [
        "constituencies[0].candidates: in Seat, A B and C D tie for first place with 10000000000000000000 votes, and the seat elects 1: the count alone does not say who was elected (the returning officer draws lots), so the file must mark the winner of the lot with \"elected\": true",
        "constituencies[0].electorate: is 5, fewer than the 18446744073709551615 votes cast",
    ]);
}

/// The same in the 2017 files: data 4's votes added up to compare with data 3's.
#[test]
fn ec2017_votes_adding_up_past_the_largest_count_are_reported_not_a_panic() {
    let input = include_str!("../../../fuzz/regressions/ec2017/votes-add-up-past-u64-max.csv");
    let outcome = with_files(&parts(input), |paths| ec::convert_2017(&paths[0], &paths[1]));
    assert_eq!(problems(outcome), [
        "constituencies[0].candidates: in Seat, B A and D C tie for first place with 10000000000000000000 votes, and the seat elects 1: the count alone does not say who was elected (the returning officer draws lots), so the file must mark the winner of the lot with \"elected\": true",
        "constituencies[0].electorate: is 5, fewer than the 18446744073709551615 votes cast",
    ]);
}

/// Three party groups with i64::MAX votes each in the long-run file: their sum, to
/// compare with `total_votes`, overflowed. Now the import says what is wrong: the
/// three tie for first place, which the count alone cannot settle.
#[test]
fn longrun_groups_adding_up_past_the_largest_count_are_reported_not_a_panic() {
    let input = include_str!("../../../fuzz/regressions/longrun/votes-add-up-past-u64-max.csv");
    let [year, file] = parts(input)[..] else { panic!("two parts expected") };
    let outcome = with_files(&[file], |paths| longrun::convert(&paths[0], year));
    assert_eq!(problems(outcome), [
        "constituencies[0].candidates: in Seat, Conservative candidates, Labour candidates and Other candidates tie for first place with 9223372036854775807 votes, and the seat elects 1: the count alone does not say who was elected (the returning officer draws lots), so the file must mark the winner of the lot with \"elected\": true",
    ]);
}

/// A later stage numbered 4294967295 with no stages before it: a name was made for
/// every stage up to it (some 100 GB) before the gap was found.
#[test]
fn hand_csv_a_stage_number_past_a_gap_is_an_error_not_out_of_memory() {
    let input = include_str!("../../../fuzz/regressions/hand_csv/stage-4294967295.csv");
    let [election, file] = parts(input)[..] else { panic!("two parts expected") };
    assert!(election.is_empty());
    let err = with_files(&[file], |paths| local::hand_csv(&paths[0], None)).unwrap_err().to_string();
    assert!(err.ends_with("line 3: A has a total for stage 4294967295 but none for stage 2"), "{err}");
}
