//! One seat across every election in the data, predecessor seats named.

use results_core::chart::StackedChart;
use results_core::history::{history_order, notional_entry, seat_history, HistoryColumn};
use results_core::view::history_rows;
use results_core::model::credit_line;
use yew::prelude::*;

use super::{column_header, header, loading, problem, send, source, Dispatch};
use crate::components::{chart_frame, table, ChartSpec};
use crate::fetch::seat_url;
use crate::state::{Action, WidgetState};
use results_core::locale::Label;

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>) -> Html {
    let locale = &state.locale;
    let Some(code) = state.route.seat() else { return loading(locale) };
    let Some(file) = state.results(&seat_url(state.src(), code)) else { return loading(locale) };
    crate::swatches::colour(&file.parties);
    let mut entries = seat_history(file, code, state.route.election.as_deref());
    let Some(current) = entries.first() else {
        return problem(results_core::view::no_contest(file, code, state.route.election.as_deref(), locale));
    };
    // Where boundaries changed, the previous election estimated on the new ones
    // comes beside the predecessor's real result.
    if let Some(notional) = notional_entry(file, &current.result) {
        entries.insert(1, notional);
    }
    let Some(current) = entries.first() else { return loading(locale) };
    let name = locale.seat_name(&current.result.name, current.result.name_cy.as_deref()).0.to_string();
    let on_sort = send(dispatch, Action::SortHistory);
    let head = html! { <tr>{ for HistoryColumn::ALL.iter().map(|&c| column_header(c, locale, state.history_sort, &on_sort)) }</tr> };
    let chart = ChartSpec::Stacked(StackedChart::history(&name, &entries, locale));
    let since = entries.last().map_or("", |e| e.result.election_date.get(..4).unwrap_or(""));
    html! {
        <>
            { header(id, locale.fill(Label::HistoryTitle, &[("seat", &name), ("year", since)]), None, html! {
                <>
                    // Said only where an earlier contest is another seat's (a history
                    // of one ward across elections is not of predecessors).
                    if entries.iter().any(|e| e.predecessor) {
                        { super::para("rw-election", locale.text(Label::HistoryNote).to_string()) }
                    }
                    if let Some(formed) = results_core::history::formed_from(&current.result, file, locale) {
                        <p class="rw-election rw-formed">{ formed }{ " " }<small>{ locale.text(Label::HistoryFormedCredit) }</small></p>
                    }
                </>
            }) }
            { chart_frame(&chart, id, "history-chart", width) }
            { table(locale.fill(Label::HistoryCaption, &[("seat", &name)]), head, &history_rows(&entries, locale), &history_order(&entries, state.history_sort)) }
            { source(credit_line(entries.iter().map(|e| file.credit(&e.result.election_id))).as_deref()) }
        </>
    }
}
