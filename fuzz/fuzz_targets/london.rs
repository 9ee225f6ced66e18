//! `results import london`: a first part naming the layout's year (2018, 2022 or
//! 2026) and optionally a borough ("2022 E09000030"), then the candidates file, then
//! (2022 and 2026) the ward statistics, parts separated by `~~~` lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_cli::import::local;
use results_fuzz::{check_import, file, part, parts, text};

fuzz_target!(|data: &[u8]| {
    let parts = parts(data);
    let options = text(&parts, 0);
    let (year, borough) = options.split_once(' ').map_or((options.as_str(), None), |(y, b)| (y, Some(b)));
    let candidates = file(0, part(&parts, 1));
    let wards = file(1, part(&parts, 2));
    let year = match year.trim() {
        "2018" => 2018,
        "2026" => 2026,
        _ => 2022,
    };
    check_import(local::london(year, &candidates, (year != 2018).then_some(wards.as_path()), borough));
});
