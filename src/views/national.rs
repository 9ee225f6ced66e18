//! The national picture: seats and votes per party, a hex map, and every seat in a
//! table with search, filters and a "closest results" order.

use std::rc::Rc;

use results_core::chart::BarChart;
use results_core::format::{percent, thousands};
use results_core::model::Index;
use results_core::national::{areas, seat_order, tallies, SeatColumn, SeatFilter};
use results_core::TableColumn;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{loading, party_label, sort_header, source, updated, Dispatch};
use crate::components::{ChartFrame, ChartSpec};
use crate::state::{Action, WidgetState};

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let Some(index) = state.index() else { return loading() };
    let election = index.elections.iter().find(|e| e.id == index.election).map_or(index.election.clone(), |e| e.name.clone());
    let tallies = tallies(index);
    let party_rows = tallies.iter().filter(|t| t.seats > 0 || t.share >= 0.01).map(|t| {
        html! {
            <tr key={t.party.id.clone()}>
                <th scope="row">{ party_label(&t.party.colour, &t.party.name) }</th>
                <td class="rw-num">{ thousands(u64::from(t.seats)) }</td>
                <td class="rw-num">{ thousands(t.votes) }</td>
                <td class="rw-num">{ percent(t.share) }</td>
            </tr>
        }
    });
    let total_seats: u32 = tallies.iter().map(|t| t.seats).sum();
    let areas_word = if total_seats as usize > index.seats.len() { "wards" } else { "seats" };
    let control = control(&tallies, total_seats);
    let declared = index.seats.iter().filter(|r| r.declared).count();
    let count = (declared < index.seats.len()).then(|| format!("{declared} of {} declared", index.seats.len()));
    html! {
        <>
            <header class="rw-header">
                <h2 class="rw-title" id={format!("{id}-heading")}>{ format!("{election}: all {} {areas_word}", index.seats.len()) }</h2>
                <p class="rw-election rw-control">{ control }</p>
                if let Some(count) = count {
                    <p class="rw-declared" role="status">{ count }</p>
                }
                { updated(index.updated.as_deref()) }
            </header>
            <ChartFrame spec={Rc::new(ChartSpec::Bars(BarChart::seats_won(&tallies)))} id={format!("{id}-seats-chart")} />
            <div class="rw-table-wrap">
                <table class="rw-table">
                    <caption>{ format!("Seats and votes by party ({total_seats} seats)") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Party" }</th>
                        <th scope="col" class="rw-num">{ "Seats" }</th>
                        <th scope="col" class="rw-num">{ "Votes" }</th>
                        <th scope="col" class="rw-num">{ "Share" }</th>
                    </tr></thead>
                    <tbody>{ for party_rows }</tbody>
                </table>
            </div>
            { hex_map(index, state, dispatch) }
            { seats_table(index, state, dispatch, id) }
            { source(index.attribution.as_deref()) }
        </>
    }
}

/// "Aspire majority: 24 of 45 seats" or "No overall control: Labour largest with ...".
fn control(tallies: &[results_core::national::PartyTally], total: u32) -> String {
    match tallies.first() {
        Some(top) if top.seats * 2 > total => format!("{} majority: {} of {} seats.", top.party.name, top.seats, total),
        Some(top) => format!("No overall control: {} largest with {} of {} seats.", top.party.name, top.seats, total),
        None => String::new(),
    }
}

fn open_seat(state: &WidgetState, dispatch: &Dispatch) -> Callback<String> {
    let (dispatch, route) = (dispatch.clone(), state.route.clone());
    Callback::from(move |code: String| dispatch.dispatch(Action::Navigate(route.for_seat(&code))))
}

fn party_of<'a>(index: &'a Index, id: Option<&str>) -> Option<&'a results_core::Party> {
    id.and_then(|id| index.parties.iter().find(|p| p.id == id))
}

/// The 650 seats as hexes coloured by winner; each hex is a focusable link to its
/// seat. One handler on the map serves every hex.
fn hex_map(index: &Index, state: &WidgetState, dispatch: &Dispatch) -> Html {
    let placed: Vec<(&results_core::model::IndexRow, [i32; 2])> = index.seats.iter().filter_map(|row| row.hex.map(|h| (row, h))).collect();
    if placed.is_empty() {
        return html! {};
    }
    let (q_min, q_max) = placed.iter().fold((i32::MAX, i32::MIN), |(lo, hi), (_, [q, _])| (lo.min(*q), hi.max(*q)));
    let (r_min, r_max) = placed.iter().fold((i32::MAX, i32::MIN), |(lo, hi), (_, [_, r])| (lo.min(*r), hi.max(*r)));
    // Pointy-top hexagons 100 units wide, in whole units: a side is 57.7, rows are
    // 86.6 apart. Integer geometry keeps float formatting out of the widget.
    const CORNERS: [(i32, i32); 6] = [(0, -58), (50, -29), (50, 29), (0, 58), (-50, 29), (-50, -29)];
    let width = (q_max - q_min + 1) * 100 + 50;
    let height = (r_max - r_min) * 87 + 116;
    let hexes = placed.iter().map(|(row, [q, r])| {
        // odd-r: odd rows sit half a hex to the right; the map's rows count northwards.
        let shift = if r.rem_euclid(2) == 1 { 50 } else { 0 };
        let cx = (q - q_min) * 100 + shift + 50;
        let cy = (r_max - r) * 87 + 58;
        let points = CORNERS.iter().map(|(x, y)| format!("{},{}", cx + x, cy + y)).collect::<Vec<_>>().join(" ");
        let party = party_of(index, row.party.as_deref());
        let colour = party.map_or("#cccccc".to_string(), |p| p.colour.clone());
        let label = match party {
            Some(p) => format!("{}: {}, {}", row.name, p.name, row.result),
            None => format!("{}: awaiting declaration", row.name),
        };
        let fresh = state.fresh.contains(&row.code);
        html! {
            <g key={row.code.clone()} class={classes!("rw-hex", fresh.then_some("rw-fresh"))} role="link" tabindex="0" aria-label={label} data-code={row.code.clone()}>
                <polygon {points} fill={colour} />
            </g>
        }
    });
    let open = open_seat(state, dispatch);
    let code_of = |target: Option<web_sys::EventTarget>| {
        target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-code]").ok().flatten())
            .and_then(|e| e.get_attribute("data-code"))
    };
    let onclick = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(code) = code_of(e.target()) {
                open.emit(code);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(code) = code_of(e.target()) {
                e.prevent_default();
                open.emit(code);
            }
        }
    });
    html! {
        <figure class="rw-hexmap">
            <svg viewBox={format!("0 0 {width} {height}")} role="group" aria-label="Hex map: one hexagon per seat, coloured by the winning party. Each opens its seat." {onclick} {onkeydown}>
                { for hexes }
            </svg>
            <figcaption class="rw-source">{ "Hex map layout: Open Innovations (MIT licence)." }</figcaption>
        </figure>
    }
}

