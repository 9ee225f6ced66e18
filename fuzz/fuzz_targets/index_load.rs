//! A results directory's `index.json` as the widget fetches it: parsing and its
//! checks, then the national view's tallies, areas and seat order, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_core::national::{areas, closest_sort, default_sort, seat_order, tallies, SeatFilter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(index) = results_core::parse_index(text) else { return };
    let _ = tallies(&index);
    let areas = areas(&index);
    let _ = seat_order(&index, &SeatFilter::default(), default_sort());
    let filter = SeatFilter { text: "a".into(), area: areas.first().cloned(), party: index.parties.first().map(|p| p.id.clone()) };
    let _ = seat_order(&index, &filter, closest_sort());
});
