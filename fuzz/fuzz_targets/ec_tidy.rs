//! `results import ec2010` and `ec2005`: the tidy candidate files of the Electoral
//! Commission's 2010 and 2005 results. Both readers get the same input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::ec;
use results_fuzz::{check_import, file};

fuzz_target!(|data: &[u8]| {
    let path = file(0, data);
    check_import(ec::convert_2010(&path));
    check_import(ec::convert_2005(&path));
});
