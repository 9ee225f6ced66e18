//! `results import ec2015`: the Electoral Commission's `RESULTS.csv`, a `~~~` line,
//! then its `CONSTITUENCY.csv` (both Windows-1252 or UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::ec;
use results_fuzz::{check_import, file, part, parts};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    check_import(ec::convert_2015(&file(0, part(&parts, 0)), &file(1, part(&parts, 1))));
});
