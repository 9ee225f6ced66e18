//! Results JSON as the widget fetches it: parsing, checked or not, never panics, and
//! neither does deriving each seat's result and chart from a file that loads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_core::chart::{bar_chart_svg, BarChart};
use results_core::load::{parse_results, parse_unchecked};
use results_core::locale::Locale;
use results_core::SeatResult;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(err) = parse_unchecked(text) {
        let _ = err.to_string();
    }
    match parse_results(text) {
        Ok(file) => {
            for seat in &file.constituencies {
                let result = SeatResult::new(&file, seat);
                let _ = bar_chart_svg(&BarChart::vote_share(&result, &Locale::default()), "fuzz", 600);
                let _ = results_core::view::result_rows(&result, &Locale::default());
                let _ = results_core::view::ResultLine::new(&result, &Locale::default());
                let _ = results_core::history::seat_history(&file, &seat.code, Some(&seat.election));
            }
            // What loads once loads again after a round trip through JSON.
            let json = serde_json::to_string(&file).expect("a loaded file must serialise");
            if let Err(err) = parse_results(&json) {
                panic!("a loaded file no longer loads once written: {err}\n{json}");
            }
        }
        Err(err) => {
            let _ = err.to_string();
        }
    }
});
