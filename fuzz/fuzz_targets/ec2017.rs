//! `results import ec2017`: the Electoral Commission's 2017 `data 3` (seats), a
//! `~~~` line, then `data 4` (candidates).
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::ec;
use results_fuzz::{check_import, file, part, parts};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    check_import(ec::convert_2017(&file(0, part(&parts, 0)), &file(1, part(&parts, 1))));
});
