//! Two to four seats side by side, picked with an accessible search box.

use std::rc::Rc;

use results_core::chart::BarChart;
use results_core::compare::{compare_order, compare_rows, CompareColumn};
use results_core::format::percent;
use results_core::route::MAX_COMPARE;
use results_core::{Route, SeatResult, View};
use yew::prelude::*;

use super::result::seat_result;
use super::{loading, party_label, sort_header, Dispatch};
use crate::components::{ChartFrame, ChartSpec, SeatPicker};
use crate::fetch::is_single_file;
use crate::state::{Action, WidgetState};

/// Every seat a reader can pick: from the index, or from a single file's seats.
fn choices(state: &WidgetState) -> Option<Vec<(String, String)>> {
    if is_single_file(state.src()) {
        let file = state.results(state.src())?;
        let latest = file.latest_election()?.id.clone();
        return Some(file.constituencies.iter().filter(|c| c.election == latest).map(|c| (c.code.clone(), c.name.clone())).collect());
    }
    Some(state.index()?.seats.iter().map(|row| (row.code.clone(), row.name.clone())).collect())
}

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let Some(choices) = choices(state) else { return loading() };
    let navigate = |seats: Vec<String>| {
        let dispatch = dispatch.clone();
        let route = Route { view: View::Compare, seats, ..state.route.clone() };
        move || dispatch.dispatch(Action::Navigate(route.clone()))
    };
    let on_pick = {
        let (dispatch, route) = (dispatch.clone(), state.route.clone());
        Callback::from(move |code: String| {
            let mut seats = route.seats.clone();
            if !seats.contains(&code) && seats.len() < MAX_COMPARE {
                seats.push(code);
            }
            dispatch.dispatch(Action::Navigate(Route { view: View::Compare, seats, ..route.clone() }));
        })
    };
    let picked = state.route.seats.iter().map(|code| {
        let name = choices.iter().find(|(c, _)| c == code).map_or(code.as_str(), |(_, n)| n.as_str()).to_string();
        let remove = navigate(state.route.seats.iter().filter(|s| *s != code).cloned().collect());
        html! {
            <li key={code.clone()}>
                { name.clone() }
                <button type="button" class="rw-remove" aria-label={format!("Remove {name}")} onclick={Callback::from(move |_| remove())}>{ "×" }</button>
            </li>
        }
    });

    let mut results: Vec<SeatResult> = Vec::new();
    let mut waiting = false;
    for code in &state.route.seats {
        match seat_result(state, code) {
            Some(Ok(shown)) => results.push(shown.result),
            Some(Err(message)) => return html! { <p class="rw-error" role="alert">{ message }</p> },
            None => waiting = true,
        }
    }
    let refs: Vec<&SeatResult> = results.iter().collect();
    let body = if waiting {
        loading()
    } else if refs.len() < 2 {
        html! { <p class="rw-status">{ "Pick at least two seats to compare them." }</p> }
    } else {
        comparison(&refs, state, dispatch, id)
    };
    html! {
        <>
            <header class="rw-header">
                <h2 class="rw-title" id={format!("{id}-heading")}>{ "Compare seats" }</h2>
            </header>
            <ul class="rw-picked" aria-label="Seats compared">{ for picked }</ul>
            <SeatPicker seats={Rc::new(choices.clone())} picked={state.route.seats.clone()} {on_pick} id={format!("{id}-picker")} disabled={state.route.seats.len() >= MAX_COMPARE} />
            { body }
        </>
    }
}

fn comparison(results: &[&SeatResult], state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let rows = compare_rows(results);
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |column| dispatch.dispatch(Action::SortCompare(column)))
    };
    let sort = state.compare_sort;
    let mut headers = vec![sort_header(CompareColumn::Party, "Party", sort, &on_sort)];
    headers.extend(results.iter().enumerate().map(|(i, r)| sort_header(CompareColumn::Seat(i), &r.name, sort, &on_sort)));
    let body = compare_order(&rows, sort).into_iter().filter_map(|i| rows.get(i)).map(|row| {
        html! {
            <tr key={row.party.clone()}>
                <th scope="row">{ party_label(&row.colour, &row.party) }</th>
                { for row.shares.iter().map(|share| html! { <td class="rw-num">{ share.map(percent).unwrap_or_else(|| "–".into()) }</td> }) }
            </tr>
        }
    });
    html! {
        <>
            <ChartFrame spec={Rc::new(ChartSpec::Bars(BarChart::compare(results)))} id={format!("{id}-compare-chart")} />
            <div class="rw-table-wrap">
                <table class="rw-table">
                    <caption>{ format!("Vote share by party, {}", results.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ")) }</caption>
                    <thead><tr>{ for headers }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </>
    }
}
