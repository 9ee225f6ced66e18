//! The national picture: seats and votes per party, a hex map, and every seat in a
//! table with search, filters and a "closest results" order.
//!
//! The hex map and the seats' rows are HTML from the core, built once per data
//! change (in the state, see `NationalHtml`): a sort or a filter only moves rows.

use std::rc::Rc;

use results_core::chart::BarChart;
use results_core::html as rows;
use results_core::locale::Locale;
use results_core::model::Index;
use results_core::national::{areas, seat_order, tallies, SeatColumn, SeatFilter};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{column_header, loading, source, updated, Dispatch};
use crate::components::{code_at, ChartFrame, ChartSpec, Rows, Shared, Table};
use crate::state::{Action, WidgetState};

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>) -> Html {
    let (Some(index), Some(built)) = (state.index(), &state.national) else { return loading(&state.locale) };
    let open = {
        let (dispatch, route) = (dispatch.clone(), state.route.clone());
        Callback::from(move |code: String| dispatch.dispatch(Action::Navigate(route.for_seat(&code))))
    };
    html! {
        <>
            <Overview index={Shared(index.clone())} locale={Shared(state.locale.clone())} id={id.to_string()} {width} />
            <HexMap svg={built.hex_map.clone()} locale={Shared(state.locale.clone())} on_open={open.clone()} />
            <Filters index={Shared(index.clone())} locale={Shared(state.locale.clone())} filter={state.filter.clone()} dispatch={dispatch.clone()} id={id.to_string()} />
            <SeatsTable index={Shared(index.clone())} rows={built.rows.clone()} locale={Shared(state.locale.clone())} filter={state.filter.clone()} sort={state.national_sort} on_sort={dispatch_sort(dispatch)} on_open={open} />
            { source(index.attribution.as_deref()) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    index: Shared<Index>,
    locale: Shared<Locale>,
    id: AttrValue,
    /// The widget's width, for the chart's first drawing.
    width: Option<u32>,
}

/// The election at a glance: who controls it, the count so far, the seats chart
/// and the parties' table. Drawn again only when the data changes.
#[component]
fn Overview(props: &OverviewProps) -> Html {
    let (index, locale, id) = (&*props.index.0, &*props.locale.0, &props.id);
    let n = &locale.numbers;
    let tallies = use_memo(props.index.clone(), |index| tallies(&index.0));
    let party_rows = use_memo((props.index.clone(), props.locale.clone()), |(_, locale)| {
        let shown: Vec<_> = tallies.iter().filter(|t| t.seats > 0 || t.share >= 0.01).collect();
        Rows::from(rows::party_rows(&shown, &locale.0))
    });
    let chart = use_memo((props.index.clone(), props.locale.clone()), |(_, locale)| ChartSpec::Bars(BarChart::seats_won(&tallies, &locale.0)));
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
            <ChartFrame spec={chart} id={format!("{id}-seats-chart")} width={props.width} />
            <Table
                caption={locale.fill("national.parties_caption", &[("total", &n.thousands(u64::from(total_seats)))])}
                head={party_head}
                rows={(*party_rows).clone()}
                order={Rc::new((0..party_rows.0.len()).collect::<Vec<_>>())}
            />
        </>
    }
}

fn dispatch_sort(dispatch: &Dispatch) -> Callback<SeatColumn> {
    let dispatch = dispatch.clone();
    Callback::from(move |column| dispatch.dispatch(Action::SortNational(column)))
}

#[derive(Properties, PartialEq)]
struct HexMapProps {
    svg: Shared<Option<String>>,
    locale: Shared<Locale>,
    on_open: Callback<String>,
}

/// The seats as hexes coloured by winner; each hex is a focusable link to its seat,
/// and one handler on the map serves every hex.
#[component]
fn HexMap(props: &HexMapProps) -> Html {
    let map = use_node_ref();
    {
        // The map goes into the page after the render, as the table's rows do: that
        // keeps the render short, so the browser draws the whole view in one frame
        // rather than half of it first.
        let map = map.clone();
        use_effect_with(props.svg.clone(), move |svg| {
            if let (Some(map), Some(svg)) = (map.cast::<web_sys::Element>(), svg.0.as_deref()) {
                map.set_inner_html(svg);
            }
        });
    }
    if props.svg.0.is_none() {
        return html! {};
    }
    let open = props.on_open.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(code) = code_at(e.target()) {
            open.emit(code);
        }
    });
    let open = props.on_open.clone();
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
            <div class="rw-hexmap-map" ref={map}>{ server_map(&props.svg) }</div>
            <figcaption class="rw-source">{ props.locale.0.text("national.hex_credit") }</figcaption>
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

#[derive(Properties, PartialEq)]
struct FiltersProps {
    index: Shared<Index>,
    locale: Shared<Locale>,
    filter: SeatFilter,
    dispatch: Dispatch,
    id: AttrValue,
}

/// The search box, the area and party filters and "Closest results". The areas and
/// parties to choose from are worked out once per index, not at every keystroke.
#[component]
fn Filters(props: &FiltersProps) -> Html {
    let (filter, locale, dispatch, id) = (&props.filter, &*props.locale.0, &props.dispatch, &props.id);
    let choices = use_memo(props.index.clone(), |index| {
        let parties: Vec<(String, String)> = tallies(&index.0).into_iter().filter(|t| t.seats > 0).map(|t| (t.party.id, t.party.name)).collect();
        (areas(&index.0), parties)
    });
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
struct SeatsTableProps {
    index: Shared<Index>,
    rows: Rows,
    locale: Shared<Locale>,
    filter: SeatFilter,
    sort: results_core::Sort<SeatColumn>,
    on_sort: Callback<SeatColumn>,
    on_open: Callback<String>,
}

/// Every seat, in the reader's order and filter.
#[component]
fn SeatsTable(props: &SeatsTableProps) -> Html {
    let locale = &*props.locale.0;
    let order = use_memo((props.index.clone(), props.filter.clone(), props.sort), |(index, filter, sort)| seat_order(&index.0, filter, *sort));
    let head = html! { <tr>{ for SeatColumn::ALL.iter().map(|&c| column_header(c, locale, props.sort, &props.on_sort)) }</tr> };
    let shown = locale.fill("national.showing", &[("shown", &locale.numbers.thousands(order.len() as u64)), ("total", &locale.numbers.thousands(props.index.0.seats.len() as u64))]);
    html! {
        <>
            <p class="rw-count" role="status">{ shown }</p>
            <Table caption={locale.text("national.seats_caption").to_string()} {head} rows={props.rows.clone()} {order} group={SEATS_PER_GROUP} seats=true on_code={props.on_open.clone()} />
        </>
    }
}
