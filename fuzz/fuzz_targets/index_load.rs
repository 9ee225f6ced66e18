//! A results directory's `index.json` as the widget fetches it: parsing and its
//! checks, then the national view's tallies, areas, seat order (by result too, in
//! words from the seats' outcomes), rows, hex map, House and the flows of seats
//! that changed hands, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use results_core::locale::Locale;
use results_core::national::{areas, closest_sort, default_sort, seat_order, tallies, SeatColumn, SeatFilter};
use results_core::{Direction, Sort};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(index) = results_core::parse_index(text) else { return };
    let _ = tallies(&index);
    let areas = areas(&index);
    let locale = Locale::default();
    let _ = seat_order(&index, &SeatFilter::default(), default_sort(), &locale);
    let filter = SeatFilter { text: "a".into(), area: areas.first().cloned(), party: index.parties.first().map(|p| p.id.clone()) };
    let _ = seat_order(&index, &filter, closest_sort(), &locale);
    let _ = seat_order(&index, &SeatFilter::default(), Sort { column: SeatColumn::Result, direction: Direction::Descending }, &locale);
    let _ = results_core::html::seat_rows(&index, &[], &locale);
    let _ = results_core::html::hex_map_svg(&index, &[], &locale);
    let house = results_core::story::House::new(&tallies(&index), index.elects, &locale);
    let _ = results_core::chart::house_svg(&house, "f", 360);
    let flows = results_core::story::flows(&index);
    let _ = results_core::story::flow_rows(&index, &flows, &locale);
});
