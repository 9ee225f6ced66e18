//! The national picture: seats and votes per party, a hex map, and every seat in a
//! table with search, filters and a "closest results" order.
//!
//! The hex map and the seats' rows are HTML from the core, built once per data
//! change (in the state, see `NationalHtml`): a sort or a filter only moves rows.

use std::rc::Rc;

use results_core::locale::Locale;
use results_core::model::Index;
use results_core::national::{seat_order, SeatColumn, SeatFilter};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{column_header, loading, source, updated, Dispatch};
use crate::components::{code_at, ChartFrame, Rows, Shared, Table};
use crate::state::{Action, Choices, NationalHtml, WidgetState};

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>) -> Html {
    let (Some(index), Some(built)) = (state.index(), &state.national) else { return loading(&state.locale) };
    let open = {
        let (dispatch, route) = (dispatch.clone(), state.route.clone());
        Callback::from(move |code: String| dispatch.dispatch(Action::Navigate(route.for_seat(&code))))
    };
    html! {
        <>
            { overview(index, built, &state.locale, id, width) }
            <Seats
                index={Shared(index.clone())}
                choices={built.choices.clone()}
                rows={built.rows.clone()}
                hex_map={built.hex_map.clone()}
                locale={Shared(state.locale.clone())}
                filter={state.filter.clone()}
                sort={state.national_sort}
                dispatch={dispatch.clone()}
                id={id.to_string()}
                on_open={open}
            />
            { source(index.attribution.as_deref()) }
        </>
    }
}

/// The election at a glance: who controls it, the count so far, the seats chart
/// and the parties' table (built with the index, see `NationalHtml`).
fn overview(index: &Index, built: &NationalHtml, locale: &Locale, id: &str, width: Option<u32>) -> Html {
    let n = &locale.numbers;
    let tallies = &built.tallies.0;
    let election = index.elections.iter().find(|e| e.id == index.election).map_or(index.election.clone(), |e| e.name.clone());
    let total_seats: u32 = tallies.iter().map(|t| t.seats).sum();
    let areas_word = locale.text(if total_seats as usize > index.seats.len() { "national.wards" } else { "national.seats" });
    let control = match tallies.first() {
        Some(top) => {
            let key = if top.seats * 2 > total_seats { "national.majority" } else { "national.no_control" };
            locale.fill(key, &[("party", &top.party.name), ("seats", &n.thousands(u64::from(top.seats))), ("total", &n.thousands(u64::from(total_seats)))])
        }
        None => String::new(),
    };
    let declared = index.seats.iter().filter(|r| r.declared).count();
    let count = (declared < index.seats.len())
        .then(|| locale.fill("national.declared", &[("declared", &n.thousands(declared as u64)), ("total", &n.thousands(index.seats.len() as u64))]));
    let party_head = html! {
        <tr>
            <th scope="col">{ locale.text("column.party") }</th>
            <th scope="col" class="rw-num">{ locale.text("column.seats") }</th>
            <th scope="col" class="rw-num">{ locale.text("column.votes") }</th>
            <th scope="col" class="rw-num">{ locale.text("column.share") }</th>
        </tr>
    };
    html! {
        <>
            <header class="rw-header">
                <h2 class="rw-title" id={format!("{id}-heading")}>{ locale.fill("national.title", &[("election", &election), ("count", &n.thousands(index.seats.len() as u64)), ("areas", areas_word)]) }</h2>
                <p class="rw-election rw-control">{ control }</p>
                if let Some(count) = count {
                    <p class="rw-declared" role="status">{ count }</p>
                }
                { updated(index.updated.as_deref(), locale) }
            </header>
            <ChartFrame spec={built.chart.clone()} id={format!("{id}-seats-chart")} {width} />
            <Table
                caption={locale.fill("national.parties_caption", &[("total", &n.thousands(u64::from(total_seats)))])}
                head={party_head}
                rows={built.party_rows.clone()}
                order={Rc::new((0..built.party_rows.0.len()).collect::<Vec<_>>())}
            />
        </>
    }
}

fn dispatch_sort(dispatch: &Dispatch) -> Callback<SeatColumn> {
    let dispatch = dispatch.clone();
    Callback::from(move |column| dispatch.dispatch(Action::SortNational(column)))
}

/// The seats as hexes coloured by winner; each hex is a focusable link to its seat,
/// and one handler on the map serves every hex. The map itself goes into `map`
/// after the render (see [`Seats`]).
fn hex_map(map: &NodeRef, svg: &Shared<Option<String>>, locale: &Locale, on_open: &Callback<String>) -> Html {
    if svg.0.is_none() {
        return html! {};
    }
    let open = on_open.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(code) = code_at(e.target()) {
            open.emit(code);
        }
    });
    let open = on_open.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(code) = code_at(e.target()) {
                e.prevent_default();
                open.emit(code);
            }
        }
    });
    html! {
        <figure class="rw-hexmap" {onclick} {onkeydown}>
            <div class="rw-hexmap-map" ref={map.clone()}>{ server_map(svg) }</div>
            <figcaption class="rw-source">{ locale.text("national.hex_credit") }</figcaption>
        </figure>
    }
}

