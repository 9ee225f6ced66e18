//! `results import csv` (docs/hand-csv.md): a first part choosing the election by id
//! (empty for the file's only one), a `~~~` line, then the hand-filled file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::local;
use results_fuzz::{check_import, file, part, parts, text};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    let election = text(&parts, 0);
    check_import(local::hand_csv(&file(0, part(&parts, 1)), Some(election.as_str()).filter(|e| !e.is_empty())));
});
