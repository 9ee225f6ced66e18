//! One seat across every election in the data, predecessor seats named.

use std::rc::Rc;

use results_core::chart::StackedChart;
use results_core::format::{percent, thousands};
use results_core::history::{history_order, seat_history, HistoryColumn};
use results_core::TableColumn;
use yew::prelude::*;

use super::{loading, party_label, sort_header, source, Dispatch};
use crate::components::{ChartFrame, ChartSpec};
use crate::fetch::seat_url;
use crate::state::{Action, WidgetState};

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let Some(code) = state.route.seat() else { return loading() };
    let Some(file) = state.results(&seat_url(state.src(), code)) else { return loading() };
    let entries = seat_history(file, code, state.route.election.as_deref());
    let Some(current) = entries.first() else {
        return html! { <p class="rw-error" role="alert">{ format!("The results file has no result for the seat \"{code}\".") }</p> };
    };
    let name = current.result.name.clone();
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |column| dispatch.dispatch(Action::SortHistory(column)))
    };
    let headers = HistoryColumn::ALL.iter().map(|&c| sort_header(c, c.label(), state.history_sort, &on_sort));
    let rows = history_order(&entries, state.history_sort).into_iter().filter_map(|i| entries.get(i)).map(|entry| {
        let r = &entry.result;
        let winner = r.winner();
        html! {
            <tr key={format!("{}-{}", r.election_id, r.code)}>
                <th scope="row">{ r.election_date.get(..4).unwrap_or(&r.election_name).to_string() }</th>
                <td>
                    { &r.name }
                    if entry.boundary_change_after {
                        <span class="rw-note">{ " (old boundaries)" }</span>
                    }
                </td>
                <td>{ winner.map(|w| w.name.clone()).unwrap_or_default() }</td>
                <td>{ winner.map(|w| party_label(&w.colour, &w.party_name)).unwrap_or_default() }</td>
                <td class="rw-num">{ thousands(r.summary.majority) }</td>
                <td class="rw-num">{ r.summary.turnout.map(percent).unwrap_or_default() }</td>
            </tr>
        }
    });
    let chart = Rc::new(ChartSpec::Stacked(StackedChart::history(&name, &entries)));
    html! {
        <>
            <header class="rw-header">
                <h2 class="rw-title" id={format!("{id}-heading")}>{ format!("{name}: results since {}", entries.last().map_or("", |e| e.result.election_date.get(..4).unwrap_or(""))) }</h2>
                <p class="rw-election">{ "Earlier results are of the predecessor seats, on their own boundaries." }</p>
            </header>
            <ChartFrame spec={chart} id={format!("{id}-history-chart")} />
            <div class="rw-table-wrap">
                <table class="rw-table">
                    <caption>{ format!("Winners by election, {name} and predecessor seats") }</caption>
                    <thead><tr>{ for headers }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { source(file.attribution.as_deref()) }
        </>
    }
}
