//! `results import lga`: a first part "DATE" or "DATE KIND" choosing the election, a
//! `~~~` line, then a council's file in the LGA's standard layout.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::local;
use results_fuzz::{check_import, file, part, parts, text};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    let options = text(&parts, 0);
    let (date, kind) = options.split_once(' ').map_or((options.as_str(), None), |(d, k)| (d, Some(k)));
    check_import(local::lga(&file(0, part(&parts, 1)), date, kind, None));
});
