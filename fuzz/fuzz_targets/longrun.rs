//! `results import longrun`: a first part choosing the election ("1918", "1974F",
//! "ge2017"), a `~~~` line, then the House of Commons Library's 1918-2017 file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::longrun;
use results_fuzz::{check_import, file, part, parts, text};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    check_import(longrun::convert(&file(0, part(&parts, 1)), &text(&parts, 0)));
});
