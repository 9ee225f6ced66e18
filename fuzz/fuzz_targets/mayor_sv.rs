//! `results import mayor-sv`: a first part choosing the election (an id, a year or a
//! date), a `~~~` line, then the supplementary-vote file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::local;
use results_fuzz::{check_import, file, part, parts, text};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    check_import(local::mayor_sv(&file(0, part(&parts, 1)), &text(&parts, 0)));
});
