//! One seat's result: the summary line, the candidates' table and the bar chart.

use std::rc::Rc;

use results_core::chart::BarChart;
use results_core::format::{percent, points_change, thousands};
use results_core::{Column, SeatResult, TableColumn};
use yew::prelude::*;

use super::{loading, party_label, sort_header, source, updated, Dispatch};
use crate::components::{ChartFrame, ChartSpec};
use crate::fetch::seat_url;
use crate::state::{Action, WidgetState};

/// A seat's result with its file's credit line and update time, and the result in
/// one sentence for a screen reader.
pub struct Shown {
    pub result: SeatResult,
    pub attribution: Option<String>,
    pub updated: Option<String>,
    pub spoken: String,
}

/// The seat's result in the route's election, once its file is loaded.
pub fn seat_result(state: &WidgetState, code: &str) -> Option<Result<Shown, String>> {
    let file = state.results(&seat_url(state.src(), code))?;
    Some(match file.contest(code, state.route.election.as_deref()) {
        Some(contest) => {
            let result = SeatResult::new(file, contest);
            // The previous result, where the seat had one seat before it (not several).
            let history = results_core::history::seat_history(file, code, state.route.election.as_deref());
            let before = match (history.get(1), history.get(2)) {
                (Some(one), Some(next)) if next.result.election_id == one.result.election_id => None,
                (one, _) => one.map(|entry| &entry.result),
            };
            let spoken = results_core::history::spoken_summary(&result, before);
            Ok(Shown { result, attribution: file.attribution.clone(), updated: file.updated.clone(), spoken })
        }
        None => Err(format!("The results file has no result for the seat \"{code}\".")),
    })
}

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let Some(code) = state.route.seat() else { return loading() };
    match seat_result(state, code) {
        None => loading(),
        Some(Err(message)) => html! { <p class="rw-error" role="alert">{ message }</p> },
        Some(Ok(Shown { result, attribution, updated: stamp, spoken })) => html! {
            <>
                <p class="rw-visually-hidden rw-spoken">{ spoken }</p>
                <header class="rw-header">
                    <h2 class="rw-title" id={format!("{id}-heading")}>{ &result.name }</h2>
                    <p class="rw-election">{ &result.election_name }</p>
                    { updated(stamp.as_deref()) }
                </header>
                { summary(&result) }
                { table(&result, state, dispatch) }
                <ChartFrame spec={Rc::new(ChartSpec::Bars(BarChart::vote_share(&result)))} id={format!("{id}-chart")} />
                { source(attribution.as_deref()) }
            </>
        },
    }
}

/// The result at a glance: winner(s), party, hold or gain, majority and turnout.
fn summary(result: &SeatResult) -> Html {
    let s = &result.summary;
    let Some(winner) = result.winner() else {
        return html! { <p class="rw-summary">{ "No candidates." }</p> };
    };
    let winners = if s.seats > 1 {
        let elected: Vec<String> = result.rows.iter().filter(|r| r.elected).map(|r| format!("{} ({})", r.name, r.party_abbreviation)).collect();
        html! { <span class="rw-winner">{ format!("Elected: {}.", elected.join(", ")) }</span> }
    } else {
        html! { <span class="rw-winner"><strong>{ &winner.name }</strong>{ format!(" ({})", winner.party_name) }</span> }
    };
    let majority = match (s.seats > 1, s.stages.last()) {
        (true, _) => format!("{} votes between the last elected and the next candidate.", thousands(s.majority)),
        (false, Some(stage)) => format!("Majority {} {}.", thousands(s.majority), stage.to_lowercase()),
        (false, None) => format!("Majority {} ({} of valid votes).", thousands(s.majority), percent(s.majority_share)),
    };
    html! {
        <p class="rw-summary">
            { winners }
            { " " }<span class="rw-result-text">{ &s.result_text }</span>{ ". " }
            <span class="rw-majority">{ majority }</span>
            if let Some(turnout) = s.turnout {
                { " " }<span class="rw-turnout">{ format!("Turnout {}.", percent(turnout)) }</span>
            }
            if let Some(swing) = &s.swing {
                { " " }<span class="rw-swing">{ format!("Swing {} points from {} to {}.", points_change(swing.points).trim_start_matches('+'), swing.from, swing.to) }</span>
            }
        </p>
    }
}

/// The candidates as a table whose column headers are sort buttons.
fn table(result: &SeatResult, state: &WidgetState, dispatch: &Dispatch) -> Html {
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |column| dispatch.dispatch(Action::SortResult(column)))
    };
    let has_change = result.rows.iter().any(|r| r.change.is_some());
    let stages = &result.summary.stages;
    let headers = Column::ALL.iter().map(|&column| {
        let label = if column == Column::Votes && !stages.is_empty() { "First preferences" } else { column.label() };
        sort_header(column, label, state.result_sort, &on_sort)
    });
    let rows = state.result_sort.order(&result.rows).into_iter().filter_map(|i| result.rows.get(i)).map(|row| {
        html! {
            <tr key={row.rank} class={classes!(row.elected.then_some("rw-elected"))}>
                <th scope="row" class="rw-candidate">
                    { &row.name }
                    if row.elected { <span class="rw-badge">{ " Elected" }</span> }
                </th>
                <td class="rw-party">{ party_label(&row.colour, &row.party_name) }</td>
                <td class="rw-num">{ thousands(row.votes) }</td>
                <td class="rw-num">{ percent(row.share) }</td>
                { for (0..stages.len()).map(|k| html! { <td class="rw-num">{ row.stages.get(k).map_or_else(|| "–".to_string(), |v| thousands(*v)) }</td> }) }
                if has_change {
                    <td class="rw-num">{ row.change.map(points_change).unwrap_or_default() }</td>
                }
            </tr>
        }
    });
    let change_label = if result.summary.previous_notional { "Change (notional)" } else { "Change" };
    html! {
        <div class="rw-table-wrap">
            <table class="rw-table">
                <caption>{ format!("Votes by candidate, {}, {}", result.name, result.election_name) }</caption>
                <thead>
                    <tr>
                        { for headers }
                        { for stages.iter().map(|stage| html! { <th scope="col" class="rw-num">{ stage.clone() }</th> }) }
                        if has_change { <th scope="col" class="rw-num rw-change">{ change_label }</th> }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
