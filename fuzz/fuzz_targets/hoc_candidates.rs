//! `results import hoc`: the House of Commons Library's candidate file, then
//! optionally (after a `~~~` line) its constituency file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::hoc;
use results_fuzz::{check_import, file, part, parts};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    let candidates = file(0, part(&parts, 0));
    let constituencies = (parts.len() > 1).then(|| file(1, part(&parts, 1)));
    check_import(hoc::convert(&candidates, constituencies.as_deref(), "ge2024"));
});
