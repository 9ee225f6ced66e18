//! Two to four seats side by side, picked with an accessible search box.

use results_core::chart::BarChart;
use results_core::compare::{compare_order, compare_rows, CompareColumn};
use results_core::model::credit_line;
use results_core::route::MAX_COMPARE;
use results_core::{Route, SeatResult, View};
use yew::prelude::*;

use super::result::seat_result;
use super::{column_header, header, loading, problem, send, sort_header, source, Dispatch};
use crate::components::{chart_frame, seat_picker, table, ChartSpec, Picker};
use crate::fetch::is_single_file;
use crate::state::{Action, WidgetState};
use results_core::locale::Label;

/// Every seat a reader can pick (code, name, the names it is searched by).
pub type Choices = Vec<(String, String, String)>;

/// The seats a reader can pick, once made: the widget keeps them for as long as
/// its index (or single file) and words stay the same, so a keystroke in the
/// search does not make 650 of them again.
pub type Kept = std::cell::OnceCell<Choices>;

/// Every seat a reader can pick: from the index, or from a single file's seats.
fn choices(state: &WidgetState) -> Option<Choices> {
    if is_single_file(state.src()) {
        let file = state.results(state.src())?;
        let latest = file.latest_election()?.id.clone();
        return Some(file.constituencies.iter().filter(|c| c.election == latest).map(|c| (c.code.clone(), c.name.clone(), c.name.clone())).collect());
    }
    let locale = &state.locale;
    Some(state.index()?.seats.iter().map(|row| (row.code.clone(), locale.seat_name(&row.name, row.name_cy.as_deref()).0.to_string(), results_core::national::names(row).collect::<Vec<_>>().join("\n"))).collect())
}

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>, kept: &Kept) -> Html {
    let locale = &state.locale;
    let choices = match kept.get() {
        Some(kept) => kept,
        None => match choices(state) {
            Some(made) => kept.get_or_init(|| made),
            None => return loading(locale),
        },
    };
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
        let name = choices.iter().find(|(c, _, _)| c == code).map_or(code.as_str(), |(_, n, _)| n.as_str()).to_string();
        let remove = navigate(state.route.seats.iter().filter(|s| *s != code).cloned().collect());
        html! {
            <li key={code.clone()}>
                { name.clone() }
                <button type="button" class="rw-remove" aria-label={locale.fill(Label::CompareRemove, &[("seat", &name)])} onclick={Callback::from(move |_| remove())}>{ "×" }</button>
            </li>
        }
    });

    let mut results: Vec<SeatResult> = Vec::new();
    let mut credits: Vec<Option<String>> = Vec::new();
    let mut waiting = false;
    for code in &state.route.seats {
        match seat_result(state, code, false) {
            Some(Ok(shown)) => {
                results.push(shown.result);
                credits.push(shown.attribution);
            }
            Some(Err(message)) => return problem(message),
            None => waiting = true,
        }
    }
    let refs: Vec<&SeatResult> = results.iter().collect();
    let body = if waiting {
        loading(locale)
    } else if refs.len() < 2 {
        super::status(locale.text(Label::ComparePickTwo))
    } else {
        html! {
            <>
                { comparison(&refs, state, dispatch, id, width) }
                { source(credit_line(credits.iter().map(Option::as_deref)).as_deref()) }
            </>
        }
    };
    let picker_id = super::part_id(id, "picker");
    let picker = Picker { seats: choices, picked: &state.route.seats, id: &picker_id, disabled: state.route.seats.len() >= MAX_COMPARE, locale };
    html! {
        <>
            { header(id, locale.text(Label::CompareTitle).to_string(), None, Html::default()) }
            <ul class="rw-picked" aria-label={locale.text(Label::ComparePicked).to_string()}>{ for picked }</ul>
            { seat_picker(&picker, &state.search, &send(dispatch, Action::Search), &on_pick) }
            { body }
        </>
    }
}

fn comparison(results: &[&SeatResult], state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>) -> Html {
    let locale = &state.locale;
    let parties = compare_rows(results);
    let on_sort = send(dispatch, Action::SortCompare);
    let sort = state.compare_sort;
    let mut headers = vec![column_header(CompareColumn::Party, locale, sort, &on_sort)];
    headers.extend(results.iter().enumerate().map(|(i, r)| sort_header(CompareColumn::Seat(i), &r.name, sort, &on_sort)));
    let caption = locale.fill(Label::CompareCaption, &[("seats", &results.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", "))]);
    html! {
        <>
            { chart_frame(&ChartSpec::Bars(BarChart::compare(results, locale)), id, "compare-chart", width) }
            { table(caption, html! { <tr>{ for headers }</tr> }, &results_core::view::compare_rows(&parties, locale), &compare_order(&parties, sort)) }
        </>
    }
}
