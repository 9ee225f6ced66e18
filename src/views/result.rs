//! One seat's result: the summary line, the candidates' table and the bar chart.

use results_core::chart::{result_title, BarChart};
use results_core::view::{result_rows, ResultLine, Winners};
use results_core::stv::{count_view, CountView};
use results_core::{Column, SeatResult};
use yew::prelude::*;

use super::{column_header, header, loading, problem, send, sort_header, source, updated, Dispatch};
use crate::components::{chart_frame, csv_link, head, table, ChartSpec};
use crate::fetch::seat_url;
use crate::state::{Action, WidgetState};
use results_core::locale::Label;

/// A seat's result with the credit for its election's figures, its file's update
/// time, and the result in one sentence for a screen reader.
pub struct Shown {
    pub result: SeatResult,
    pub attribution: Option<String>,
    pub updated: Option<String>,
    pub spoken: String,
    /// A count by the single transferable vote, where the contest has one and the
    /// caller asked for it.
    pub count: Option<Result<CountView, String>>,
}

/// The seat's result in the route's election, once its file is loaded; with its
/// count by the single transferable vote made ready where `with_count` (the result
/// view shows it; a comparison does not).
pub fn seat_result(state: &WidgetState, code: &str, with_count: bool) -> Option<Result<Shown, String>> {
    let file = state.results(&seat_url(state.src(), code))?;
    crate::swatches::colour(&file.parties);
    Some(match file.contest(code, state.route.election.as_deref()) {
        Some(contest) => {
            let mut result = SeatResult::new(file, contest);
            // Named as the reader's language names it, in every sentence and title.
            result.name = state.locale.seat_name(&result.name, result.name_cy.as_deref()).0.to_string();
            // The previous result, where the seat had one seat before it (not several).
            let history = results_core::history::seat_history(file, code, state.route.election.as_deref());
            let spoken = results_core::history::spoken_summary(&result, results_core::history::previous(contest, &history), &state.locale);
            let count = if with_count { count_view(file, contest, &state.locale) } else { None };
            Ok(Shown { result, attribution: file.credit(&contest.election).map(Into::into), updated: file.updated.clone(), spoken, count })
        }
        None => Err(results_core::view::no_contest(file, code, state.route.election.as_deref(), &state.locale)),
    })
}

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>) -> Html {
    let locale = &state.locale;
    let Some(code) = state.route.seat() else { return loading(locale) };
    match seat_result(state, code, true) {
        None => loading(locale),
        Some(Err(message)) => problem(message),
        Some(Ok(Shown { result, attribution, updated: stamp, spoken, count: stv })) => html! {
            <>
                { super::para("rw-visually-hidden rw-spoken", spoken) }
                { header(id, result.name.clone(), (result.name_cy.is_some() && locale.is_welsh()).then_some("cy"), html! {
                    <>
                        { super::para("rw-election", result.election_name.clone()) }
                        { updated(stamp.as_deref(), locale) }
                    </>
                }) }
                { result_line(&ResultLine::new(&result, locale)) }
                { candidates(&result, state, dispatch) }
                { chart_frame(&ChartSpec::Bars(BarChart::vote_share(&result, locale)), id, "chart", width) }
                { stv.map(|stv| count(stv, id, width)).unwrap_or_default() }
                { source(attribution.as_deref()) }
            </>
        },
    }
}

/// The result at a glance in one paragraph: "**Rushanara Ali** (Labour) **Lab
/// hold**. Majority 1,689 (3.6% of valid votes). Turnout 57.3%." One shape for
/// every kind of line, its parts left empty where the line has none: each element
/// of `html!` is code in the widget.
fn result_line(line: &ResultLine) -> Html {
    let (name, after_name, outcome, rest) = match line {
        ResultLine::NoCandidates(text) => ("", String::new(), "", text.clone()),
        ResultLine::Awaiting(outcome) => ("", String::new(), outcome.as_str(), ".".to_string()),
        ResultLine::Declared { winners, outcome, majority, turnout, swing } => {
            let rest = [turnout, swing].into_iter().flatten().fold(format!(". {majority}"), |rest, part| rest + " " + part);
            match winners {
                Winners::One { name, party } => (name.as_str(), format!(" ({party}) "), outcome.as_str(), rest),
                Winners::Several(text) => ("", format!("{text} "), outcome.as_str(), rest),
            }
        }
    };
    html! { <p class="rw-summary"><strong>{ name }</strong>{ after_name }<span class="rw-result-text">{ outcome }</span>{ rest }</p> }
}

/// The candidates as a table whose column headers are sort buttons, and the rows
/// as shown to take away.
fn candidates(result: &SeatResult, state: &WidgetState, dispatch: &Dispatch) -> Html {
    let locale = &state.locale;
    let on_sort = send(dispatch, Action::SortResult);
    let has_change = result.rows.iter().any(|r| r.change.is_some());
    let stages = &result.summary.stages;
    let headers = Column::ALL.iter().map(|&column| {
        if column == Column::Votes && (!stages.is_empty() || result.summary.transferable) {
            sort_header(column, locale.text(Label::ColumnFirstPreferences), state.result_sort, &on_sort)
        } else {
            column_header(column, locale, state.result_sort, &on_sort)
        }
    });
    let change_label = locale.text(if result.summary.previous_notional { Label::ColumnChangeNotional } else { Label::ColumnChange });
    let head = html! {
        <tr>
            { for headers }
            { for stages.iter().map(|stage| html! { <th scope="col" class="rw-num">{ stage.clone() }</th> }) }
            if has_change { <th scope="col" class="rw-num rw-change">{ change_label }</th> }
        </tr>
    };
    let caption = result_title(result, locale, (Label::ResultCaption, Label::ResultCaptionElection));
    let order = state.result_sort.order(&result.rows);
    let file = result.name.clone() + ".csv";
    // Written with the table (a dozen rows or so): the link is its `data:` URL.
    let csv = results_core::csv::result_csv(result, &order, locale);
    html! {
        <>
            { table(caption, head, &result_rows(result, locale), &order) }
            { csv_link(locale.text(Label::ToolsCsv), file, &csv) }
        </>
    }
}

/// A count by the single transferable vote: the quota and who was elected when, in
/// words; every stage as a table whose first and last columns stay in view while
/// the stages between scroll (see the styles); each candidate's best total against
/// the quota. A count that does not fit its contest says so in place of the table.
fn count(count: Result<CountView, String>, id: &str, width: Option<u32>) -> Html {
    let count = match count {
        Ok(count) => count,
        Err(message) => return problem(message),
    };
    let order: Vec<usize> = (0..count.rows.len()).collect();
    html! {
        <div class="rw-stv">
            <p>{ count.quota }{ " " }{ count.story }</p>
            if !count.rows.is_empty() {
                // The stages scroll sideways in a region of their own, which the
                // keyboard can reach and scroll (it holds no control of its own).
                <div class="rw-stv-stages" tabindex="0" role="region" aria-label={count.caption.clone()}>
                    { table(count.caption, head(&count.head), &count.rows, &order) }
                </div>
                { chart_frame(&ChartSpec::Bars(count.chart), id, "count-chart", width) }
            }
        </div>
    }
}