fn seats_table(index: &Index, state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let filter = &state.filter;
    let set_filter = |update: fn(&mut SeatFilter, String)| {
        let (dispatch, filter) = (dispatch.clone(), filter.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| match t.dyn_into::<web_sys::HtmlSelectElement>() {
                    Ok(select) => Some(select.value()),
                    Err(t) => t.dyn_into::<web_sys::HtmlInputElement>().ok().map(|i| i.value()),
                })
                .unwrap_or_default();
            let mut next = filter.clone();
            update(&mut next, value);
            dispatch.dispatch(Action::Filter(next));
        })
    };
    let on_text = {
        let (dispatch, filter) = (dispatch.clone(), filter.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                dispatch.dispatch(Action::Filter(SeatFilter { text: input.value(), ..filter.clone() }));
            }
        })
    };
    let on_area = set_filter(|f, v| f.area = Some(v).filter(|v| !v.is_empty()));
    let on_party = set_filter(|f, v| f.party = Some(v).filter(|v| !v.is_empty()));
    let on_closest = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Closest))
    };
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |column| dispatch.dispatch(Action::SortNational(column)))
    };
    let order = seat_order(index, filter, state.national_sort);
    let open = open_seat(state, dispatch);
    let rows = order.iter().filter_map(|&i| index.seats.get(i)).map(|row| {
        let party = party_of(index, row.party.as_deref());
        let code = row.code.clone();
        let open = open.clone();
        html! {
            <tr key={row.code.clone()} class={classes!(state.fresh.contains(&row.code).then_some("rw-fresh"), (!row.declared).then_some("rw-awaiting"))}>
                <th scope="row"><button type="button" class="rw-link" onclick={Callback::from(move |_| open.emit(code.clone()))}>{ &row.name }</button></th>
                <td>{ row.winner.clone().unwrap_or_default() }</td>
                <td>{ party.map(|p| party_label(&p.colour, &p.name)).unwrap_or_default() }</td>
                <td>{ &row.result }</td>
                <td class="rw-num">{ thousands(row.majority) }</td>
                <td class="rw-num">{ percent(row.majority_share) }</td>
                <td class="rw-num">{ row.turnout.map(percent).unwrap_or_default() }</td>
            </tr>
        }
    });
    let headers = SeatColumn::ALL.iter().map(|&c| sort_header(c, c.label(), state.national_sort, &on_sort));
    let area_options = areas(index).into_iter().map(|area| {
        let selected = filter.area.as_ref() == Some(&area);
        html! { <option value={area.clone()} {selected}>{ area }</option> }
    });
    let party_options = tallies(index).into_iter().filter(|t| t.seats > 0).map(|t| {
        let selected = filter.party.as_ref() == Some(&t.party.id);
        html! { <option value={t.party.id.clone()} {selected}>{ t.party.name }</option> }
    });
    html! {
        <>
            <div class="rw-filters" role="search" aria-label="Filter seats">
                <div class="rw-field">
                    <label for={format!("{id}-search")}>{ "Search seats or winners" }</label>
                    <input type="search" id={format!("{id}-search")} value={filter.text.clone()} oninput={on_text} />
                </div>
                <div class="rw-field">
                    <label for={format!("{id}-area")}>{ "Nation or region" }</label>
                    <select id={format!("{id}-area")} onchange={on_area}>
                        <option value="" selected={filter.area.is_none()}>{ "All" }</option>
                        { for area_options }
                    </select>
                </div>
                <div class="rw-field">
                    <label for={format!("{id}-party")}>{ "Winning party" }</label>
                    <select id={format!("{id}-party")} onchange={on_party}>
                        <option value="" selected={filter.party.is_none()}>{ "All" }</option>
                        { for party_options }
                    </select>
                </div>
                <button type="button" class="rw-closest" onclick={on_closest}>{ "Closest results" }</button>
            </div>
            <p class="rw-count" role="status">{ format!("Showing {} of {} seats", order.len(), index.seats.len()) }</p>
            <div class="rw-table-wrap rw-seats">
                <table class="rw-table">
                    <caption>{ "Every seat: winner, result and majority" }</caption>
                    <thead><tr>{ for headers }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}