/// Rendered on a server there are no effects: the map goes straight into the HTML.
/// The SVG is built by the core, which escapes every string it writes.
#[cfg(feature = "ssr")]
fn server_map(svg: &Shared<Option<String>>) -> Html {
    svg.0.as_deref().map(|svg| Html::from_html_unchecked(AttrValue::from(svg.to_string()))).unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn server_map(_: &Shared<Option<String>>) -> Html {
    Html::default()
}

/// The search box, the area and party filters and "Closest results".
fn filters(choices: &Choices, filter: &SeatFilter, locale: &Locale, dispatch: &Dispatch, id: &str) -> Html {
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
    let area_options = choices.0.iter().map(|area| {
        let selected = filter.area.as_ref() == Some(area);
        html! { <option value={area.clone()} {selected}>{ area.clone() }</option> }
    });
    let party_options = choices.1.iter().map(|(party, name)| {
        let selected = filter.party.as_ref() == Some(party);
        html! { <option value={party.clone()} {selected}>{ name.clone() }</option> }
    });
    let all = locale.text("national.all");
    html! {
        <div class="rw-filters" role="search" aria-label={locale.text("national.filters").to_string()}>
            <div class="rw-field">
                <label for={format!("{id}-search")}>{ locale.text("national.search") }</label>
                <input type="search" id={format!("{id}-search")} value={filter.text.clone()} oninput={on_text} />
            </div>
            <div class="rw-field">
                <label for={format!("{id}-area")}>{ locale.text("national.area") }</label>
                <select id={format!("{id}-area")} onchange={on_area}>
                    <option value="" selected={filter.area.is_none()}>{ all }</option>
                    { for area_options }
                </select>
            </div>
            <div class="rw-field">
                <label for={format!("{id}-party")}>{ locale.text("national.party") }</label>
                <select id={format!("{id}-party")} onchange={on_party}>
                    <option value="" selected={filter.party.is_none()}>{ all }</option>
                    { for party_options }
                </select>
            </div>
            <button type="button" class="rw-closest" onclick={on_closest}>{ locale.text("national.closest") }</button>
        </div>
    }
}

/// Rows per `<tbody>` of the seats table: 50 measured fastest to sort (25 and 100
/// were slower).
const SEATS_PER_GROUP: usize = 50;

#[derive(Properties, PartialEq)]
struct SeatsProps {
    index: Shared<Index>,
    choices: Shared<Choices>,
    rows: Rows,
    hex_map: Shared<Option<String>>,
    locale: Shared<Locale>,
    filter: SeatFilter,
    sort: results_core::Sort<SeatColumn>,
    dispatch: Dispatch,
    id: AttrValue,
    on_open: Callback<String>,
}

/// Every seat: the hex map, then the filters and the table in the reader's order.
/// The map's SVG goes into the page after the render, as the table's rows
/// do, which keeps the render short enough that the whole view is drawn in one frame.
#[component]
fn Seats(props: &SeatsProps) -> Html {
    let locale = &*props.locale.0;
    let map = use_node_ref();
    {
        let map = map.clone();
        use_effect_with(props.hex_map.clone(), move |svg| {
            if let (Some(map), Some(svg)) = (map.cast::<web_sys::Element>(), svg.0.as_deref()) {
                map.set_inner_html(svg);
            }
        });
    }
    let order = use_memo((props.index.clone(), props.filter.clone(), props.sort), |(index, filter, sort)| seat_order(&index.0, filter, *sort));
    let on_sort = dispatch_sort(&props.dispatch);
    let head = html! { <tr>{ for SeatColumn::ALL.iter().map(|&c| column_header(c, locale, props.sort, &on_sort)) }</tr> };
    let shown = locale.fill("national.showing", &[("shown", &locale.numbers.thousands(order.len() as u64)), ("total", &locale.numbers.thousands(props.index.0.seats.len() as u64))]);
    html! {
        <>
            { hex_map(&map, &props.hex_map, locale, &props.on_open) }
            { filters(&props.choices.0, &props.filter, locale, &props.dispatch, &props.id) }
            <p class="rw-count" role="status">{ shown }</p>
            <Table caption={locale.text("national.seats_caption").to_string()} {head} rows={props.rows.clone()} {order} group={SEATS_PER_GROUP} seats=true on_code={props.on_open.clone()} />
        </>
    }
}
